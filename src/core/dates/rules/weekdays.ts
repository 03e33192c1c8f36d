import type { ItemWarning } from '../../model/items';
import { addDays, mondayOf } from '../calendar';
import { relativeShift } from '../resolve';
import type { Scan } from '../token';
import { eachMatch, matchEnd, pushToken, textBefore } from '../token';
import { longestFirst } from '../../text/alternation';

/**
 * Weekdays, with Monday-start weeks (chrono-node assumes Sunday-start; Chinese usage does not):
 * 本周X/这周X/this X → weekday X of the meeting's Mon–Sun week; 下周X/next X → the following week;
 * 下下周X → the week after; 上周X/last X → the previous week; bare 周X/星期X/礼拜X/Friday → the next such
 * weekday strictly after the meeting date. 每周X / every Monday is recurring (vague).
 */

export interface ResolvedWeekday {
  date: string;
  warnings: ItemWarning[];
}

/**
 * Resolve weekday `target` (Monday = 1 … Sunday = 7) against the meeting. `weeks` counts Monday-start weeks
 * from the meeting's (本/this 0, 下/next 1, 下下 2, 上/last −1, 上上 −2); null is a bare weekday. `english`
 * marks "next X", which many readers take as "the coming X": flagged when that reading differs.
 */
export function resolveWeekday(scan: Scan, target: number, weeks: number | null, english: boolean): ResolvedWeekday {
  const warnings: ItemWarning[] = [];
  if (weeks === null) {
    // 周五 said on a Friday: today or next Friday?
    if (target === scan.wd) warnings.push('ambiguous_next_weekday');
    return { date: addDays(scan.meeting, (target - scan.wd + 7) % 7 || 7), warnings };
  }
  // Said on a Sunday, a Sunday-start reader lands a week later; "next Friday" said on a Tuesday may mean the
  // coming Friday.
  if (weeks === 1 && (scan.wd === 7 || (english && target > scan.wd))) warnings.push('ambiguous_next_weekday');
  return { date: addDays(mondayOf(scan.meeting), 7 * weeks + target - 1), warnings };
}

/** 周 / 星期 / 礼拜: "week" (regex source, no capture group). */
export const ZH_WEEK = '(?:周|星期|礼拜)';

const ZH_WEEKDAY: Readonly<Record<string, number>> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7,
};

/** Weeks from the meeting's week that a Chinese qualifier points to. */
const ZH_WEEKS: Readonly<Record<string, number>> = {
  本: 0, 这: 0, 这个: 0, 本个: 0, 下: 1, 下个: 1, 下下: 2, 下下个: 2, 上: -1, 上个: -1, 上上: -2, 上上个: -2,
};

/** 每周五 (recurring), 下下个星期一, 礼拜天 …; the qualifiers longest first. */
const ZH_WEEKDAYS = new RegExp(
  `(每\\s*个?\\s*)?(?:(${longestFirst(Object.keys(ZH_WEEKS))})\\s*)?${ZH_WEEK}([一二三四五六日天1-7])(?!\\d)`,
  'g',
);

const EN_WEEKDAY: Readonly<Record<string, number>> = {
  mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7,
};

/** An English weekday name or abbreviation, as one capture group (shared by the weekday phrase rules). */
export const EN_WEEKDAY_PATTERN = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)';

const FULL_NAME = /day$/i;
const FULL_NAME_STOP = /day\.$/i;
/** 一周一次: 次 after 一. */
const TIMES_AFTER = /^\s*次/;

/** Monday = 1 … Sunday = 7; null for a lower-case abbreviation ("sat" and "sun" are also ordinary words). */
export function englishWeekday(word: string): number | null {
  if (!FULL_NAME.test(word) && word.charAt(0) === word.charAt(0).toLowerCase()) return null;
  return EN_WEEKDAY[word.slice(0, 3).toLowerCase()] ?? null;
}

/** Weeks from the meeting's week that an English qualifier points to; "coming"/"following" are bare. */
const EN_WEEKS: Readonly<Record<string, number>> = { this: 0, next: 1, last: -1 };

const EN_WEEKDAYS = new RegExp(
  `\\b(?:(every|each)\\s+(?:other\\s+)?|(this\\s+coming|this|next|last|coming|the\\s+following|following)\\s+)?${EN_WEEKDAY_PATTERN}(s)?\\b\\.?(\\s+after\\s+next)?(?:\\s+(next|this)\\s+week\\b)?`,
  'gi',
);

/** Named days that contain a weekday word but are not "the coming X". */
const NAMED_DAY_BEFORE = /\b(?:black|cyber|good|super|ash|holy|easter|casual|freaky|blue|manic|giving|small\s+business)\s+$/i;

/** Every Chinese weekday match holds one of these (so 周婷, 周期 and 周报 skip the full pattern). */
const HAS_ZH = /(?:周|星期|礼拜)[一二三四五六日天1-7]/;
/** The three-letter weekday abbreviations, as a regex alternation. */
export const EN_WEEKDAY_ABBREVIATIONS = Object.keys(EN_WEEKDAY).join('|');
const HAS_EN = new RegExp(`\\b(?:${EN_WEEKDAY_ABBREVIATIONS})`, 'i');

export function weekdays(scan: Scan): void {
  const { text } = scan;
  if (HAS_ZH.test(text)) {
    eachMatch(ZH_WEEKDAYS, text, (m) => {
      const start = m.index;
      const end = matchEnd(m);
      if (m[1] !== undefined) {
        pushToken(scan, start, end, 'vague', { vague: true });
        return;
      }
      const target = ZH_WEEKDAY[m[3]!]!;
      // 周日 as part of 周日加班 is still a weekday; 一周一次 is not (一 after 周 then 次).
      if (m[3] === '一' && TIMES_AFTER.test(text.slice(end, end + 2))) return;
      const weeks = m[2] === undefined ? null : (ZH_WEEKS[m[2]] ?? null);
      const { date, warnings } = resolveWeekday(scan, target, weeks, false);
      pushToken(scan, start, end, 'weekday', { date, warnings, weekdayNumber: target });
    });
  }
  if (scan.latin && HAS_EN.test(text)) {
    eachMatch(EN_WEEKDAYS, text, (m) => {
      const target = englishWeekday(m[3]!);
      if (target === null) return;
      const start = m.index;
      // A full name keeps its sentence's full stop out; "Fri." keeps its abbreviation point.
      const end = start + m[0].length - (FULL_NAME_STOP.test(m[0]) ? 1 : 0);
      if (NAMED_DAY_BEFORE.test(textBefore(text, start, 16))) return;
      if (m[1] !== undefined || m[4] !== undefined) {
        pushToken(scan, start, end, 'vague', { vague: true });
        return;
      }
      // Only this/next/last move the week: "this coming" and "the following" are the coming one.
      let weeks = EN_WEEKS[(m[2] ?? '').toLowerCase()] ?? null;
      if (m[6] !== undefined) weeks = relativeShift(m[6]); // Friday next week
      // "Friday next week" leaves no doubt; "next Friday" may mean the coming one.
      let { date, warnings } = resolveWeekday(scan, target, weeks, m[6] === undefined);
      if (m[5] !== undefined) {
        // "Friday after next": the one after the coming Friday.
        date = addDays(resolveWeekday(scan, target, null, true).date, 7);
        warnings = [];
      }
      pushToken(scan, start, end, 'weekday', { date, warnings, weekdayNumber: target });
    });
  }
}
