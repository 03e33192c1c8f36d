import { daysInMonth, monthStart, parseIso, toIso } from '../calendar';
import { CN_NUMERALS, DAY_NUM, parseNumber } from '../numerals';
import { relativeShift } from '../resolve';
import { DAY_UNIT } from '../charGroups';
import type { Scan } from '../token';
import { EXPLICIT, eachMatch, isWholeText, matchEnd, pushMatch, pushToken, textBefore } from '../token';
import { MONTH_ABBREVIATIONS } from './monthNames';

/**
 * A day of the month without a month: 20号 / 20日 / 二十号 (this month, or next month when the day has
 * passed), 本月20号, 下个月15号, "by the 15th". Numbered things are not dates: 5号楼, 3号线, 1号门, 2号机,
 * 8号房, 第3号.
 */

const D = `(${DAY_NUM})`;

const MONTH_PREFIX = new RegExp(`((?:本|这个?|当|下个?|次)月)\\s*${D}\\s*[号日]`, 'g');

const BARE_DAY = new RegExp(`(?<!\\d:)(?<![\\d.\\-/第月年A-Za-z${CN_NUMERALS}廿卅])${D}\\s*([号日])`, 'g');

/** What follows a numbered thing (building, line, gate, machine, room…), not a day. */
const NUMBERED_AFTER =
  /^\s*(?:[楼线门机房院馆厅位店码文库台柜车仓窗床桌口栋座层室箱包站期令球字色型款批卡键游病队组群人]|单元|选手|种子|方案|文件|文档|会议室|工位|展位|车间|样品|项目|任务|议题|问题|事项|客户|订单)/;
/** N日内 / N日后 is a duration of N days, handled with 天. */
const DURATION_AFTER = /^\s*(?:内|之内|以内|后|之后|以后)/;
const RECURRING_BEFORE = /每个?月?\s*$/;

const THE_NTH = new RegExp(`\\bthe\\s+(3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?(?:${MONTH_ABBREVIATIONS}))`, 'gi');
const THE_NTH_CONTEXT = /\b(?:by|before|on|until|till|due|from|after)\s+$/i;

/** What every English match holds, as a cheap first test. */
const THE_NTH_HINT = /\bthe\s+\d/i;
const STARTS_WITH_DIGIT = /^\d/;

export function dayOfMonth(scan: Scan): void {
  const { text } = scan;
  if (scan.chars & DAY_UNIT) {
    eachMatch(MONTH_PREFIX, text, (m) => {
      const day = parseNumber(m[2]!);
      const date = day === null ? null : dayInMonth(scan, relativeShift(m[1]), day);
      if (date !== null) pushMatch(scan, m, 'date', { date, ...EXPLICIT });
    });
    eachMatch(BARE_DAY, text, (m) => {
      const written = m[1]!;
      const unit = m[2];
      const start = m.index;
      const end = matchEnd(m);
      const after = text.slice(end, end + 4);
      if (NUMBERED_AFTER.test(after) || RECURRING_BEFORE.test(textBefore(text, start, 3))) return;
      const chinese = !STARTS_WITH_DIGIT.test(written);
      if (unit === '日') {
        if (DURATION_AFTER.test(after)) return;
        if (chinese && (written === '一' || written === '两')) return; // 一日 is "one day"
      }
      const day = parseNumber(written);
      if (day === null) return;
      const date = nextDayOfMonth(scan, day);
      if (date !== null) pushToken(scan, start, end, 'date', { date, priority: 1 });
    });
  }
  if (scan.latin && THE_NTH_HINT.test(text)) {
    eachMatch(THE_NTH, text, (m) => {
      if (!isWholeText(text, m.index, matchEnd(m)) && !THE_NTH_CONTEXT.test(textBefore(text, m.index, 12))) return;
      const date = nextDayOfMonth(scan, Number(m[1]));
      if (date !== null) pushMatch(scan, m, 'date', { date, priority: 1 });
    });
  }
}

function dayInMonth(scan: Scan, months: number, day: number): string | null {
  const { y, m } = parseIso(monthStart(scan.meeting, months));
  return day <= daysInMonth(y, m) ? toIso(y, m, day) : null;
}

/** The day in the meeting's month, or next month's when it has already passed. */
function nextDayOfMonth(scan: Scan, day: number): string | null {
  if (day >= scan.day) {
    const date = dayInMonth(scan, 0, day);
    if (date !== null) return date;
  }
  return dayInMonth(scan, 1, day);
}
