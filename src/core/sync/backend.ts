/**
 * What every task platform (Google Tasks, Feishu Task v2, the in-memory test backend) implements for
 * the sync core. The core never knows field names of a platform: it speaks TaskDraft / TaskPatch and
 * reads RemoteTask; the backend maps them (Google: owner in the title, sync key in notes, date-only
 * due; Feishu: assignee members, sync key in `extra`, `client_token`, `update_fields`).
 */
import type { ItemStatus, Person } from '../model/items';
import type { WriteBatching } from './executor';

/** A due date as the task should hold it. `time` is 'HH:MM' or 'EOD', null for an all-day due. */
export interface TaskDue {
  date: string;
  time: string | null;
}

/** The task-side content of one item, rendered for the backend's capabilities. */
export interface TaskDraft {
  title: string;
  notes: string;
  due: TaskDue | null;
  /** Owners as assignees; empty when the backend has no real assignees. */
  assignees: Person[];
}

export type TaskField = keyof TaskDraft;

export const TASK_FIELDS: readonly TaskField[] = ['title', 'notes', 'due', 'assignees'];

/**
 * A partial change: only the fields present are written; `due: null` clears the due date.
 * Feishu: the present keys become `update_fields`. Google: a `tasks.patch` body (status and
 * `completed: null` for a reopen). Assignees that a platform cannot patch (Feishu members) are the
 * backend's job to add/remove.
 */
export interface TaskPatch extends Partial<TaskDraft> {
  status?: ItemStatus;
}

/** What the core needs to know about a task on the platform. */
export interface RemoteTask {
  id: string;
  status: ItemStatus;
  /** Last modification, ms since the epoch (Google `updated`, Feishu `updated_at`). */
  updatedAt: number;
  /** A link to open the task (Feishu applink, Google webViewLink), written to the 任务 cell. */
  url?: string;
  /** The sync key recorded on the task (notes line, `extra`), when the backend reads it back. */
  syncKey?: string;
  title?: string;
}

export interface CreateTaskRequest {
  draft: TaskDraft;
  status: ItemStatus;
  /** Document id + item key; recorded on the task so an orphan from a crashed run can be found. */
  syncKey: string;
  /** Idempotency token for platforms that honour one (Feishu `client_token`, 10–100 chars). */
  clientToken?: string;
}

export type TaskWrite =
  | { type: 'create'; request: CreateTaskRequest }
  | { type: 'update'; taskId: string; patch: TaskPatch }
  | { type: 'complete'; taskId: string }
  | { type: 'reopen'; taskId: string };

export type TaskWriteOutcome = { ok: true; task: RemoteTask } | { ok: false; error: unknown };

/** Requests per second, by kind of call; absent = no pacing needed. */
export interface RateLimits {
  read?: number;
  create?: number;
  update?: number;
}

export interface BackendCapabilities {
  /** Real assignees (Feishu members). Without them the owner goes into the title and notes (Google). */
  assignees: boolean;
  /** The due keeps a time of day (Feishu). Google Tasks keeps the date only. */
  dueTime: boolean;
  /** Tasks have a URL that can be written into the document's 任务 cell. */
  links: boolean;
  /** `create` honours CreateTaskRequest.clientToken, making an immediate retry safe. */
  clientToken: boolean;
  /** How long a token keeps returning its task after a success (Feishu: 5 minutes); null = always. */
  clientTokenTtlMs: number | null;
  /** Largest number of writes `writeBatch` accepts in one call; 1 = no batching. */
  maxBatch: number;
  rateLimits: RateLimits;
  maxTitleLength: number;
  maxNotesLength: number;
}

export interface TaskBackend {
  readonly capabilities: BackendCapabilities;
  /** Every task the sync can see (Google: the list, with completed and hidden tasks). Optional. */
  list?(): Promise<RemoteTask[]>;
  /** One task, or null when it no longer exists (deleted in the task app). */
  get(taskId: string): Promise<RemoteTask | null>;
  /**
   * Finds tasks by the sync key recorded on them. Needed for crash safety where there is no client
   * token (Google), and where tokens expire (Feishu: 5 minutes). Optional: without it a crash
   * between "task created" and "store written" can leave a duplicate.
   */
  findBySyncKeys?(syncKeys: readonly string[]): Promise<Map<string, RemoteTask>>;
  create(request: CreateTaskRequest): Promise<RemoteTask>;
  update(taskId: string, patch: TaskPatch): Promise<RemoteTask>;
  complete(taskId: string): Promise<RemoteTask>;
  reopen(taskId: string): Promise<RemoteTask>;
  /**
   * Several writes per call, up to `capabilities.maxBatch`, for platforms that take them: `batchedWrites(call)`
   * from batch.ts over the platform's call. Optional: without it every write is a call of its own.
   */
  readonly batching?: WriteBatching;
}

/**
 * rate_limit: too many requests (Feishu 99991400 / HTTP 429); transient: 5xx, 1470500, 1470422;
 * timeout: no answer, the call may or may not have taken effect; not_found: the task is gone;
 * permission / invalid: will not succeed on retry.
 */
export type BackendErrorKind = 'rate_limit' | 'transient' | 'timeout' | 'not_found' | 'permission' | 'invalid';

/** The one error type backends throw for platform failures; anything else aborts the sync. */
export class BackendError extends Error {
  // Declared, then set in the constructor: no class-field boilerplate in the ES2020 bundles.
  declare readonly kind: BackendErrorKind;
  declare readonly retryAfterMs: number | undefined;

  constructor(kind: BackendErrorKind, message: string, retryAfterMs?: number) {
    super(message);
    this.name = 'BackendError';
    this.kind = kind;
    this.retryAfterMs = retryAfterMs;
  }
}

export function isBackendError(error: unknown): error is BackendError {
  return error instanceof BackendError;
}

/** Kinds worth retrying after a pause. */
export function isRetryable(kind: BackendErrorKind): boolean {
  return kind === 'rate_limit' || kind === 'transient' || kind === 'timeout';
}

/** Defaults a backend can spread and override. */
export const DEFAULT_CAPABILITIES: BackendCapabilities = {
  assignees: false,
  dueTime: false,
  links: true,
  clientToken: false,
  clientTokenTtlMs: null,
  maxBatch: 1,
  rateLimits: {},
  maxTitleLength: 1024,
  maxNotesLength: 8192,
};
