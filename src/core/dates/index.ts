import { ON_EVENT_HINT } from './rules/events';
import { scanDates } from './scan';
import type { DateMention, IsoDate } from './types';

export * from './types';
export { addBusinessDays, addDays, addMonths, compare, diffDays, isIsoDate, lastDayOfMonth, mondayOf, weekday } from './calendar';
/** A whole deadline table cell (完成时限 / Due column), e.g. "本周五", "6/20", "待定", "—": one mention or null. */
export { parseDeadlineCell } from './deadlineCell';
/**
 * Event dates stated in minutes: "上线日期定为7月1日", "7月8日上市", "launch on July 1" → { 上线: '2025-07-01' }.
 * A range adds its last day under `<event>#end`; an event derived from another adds `<event>#via`.
 * Pass the record as ctx.events.
 */
export { collectEventDates } from './eventDates';
export { findEventDate } from './eventWords';
/** The meeting date from a 沟通时间/日期/Date field value (no year → fallbackYear when given, else null). */
export { parseMeetingDate } from './meetingDate';
/** Every date/deadline phrase in `text`, in order, non-overlapping, resolved against ctx.meetingDate. */
export { scanDates as findDates } from './scan';

/**
 * findDates without any event dates, and whether that answer could change once the minutes' events are known.
 * Only two things read them: a phrase relative to an event (上线前, 3 days before launch), which shows as a
 * mention with `event`, and "on <event>", kept only with a known date. Without either, the answer stands.
 */
export function findDatesWithoutEvents(text: string, meetingDate: IsoDate): { mentions: DateMention[]; eventFree: boolean } {
  const mentions = scanDates(text, { meetingDate });
  return { mentions, eventFree: !hasEvent(mentions) && !ON_EVENT_HINT.test(text) };
}

function hasEvent(mentions: readonly DateMention[]): boolean {
  for (const m of mentions) if (m.event !== undefined) return true;
  return false;
}
