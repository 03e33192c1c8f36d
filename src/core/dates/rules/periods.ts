import { daysInMonth, diffDays, lastDayOfMonth, monthStart, parseIso, quarterEnd, quarterOf, toIso } from '../calendar';
import { CN_NUMERALS, MONTH_NUM, parseNumber } from '../numerals';
import { relativeShift, yearlessDate } from '../resolve';
import { MOVED, PERIOD } from '../charGroups';
import type { Scan } from '../token';
import { eachMatch, isWholeText, matchEnd, pushMatch, pushToken, textBefore } from '../token';
import { MONTH_ABBREVIATIONS, MONTH_NAME, monthNumber } from './monthNames';

/**
 * Parts of months, years and quarters: 月底/本月底/X月底/end of month → last day; 月初/下月初 → the 1st;
 * 月中 → the 15th; 中旬 → the 20th; 上旬 → the 10th; 下旬 → last day; 本月内 → month end; 年底/年末 → 12-31;
 * 年中 → 06-30; Q1–Q4/一季度/第三季度/三季度末/end of Q2 → quarter end; end of June / the last day of June / mid-June.
 * A bare "Q3" or "三季度" is a project label as often as a deadline, so it needs a marker (Q3 内, by Q3,
 * Q3 完成) unless it is the whole cell.
 */

const M = `(${MONTH_NUM})`;
/** The part of a month. 中 must not start 中心/中间/中秋/中国/中期. */
const PART = '(底|末|初|中旬|上旬|下旬|中下旬|上中旬|中(?![心间秋期国层高文台])|内|之内)';

const EXPLICIT_MONTH = new RegExp(`(?:(\\d{4}|[今明去本次])\\s*年\\s*)?(?<![\\d${CN_NUMERALS}])${M}\\s*月份?\\s*${PART}`, 'g');
const RELATIVE_MONTH = new RegExp(`((?:本|这个?|当|[上下]个?|次)月)份?\\s*${PART}`, 'g');
const BARE_MONTH = new RegExp(`(?<![\\d${CN_NUMERALS}个本这当下次上月每])月${PART}`, 'g');
const BARE_DECADE = /(?<![月旬])(中旬|上旬|下旬)/g;
/** 延后至 10 月 / 推迟到明年 3 月: a plan moved to a whole month is a range, not a day. */
const MOVED_MONTH = new RegExp(
  `((?:推迟|延后|延期|顺延|改|调整|提前)[至到为]\\s*)(?:(\\d{4}|[今明])\\s*年\\s*)?${M}\\s*月份?(?![\\d${CN_NUMERALS}日号底末初中上下内旬])`,
  'g',
);

const YEAR_PART = /(?<!每)(?:(\d{4})\s*|([今本明次去]))?年\s*年?(底|末|之?内|中(?![心国期层高])|初)(?!期|级)/g;

