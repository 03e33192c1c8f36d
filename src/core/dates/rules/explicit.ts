import { parseIso } from '../calendar';
import { CN_NUMERALS, DAY_NUM as D, MONTH_NUM as M, parseNumber } from '../numerals';
import { fullDate, readYear, yearlessDate } from '../resolve';
import type { Scan } from '../token';
import { EXPLICIT, eachMatch, isWholeText, matchEnd, pushToken, textBefore } from '../token';

/**
 * Explicit numeric and Chinese calendar dates: 2025年6月20日, 6月20日/号, 六月二十日, 114年12月29日 (民國),
 * 2025-06-20, 2025/6/20, 2025.4.22, 6/20, 6/20/2025, 6.20 (only next to a deadline marker), and the
 * ranges 6月3日至6月5日 / 12月16日—17日 / 5 月 14–16 日.
 */

const CJK_DATE = new RegExp(
  `(?<![\\d.${CN_NUMERALS}])` +
    `(?:(民国)\\s*)?(?:(\\d{4}|\\d{2,3}(?=\\s*年)|[〇零一二三四五六七八九]{4}|[今明去次本])\\s*年\\s*)?` +
    `(${M})\\s*月\\s*(${D})(?:\\s*[日号]` +
    `(?:\\s*[-–—~至到]\\s*(?:(${M})\\s*月\\s*)?(${D})\\s*[日号])?` +
    // 5 月 14–16 日: the first day without 日.
    `|\\s*[-–—~]\\s*(${D})\\s*[日号])`,
  'g',
);

