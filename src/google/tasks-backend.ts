/**
 * The sync core's TaskBackend over the Tasks advanced service. Google Tasks has no assignees, keeps the due
 * date only, has no idempotency token and lets a script write only the current user's own lists, so:
 * - the owner goes into the title (【王芳】…) and notes (the core renders both);
 * - the sync key is the last notes line ([sync:…]), kept on every rewrite, so `findBySyncKeys` finds the
 *   task of a run that crashed between "created" and "stored";
 * - due is sent as YYYY-MM-DDT00:00:00.000Z built from the calendar date (converting a local midnight to
 *   UTC would land on the previous day east of Greenwich);
 * - lists are read with showCompleted and showHidden: tasks ticked in the Tasks app are also hidden.
 */
import type { BackendCapabilities, CreateTaskRequest, RemoteTask, TaskBackend, TaskDue, TaskPatch } from '../core/sync/backend';
import { BackendError, DEFAULT_CAPABILITIES } from '../core/sync/backend';
import { DAILY_QUOTA, QuotaExceeded, messageOf } from './errors';

type TasksService = GoogleAppsScript.Tasks;
/** Output-only fields the typings lack. */
type ApiTask = GoogleAppsScript.Tasks.Schema.Task & { webViewLink?: string };
/** Patch bodies may clear fields with null. */
type TaskBody = Omit<ApiTask, 'due' | 'completed' | 'notes'> & { due?: string | null; completed?: string | null; notes?: string };

/**
 * Google Tasks is the core's default profile: no assignees, a due date without time, task links, no client
 * token, one write per call, titles up to 1024 and notes up to 8192 characters (test/gas pins these values).
 */
export const GOOGLE_CAPABILITIES: BackendCapabilities = Object.freeze({ ...DEFAULT_CAPABILITIES });

const KEY_LINE = /\n?\[sync:([^\]\n]+)\]\s*$/;
const PAGE_SIZE = 100;

export function dueString(due: TaskDue): string {
  return `${due.date}T00:00:00.000Z`;
}

export function notesWithKey(notes: string, syncKey: string): string {
  return notes ? `${notes}\n[sync:${syncKey}]` : `[sync:${syncKey}]`;
}

export function syncKeyInNotes(notes: string | undefined): string | null {
  return notes ? (KEY_LINE.exec(notes)?.[1] ?? null) : null;
}

/** An advanced-service failure as a BackendError (or QuotaExceeded); anything unknown is rethrown as is. */
export function mapTasksError(error: unknown): Error {
  const message = messageOf(error);
  const details = (error as { details?: { code?: unknown } } | null)?.details;
  const code = typeof details?.code === 'number' ? details.code : Number(/\b(4\d\d|5\d\d)\b/.exec(message)?.[1] ?? NaN);
  const text = message.replace(/^.*failed with error:\s*/, '');
  if (DAILY_QUOTA.test(message)) return new QuotaExceeded(text);
  if (code === 404 || /not found/i.test(text)) return new BackendError('not_found', text);
  if (code === 429 || /rate limit|too many requests/i.test(text)) return new BackendError('rate_limit', text, 2000);
  if (code >= 500 || /backend error|internal error|unavailable/i.test(text)) return new BackendError('transient', text);
  if (code === 401 || code === 403 || /forbidden|login required|permission/i.test(text)) return new BackendError('permission', text);
  if (code === 400 || /invalid/i.test(text)) return new BackendError('invalid', text);
  if (/timed out|timeout/i.test(text)) return new BackendError('timeout', text);
  return error instanceof Error ? error : new Error(message);
}

/** Runs one advanced-service call, its failure mapped (mapTasksError). */
export function callTasks<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw mapTasksError(error);
  }
}

/**
 * Every task of a list that is not deleted, every page, including those completed (and so hidden) in the Tasks
 * app. A list without tasks has no `items` at all.
 */
