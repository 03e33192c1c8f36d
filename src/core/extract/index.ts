import type { DateContext, IsoDate } from '../dates/types';
import type { MinutesDocument } from '../model/document';
import type { DocumentWarning, Extraction } from '../model/items';
import { blockText } from '../model/text';
import { collectEventDates } from '../dates/index';
import { collectRecordFields, interpretRecord } from './record';
import { dedupeItems } from './dedupe';
import { walkMinutes } from './walk';

export interface ExtractOptions {
  /** The meeting date (YYYY-MM-DD) when the caller knows it (CLI --date); else the document's 沟通时间. */
  meetingDate?: string;
  /** Today's date (YYYY-MM-DD): the last fallback for the meeting date, with a warning. */
  today: string;
}

/** Document model → meeting record + decisions and to-dos + warnings (see ../shared/EXTRACTION.md). */
export function extractMinutes(doc: MinutesDocument, options: ExtractOptions): Extraction {
  const blocks = doc.blocks;
  const fields = collectRecordFields(blocks);
  const fallbackYear = Number((options.meetingDate ?? options.today).slice(0, 4));
  const record = interpretRecord(fields, blocks, doc.title, fallbackYear);
  const warnings: DocumentWarning[] = [];
  const meetingDate = options.meetingDate ?? record.writtenDate ?? options.today;
  if (!options.meetingDate && !record.writtenDate) {
    warnings.push({ code: 'no_meeting_date', message: `No meeting date found in the minutes; deadlines are read relative to today (${options.today}).` });
  }
  const meeting = { ...record.meeting, date: meetingDate };
  // Each block's text once (a table's only for the event dates): the walk reads it.
  const texts = blocks.map((b) => (b.type === 'table' ? '' : blockText(b)));
  // The event dates stated in the minutes (上线日期定为7月1日) matter only to a line with a phrase relative to an
  // event (上线前): they are read from the whole text on first need, and most minutes never need them.
  const wholeText = (): string => blocks.map((b, i) => (b.type === 'table' ? blockText(b) : texts[i]!)).join('\n');
  let events: Record<string, IsoDate> | undefined;
  const dates: DateContext = {
    meetingDate,
    get events(): Record<string, IsoDate> {
      events ??= collectEventDates(wholeText(), { meetingDate });
      return events;
    },
  };
  // Sections, tables, labelled lines and sentences → items; then one report of each item.
  const items = walkMinutes(blocks, texts, { roster: record.roster, dates }, meetingDate);
  const finalItems = dedupeItems(items, meetingDate);
  if (finalItems.length === 0) warnings.push({ code: 'no_items', message: 'No decisions or to-dos were found in these minutes.' });
  return { meeting, items: finalItems, warnings };
}
