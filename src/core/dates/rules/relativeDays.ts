import { addDays, mondayOf } from '../calendar';
import { EN_NUM, ZH_COUNT, parseNumber } from '../numerals';
import { offsetDate, unitOf } from '../offset';
import { relativeShift } from '../resolve';
import { DAY_WORD, RELATIVE_DAY } from '../charGroups';
import type { Scan } from '../token';
import { eachMatch, pushMatch, textBefore } from '../token';
import { ZH_WEEK } from './weekdays';
import { longestFirst } from '../../text/alternation';

/**
 * Days and weeks relative to the meeting: 今天/明天/后天/大后天/今晚/明早/tomorrow/today, N天内/N天后,
 * N周内/两周后/in two weeks, 半个月内/一个月内, 24小时内, 本周内/周内/这周/by end of week (Friday of the
 * meeting week), 下周内/下周/end of next week (Friday of next week), 周末 (Sunday), 周末前 (Friday),
 * 5 days ago / two weeks ago.
 */

/** Friday of the meeting week (+ weeks); on a weekend meeting, this week's Sunday instead of a past Friday. */
export function weekEnd(scan: Scan, weeks: number): string {
  const monday = mondayOf(scan.meeting);
  if (weeks === 0 && scan.wd >= 6) return addDays(monday, 6);
  return addDays(monday, 7 * weeks + 4);
}

/** The Sunday of the meeting's week (+ weeks), or the Friday before it when the weekend is a deadline (周末前, by the weekend). */
function weekendDay(scan: Scan, weeks: number, before: boolean): string {
  return addDays(mondayOf(scan.meeting), 7 * weeks + (before ? 4 : 6));
}

/** Days from the meeting that a Chinese day word names. */
const DAY_WORDS: Readonly<Record<string, number>> = {
  今天: 0, 今日: 0, 当天: 0, 当日: 0, 今早: 0, 今晚: 0, 今夜: 0, 明天: 1, 明日: 1, 明儿: 1, 今明两天: 1, 明早: 1, 明晚: 1,
  后天: 2, 大后天: 3, 昨天: -1, 昨日: -1, 前天: -2,
};
/** The same for English day words (the day after tomorrow, written with any spacing, is 2). */
const EN_DAY_WORDS_DAYS: Readonly<Record<string, number>> = { today: 0, tonight: 0, tomorrow: 1, tmrw: 1, yesterday: -1 };

/** The English day words as a regex alternation (the date trigger's list too). */
export const EN_DAY_WORD_SOURCE = Object.keys(EN_DAY_WORDS_DAYS).join('|');

/** Longest first: 大后天 before 后天. */
const ZH_DAY_WORDS = new RegExp(longestFirst(Object.keys(DAY_WORDS)), 'g');

const ZH_DURATION = new RegExp(
  `(?<![\\d.第])${ZH_COUNT}\\s*(个)?\\s*([天日周月]|星期|礼拜|小时|钟头)\\s*([之以]?[内后])`,
  'g',
);

/** What every ZH_DURATION match ends with (a unit, then 内/后): the pattern's look-behind makes a miss costly. */
const DURATION_HINT = /[天日周期拜月时头]\s*[之以]?[内后]/;

/** 本周期 / 下周报 / 下周会议 / 下周一 are not "this/next week". */
const NOT_A_WEEK = '(?![一二三四五六日天1-7末期报刊年会边])';
const ZH_THIS_WEEK = new RegExp(`(本|这个?)?${ZH_WEEK}([之以]?内)|(?:本|这个?)${ZH_WEEK}${NOT_A_WEEK}`, 'g');
const ZH_NEXT_WEEK = new RegExp(`(下下?个?)${ZH_WEEK}([之以]?内)?${NOT_A_WEEK}`, 'g');
const ZH_WEEKEND = /(本|这个?|下个?)?周末([之以]?前)?/g;
/** What every match of the three week patterns holds (a bare 周 is often a name: 周婷). */
const HAS_ZH_WEEK = new RegExp(`[本这下]个?${ZH_WEEK}|${ZH_WEEK}[之以]?内|周末`);

