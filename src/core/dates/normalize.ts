/**
 * Length-preserving normalisation before the date rules run: full-width ASCII → ASCII, the ideographic
 * space → a space, and the Traditional characters of the shared table (text/traditional.ts) → Simplified. Every
 * character maps to exactly one character, so offsets into the result are offsets into the original.
 */
import { CHARACTER_PAIRS } from '../text/traditional';

/** The Traditional characters of the table, for a cheap test of whether a text needs normalising at all. */
export const TRADITIONAL = CHARACTER_PAIRS.replace(/.(.)/g, '$1');

/** Code → code for every character normalisation changes; 0 means unchanged. */
const MAPPED = new Uint16Array(0x10000);
for (let code = 0xff01; code <= 0xff5e; code++) MAPPED[code] = code - 0xfee0;
MAPPED[0x3000] = 0x20;
MAPPED[0x2215] = 0x2f;
for (let i = 0; i + 1 < CHARACTER_PAIRS.length; i += 2) MAPPED[CHARACTER_PAIRS.charCodeAt(i + 1)] = CHARACTER_PAIRS.charCodeAt(i);

/**
 * The normalised text, same length as the input. A loop over character codes: full-width punctuation (，：（）)
 * is in almost every Chinese line, and a replace() calling back per character was a hot spot.
 */
export function normalizeText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const to = MAPPED[text.charCodeAt(i)]!;
    if (to === 0) continue;
    out += text.slice(from, i) + String.fromCharCode(to);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
