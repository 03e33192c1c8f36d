import { addDays, weekday } from '../calendar';
import type { Scan } from '../token';
import { EXPLICIT, eachMatch, matchEnd, pushToken } from '../token';
import { type WrittenDate, resolveWritten } from './explicit';

/**
 * English dates with a month name: June 20, Jun 20th, June 20, 2025, 20 June, 30 Oct 2025, the 3rd of June,
 * spreadsheet dates 15-Jul / 3-Mar-26, and the ranges June 3-5 / 3–5 June / week of Feb 10 / weekend of Oct 4.
 * "May" only counts capitalised (it is also a verb).
 */

/** An English month name or abbreviation, as one capture group. */
export const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** MONTH_NAME, abbreviations with their point (Dec. 20). */
export const MONTH_PATTERN = `${MONTH_NAME}\\.?`;
const DAY = '(3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s*(\\d{4})\\b)?';
const DASH = '\\s*(?:-|–|—|to|through|thru|until|till)\\s*';

/** Month first: "June 20", "June 3-5", "Dec 20, 2024". */
const MONTH_DAY = new RegExp(
  `((?:the\\s+)?(?:week|weekend)\\s+of\\s+)?\\b${MONTH_PATTERN}\\s+${DAY}(?:${DASH}${DAY}(?!\\s*[:\\d]))?(?![:\\d])${YEAR}`,
  'gi',
);
/**
 * As spreadsheets write dates (d-mmm, d-mmm-yy): "15-Jul", "3-Mar-26", "3-Mar-2026". "Jul-15" is left
 * alone: in a spreadsheet that is July 2015.
 */
const SPREADSHEET_DATE = new RegExp(`(?<![\\w.:/-])(3[01]|[12]\\d|0?[1-9])-${MONTH_NAME}(?:-(\\d{4}|\\d{2}))?(?![\\w-])`, 'gi');
/** Day first: "20 June", "3–5 June", "30 Oct 2025", "the 3rd of June". */
const DAY_MONTH = new RegExp(
  `((?:the\\s+)?(?:week|weekend)\\s+of\\s+)?(?<![\\d.:/])\\b${DAY}(?:${DASH}${DAY})?\\s+(?:of\\s+)?${MONTH_PATTERN}(?![a-z])${YEAR}`,
  'gi',
);

const MONTH_INDEX: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** The three-letter month abbreviations, as a regex alternation. */
export const MONTH_ABBREVIATIONS = Object.keys(MONTH_INDEX).join('|');

/** The month a month word names; null for a lower-case "may" (the verb). */
export function monthNumber(word: string): number | null {
  return word === 'may' ? null : (MONTH_INDEX[word.slice(0, 3).toLowerCase()] ?? null);
}

interface NamedDate extends WrittenDate {
  /** week of / weekend of: a span starting at the date. */
  span?: 'week' | 'weekend';
}

/** Every English month-name date in the text. */
export function readNamedDates(text: string): NamedDate[] {
  const out: NamedDate[] = [];
  eachMatch(MONTH_DAY, text, (m) => {
    const month = monthNumber(m[2]!);
    if (month !== null) out.push(named(m, month, Number(m[3]), m[4], m[5]));
  });
  eachMatch(DAY_MONTH, text, (m) => {
    const month = monthNumber(m[4]!);
    if (month !== null) out.push(named(m, month, Number(m[2]), m[3], m[5]));
  });
  eachMatch(SPREADSHEET_DATE, text, (m) => {
    const month = monthNumber(m[2]!);
    const year = m[3] === undefined ? null : Number(m[3]) + (m[3].length === 2 ? 2000 : 0);
    if (month !== null) out.push({ start: m.index, end: matchEnd(m), y: year, m: month, d: Number(m[1]) });
  });
  return out;
}

function named(m: RegExpExecArray, month: number, day: number, toDay: string | undefined, year: string | undefined): NamedDate {
  const y = year !== undefined ? Number(year) : null;
  const out: NamedDate = { start: m.index, end: matchEnd(m), y, m: month, d: day };
  if (toDay !== undefined) out.to = { y, m: month, d: Number(toDay) };
  const span = m[1]?.toLowerCase();
  if (span !== undefined) out.span = span.includes('weekend') ? 'weekend' : 'week';
  return out;
}

const HAS_MONTH_WORD = new RegExp(`\\b(?:${MONTH_ABBREVIATIONS})`, 'i');

export function monthNameDates(scan: Scan): void {
  if (!scan.latin || !HAS_MONTH_WORD.test(scan.text)) return;
  for (const w of readNamedDates(scan.text)) {
    const date = resolveWritten(scan, w.y, w.m, w.d);
    if (date === null) continue;
    let rangeEnd: string | null = null;
    if (w.to) {
      rangeEnd = resolveWritten(scan, w.y, w.to.m, w.to.d);
      if (rangeEnd === null || rangeEnd < date) continue;
    } else if (w.span === 'week') rangeEnd = addDays(date, 7 - weekday(date));
    // A weekend ends on the Sunday after its first day (a Sunday ends it at once).
    else if (w.span === 'weekend') rangeEnd = addDays(weekday(date) === 7 ? addDays(date, -1) : date, 1);
    if (rangeEnd === null) pushToken(scan, w.start, w.end, 'date', { date, ...EXPLICIT });
    else pushToken(scan, w.start, w.end, 'range', { rangeStart: date, rangeEnd, ...EXPLICIT });
  }
}
