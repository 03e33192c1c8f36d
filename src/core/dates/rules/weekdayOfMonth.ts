import { diffDays, isValidYmd, nthWeekdayOfMonth, toIso, weekday } from '../calendar';
import type { Scan } from '../token';
import { EXPLICIT, eachMatch, matchEnd, pushToken } from '../token';
import { MONTH_PATTERN, monthNumber } from './monthNames';
import { EN_WEEKDAY_PATTERN, englishWeekday } from './weekdays';

/**
 * English weekdays pinned to a month, which the bare weekday inside them would resolve to another day:
 * - "the first Monday of July", "the last Friday in June", "the second Tuesday of next month" — the month
 *   takes its year as a written month/day does (the meeting's, unless that is over six months past);
 * - "Wednesday the 18th", "Wed, 18th" — the 18th that falls on a Wednesday, from the meeting's month on.
 * When no such day exists or is near, the phrase contradicts itself: it is kept as vague rather than guessed.
 */

const WEEKDAY = `${EN_WEEKDAY_PATTERN}\\.?`;
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5, last: -1,
};
const NTH_WEEKDAY_OF_MONTH = new RegExp(
  `\\b(?:the\\s+)?(${Object.keys(ORDINALS).join('|')})\\s+${WEEKDAY}\\s+(?:of|in)\\s+(?:(next|this)\\s+month\\b|${MONTH_PATTERN}(?![a-z]))`,
  'gi',
);
/** A month (or "of") after the day makes it a full date, which the month-name rule reads. */
const WEEKDAY_THE_NTH = new RegExp(
  `\\b${WEEKDAY},?\\s+(?:the\\s+)?(3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)\\b(?!\\s*(?:of\\b|${MONTH_PATTERN}(?![a-z])))`,
  'gi',
);

const SHORT_FULL_MONTH = /^(?:may|june|july)$/i;
/** What every match holds (an ordinal), as a cheap first test. */
const ORDINAL_HINT = /\d(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|last)\s/i;

/** Month words of more than four letters are full names, and so are May, June and July ("Sept" is not). */
function isFullMonthName(word: string): boolean {
  return word.length > 4 || SHORT_FULL_MONTH.test(word);
}

/** How far before the meeting a month's day may lie and still be this year's (as for a yearless date). */
const LOOKBACK_DAYS = 183;

/** "Wednesday the 18th" may look back this far (a day just past); otherwise the next matching month. */
const RECENT_DAYS = 7;

export function weekdayOfMonth(scan: Scan): void {
  const { text } = scan;
  if (!scan.latin || !ORDINAL_HINT.test(text)) return;
  eachMatch(NTH_WEEKDAY_OF_MONTH, text, (m) => {
    const target = englishWeekday(m[2]!);
    const n = ORDINALS[m[1]!.toLowerCase()]!;
    if (target === null) return;
    let y = scan.year;
    let month: number | null = scan.month;
    if (m[3] !== undefined) {
      if (m[3].toLowerCase() === 'next') month = scan.month === 12 ? 1 : scan.month + 1;
      if (month < scan.month) y += 1;
    } else {
      month = monthNumber(m[4]!);
      if (month === null) return;
    }
    let date = nthWeekdayOfMonth(y, month, target, n);
    if (m[3] === undefined && date !== null && diffDays(date, scan.meeting) > LOOKBACK_DAYS) date = nthWeekdayOfMonth(y + 1, month, target, n);
    // A full stop after a month written in full ends the sentence; after "Sept." it is the abbreviation's.
    const end = matchEnd(m) - (m[0].endsWith('.') && m[4] !== undefined && isFullMonthName(m[4]) ? 1 : 0);
    // "The fifth Monday of February" names no day: vague, rather than left to the bare weekday inside it.
    if (date === null) pushToken(scan, m.index, end, 'vague', { vague: true, priority: 3 });
    else pushToken(scan, m.index, end, 'date', { date, ...EXPLICIT });
  });
  eachMatch(WEEKDAY_THE_NTH, text, (m) => {
    const target = englishWeekday(m[1]!);
    if (target === null) return;
    const day = Number(m[2]);
    const start = m.index;
    const end = matchEnd(m);
    for (let offset = -1; offset <= 12; offset++) {
      const month0 = scan.month - 1 + offset;
      const y = scan.year + Math.floor(month0 / 12);
      const month = (((month0 % 12) + 12) % 12) + 1;
      if (!isValidYmd(y, month, day)) continue;
      const date = toIso(y, month, day);
      if (weekday(date) !== target || diffDays(date, scan.meeting) > RECENT_DAYS) continue;
      pushToken(scan, start, end, 'date', { date, ...EXPLICIT });
      return;
    }
    pushToken(scan, start, end, 'vague', { vague: true, priority: 3 });
  });
}
