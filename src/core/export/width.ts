/**
 * Terminal display width: East Asian wide and fullwidth characters take two columns, combining marks and
 * zero-width characters none. Enough for aligning CJK tables in a monospace terminal.
 */

/**
 * East Asian Wide (W) and Fullwidth (F) characters: sorted inclusive code point ranges in hexadecimal,
 * `first-last` or a single code point, separated by spaces.
 */
const WIDE_RANGES =
  '1100-115f ' + // Hangul Jamo initials
  '231a-231b 2329-232a 23e9-23ec 23f0 23f3 25fd-25fe 2614-2615 2648-2653 267f 2693 26a1 26aa-26ab 26bd-26be 26c4-26c5 ' +
  '26ce 26d4 26ea 26f2-26f3 26f5 26fa 26fd 2705 270a-270b 2728 274c 274e 2753-2755 2757 2795-2797 27b0 27bf 2b1b-2b1c ' +
  '2b50 2b55 ' +
  '2e80-303e ' + // CJK radicals, Kangxi, CJK symbols and punctuation
  '3041-33ff ' + // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
  '3400-4dbf ' + // CJK Extension A
  '4e00-9fff ' + // CJK Unified Ideographs
  'a000-a4cf a960-a97f ' + // Yi
  'ac00-d7a3 ' + // Hangul syllables
  'f900-faff ' + // CJK compatibility ideographs
  'fe10-fe19 ' + // vertical forms
  'fe30-fe6f ' + // CJK compatibility forms, small form variants
  'ff00-ff60 ffe0-ffe6 ' + // fullwidth forms
  '16fe0-16fe4 17000-18cff 1b000-1b2ff 1f004 1f0cf 1f18e 1f191-1f19a 1f200-1f251 ' +
  '1f300-1f64f 1f680-1f6ff 1f7e0-1f7eb 1f90c-1f9ff 1fa70-1faff ' + // pictographs and emoticons
  '20000-3fffd'; // CJK Extensions B and later

const WIDE: readonly (readonly [number, number])[] = WIDE_RANGES.split(' ').map((range) => {
  const [first, last = first] = range.split('-').map((hex) => parseInt(hex, 16));
  return [first!, last!];
});

/** A short table scanned only when a CLI table is aligned: a plain search is fast enough. */
function isWide(cp: number): boolean {
  return WIDE.some(([first, last]) => cp >= first && cp <= last);
}

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) || // combining diacritics
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, direction marks
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff
  );
}

/** Columns a single code point occupies. */
export function codePointWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (isZeroWidth(cp)) return 0;
  return isWide(cp) ? 2 : 1;
}

/** Columns a string occupies in a monospace terminal. */
export function displayWidth(value: string): number {
  let width = 0;
  for (const ch of value) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}

/** Cut a string to at most `max` columns, ending with '…' when something was cut. */
export function truncateToWidth(value: string, max: number): string {
  if (displayWidth(value) <= max) return value;
  let out = '';
  let width = 0;
  for (const ch of value) {
    const w = codePointWidth(ch.codePointAt(0)!);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return out + '…';
}

/** Pad with spaces on the right to `width` columns. */
export function padEndToWidth(value: string, width: number): string {
  const gap = width - displayWidth(value);
  return gap > 0 ? value + ' '.repeat(gap) : value;
}