const ISO_DATE = /(?<![\d.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d|[.\-/]\d)/g;

const SLASH_DATE = /(?<![\d./\-A-Za-z])(?<!\d:)(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?!\d|[/.]\d|\s*(?:[%的人票个份倍]|以上|以下|左右|之一|分(?!钟)))/g;

/** A fraction or a score: "进度 2/3", "占 1/4", "score 3/5". */
const SLASH_BEFORE_GUARD = /(?:进度|完成了?|占|约|共|比例|比分|比|得分|评分|打分|票数|投票|ratio|score|progress|rated)\s*$/i;

const SLASH_AFTER_GUARD = /^\s*(?:of\b|tests?\b|passed\b|done\b|completed\b|items?\b|people\b|votes?\b|points?\b|users?\b|stars?\b)/i;

const DOT_DATE = /(?<![\w.\-/])(\d{1,2})\.(\d{1,2})(?![\d.%]|\.\d)/g;

/** A version or a quantity: "版本6.2", "6.2 版本", "1.5倍", "3.5x", "1.2 万元". */
const DOT_BEFORE_GUARD = /(?:版本|版|version|ver|v|V|汇率|评分|得分|系数|比例|倍率)\s*$/;
const DOT_AFTER_GUARD = /^\s*(?:[版倍万亿千百元块%折分个天年a-zA-Z]|小时)/;
/** 6.20 counts as a date only next to a deadline marker. */
const DOT_AFTER_MARKER = /^\s*(?:前|之前|以前|或之前|截止|[日号])/;
const DOT_BEFORE_MARKER = /(?:\b(?:by|before|due|until|till|no later than)|截止(?:日期)?[:：]?|截至|最晚|最迟|于)\s*$/i;

/**
 * What the numeric patterns need (a digit, a separator, a digit), then what each one needs, as cheap first tests: most English lines hold a full stop (or a slash)
 * but no digit beside it, and the patterns' look-behinds make a miss cost a full scan.
 */
const NUMERIC_HINT = /\d[-/.]\d/;
const YEAR_FIRST_HINT = /\d{4}[-/.]\d/;
const SLASH_HINT = /\d\/\d/;
const DOT_HINT = /\d\.\d/;

/** A date as written; y is null when no year was written. */
export interface WrittenDate {
  start: number;
  end: number;
  y: number | null;
  m: number;
  d: number;
  /** The second date of a range, when one follows. */
  to?: { y: number | null; m: number; d: number };
  /** A bare M.D date: only a date next to a deadline marker. */
  dotted?: boolean;
}

function writtenAt(m: RegExpExecArray, y: number | null, month: number, day: number): WrittenDate {
  return { start: m.index, end: matchEnd(m), y, m: month, d: day };
}

/** Numbers that can be a month and a day of some month (the calendar check comes later). */
function isMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Every explicit numeric/Chinese date in normalised text, in no particular order. */
export function readWrittenDates(text: string, meetingYear: number): WrittenDate[] {
  const out: WrittenDate[] = [];
  if (text.includes('月')) {
    eachMatch(CJK_DATE, text, (m) => {
      const month = parseNumber(m[3]!);
      const day = parseNumber(m[4]!);
      if (month === null || day === null) return;
      const y = m[2] !== undefined ? readYear(m[2], meetingYear, m[1] !== undefined) : null;
      const written = writtenAt(m, y, month, day);
      const to = m[6] ?? m[7];
      if (to !== undefined) {
        const toMonth = m[5] !== undefined ? parseNumber(m[5]) : month;
        const toDay = parseNumber(to);
        if (toMonth !== null && toDay !== null) written.to = { y, m: toMonth, d: toDay };
      }
      out.push(written);
    });
  }
  // One test for the three numeric patterns first: most lines hold none of them.
  if (!NUMERIC_HINT.test(text)) return out;
  if (YEAR_FIRST_HINT.test(text)) {
    eachMatch(ISO_DATE, text, (m) => {
      const y = Number(m[1]);
      if (y < 1900 || y > 2200) return;
      out.push(writtenAt(m, y, Number(m[3]), Number(m[4])));
    });
  }
  if (SLASH_HINT.test(text)) {
    eachMatch(SLASH_DATE, text, (m) => {
      let month = Number(m[1]);
      let day = Number(m[2]);
      let y: number | null = null;
      if (m[3] !== undefined) {
        y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
        if (month > 12 && day <= 12) [month, day] = [day, month]; // 20/06/2025
      }
      if (!isMonthDay(month, day)) return;
      const end = matchEnd(m);
      if (y === null && (SLASH_BEFORE_GUARD.test(textBefore(text, m.index, 8)) || SLASH_AFTER_GUARD.test(text.slice(end, end + 12)))) return;
      out.push(writtenAt(m, y, month, day));
    });
  }
  if (DOT_HINT.test(text)) {
    eachMatch(DOT_DATE, text, (m) => {
      const month = Number(m[1]);
      const day = Number(m[2]);
      if (!isMonthDay(month, day)) return;
      const end = matchEnd(m);
      if (DOT_BEFORE_GUARD.test(textBefore(text, m.index, 12)) || DOT_AFTER_GUARD.test(text.slice(end, end + 6))) return;
      out.push({ ...writtenAt(m, null, month, day), dotted: true });
    });
  }
  return out;
}

/** The rule: explicit dates become tokens, ranges become range tokens. */
export function explicitDates(scan: Scan): void {
  const { text } = scan;
  for (const w of readWrittenDates(text, scan.year)) {
    if (w.dotted && !dottedAccepted(scan, w)) continue;
    const date = resolveWritten(scan, w.y, w.m, w.d);
    if (date === null) continue;
    if (w.to) {
      const end = resolveWritten(scan, w.to.y, w.to.m, w.to.d);
      if (end !== null) {
        pushToken(scan, w.start, w.end, 'range', { rangeStart: date, rangeEnd: end < date ? bumpYear(end) : end, ...EXPLICIT });
        continue;
      }
    }
    pushToken(scan, w.start, w.end, 'date', { date, ...EXPLICIT });
  }
}

function dottedAccepted(scan: Scan, w: WrittenDate): boolean {
  if (isWholeText(scan.text, w.start, w.end)) return true;
  return DOT_AFTER_MARKER.test(scan.text.slice(w.end, w.end + 5)) || DOT_BEFORE_MARKER.test(textBefore(scan.text, w.start, 16));
}

/** A written date as a calendar day: a yearless one is the nearest such day (see yearlessDate). */
export function resolveWritten(scan: Scan, y: number | null, m: number, d: number): string | null {
  if (y === null) return yearlessDate(scan.meeting, scan.year, m, d);
  return fullDate(y, m, d);
}

/** A range end that reads before its start crosses the year (12月29日至1月3日). */
function bumpYear(iso: string): string {
  const { y, m, d } = parseIso(iso);
  return fullDate(y + 1, m, d) ?? iso;
}
