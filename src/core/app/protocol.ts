/**
 * What the sidebar and its host say to each other. Every value is JSON-safe (no Date, no undefined in
 * arrays, no functions) because google.script.run, the Feishu service's HTTP API and the local workspace
 * all carry it as JSON.
 */
import type { MeetingRecord } from '../model/items';
import type { ScenarioId, TemplateLang } from '../template/index';

export type Platform = 'google' | 'feishu' | 'local';
export type Lang = TemplateLang;

/** Which host-side options the sidebar should offer. */
export interface HostCapabilities {
  /** Tasks get real assignees (Feishu); otherwise the owner is written into the task (Google). */
  assignees: boolean;
  /** The task keeps a time of day; otherwise the sidebar warns that a time is dropped. */
  dueTime: boolean;
  /** "Only the items I own" (Google: tasks go only into the current user's lists). */
  onlyMine: boolean;
  /** A background sync can be switched on (Google hourly trigger, Feishu edit events, local save). */
  autoSync: boolean;
  /** The user picks the task list the document's tasks go to (Google: one of their own lists). */
  taskLists: boolean;
}

export interface SyncSettings {
  autoSync: boolean;
  /** Decisions with an owner and a deadline become tasks too. */
  decisions: boolean;
  /** Only items with an owner and a deadline become tasks. */
  onlyCompleteItems: boolean;
  /** Google: only the items whose owner is the current user. */
  onlyMine: boolean;
}

export const DEFAULT_SETTINGS: SyncSettings = { autoSync: false, decisions: false, onlyCompleteItems: false, onlyMine: false };

export interface HostContext {
  platform: Platform;
  lang: Lang;
  documentId: string;
  documentTitle: string;
  /** The signed-in user, when the platform tells (never a token). */
  user: { name: string | null; email: string | null } | null;
  capabilities: HostCapabilities;
  settings: SyncSettings;
  lastSync: SyncSummary | null;
}

/** One decision or to-do as the sidebar shows it for review. */
export interface ReviewItem {
  /** Stable within one extraction: the sidebar edits items by id. */
  id: string;
  kind: 'decision' | 'todo';
  title: string;
  owners: string[];
  collaborators: string[];
  due: string | null;
  dueTime: string | null;
  status: 'open' | 'done';
  warnings: string[];
  /** The text the item was read from. */
  sourceText: string;
  /** The item already stands in a 决议事项 / 待办事项 table (so writing it again would duplicate it). */
  inTable: boolean;
  taskLink: string | null;
}

export interface ExtractResult {
  meeting: MeetingRecord;
  items: ReviewItem[];
  warnings: { code: string; message: string }[];
}

export interface InsertTemplateRequest {
  scenario: ScenarioId;
  lang: Lang;
}

export interface WriteItemsRequest {
  /** The confirmed (possibly edited or added) items; those already in a table are left alone. */
  items: ReviewItem[];
  lang: Lang;
}

export interface WriteItemsResult {
  added: number;
  /** Items not written because the table already has them. */
  skipped: number;
}

export interface SyncSummary {
  /** ISO timestamp of the end of the sync. */
  at: string;
  ok: boolean;
  /** removed: items gone from the minutes; excluded: items the settings now leave out (their tasks stay). */
  counts: { created: number; updated: number; completed: number; reopened: number; removed: number; excluded: number; unchanged: number; failed: number };
  remoteWrites: number;
  /** One plain sentence for the sidebar. */
  message: string;
  warnings: { code: string; title: string | null; message: string }[];
  /** Each synced item's task link and status, for the review list. */
  items: { key: string; title: string; taskLink: string | null; status: 'open' | 'done' }[];
}

/** A task list of the user's, by id and name. */
export interface TaskListInfo {
  id: string;
  title: string;
}

/** The user's task lists and the one this document's tasks go to (null: a new one at the first sync). */
export interface TaskListChoice {
  lists: TaskListInfo[];
  current: TaskListInfo | null;
}

export interface ChooseTaskListRequest {
  /** One of the user's lists, or null for a new list named after the meeting. */
  listId: string | null;
}

export interface ChooseTaskListResult extends TaskListChoice {
  /** Tasks of this document moved into the chosen list. */
  moved: number;
  /** Tasks still to move (a long list): the next sync moves them before it syncs. */
  remaining: number;
}

/** Errors a host reports to the sidebar: a code to act on and a sentence to show; never a stack trace. */
export type HostErrorCode =
  | 'no_template'
  | 'locked'
  | 'quota'
  | 'rate_limited'
  | 'service_missing'
  | 'permission'
  | 'unauthenticated'
  | 'not_found'
  | 'invalid'
  | 'unavailable'
  | 'internal';

export interface HostError {
  code: HostErrorCode;
  message: string;
  retryable: boolean;
}

/** The operations every host offers the sidebar. */
export interface HostApi {
  getContext(): Promise<HostContext>;
  insertTemplate(request: InsertTemplateRequest): Promise<{ inserted: true }>;
  extract(): Promise<ExtractResult>;
  writeItems(request: WriteItemsRequest): Promise<WriteItemsResult>;
  syncNow(): Promise<SyncSummary>;
  saveSettings(settings: Partial<SyncSettings>): Promise<HostContext>;
  /** A cheap hash of the minutes, for polling "did it change?" (Google has no edit trigger). */
  fingerprint(): Promise<string>;
  /** The user's task lists (only hosts with `capabilities.taskLists` serve this and chooseTaskList). */
  taskLists(): Promise<TaskListChoice>;
  /** Send this document's tasks to another list: the tasks synced so far move there too. */
  chooseTaskList(request: ChooseTaskListRequest): Promise<ChooseTaskListResult>;
}