export function liveTasks(tasks: TasksService, listId: string): ApiTask[] {
  const out: ApiTask[] = [];
  let pageToken: string | undefined;
  do {
    const opts: Record<string, unknown> = { maxResults: PAGE_SIZE, showCompleted: true, showHidden: true };
    if (pageToken) opts.pageToken = pageToken;
    const page = callTasks(() => tasks.Tasks.list(listId, opts));
    for (const t of page.items ?? []) if (!t.deleted) out.push(t);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

export class GoogleTasksBackend implements TaskBackend {
  readonly capabilities = GOOGLE_CAPABILITIES;
  /** Sync keys by task id, from the last listing, so a notes rewrite keeps the key without a read. */
  private readonly keys = new Map<string, string>();
  private listed: RemoteTask[] | null = null;

  constructor(
    private readonly tasks: TasksService,
    private readonly listId: () => string,
  ) {}

  async list(): Promise<RemoteTask[]> {
    const out = liveTasks(this.tasks, this.listId()).map((t) => this.view(t));
    this.listed = out;
    return out;
  }

  async get(taskId: string): Promise<RemoteTask | null> {
    try {
      const t = callTasks(() => this.tasks.Tasks.get(this.listId(), taskId));
      return t.deleted ? null : this.view(t);
    } catch (error) {
      if (error instanceof BackendError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  async findBySyncKeys(syncKeys: readonly string[]): Promise<Map<string, RemoteTask>> {
    const wanted = new Set(syncKeys);
    const out = new Map<string, RemoteTask>();
    for (const t of this.listed ?? (await this.list())) {
      if (t.syncKey && wanted.has(t.syncKey) && !out.has(t.syncKey)) out.set(t.syncKey, t);
    }
    return out;
  }

  async create(request: CreateTaskRequest): Promise<RemoteTask> {
    const body: TaskBody = {
      title: request.draft.title,
      notes: notesWithKey(request.draft.notes, request.syncKey),
      status: request.status === 'done' ? 'completed' : 'needsAction',
    };
    if (request.draft.due) body.due = dueString(request.draft.due);
    this.listed = null;
    return this.view(callTasks(() => this.tasks.Tasks.insert(body as ApiTask, this.listId())));
  }

  async update(taskId: string, patch: TaskPatch): Promise<RemoteTask> {
    const body: TaskBody = {};
    if (patch.title !== undefined) body.title = patch.title;
    if (patch.notes !== undefined) {
      const key = this.keys.get(taskId) ?? this.keyOf(taskId);
      body.notes = key ? notesWithKey(patch.notes, key) : patch.notes;
    }
    if (patch.due !== undefined) body.due = patch.due === null ? null : dueString(patch.due);
    if (patch.status === 'done') body.status = 'completed';
    // Reopening clears `completed` as well, or the task keeps its completion time.
    if (patch.status === 'open') Object.assign(body, { status: 'needsAction', completed: null });
    return this.patch(taskId, body);
  }

  complete(taskId: string): Promise<RemoteTask> {
    return this.update(taskId, { status: 'done' });
  }

  reopen(taskId: string): Promise<RemoteTask> {
    return this.update(taskId, { status: 'open' });
  }

  private patch(taskId: string, body: TaskBody): RemoteTask {
    this.listed = null;
    return this.view(callTasks(() => this.tasks.Tasks.patch(body as ApiTask, this.listId(), taskId)));
  }

  private keyOf(taskId: string): string | null {
    const t = callTasks(() => this.tasks.Tasks.get(this.listId(), taskId));
    return syncKeyInNotes(t.notes);
  }

  private view(t: ApiTask): RemoteTask {
    const id = t.id ?? '';
    const syncKey = syncKeyInNotes(t.notes);
    if (syncKey) this.keys.set(id, syncKey);
    const out: RemoteTask = {
      id,
      status: t.status === 'completed' ? 'done' : 'open',
      updatedAt: t.updated ? Date.parse(t.updated) : 0,
      url: t.webViewLink ?? `https://tasks.google.com/task/${id}`,
      title: t.title ?? '',
    };
    if (syncKey) out.syncKey = syncKey;
    return out;
  }
}
