import { addMonths, daysInMonth, diffDays, parseIso, quarterEnd, quarterOf, toIso } from '../calendar';
import { CN_NUMERALS, MONTH_NUM, parseNumber } from '../numerals';
import { yearlessDate } from '../resolve';
import type { Scan } from '../token';
import { eachMatch, pushMatch, pushToken } from '../token';
import { monthNumber } from './monthNames';

/**
 * Parts of months, years and quarters: 月底/本月底/X月底/end of month → last day; 月初/下月初 → the 1st;
 * 月中 → the 15th; 中旬 → the 20th; 上旬 → the 10th; 下旬 → last day; 本月内 → month end; 年底/年末 → 12-31;
 * 年中 → 06-30; Q1–Q4/一季度/第三季度/三季度末/end of Q2 → quarter end; end of June / mid-June.
 * A bare "Q3" or "三季度" is a project label as often as a deadline, so it needs a marker (Q3 内, by Q3,
 * Q3 完成) unless it is the whole cell.
 */

const M = `(${MONTH_NUM})`;
/** The part of a month. 中 must not start 中心/中间/中秋/中国/中期. */
const PART = '(底|末|初|中旬|上旬|下旬|中下旬|上中旬|中(?![心间秋期国层高文台])|内|之内)';

const EXPLICIT_MONTH = new RegExp(`(?:(\\d{4}|[今明去本次])\\s*年\\s*)?(?<![\\d${CN_NUMERALS}])${M}\\s*月份?\\s*${PART}`, 'g');
const RELATIVE_MONTH = new RegExp(`(本月|这个月|这月|当月|下个月|下月|次月|上个月|上月)份?\\s*${PART}`, 'g');
const BARE_MONTH = new RegExp(`(?<![\\d${CN_NUMERALS}个本这当下次上月每])月${PART}`, 'g');
const BARE_DECADE = /(?<![月旬])(中旬|上旬|下旬)/g;
/** 延后至 10 月 / 推迟到明年 3 月: a plan moved to a whole month is a range, not a day. */
const MOVED_MONTH = new RegExp(
  `((?:推迟|延后|延期|顺延|改|调整|提前)[至到为]\\s*)(?:(\\d{4}|[今明])\\s*年\\s*)?${M}\\s*月份?(?![\\d${CN_NUMERALS}日号底末初中上下内旬])`,
  'g',
);

const YEAR_PART = /(?<!每)(?:(\d{4})\s*|(今|本|明|次|去))?年\s*(?:年)?(底|末|内|之内|中(?![心国期层高])|初)(?!期|级)/g;

