import { diffDays, isValidYmd, toIso } from './calendar';
import { parseNumber } from './numerals';
import type { IsoDate } from './types';

/** A month/day written without a year lies at most this many days before the meeting; older → next year. */
const YEARLESS_LOOKBACK_DAYS = 183;

/**
 * The date for a month/day written without a year: the meeting's year, unless that lies more than about
 * six months before the meeting — then the next year (a December meeting's "1月9日" is next January).
 */
export function yearlessDate(meeting: IsoDate, meetingYear: number, m: number, d: number): IsoDate | null {
  if (isValidYmd(meetingYear, m, d)) {
    const candidate = toIso(meetingYear, m, d);
    if (diffDays(candidate, meeting) <= YEARLESS_LOOKBACK_DAYS) return candidate;
  }
  return isValidYmd(meetingYear + 1, m, d) ? toIso(meetingYear + 1, m, d) : null;
}

/**
 * How many months, quarters, weeks or years a relative word moves from the meeting's: 下/次/明/next → 1,
 * 上/去/last → −1, anything else (本/这/当/今/this/the, or none) → 0.
 */
export function relativeShift(word: string | undefined): number {
  if (word === undefined) return 0;
  return /^(?:[下次明]|next)/i.test(word) ? 1 : /^(?:[上去]|last)/i.test(word) ? -1 : 0;
}

/** A full date, or null when the parts do not form a real calendar day. */
export function fullDate(y: number, m: number, d: number): IsoDate | null {
  return isValidYmd(y, m, d) ? toIso(y, m, d) : null;
}

/**
 * A year as written before 年: 2025, 二〇二五, 25 (→ 2025), a Taiwan 民國 year 114 (→ 2025, year + 1911),
 * or 今/明/去/后 relative to the meeting year. `roc` forces the 民國 reading (民國 prefix).
 */
export function readYear(written: string, meetingYear: number, roc: boolean): number | null {
  switch (written) {
    case '今':
    case '本':
      return meetingYear;
    case '明':
    case '次':
      return meetingYear + 1;
    case '去':
      return meetingYear - 1;
    case '后':
      return meetingYear + 2;
    case '前':
      return meetingYear - 2;
  }
  const n = parseNumber(written);
  if (n === null) return null;
  if (roc) return n + 1911;
  if (n >= 1000) return n;
  if (n >= 100) return n + 1911; // three-digit years are 民國 years (114 年 = 2025)
  return 2000 + n;
}
