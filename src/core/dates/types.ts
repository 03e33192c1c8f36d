import type { ItemWarning } from '../model/items';

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

/**
 * One date or deadline phrase found in a piece of text, resolved against the meeting date.
 * Offsets are UTF-16 indices into the text that was scanned.
 */
export interface DateMention {
  start: number;
  end: number;
  /** The phrase as written, e.g. "下周五前", "by EOD Friday", "尽快". */
  text: string;
  /** The resolved calendar date, or null (vague, or relative to an event of unknown date). */
  date: IsoDate | null;
  /** 'HH:MM' or 'EOD' when the phrase names a time of day (下班前 → '18:00', EOD → 'EOD'). */
  time: string | null;
  /** The phrase marks a deadline: 前/之前/以前/或之前/内/by/before/due/no later than/截止… */
  deadline: boolean;
  /** 尽快, 后续, 择期, 待定, 另行通知, 时间另定, 持续, TBD, ASAP, ongoing, 会后… */
  vague: boolean;
  /** Relative to an event (上线后两天, 上市前一周, before launch): the event's words. */
  event?: string;
  /** A range (6月3日至6月5日, 3–5 June): date is null. */
  range?: boolean;
  /** First and last day of a range, when known (date stays null). */
  rangeStart?: IsoDate;
  rangeEnd?: IsoDate;
  /** Set by the extractor: a date the minutes replace ("原定 4/15"), used only when no other date is given. */
  stale?: boolean;
  /** The phrase says when something starts (下周一开始, 自12月1日起, starting Monday), not when it is due. */
  starts?: boolean;
  /** past_due, ambiguous_next_weekday, vague_deadline, relative_to_event where they apply. */
  warnings: ItemWarning[];
}

export interface DateContext {
  /** The meeting date all relative phrases resolve against. */
  meetingDate: IsoDate;
  /** Known event dates from the minutes, e.g. { 上线: '2025-07-01', 上市: '2025-07-08' }. */
  events?: Readonly<Record<string, IsoDate>>;
}