/** 2025 年 Q3, 明年三季度末, next year's Q1, Q1 of next year. */
const QUARTER =
  /(?:(?:(\d{4})\s*年?|([今明去本次])\s*年)\s*(?:的\s*)?|\b([Tt]his|[Nn]ext|[Ll]ast)\s+year'?s\s+)?(?:第?([一二三四1-4])季度|(?<![A-Za-z0-9])Q([1-4])(?![0-9])|(?<![A-Za-z0-9])([1-4])Q(?![0-9A-Za-z]))(?:\s*(末|底|内|之内))?(?:\s+(?:of\s+)?([Tt]his|[Nn]ext|[Ll]ast)\s+year\b)?/g;
const RELATIVE_QUARTER = /(本|这个|这|当前|当|下个|下|上个|上)?季度(末|底|内|之内)/g;
/** A bare quarter label counts as a date only beside one of these. */
const QUARTER_AFTER = /^\s*(?:前|之前|以前|完成|结束|上线|交付|发布|落地|达成|实现|推出)/;
const QUARTER_BEFORE = /(?:\b(?:by|before|in|during|within|until|end\s+of|the\s+end\s+of)|截至|截止|于|在)\s*$/i;

const EN_MONTH_END = /\b(?:(?:the\s+)?end\s+of\s+(the\s+|this\s+|next\s+)?month|EOM)\b/gi;
const EN_YEAR_END = /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year|EOY)\b/gi;
const EN_YEAR_END_SHORT = /\b(?:by|before|until)\s+(?:the\s+)?(year|month)[-\s]end\b/gi;
const EN_END_OF_Q = /\b(?:the\s+)?end\s+of\s+Q([1-4])(?:\s+(\d{4}))?\b/gi;
const EN_QUARTER_END = /\b(?:the\s+)?end\s+of\s+(the\s+|this\s+|next\s+)?quarter\b|\bEOQ\b/gi;
const EN_MONTH_PART =
  /\b(?:(?:the\s+)?(end)\s+of\s+|(mid)[-\s]?|(early)\s+|(late)\s+)(jan(?:uary)?|feb(?:ruary)?|march|mar|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gi;

export function periods(scan: Scan): void {
  const { text } = scan;
  // ("2025 Q3" holds a Q too: the one class covers it.)
  if (/[月旬年季Q]/.test(text)) chinese(scan, text);
  if (/\b(?:end|eo[myq]|mid|early|late|year|month|quarter)/i.test(text)) english(scan, text);
}

/** The day of the month a part word names; 31 stands for the month's last day. A span (中下旬) has none. */
const PART_DAY: Readonly<Record<string, number>> = { 初: 1, 上旬: 10, 中: 15, 中旬: 20, 底: 31, 末: 31, 下旬: 31, 内: 31, 之内: 31 };

function pushPart(scan: Scan, start: number, end: number, y: number, m: number, part: string, explicitYear: boolean): void {
  const partDay = PART_DAY[part];
  if (partDay === undefined) {
    pushToken(scan, start, end, 'range', { rangeStart: toIso(y, m, 11), rangeEnd: toIso(y, m, daysInMonth(y, m)) });
    return;
  }
  const day = Math.min(partDay, daysInMonth(y, m));
  const date = explicitYear ? toIso(y, m, day) : yearlessDate(scan.meeting, scan.year, m, day);
  // 本月内 / 6月之内: by the month's end.
  if (date !== null) pushToken(scan, start, end, 'date', { date, deadline: part.endsWith('内') });
}

/** A bare part said after this day of the month means next month's: 月初 said on the 6th, 月中 on the 16th. */
const PASSED_AFTER: Readonly<Record<string, number>> = { 初: 5, 上旬: 10, 中: 15, 中旬: 20 };

/** 月底 / 月初 / 中旬 without a month: the meeting's month, or the next one when the part has passed. */
function pushBarePart(scan: Scan, m: RegExpExecArray): void {
  const part = m[1] ?? '';
  const next = scan.day > (PASSED_AFTER[part] ?? 31);
  const { y, m: month } = parseIso(addMonths(toIso(scan.year, scan.month, 1), next ? 1 : 0));
  pushPart(scan, m.index, m.index + m[0].length, y, month, part, true);
}

/** Cheap tests before the month/year regexes run. */
const MONTH_PART_HINT = /月份?\s*[底末初中上下内之]/;
const YEAR_PART_HINT = /年\s*年?[底末内之中初]/;

function chinese(scan: Scan, text: string): void {
  if (MONTH_PART_HINT.test(text)) {
    eachMatch(EXPLICIT_MONTH, text, (m) => {
      const month = parseNumber(m[2] ?? '');
      if (month === null || month < 1 || month > 12) return;
      const y = yearOf(scan, m[1]);
      pushPart(scan, m.index, m.index + m[0].length, y, month, m[3] ?? '', m[1] !== undefined);
    });
    eachMatch(RELATIVE_MONTH, text, (m) => {
      const rel = m[1] ?? '';
      const months = rel.startsWith('下') || rel.startsWith('次') ? 1 : rel.startsWith('上') ? -1 : 0;
      const { y, m: month } = parseIso(addMonths(toIso(scan.year, scan.month, 1), months));
      pushPart(scan, m.index, m.index + m[0].length, y, month, m[2] ?? '', true);
    });
    eachMatch(BARE_MONTH, text, (m) => pushBarePart(scan, m));
  }
  if (/[至到为]/.test(text)) {
    eachMatch(MOVED_MONTH, text, (m) => {
      const month = parseNumber(m[3] ?? '');
      if (month === null || month < 1 || month > 12) return;
      const first = m[2] !== undefined ? toIso(yearOf(scan, m[2]), month, 1) : yearlessDate(scan.meeting, scan.year, month, 1);
      if (first === null) return;
      const { y } = parseIso(first);
      pushToken(scan, m.index + (m[1] ?? '').length, m.index + m[0].length, 'range', { rangeStart: first, rangeEnd: toIso(y, month, daysInMonth(y, month)) });
    });
  }
  if (text.includes('旬')) {
    eachMatch(BARE_DECADE, text, (m) => pushBarePart(scan, m));
  }
  if (YEAR_PART_HINT.test(text)) {
    eachMatch(YEAR_PART, text, (m) => {
      const y = yearOf(scan, m[1] ?? m[2]);
      const part = m[3] ?? '';
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
  if (text.includes('季度') || /Q/.test(text)) {
    eachMatch(QUARTER, text, (m) => {
      const written = m[4] ?? m[5] ?? m[6] ?? '';
      const q = parseNumber(written);
      if (q === null || q < 1 || q > 4) return;
      const start = m.index;
      const end = start + m[0].length;
      const suffix = m[7];
      if (suffix === undefined && !quarterAccepted(scan, start, end)) return;
      const date = quarterEndIn(scan, m[1] ?? m[2] ?? m[3] ?? m[8], q);
      const deadline = suffix !== undefined && suffix.endsWith('内');
      pushToken(scan, start, end, 'date', { date, deadline });
    });
    eachMatch(RELATIVE_QUARTER, text, (m) => {
      const rel = m[1] ?? '';
      const shift = rel.startsWith('下') ? 1 : rel.startsWith('上') ? -1 : 0;
      pushMatch(scan, m, 'date', { date: shiftedQuarterEnd(scan, shift), deadline: (m[2] ?? '').endsWith('内') });
    });
  }
}

/** A year as written before 年 or around a quarter: 2025, 今/本/this, 明/次/next, 去/last; none → the meeting's. */
function yearOf(scan: Scan, word: string | undefined): number {
  if (word === undefined) return scan.year;
  if (/^\d/.test(word)) return Number(word);
  if (/^(?:明|次|next)$/i.test(word)) return scan.year + 1;
  return /^(?:去|last)$/i.test(word) ? scan.year - 1 : scan.year;
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
  if (scan.text.trim() === scan.text.slice(start, end).trim()) return true; // the whole text (a cell)
  return QUARTER_AFTER.test(scan.text.slice(end, end + 6)) || QUARTER_BEFORE.test(scan.text.slice(Math.max(0, start - 14), start));
}

function english(scan: Scan, text: string): void {
  eachMatch(EN_MONTH_END, text, (m) => {
    const next = (m[1] ?? '').trim().toLowerCase() === 'next';
    const { y, m: month } = parseIso(addMonths(toIso(scan.year, scan.month, 1), next ? 1 : 0));
    pushMatch(scan, m, 'date', { date: toIso(y, month, daysInMonth(y, month)) });
  });
  eachMatch(EN_YEAR_END, text, (m) => {
    pushMatch(scan, m, 'date', { date: toIso(scan.year, 12, 31) });
  });
  eachMatch(EN_YEAR_END_SHORT, text, (m) => {
    const date = (m[1] ?? '').toLowerCase() === 'year' ? toIso(scan.year, 12, 31) : toIso(scan.year, scan.month, daysInMonth(scan.year, scan.month));
    pushMatch(scan, m, 'date', { date, deadline: true });
  });
  eachMatch(EN_QUARTER_END, text, (m) => {
    const shift = (m[1] ?? '').trim().toLowerCase() === 'next' ? 1 : 0;
    pushMatch(scan, m, 'date', { date: shiftedQuarterEnd(scan, shift) });
  });
  eachMatch(EN_END_OF_Q, text, (m) => {
    pushMatch(scan, m, 'date', { date: quarterEndIn(scan, m[2], Number(m[1])) });
  });
  eachMatch(EN_MONTH_PART, text, (m) => {
    const monthWord = m[5] ?? '';
    if (monthWord === 'may') return;
    const month = monthNumber(monthWord);
    if (month === null) return;
    const last = daysInMonth(scan.year, month);
    const day = m[1] !== undefined || m[4] !== undefined ? last : m[2] !== undefined ? 15 : 1;
    const date = yearlessDate(scan.meeting, scan.year, month, day);
    if (date !== null) pushMatch(scan, m, 'date', { date });
  });
}
