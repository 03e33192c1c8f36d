import { collectEventDates as collectEvents } from './eventDates';
import { parseDeadlineCell as parseCell } from './deadlineCell';
import { parseMeetingDate as parseMeeting } from './meetingDate';
import { ON_EVENT_HINT } from './rules/events';
import { scanDates } from './scan';
import type { DateContext, DateMention, IsoDate } from './types';

export * from './types';
export { addBusinessDays, addDays, addMonths, compare, diffDays, isIsoDate, lastDayOfMonth, mondayOf, weekday } from './calendar';
export { findEventDate } from './eventWords';

/** Every date/deadline phrase in `text`, in order, non-overlapping, resolved against ctx.meetingDate. */
export function findDates(text: string, ctx: DateContext): DateMention[] {
  return scanDates(text, ctx);
}

/**
 * findDates without any event dates, and whether that answer could change once the minutes' events are known.
 * Only two things read them: a phrase relative to an event (上线前, 3 days before launch), which shows as a
 * mention with `event`, and "on <event>", kept only with a known date. Without either, the answer stands.
 */
export function findDatesWithoutEvents(text: string, meetingDate: IsoDate): { mentions: DateMention[]; eventFree: boolean } {
  const mentions = scanDates(text, { meetingDate });
  const eventFree = !mentions.some((m) => m.event !== undefined) && !ON_EVENT_HINT.test(text);
  return { mentions, eventFree };
}

/** A whole deadline table cell (完成时限 / Due column), e.g. "本周五", "6/20", "待定", "—": one mention or null. */
export function parseDeadlineCell(text: string, ctx: DateContext): DateMention | null {
  return parseCell(text, ctx);
}

/**
 * The meeting date from a 沟通时间/日期/Date field value such as "2025年6月11日 14:00-15:30",
 * "2025-03-18（周二）10:00-11:40", "2025/07/08", "June 3, 2025", "4月9日 上午 9:30" (no year → use
 * fallbackYear when given, else null).
 */
export function parseMeetingDate(text: string, fallbackYear?: number): IsoDate | null {
  return parseMeeting(text, fallbackYear);
}

/**
 * Event dates stated in minutes: "上线日期定为7月1日", "7月8日上市", "launch on July 1" → { 上线: '2025-07-01' }.
 * A range adds its last day under `<event>#end` ("展会时间：5 月 14–16 日" → 展会, 展会#end); an event derived
 * from another adds `<event>#via` ("搭建商需在发布会前 2 天进场" → 进场#via). Pass the record as ctx.events.
 */
export function collectEventDates(text: string, ctx: DateContext): Record<string, IsoDate> {
  return collectEvents(text, ctx);
}
