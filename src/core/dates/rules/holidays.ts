import { addDays, diffDays, nthWeekdayOfMonth, toIso } from '../calendar';
import type { Scan } from '../token';
import { eachMatch, pushMatch } from '../token';

/**
 * Holidays as deadlines: 国庆节前, 春节前, 中秋前, 元旦前, before Christmas, by Thanksgiving. "X前 / before X"
 * is the day before the holiday (the holiday itself is a day off); X当天 is the day; X后 is left open
 * (date null, relative_to_event). A bare holiday name (中秋礼盒, Black Friday campaign) is not a date.
 * Lunar holidays use a table for 2024–2030; outside it the date is null.
 */

const LUNAR: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  春节: { 2024: '02-10', 2025: '01-29', 2026: '02-17', 2027: '02-06', 2028: '01-26', 2029: '02-13', 2030: '02-03' },
  端午: { 2024: '06-10', 2025: '05-31', 2026: '06-19', 2027: '06-09', 2028: '05-28', 2029: '06-16', 2030: '06-05' },
  中秋: { 2024: '09-17', 2025: '10-06', 2026: '09-25', 2027: '09-15', 2028: '10-03', 2029: '09-22', 2030: '09-12' },
};

/** Canonical holiday → how to get its date in a year. */
function holidayDate(name: string, year: number): string | null {
  switch (name) {
    case '元旦':
      return toIso(year, 1, 1);
    case '情人节':
      return toIso(year, 2, 14);
    case '妇女节':
      return toIso(year, 3, 8);
    case '劳动节':
      return toIso(year, 5, 1);
    case '儿童节':
      return toIso(year, 6, 1);
    case '国庆':
      return toIso(year, 10, 1);
    case '圣诞':
      return toIso(year, 12, 25);
    case 'thanksgiving':
      return nthWeekdayOfMonth(year, 11, 4, 4);
    case 'black friday':
      return addDays(nthWeekdayOfMonth(year, 11, 4, 4), 1);
    case 'cyber monday':
      return addDays(nthWeekdayOfMonth(year, 11, 4, 4), 4);
    case '除夕': {
      const spring = LUNAR['春节']?.[year];
      return spring === undefined ? null : addDays(`${year}-${spring}`, -1);
    }
    default: {
      const day = LUNAR[name]?.[year];
      return day === undefined ? null : `${year}-${day}`;
    }
  }
}

const ZH_CANONICAL: Readonly<Record<string, string>> = {
  元旦: '元旦', 春节: '春节', 过年: '春节', 除夕: '除夕', 端午: '端午', 端午节: '端午', 中秋: '中秋', 中秋节: '中秋',
  国庆: '国庆', 国庆节: '国庆', 十一长假: '国庆', 圣诞: '圣诞', 圣诞节: '圣诞', 劳动节: '劳动节', 五一: '劳动节',
  儿童节: '儿童节', 六一: '儿童节', 情人节: '情人节', 妇女节: '妇女节', 三八节: '妇女节',
};

const ZH_HOLIDAY =
  /(十一长假|国庆节|国庆|春节|过年|除夕|端午节|端午|中秋节|中秋|元旦|圣诞节|圣诞|劳动节|五一|儿童节|六一|情人节|妇女节|三八节)(?:假期|长假|假)?\s*(?:(当天)|(之前|以前|前|之后|以后|后)(?![期台端续面来者方后]))/g;
const EN_HOLIDAY =
  /\b(before|by|until|ahead\s+of|prior\s+to|after|on)\s+(?:the\s+)?(christmas(?:\s+day)?|new\s+year'?s?(?:\s+day)?|thanksgiving|black\s+friday|cyber\s+monday)\b/gi;

const ZH_HINT = /元旦|春节|过年|除夕|端午|中秋|国庆|十一长假|圣诞|劳动节|五一|六一|儿童节|情人节|妇女节|三八节/;

function canonicalEnglish(name: string): string {
  const n = name.toLowerCase().replace(/\s+/g, ' ');
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

export function holidays(scan: Scan): void {
  const { text } = scan;
  if (ZH_HINT.test(text)) {
    eachMatch(ZH_HOLIDAY, text, (m) => {
      const name = ZH_CANONICAL[m[1] ?? ''];
      if (name === undefined) return;
      const day = upcoming(scan, name);
      const before = m[3] !== undefined && m[3].endsWith('前');
      const sameDay = m[2] !== undefined;
      const date = day === null ? null : before ? addDays(day, -1) : sameDay ? day : null;
      pushMatch(scan, m, 'event', {
        date,
        event: m[1] ?? name,
        deadline: before,
        warnings: date === null ? ['relative_to_event'] : [],
        priority: 4,
      });
    });
  }
  if (/christmas|new\s+year|thanksgiving|black\s+friday|cyber\s+monday/i.test(text)) {
    eachMatch(EN_HOLIDAY, text, (m) => {
      const marker = (m[1] ?? '').toLowerCase();
      const name = canonicalEnglish(m[2] ?? '');
      const day = upcoming(scan, name);
      const after = marker === 'after';
      const date = day === null || after ? null : marker === 'on' ? day : addDays(day, -1);
      pushMatch(scan, m, 'event', {
        date,
        event: m[2] ?? name,
        deadline: !after && marker !== 'on',
        warnings: date === null ? ['relative_to_event'] : [],
        priority: 4,
      });
    });
  }
}
