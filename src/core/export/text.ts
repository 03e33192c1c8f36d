import type { ActionItem, Extraction, Person } from '../model/items';

/** The people's names joined with `separator`. */
export function names(people: readonly Person[], separator: string): string {
  return people.map((p) => p.name).join(separator);
}

/** "2025-06-09 18:00", the date or the time alone, or '' when the item has no deadline. */
export function dueDateTime(item: ActionItem): string {
  return [item.due, item.dueTime].filter(Boolean).join(' ');
}

/** "topic · date" of the meeting, or '' when neither is known. */
export function meetingLine(extraction: Extraction): string {
  return [extraction.meeting.topic, extraction.meeting.date].filter(Boolean).join(' · ');
}