/** 2025 年 Q3, 明年三季度末, next year's Q1, Q1 of next year. */
const QUARTER =
  /(?:(?:(\d{4})\s*年?|([今明去本次])\s*年)\s*(?:的\s*)?|\b([Tt]his|[Nn]ext|[Ll]ast)\s+year'?s\s+)?(?:第?([一二三四1-4])季度|(?<![A-Za-z0-9])Q([1-4])(?![0-9])|(?<![A-Za-z0-9])([1-4])Q(?![0-9A-Za-z]))(?:\s*(末|底|内|之内))?(?:\s+(?:of\s+)?([Tt]his|[Nn]ext|[Ll]ast)\s+year\b)?/g;
const RELATIVE_QUARTER = /(本|这个?|当前?|[上下]个?)?季度(末|底|之?内)/g;
/** A bare quarter label counts as a date only beside one of these. */
const QUARTER_AFTER = /^\s*(?:前|之前|以前|完成|结束|上线|交付|发布|落地|达成|实现|推出)/;
const QUARTER_BEFORE = /(?:\b(?:by|before|in|during|within|until|end\s+of|the\s+end\s+of)|截至|截止|于|在)\s*$/i;

/**
 * The end of a month, quarter or year: end of (the/this/next) month|quarter|year, EOM/EOQ/EOY, by (the)
 * year-end/month-end (a deadline), end of Q2 (2026).
 */
const EN_PERIOD_END =
  /\b(?:(?:the\s+)?end\s+of\s+(?:(the|this|next)\s+)?(month|quarter|year)|EO([MQY])|(?:by|before|until)\s+(?:the\s+)?(year|month)[-\s]end|(?:the\s+)?end\s+of\s+Q([1-4])(?:\s+(\d{4}))?)\b/gi;
const EN_MONTH_PART = new RegExp(`\\b(?:(?:the\\s+)?(end|last\\s+day)\\s+of\\s+|(mid)[-\\s]?|(early)\\s+|(late)\\s+)${MONTH_NAME}\\b`, 'gi');

/** What every match of the English patterns or of the quarter ones holds, as cheap first tests. */
const EN_PERIOD_HINT = /\b(?:end|eo[myq]|mid|early|late|last|year|month|quarter)/i;
const EN_PERIOD_END_HINT = /end|eo[mqy]/i;
/** Every month name starts with its three-letter abbreviation. */
const MONTH_NAME_HINT = new RegExp(MONTH_ABBREVIATIONS, 'i');
const QUARTER_HINT = /季度|Q/;
const STARTS_WITH_DIGIT = /^\d/;

export function periods(scan: Scan): void {
  const { text } = scan;
  // ("2025 Q3" holds a Q too: the one class covers it.)
  if (scan.chars & PERIOD) chinese(scan, text);
  if (scan.latin && EN_PERIOD_HINT.test(text)) english(scan, text);
}

/** The day of the month a part word names; 31 stands for the month's last day. A span (中下旬) has none. */
const PART_DAY: Readonly<Record<string, number>> = { 初: 1, 上旬: 10, 中: 15, 中旬: 20, 底: 31, 末: 31, 下旬: 31, 内: 31, 之内: 31 };

function pushPart(scan: Scan, match: RegExpExecArray, y: number, m: number, part: string, explicitYear: boolean): void {
  const partDay = PART_DAY[part];
  if (partDay === undefined) {
    pushMatch(scan, match, 'range', { rangeStart: toIso(y, m, 11), rangeEnd: toIso(y, m, daysInMonth(y, m)) });
    return;
  }
  const day = Math.min(partDay, daysInMonth(y, m));
  const date = explicitYear ? toIso(y, m, day) : yearlessDate(scan.meeting, scan.year, m, day);
  // 本月内 / 6月之内: by the month's end.
  if (date !== null) pushMatch(scan, match, 'date', { date, deadline: part.endsWith('内') });
}

/** A bare part said after this day of the month means next month's: 月初 said on the 6th, 月中 on the 16th. */
const PASSED_AFTER: Readonly<Record<string, number>> = { 初: 5, 上旬: 10, 中: 15, 中旬: 20 };

/** 月底 / 月初 / 中旬 without a month: the meeting's month, or the next one when the part has passed. */
function pushBarePart(scan: Scan, m: RegExpExecArray): void {
  const part = m[1]!;
  const next = scan.day > (PASSED_AFTER[part] ?? 31);
  const { y, m: month } = parseIso(monthStart(scan.meeting, next ? 1 : 0));
  pushPart(scan, m, y, month, part, true);
}

/** Cheap tests before the month/year regexes run. */
const MONTH_PART_HINT = /月份?\s*[底末初中上下内之]/;
const YEAR_PART_HINT = /年\s*年?[底末内之中初]/;

function chinese(scan: Scan, text: string): void {
  if (MONTH_PART_HINT.test(text)) {
    eachMatch(EXPLICIT_MONTH, text, (m) => {
      // MONTH_NUM reads only 1–12.
      const month = parseNumber(m[2]!);
      if (month !== null) pushPart(scan, m, yearOf(scan, m[1]), month, m[3]!, m[1] !== undefined);
    });
    eachMatch(RELATIVE_MONTH, text, (m) => {
      const { y, m: month } = parseIso(monthStart(scan.meeting, relativeShift(m[1])));
      pushPart(scan, m, y, month, m[2]!, true);
    });
    eachMatch(BARE_MONTH, text, (m) => pushBarePart(scan, m));
  }
  if (scan.chars & MOVED) {
    eachMatch(MOVED_MONTH, text, (m) => {
      const month = parseNumber(m[3]!);
      if (month === null) return;
      const first = m[2] !== undefined ? toIso(yearOf(scan, m[2]), month, 1) : yearlessDate(scan.meeting, scan.year, month, 1);
      if (first === null) return;
      const { y } = parseIso(first);
      pushToken(scan, m.index + m[1]!.length, matchEnd(m), 'range', { rangeStart: first, rangeEnd: toIso(y, month, daysInMonth(y, month)) });
    });
  }
  if (text.includes('旬')) {
    eachMatch(BARE_DECADE, text, (m) => pushBarePart(scan, m));
  }
  if (YEAR_PART_HINT.test(text)) {
    eachMatch(YEAR_PART, text, (m) => {
      const y = yearOf(scan, m[1] ?? m[2]);
      const part = m[3]!;
      let date: string;
      let deadline = false;
      if (part === '中') date = toIso(y, 6, 30);
      else if (part === '初') date = toIso(m[1] === undefined && m[2] === undefined && scan.month > 2 ? y + 1 : y, 1, 1);
      else {
        date = toIso(y, 12, 31);
        deadline = part.endsWith('内');
      }
      pushMatch(scan, m, 'date', { date, deadline });
    });
  }
  if (QUARTER_HINT.test(text)) {
    eachMatch(QUARTER, text, (m) => {
      // One of the three quarter groups holds 1–4 or 一–四.
      const q = parseNumber(m[4] ?? m[5] ?? m[6]!);
      const suffix = m[7];
      if (q === null || (suffix === undefined && !quarterAccepted(scan, m.index, matchEnd(m)))) return;
      const date = quarterEndIn(scan, m[1] ?? m[2] ?? m[3] ?? m[8], q);
      pushMatch(scan, m, 'date', { date, deadline: suffix !== undefined && suffix.endsWith('内') });
    });
    eachMatch(RELATIVE_QUARTER, text, (m) => {
      pushMatch(scan, m, 'date', { date: shiftedQuarterEnd(scan, relativeShift(m[1])), deadline: m[2]!.endsWith('内') });
    });
  }
}

/** A year as written before 年 or around a quarter: 2025, 今/本/this, 明/次/next, 去/last; none → the meeting's. */
function yearOf(scan: Scan, word: string | undefined): number {
  return word !== undefined && STARTS_WITH_DIGIT.test(word) ? Number(word) : scan.year + relativeShift(word);
}

/** The end of quarter q of the year written (see yearOf); with none, the coming one (a quarter that ended half a year ago is next year's). */
function quarterEndIn(scan: Scan, yearWord: string | undefined, q: number): string {
  const date = quarterEnd(yearOf(scan, yearWord), q);
  return yearWord === undefined && diffDays(date, scan.meeting) > 183 ? quarterEnd(scan.year + 1, q) : date;
}

/** The end of the meeting's quarter, or of the one `shift` quarters from it. */
function shiftedQuarterEnd(scan: Scan, shift: number): string {
  const index = scan.year * 4 + quarterOf(scan.month) - 1 + shift;
  return quarterEnd(Math.floor(index / 4), (index % 4) + 1);
}

function quarterAccepted(scan: Scan, start: number, end: number): boolean {
  if (isWholeText(scan.text, start, end)) return true;
  return QUARTER_AFTER.test(scan.text.slice(end, end + 6)) || QUARTER_BEFORE.test(textBefore(scan.text, start, 14));
}

function english(scan: Scan, text: string): void {
  if (EN_PERIOD_END_HINT.test(text)) periodEnds(scan, text);
  if (MONTH_NAME_HINT.test(text)) monthParts(scan, text);
}

/** end of the month / quarter / year, EOM / EOQ / EOY, by year-end, end of Q2. */
function periodEnds(scan: Scan, text: string): void {
  eachMatch(EN_PERIOD_END, text, (m) => {
    const shift = relativeShift(m[1]);
    // month / quarter / year, or the letter of EOM / EOQ / EOY, or the word before -end.
    const period = (m[2] ?? m[3] ?? m[4] ?? '').charAt(0).toLowerCase();
    let date: string;
    if (m[5] !== undefined) date = quarterEndIn(scan, m[6], Number(m[5]));
    else if (period === 'q') date = shiftedQuarterEnd(scan, shift);
    else if (period === 'm') date = lastDayOfMonth(monthStart(scan.meeting, shift));
    else if (shift !== 0) return; // "end of next year" is not read
    else date = toIso(scan.year, 12, 31);
    // by year-end / before month-end
    pushMatch(scan, m, 'date', { date, deadline: m[4] !== undefined });
  });
}

/** end of June, the last day of June, mid-June, early July, late August. */
function monthParts(scan: Scan, text: string): void {
  eachMatch(EN_MONTH_PART, text, (m) => {
    const month = monthNumber(m[5]!);
    if (month === null) return;
    const last = daysInMonth(scan.year, month);
    const day = m[1] !== undefined || m[4] !== undefined ? last : m[2] !== undefined ? 15 : 1;
    const date = yearlessDate(scan.meeting, scan.year, month, day);
    if (date !== null) pushMatch(scan, m, 'date', { date });
  });
}
