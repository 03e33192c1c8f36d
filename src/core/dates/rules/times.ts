import { pad2 } from '../calendar';
import { CN_NUMERALS, parseNumber } from '../numerals';
import { TIME } from '../charGroups';
import type { Scan } from '../token';
import { eachMatch, matchEnd, pushMatch, pushToken, textBefore } from '../token';

/**
 * Times of day: 上午10点(前), 下午3点半, 中午 12 点, 10:00(前), 3pm, noon → 'HH:MM'; EOD/COB/end of day →
 * 'EOD'; 下班前 → '18:00'; 中午前 → '12:00'. A bare hour (两点, 10:00 with no marker) is weak: it only counts
 * next to a date. Time ranges (14:00-15:30) are meeting slots, never deadlines, and are skipped.
 */

const DAYPART = '([上下中]午|晚[上间]|早[上晨]|凌晨|傍晚|夜[里间]|早|晚)';
const ZH_HOUR = new RegExp(
  `(?<!第)(?:(?<![今明昨当])${DAYPART}\\s*)?(?<![\\d.])(\\d{1,2}|[${CN_NUMERALS}]{1,3})\\s*(?:点|时)(?![间候代期刻])\\s*(?:(半)|(一刻|三刻)|(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*分?)?(钟)?`,
  'g',
);
const CLOCK = new RegExp(`(?:(?<![今明昨当])${DAYPART}\\s*)?(?<![\\d:.])([01]?\\d|2[0-3]):([0-5]\\d)(?![\\d:])(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![a-z]))?`, 'gi');
const EN_HOUR = /\b(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*(am|pm|a\.m\.|p\.m\.)(?![a-z])/gi;
const NOON = /\b(?:noon|midday)\b/gi;
const EOD = /\b(?:EOD|COB|EOB|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+(?:the\s+)?business(?:\s+day)?|end\s+of\s+business)\b/gi;
const ZH_FIXED = /(?:下班|中午|午饭)[之以]?前/g;

/** What every ZH_HOUR match holds. */
const HOUR_HINT = new RegExp(`[\\d${CN_NUMERALS}]\\s*[点时]`);

const TIME_RANGE = /\d{1,2}:\d{2}\s*(?:[-–—~至到]|to)\s*\d{1,2}:\d{2}|(?:上午|下午|晚上)?\d{1,2}\s*点\s*[-–—~至到]\s*\d{1,2}\s*点/gi;

/** 前/之前/整 right after a time makes it a deadline time even without a date. */
const STRONG_AFTER = /^\s*(?:前(?![后台端期沿者辈景述])|之前|以前|整|截止)/;
const STRONG_BEFORE = /(?:\b(?:by|before|until|till|at)|截止|截至|最晚|最迟)\s*$/i;

/** What every match of each pattern holds, as cheap first tests. */
const TIME_RANGE_HINT = /\d\s*(?:[:点])/;
const CLOCK_HINT = /\d:\d/;
const EN_HOUR_HINT = /\d\s*[ap]\.?m/i;
const NOON_HINT = /noon|midday/i;
const EOD_HINT = /eod|cob|eob|end\s+of|close\s+of/i;
/** Day parts that move an hour to the afternoon or evening. */
const EVENING = /下午|晚|夜|傍晚/;

/** 24-hour clock from an hour written with am/pm (12 am is midnight). */
function applyMeridiem(hour: number, meridiem: string): number {
  if (meridiem.startsWith('p') && hour < 12) return hour + 12;
  return meridiem.startsWith('a') && hour === 12 ? 0 : hour;
}

/** 24-hour clock from an hour and a Chinese day part. */
function applyDaypart(hour: number, daypart: string | undefined): number {
  if (daypart === undefined) return hour;
  if (EVENING.test(daypart)) return hour < 12 ? hour + 12 : hour;
  if (daypart === '中午') return hour <= 2 ? hour + 12 : hour;
  return hour;
}

/** Ranges are few and sorted; a linear scan is cheaper than anything cleverer at line length. */
function inRange(ranges: readonly [number, number][], start: number): boolean {
  for (const [a, b] of ranges) {
    if (start < a) return false;
    if (start < b) return true;
  }
  return false;
}

/** 1–6 o'clock with no day part (两点前, 3点) is afternoon in minutes of working meetings. */
function isAfternoonHour(hour: number): boolean {
  return hour >= 1 && hour <= 6;
}

export function times(scan: Scan): void {
  const { text } = scan;
  const ranges: [number, number][] = [];
  // Every time range, hour and clock holds a TIME character: most lines hold none and skip the three tests.
  if (scan.chars & TIME) {
    if (TIME_RANGE_HINT.test(text)) eachMatch(TIME_RANGE, text, (m) => ranges.push([m.index, matchEnd(m)]));

    if (HOUR_HINT.test(text)) {
      eachMatch(ZH_HOUR, text, (m) => {
        const start = m.index;
        const end = matchEnd(m);
        if (inRange(ranges, end - 1)) return;
        // 早一点 / 晚一点 / 快一点 mean "a bit earlier/later", not one o'clock.
        if (m[2] === '一' && (m[1] === undefined || m[1] === '早' || m[1] === '晚') && m[3] === undefined && m[5] === undefined) return;
        const hourRaw = parseNumber(m[2]!);
        if (hourRaw === null || hourRaw > 24) return;
        let minute = 0;
        if (m[3] !== undefined) minute = 30;
        else if (m[4] !== undefined) minute = m[4] === '一刻' ? 15 : 45;
        else if (m[5] !== undefined) {
          const parsed = parseNumber(m[5]);
          if (parsed === null || parsed > 59) return;
          minute = parsed;
        }
        const daypart = m[1];
        const assumedPm = daypart === undefined && isAfternoonHour(hourRaw);
        const hour = assumedPm ? hourRaw + 12 : applyDaypart(hourRaw, daypart) % 24;
        const strong = daypart !== undefined || m[5] !== undefined || m[3] !== undefined || isStrong(text, start, end);
        pushToken(scan, start, end, 'time', {
          time: `${pad2(hour)}:${pad2(minute)}`,
          weak: !strong,
          bareHour: daypart === undefined && hourRaw <= 12,
          assumedPm,
          priority: 1,
        });
      });
    }
    // Labels ("Action:", "备注：") hold a colon too; a clock needs a digit on both sides.
    if (CLOCK_HINT.test(text)) {
      eachMatch(CLOCK, text, (m) => {
        const start = m.index;
        const end = matchEnd(m);
        if (inRange(ranges, end - 1)) return;
        const written = Number(m[2]);
        const meridiem = (m[4] ?? '').toLowerCase();
        // "3:00" with one digit and no day part reads as 15:00 in working hours; "03:00" stays.
        const assumedPm = m[1] === undefined && meridiem === '' && m[2]!.length === 1 && isAfternoonHour(written);
        let hour = applyMeridiem(written, meridiem);
        // When am/pm changed nothing (none, or 3 pm written as 15:00 pm), the day part decides.
        if (hour === written) hour = assumedPm ? written + 12 : applyDaypart(written, m[1]);
        const strong = m[1] !== undefined || meridiem !== '' || isStrong(text, start, end);
        pushToken(scan, start, end, 'time', {
          time: `${pad2(hour % 24)}:${m[3]!}`,
          weak: !strong,
          bareHour: m[1] === undefined && meridiem === '' && written <= 12,
          assumedPm,
          priority: 1,
        });
      });
    }
  }
  if (scan.latin && EN_HOUR_HINT.test(text)) {
    eachMatch(EN_HOUR, text, (m) => {
      const hour = applyMeridiem(Number(m[1]), m[3]!.toLowerCase());
      pushMatch(scan, m, 'time', { time: `${pad2(hour)}:${m[2] ?? '00'}`, priority: 1 });
    });
  }
  if (scan.latin && NOON_HINT.test(text)) {
    eachMatch(NOON, text, (m) => pushMatch(scan, m, 'time', { time: '12:00', priority: 1 }));
  }
  if (scan.latin && EOD_HINT.test(text)) {
    eachMatch(EOD, text, (m) => pushMatch(scan, m, 'time', { time: 'EOD', deadline: true }));
  }
  if (text.includes('前')) {
    eachMatch(ZH_FIXED, text, (m) => {
      const time = m[0].startsWith('下班') ? '18:00' : '12:00';
      pushMatch(scan, m, 'time', { time, deadline: true });
    });
  }
}

function isStrong(text: string, start: number, end: number): boolean {
  return STRONG_AFTER.test(text.slice(end, end + 4)) || STRONG_BEFORE.test(textBefore(text, start, 10));
}