const EN_DAY_WORDS = new RegExp(`\\b(${EN_DAY_WORD_SOURCE}|(?:the\\s+)?day\\s+after\\s+tomorrow)\\b`, 'gi');
const EN_THIS_WEEK = /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|this\s+week|EOW|week'?s\s+end)\b/gi;
const EN_NEXT_WEEK = /\b(?:(?:the\s+)?end\s+of\s+next\s+week|next\s+week|(the\s+)?week\s+after\s+next)\b/gi;
const EN_IN_N = new RegExp(
  `\\b(in|within)\\s+(${EN_NUM}|half\\s+an?|a\\s+couple\\s+of)\\s+(days?|weeks?|months?|hours?|fortnight)\\b`,
  'gi',
);
const EN_FROM_NOW = new RegExp(`\\b(${EN_NUM})\\s+(days?|weeks?)\\s+(?:from|after)\\s+(now|today|tomorrow)\\b`, 'gi');
const EN_WEEKEND = /\b(this|next|the)\s+weekend\b/gi;
const EN_AGO = new RegExp(`\\b(${EN_NUM}|a\\s+few|a\\s+couple\\s+of)\\s+(days?|weeks?)\\s+ago\\b`, 'gi');

/** What every match of one or more English patterns holds, as cheap tests before them. */
const EN_DAY_WORD_HINT = new RegExp(EN_DAY_WORD_SOURCE, 'i');
const EN_WEEK_HINT = /week|eow/i;
const EN_UNIT_HINT = /day|week|month|hour|fortnight/i;
/** What every ZH_NEXT_WEEK match holds. */
const ZH_NEXT_WEEK_HINT = new RegExp(`下个?${ZH_WEEK}`);

const HAS_EN = new RegExp(`\\b(?:${EN_DAY_WORD_SOURCE}|eow|in|within|days?|weeks?|weekend)\\b`, 'i');

/** 提前天 / 之前天 / 之后天: the character before a 前天 or 后天 that belongs to another word. */
const BEFORE_QIAN = /[提之以]/;
const BEFORE_HOU = /[之以]/;
const STARTS_WITH_DIGIT = /^\d/;
const AFTER_NEXT = /after\s+next/i;
const WEEKS = /^w/i;
const TOMORROW = /^tom/i;
const BY_BEFORE = /\b(?:by|before)\s+$/i;

export function relativeDays(scan: Scan): void {
  const { text } = scan;
  if (scan.chars & RELATIVE_DAY) chinese(scan, text);
  if (scan.latin && HAS_EN.test(text)) english(scan, text);
}

function chinese(scan: Scan, text: string): void {
  if (scan.chars & DAY_WORD) chineseDayWords(scan, text);
  if (DURATION_HINT.test(text)) chineseDurations(scan, text);
  if (HAS_ZH_WEEK.test(text)) chineseWeeks(scan, text);
}

function chineseDayWords(scan: Scan, text: string): void {
  eachMatch(ZH_DAY_WORDS, text, (m) => {
    const word = m[0];
    // 提前天 / 之前天 / 之后天: the 前天 or 后天 of another word.
    const previous = textBefore(text, m.index, 1);
    if ((word === '前天' && BEFORE_QIAN.test(previous)) || (word === '后天' && BEFORE_HOU.test(previous))) return;
    // 今早/明早: a bare hour after it is a.m.; 今晚/明晚/今夜: p.m.
    const daypart = word.endsWith('早') ? 'am' : /[晚夜]$/.test(word) ? 'pm' : undefined;
    pushMatch(scan, m, 'date', { date: addDays(scan.meeting, DAY_WORDS[word]!), daypart });
  });
}

function chineseDurations(scan: Scan, text: string): void {
  eachMatch(ZH_DURATION, text, (m) => {
    const written = m[1]!;
    const unit = m[3]!;
    const within = m[4]!.endsWith('内');
    const n = parseNumber(written);
    if (n === null || n <= 0) return;
    const span = { n, unit: unitOf(unit) };
    // 3月内 with Arabic digits and no 个 is the calendar month March, not three months.
    if (span.unit === 'month' && m[2] === undefined && STARTS_WITH_DIGIT.test(written)) return;
    const date = offsetDate(scan.meeting, 1, n, span.unit);
    if (date !== null) pushMatch(scan, m, 'date', { date, deadline: within, span });
  });
}

