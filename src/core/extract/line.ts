import type { Inline } from '../model/document';
import type { PersonChip } from '../owners/mentions';

/** A date chip / reminder, positioned in a line's text. */
export interface DateChip {
  start: number;
  end: number;
  date: string;
  time?: string;
}

/** The text of one block (or cell) with its chips positioned in it. Nothing changes a line once made. */
export interface Line {
  text: string;
  people: readonly PersonChip[];
  dates: readonly DateChip[];
}

/** The chips of a line that has none: one shared list, not two new ones per slice of the minutes. */
const NO_CHIPS: readonly never[] = [];

/** Flatten inline runs into text, remembering where the chips are. Soft breaks become spaces. */
export function lineOf(content: readonly Inline[]): Line {
  // Most blocks and cells are one text run: its text as it stands, no chips.
  const only = content.length === 1 ? content[0]! : null;
  if (only?.type === 'text') return normalizeLine(plainLine(only.text));
  let text = '';
  const people: PersonChip[] = [];
  const dates: DateChip[] = [];
  for (const run of content) {
    const start = text.length;
    switch (run.type) {
      case 'text':
      case 'link':
        text += run.text;
        break;
      case 'person': {
        const { type: _type, ...person } = run;
        // A chip may carry no name (Google returns '' or null): show the email's local part.
        const name = run.name || (run.email ? run.email.split('@')[0]! : run.id ?? '');
        text += name;
        people.push({ start, end: text.length, person: { ...person, name } });
        break;
      }
      case 'date':
        text += run.date;
        dates.push({ start, end: text.length, date: run.date, ...(run.time ? { time: run.time } : {}) });
        break;
    }
  }
  return normalizeLine({ text, people: people.length > 0 ? people : NO_CHIPS, dates: dates.length > 0 ? dates : NO_CHIPS });
}

/** The characters normalizeLine replaces: most lines have none. */
const ODD_SPACE = /[\r\n\v\t\u2028\u2029\u200b-\u200d\ufeff]/g;

/**
 * Normalise whitespace without moving chips: line breaks, \v, tabs and zero-width characters become spaces
 * (one for one, so offsets hold).
 */
function normalizeLine(line: Line): Line {
  if (!hasOddSpace(line.text)) return line;
  return { ...line, text: line.text.replace(ODD_SPACE, ' ') };
}

/** Whether text holds one of ODD_SPACE's characters: a loop over codes, cheaper than a pattern call per cell. */
function hasOddSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \t \n \v \r; U+200B–U+200D (zero-width), U+2028, U+2029, U+FEFF.
    if (c < 0x20 ? c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0d : c >= 0x200b && (c <= 0x200d || c === 0x2028 || c === 0x2029 || c === 0xfeff)) return true;
  }
  return false;
}

/** A slice of a line, with chips re-positioned. */
export function sliceLine(line: Line, start: number, end: number): Line {
  // Most lines carry no chips: no filtering closures to build.
  if (line.people.length === 0 && line.dates.length === 0) return plainLine(line.text.slice(start, end));
  const inside = <T extends { start: number; end: number }>(c: T): boolean => c.start >= start && c.end <= end;
  const shift = <T extends { start: number; end: number }>(c: T): T => ({ ...c, start: c.start - start, end: c.end - start });
  return {
    text: line.text.slice(start, end),
    people: line.people.filter(inside).map(shift),
    dates: line.dates.filter(inside).map(shift),
  };
}

/** A line of plain text without chips. */
export function plainLine(text: string): Line {
  return { text, people: NO_CHIPS, dates: NO_CHIPS };
}

/**
 * Whether a UTF-16 code is white space as \s and trim() see it: ECMAScript's WhiteSpace (tab, \v, \f, U+FEFF and
 * the space separators) and LineTerminator (\n, \r, U+2028, U+2029). For loops that read a text by code.
 */
export function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x1680) return code === 0xa0;
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * `list` with `item` added; the list is made on the first item, as a list of one. A first push into [] reserves
 * room for 17 items, and the short lists built per line and clause mostly hold one.
 */
export function withItem<T>(list: T[] | null, item: T): T[] {
  if (list === null) return [item];
  list.push(item);
  return list;
}

/** Whether ranges already come by start (then sorting them changes nothing). */
export function inOrder(ranges: readonly { start: number }[]): boolean {
  for (let i = 1; i < ranges.length; i++) if (ranges[i]!.start < ranges[i - 1]!.start) return false;
  return true;
}
