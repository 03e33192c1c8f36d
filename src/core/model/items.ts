import type { Anchor } from './document';

export type ItemKind = 'decision' | 'todo';

/** open = not done (未开始/进行中), done = finished (已完成). */
export type ItemStatus = 'open' | 'done';

export type ItemWarning =
  | 'owner_missing'
  | 'vague_deadline'
  | 'past_due'
  | 'deadline_missing'
  | 'relative_to_event'
  | 'ambiguous_next_weekday'
  | 'conflicting_dates';

/** Someone who owns or helps with an item. Departments and roles are persons here too. */
export interface Person {
  /** Display name as written (or the chip's name), without '@'. */
  name: string;
  email?: string;
  /** Platform user id, e.g. Feishu open_id. */
  id?: string;
}

/** Where an item was found, so it can be traced back and identified across edits. */
export interface ItemSource {
  /** How the item was recognised. */
  via: 'table' | 'line' | 'list' | 'sentence';
  /** Platform anchor of the block (paragraph, list item or table). */
  blockAnchor?: Anchor;
  /** Platform anchor of the table row, for table items. */
  rowAnchor?: Anchor;
  /** Index of the block in the document, and of the row in its table. */
  blockIndex: number;
  rowIndex?: number;
  /** The text the item was read from (a row's cells joined by ' | ', a line, a sentence). */
  text: string;
}

export interface ActionItem {
  kind: ItemKind;
  /** The action itself, without owner, deadline or list numbering. */
  title: string;
  owners: Person[];
  collaborators: Person[];
  /** Due date YYYY-MM-DD, or null. */
  due: string | null;
  /** 'HH:MM' or 'EOD' when the deadline names a time of day. */
  dueTime: string | null;
  /** The deadline phrase as written, when there was one. */
  dueText?: string;
  status: ItemStatus;
  warnings: ItemWarning[];
  source: ItemSource;
  /** Link of the synced task, when the document's 任务 column holds one. */
  taskLink?: string;
}

export interface MeetingRecord {
  topic: string | null;
  /** Meeting date YYYY-MM-DD. */
  date: string | null;
  location: string | null;
  /** Everyone named in 参与部门及人员 / 主持人/记录人 (the roster). */
  participants: string[];
  host: string | null;
  recorder: string | null;
  goal: string | null;
}

export type DocumentWarningCode = 'no_meeting_date' | 'no_items' | 'document_too_large' | 'unreadable_table';

export interface DocumentWarning {
  code: DocumentWarningCode;
  message: string;
}

export interface Extraction {
  meeting: MeetingRecord;
  items: ActionItem[];
  warnings: DocumentWarning[];
}