function chineseWeeks(scan: Scan, text: string): void {
  eachMatch(ZH_THIS_WEEK, text, (m) => {
    const within = m[2] !== undefined;
    pushMatch(scan, m, 'date', { date: weekEnd(scan, 0), deadline: within });
  });
  if (ZH_NEXT_WEEK_HINT.test(text)) {
    eachMatch(ZH_NEXT_WEEK, text, (m) => {
      const weeks = m[1]!.startsWith('下下') ? 2 : 1;
      pushMatch(scan, m, 'date', {
        date: weekEnd(scan, weeks),
        deadline: m[2] !== undefined,
      });
    });
  }
  if (text.includes('周末')) {
    eachMatch(ZH_WEEKEND, text, (m) => {
      const before = m[2] !== undefined;
      pushMatch(scan, m, 'date', { date: weekendDay(scan, relativeShift(m[1]), before), deadline: before });
    });
  }
}

function english(scan: Scan, text: string): void {
  const weekWord = EN_WEEK_HINT.test(text);
  const unitWord = EN_UNIT_HINT.test(text);
  if (EN_DAY_WORD_HINT.test(text)) {
    eachMatch(EN_DAY_WORDS, text, (m) => {
      const word = m[1]!.toLowerCase();
      const days = EN_DAY_WORDS_DAYS[word] ?? 2;
      pushMatch(scan, m, 'date', { date: addDays(scan.meeting, days), daypart: word === 'tonight' ? 'pm' : undefined });
    });
  }
  if (weekWord) {
    eachMatch(EN_THIS_WEEK, text, (m) => {
      pushMatch(scan, m, 'date', { date: weekEnd(scan, 0) });
    });
    eachMatch(EN_NEXT_WEEK, text, (m) => {
      const weeks = AFTER_NEXT.test(m[0]) ? 2 : 1;
      pushMatch(scan, m, 'date', { date: weekEnd(scan, weeks) });
    });
  }
  if (unitWord) englishCounts(scan, text);
  if (weekWord) {
    eachMatch(EN_WEEKEND, text, (m) => {
      const before = BY_BEFORE.test(textBefore(text, m.index, 8));
      pushMatch(scan, m, 'date', { date: weekendDay(scan, relativeShift(m[1]), before) });
    });
  }
}

/** in 3 days, within two weeks, 2 days from now, 5 days ago. */
function englishCounts(scan: Scan, text: string): void {
  eachMatch(EN_IN_N, text, (m) => {
    const unit = m[3]!.toLowerCase();
    const n = parseNumber(m[2]!);
    if (n === null) return;
    // A fortnight is 14 days, whatever the count word ("in a fortnight").
    const span = { n: unit === 'fortnight' ? 14 : n, unit: unitOf(unit) };
    const date = offsetDate(scan.meeting, 1, span.n, span.unit);
    if (date === null) return;
    const within = m[1]!.toLowerCase() === 'within';
    pushMatch(scan, m, 'date', { date, deadline: within, span });
  });
  eachMatch(EN_FROM_NOW, text, (m) => {
    const n = parseNumber(m[1]!);
    if (n === null) return;
    const days = (WEEKS.test(m[2]!) ? 7 * n : n) + (TOMORROW.test(m[3]!) ? 1 : 0); // weeks; from tomorrow
    pushMatch(scan, m, 'date', { date: addDays(scan.meeting, days) });
  });
  if (text.includes('ago')) {
    eachMatch(EN_AGO, text, (m) => {
      const n = parseNumber(m[1]!);
      if (n === null) return;
      const days = WEEKS.test(m[2]!) ? 7 * n : n; // weeks
      pushMatch(scan, m, 'date', { date: addDays(scan.meeting, -days) });
    });
  }
}
