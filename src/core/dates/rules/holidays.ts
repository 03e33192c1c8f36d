import { addDays, diffDays, nthWeekdayOfMonth } from '../calendar';
import { ZH_BEFORE_AFTER } from '../eventWords';
import type { Scan } from '../token';
import { eachMatch, pushMatch } from '../token';
import { longestFirst } from '../../text/alternation';

/**
 * Holidays as deadlines: 国庆节前, 春节前, 中秋前, 元旦前, before Christmas, by Thanksgiving. "X前 / before X"
 * is the day before the holiday (the holiday itself is a day off); X当天 is the day; X后 is left open
 * (date null, relative_to_event). A bare holiday name (中秋礼盒, Black Friday campaign) is not a date.
 * Lunar holidays use a table for 2024–2030; outside it the date is null.
 */

/** Lunar holidays: their MM-DD in each year from LUNAR_FIRST_YEAR on. */
const LUNAR_FIRST_YEAR = 2024;
const LUNAR: Readonly<Record<string, string>> = {
  春节: '02-10 01-29 02-17 02-06 01-26 02-13 02-03',
  端午: '06-10 05-31 06-19 06-09 05-28 06-16 06-05',
  中秋: '09-17 10-06 09-25 09-15 10-03 09-22 09-12',
};

/** Holidays on a fixed day of the year: MM-DD. */
const FIXED: Readonly<Record<string, string>> = {
  元旦: '01-01', 情人节: '02-14', 妇女节: '03-08', 劳动节: '05-01', 儿童节: '06-01', 国庆: '10-01', 圣诞: '12-25',
};

/** US holidays counted in days from Thanksgiving (the 4th Thursday of November). */
const FROM_THANKSGIVING: Readonly<Record<string, number>> = { thanksgiving: 0, 'black friday': 1, 'cyber monday': 4 };

/** Canonical holiday → its date in a year. */
function holidayDate(name: string, year: number): string | null {
  const fixed = FIXED[name];
  if (fixed !== undefined) return `${year}-${fixed}`;
  const fromThanksgiving = FROM_THANKSGIVING[name];
  if (fromThanksgiving !== undefined) return addDays(nthWeekdayOfMonth(year, 11, 4, 4)!, fromThanksgiving); // every November has four Thursdays
  // 除夕 is the eve of 春节.
  const day = LUNAR[name === '除夕' ? '春节' : name]?.split(' ')[year - LUNAR_FIRST_YEAR];
  if (day === undefined) return null;
  return name === '除夕' ? addDays(`${year}-${day}`, -1) : `${year}-${day}`;
}

/** Each holiday's Chinese names, the canonical one first. */
const ZH_NAMES = ['元旦', '春节 过年', '除夕', '端午 端午节', '中秋 中秋节', '国庆 国庆节 十一长假', '圣诞 圣诞节', '劳动节 五一', '儿童节 六一', '情人节', '妇女节 三八节'];

/** Every Chinese holiday name as a regex alternation (the date trigger's list). */
export const ZH_HOLIDAY_SOURCE = ZH_NAMES.join(' ').replace(/ /g, '|');

/** Every Chinese name → its canonical name. */
const ZH_CANONICAL: Readonly<Record<string, string>> = Object.fromEntries(
  ZH_NAMES.flatMap((names) => {
    const list = names.split(' ');
    return list.map((name) => [name, list[0] as string]);
  }),
);

/** Longest names first, so 国庆节 is read whole rather than as 国庆. */
const ZH_NAME_SOURCE = longestFirst(Object.keys(ZH_CANONICAL));

const ZH_HOLIDAY = new RegExp(
  `(${ZH_NAME_SOURCE})(?:假期|长假|假)?\\s*(?:(当天)|${ZH_BEFORE_AFTER})`,
  'g',
);
const EN_HOLIDAY =
  /\b(before|by|until|ahead\s+of|prior\s+to|after|on)\s+(?:the\s+)?(christmas(?:\s+day)?|new\s+year'?s?(?:\s+day)?|thanksgiving|black\s+friday|cyber\s+monday)\b/gi;

const ZH_HINT = new RegExp(ZH_NAME_SOURCE);
/** What every English holiday match holds (also the date trigger's list). */
export const EN_HOLIDAY_SOURCE = 'christmas|new\\s+year|thanksgiving|black\\s+friday|cyber\\s+monday';
const EN_HINT = new RegExp(EN_HOLIDAY_SOURCE, 'i');

const SPACE_RUNS = /\s+/g;

function canonicalEnglish(name: string): string {
  const n = name.toLowerCase().replace(SPACE_RUNS, ' ');
  if (n.startsWith('christmas')) return '圣诞';
  if (n.startsWith('new year')) return '元旦';
  return n;
}

/** The first occurrence of the holiday on or after the meeting (this year's, or next year's). */
function upcoming(scan: Scan, name: string): string | null {
  const thisYear = holidayDate(name, scan.year);
  if (thisYear !== null && diffDays(scan.meeting, thisYear) >= 0) return thisYear;
  return holidayDate(name, scan.year + 1);
}

/** A holiday phrase; one whose day stays open (X后, after X, a year past the lunar table) is relative to it. */
function pushHoliday(scan: Scan, m: RegExpExecArray, date: string | null, event: string, deadline: boolean): void {
  pushMatch(scan, m, 'event', { date, event, deadline, warnings: date === null ? ['relative_to_event'] : [], priority: 4 });
}

export function holidays(scan: Scan): void {
  const { text } = scan;
  if (ZH_HINT.test(text)) {
    eachMatch(ZH_HOLIDAY, text, (m) => {
      const day = upcoming(scan, ZH_CANONICAL[m[1]!]!);
      const before = m[3] !== undefined && m[3].endsWith('前');
      const sameDay = m[2] !== undefined;
      const date = day === null ? null : before ? addDays(day, -1) : sameDay ? day : null;
      pushHoliday(scan, m, date, m[1]!, before);
    });
  }
  if (scan.latin && EN_HINT.test(text)) {
    eachMatch(EN_HOLIDAY, text, (m) => {
      const marker = m[1]!.toLowerCase();
      const day = upcoming(scan, canonicalEnglish(m[2]!));
      const after = marker === 'after';
      const date = day === null || after ? null : marker === 'on' ? day : addDays(day, -1);
      pushHoliday(scan, m, date, m[2]!, !after && marker !== 'on');
    });
  }
}
