/**
 * An in-memory task app, faithful where the sync's correctness depends on it:
 * - optional client-token idempotency that expires (Feishu: 5 minutes after a success; a failed call
 *   frees the token);
 * - a sync key kept in the notes (Google: rewritten notes keep it) or in a separate field (Feishu
 *   `extra`), searchable when lookup is on;
 * - date-only due dates and no assignees when the capabilities say so;
 * - injected failures at numbered fault points: rate limits, 5xx, timeouts before or after the
 *   write took effect, and crashes;
 * - the user's own actions in the task app: complete, reopen, edit, delete.
 */
import type { ItemStatus, Person } from '../../model/items';
import type {
  BackendCapabilities,
  CreateTaskRequest,
  RemoteTask,
  TaskBackend,
  TaskDue,
  TaskPatch,
  TaskWrite,
  TaskWriteOutcome,
} from '../backend';
import { BackendError, DEFAULT_CAPABILITIES, isBackendError } from '../backend';
import { batchedWrites } from '../batch';
import type { WriteBatching } from '../executor';
import type { FaultInjector, FaultPoint } from './faults';
import { SimulatedCrash } from './faults';

export interface MemoryTask {
  id: string;
  title: string;
  /** Notes as the app shows them (with the sync key line when it lives in the notes). */
  notes: string;
  due: TaskDue | null;
  assignees: Person[];
  status: ItemStatus;
  completedAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** Where the sync key lives when it is not in the notes (Feishu `extra`). */
  extra: string | null;
  url: string;
  deleted: boolean;
}

export interface MemoryBackendOptions {
  now?: () => number;
  capabilities?: Partial<BackendCapabilities>;
  /** Offer findBySyncKeys (default true). */
  lookup?: boolean;
  /** Offer list (default true). */
  list?: boolean;
  /** Where the sync key is recorded (default 'notes', as on Google). */
  syncKeyIn?: 'notes' | 'extra';
  /** How long a client token returns its task after a success (default 5 minutes). */
  clientTokenTtlMs?: number;
  faults?: FaultInjector;
  idPrefix?: string;
}

export interface MemoryBackendStats {
  reads: number;
  /** Write calls received (including ones that failed). */
  writes: number;
  /** Writes that took effect. */
  applied: number;
  creates: number;
}

const KEY_LINE = /\n?\[sync:([^\]\n]+)\]$/;

export class MemoryTaskBackend implements TaskBackend {
  readonly capabilities: BackendCapabilities;
  readonly stats: MemoryBackendStats = { reads: 0, writes: 0, applied: 0, creates: 0 };
  list?: () => Promise<RemoteTask[]>;
  findBySyncKeys?: (syncKeys: readonly string[]) => Promise<Map<string, RemoteTask>>;
  writeBatch?: (writes: readonly TaskWrite[]) => Promise<TaskWriteOutcome[]>;
  batching?: WriteBatching;

  private readonly tasks = new Map<string, MemoryTask>();
  private readonly tokens = new Map<string, { taskId: string; at: number }>();
  private readonly now: () => number;
  private readonly syncKeyIn: 'notes' | 'extra';
  private readonly tokenTtl: number;
  private readonly faults: FaultInjector | undefined;
  private readonly idPrefix: string;
  private seq = 0;
  private lastStamp = 0;

  constructor(options: MemoryBackendOptions = {}) {
    this.tokenTtl = options.clientTokenTtlMs ?? options.capabilities?.clientTokenTtlMs ?? 5 * 60_000;
    this.capabilities = { ...DEFAULT_CAPABILITIES, clientTokenTtlMs: this.tokenTtl, ...options.capabilities };
    this.now = options.now ?? (() => Date.now());
    this.syncKeyIn = options.syncKeyIn ?? 'notes';
    this.faults = options.faults;
    this.idPrefix = options.idPrefix ?? 't';
    if (options.list !== false) this.list = () => this.read('list', () => this.live().map((t) => this.view(t)));
    if (options.lookup !== false) this.findBySyncKeys = (keys) => this.read('lookup', () => this.lookup(keys));
    if (this.capabilities.maxBatch > 1) {
      const writeBatch = (writes: readonly TaskWrite[]): Promise<TaskWriteOutcome[]> => this.batch(writes);
      this.writeBatch = writeBatch;
      this.batching = batchedWrites(writeBatch);
    }
  }

  // ---- TaskBackend -------------------------------------------------------------------------------

  get(taskId: string): Promise<RemoteTask | null> {
    return this.read('get', () => {
      const t = this.tasks.get(taskId);
      return t && !t.deleted ? this.view(t) : null;
    });
  }

  create(request: CreateTaskRequest): Promise<RemoteTask> {
    return this.write('create', () => {
      const token = this.capabilities.clientToken ? request.clientToken : undefined;
      if (token !== undefined) {
        const seen = this.tokens.get(token);
        const t = seen ? this.tasks.get(seen.taskId) : undefined;
        if (seen && t && this.now() - seen.at <= this.tokenTtl) return this.view(t);
      }
      this.checkDraft(request.draft.title, request.draft.notes);
      const at = this.stamp();
      const id = `${this.idPrefix}${++this.seq}`;
      const task: MemoryTask = {
        id,
        title: request.draft.title,
        notes: this.withKey(request.draft.notes, request.syncKey),
        due: this.keepDue(request.draft.due),
        assignees: this.capabilities.assignees ? request.draft.assignees.map((p) => ({ ...p })) : [],
        status: request.status,
        completedAt: request.status === 'done' ? at : null,
        createdAt: at,
        updatedAt: at,
        extra: this.syncKeyIn === 'extra' ? request.syncKey : null,
        url: `https://tasks.example/${id}`,
        deleted: false,
      };
      this.tasks.set(id, task);
      this.stats.creates++;
      if (token !== undefined) this.tokens.set(token, { taskId: id, at });
      return this.view(task);
    });
  }

  update(taskId: string, patch: TaskPatch): Promise<RemoteTask> {
    return this.write('update', () => this.patch(taskId, patch));
  }

  complete(taskId: string): Promise<RemoteTask> {
    return this.write('complete', () => this.patch(taskId, { status: 'done' }));
  }

  reopen(taskId: string): Promise<RemoteTask> {
    return this.write('reopen', () => this.patch(taskId, { status: 'open' }));
  }

  // ---- the user, in the task app ------------------------------------------------------------------

  userComplete(taskId: string): void {
    this.patch(taskId, { status: 'done' });
  }

  userReopen(taskId: string): void {
    this.patch(taskId, { status: 'open' });
  }

  userEdit(taskId: string, patch: TaskPatch): void {
    this.patch(taskId, patch);
  }

  userDelete(taskId: string): void {
    const t = this.mustFind(taskId);
    t.deleted = true;
    t.updatedAt = this.stamp();
  }

  // ---- inspection for tests -----------------------------------------------------------------------

  /** Tasks not deleted, as stored (copies). */
  liveTasks(): MemoryTask[] {
    return this.live().map((t) => structuredCopy(t));
  }

  task(taskId: string): MemoryTask | undefined {
    const t = this.tasks.get(taskId);
    return t ? structuredCopy(t) : undefined;
  }

  taskByUrl(url: string): MemoryTask | undefined {
    const t = this.live().find((x) => x.url === url);
    return t ? structuredCopy(t) : undefined;
  }

  /** The sync key recorded on a task. */
  syncKeyOf(task: MemoryTask): string | null {
    return this.syncKeyIn === 'extra' ? task.extra : (KEY_LINE.exec(task.notes)?.[1] ?? null);
  }

  /** Notes without the sync key line. */
  notesBody(task: MemoryTask): string {
    return this.syncKeyIn === 'extra' ? task.notes : task.notes.replace(KEY_LINE, '');
  }

  // ---- internals ----------------------------------------------------------------------------------

  private live(): MemoryTask[] {
    return [...this.tasks.values()].filter((t) => !t.deleted);
  }

  private lookup(keys: readonly string[]): Map<string, RemoteTask> {
    const wanted = new Set(keys);
    const out = new Map<string, RemoteTask>();
    for (const t of this.live()) {
      const k = this.syncKeyOf(t);
      if (k !== null && wanted.has(k) && !out.has(k)) out.set(k, this.view(t));
    }
    return out;
  }

  private patch(taskId: string, patch: TaskPatch): RemoteTask {
    const t = this.tasks.get(taskId);
    if (!t || t.deleted) throw new BackendError('not_found', `task ${taskId} not found`);
    if (patch.title !== undefined || patch.notes !== undefined) this.checkDraft(patch.title ?? t.title, patch.notes ?? this.notesBody(t));
    const key = this.syncKeyIn === 'notes' ? this.syncKeyOf(t) : null;
    if (patch.title !== undefined) t.title = patch.title;
    if (patch.notes !== undefined) t.notes = key !== null ? this.withKey(patch.notes, key) : patch.notes;
    if (patch.due !== undefined) t.due = this.keepDue(patch.due);
    if (patch.assignees !== undefined && this.capabilities.assignees) t.assignees = patch.assignees.map((p) => ({ ...p }));
    const at = this.stamp();
    if (patch.status !== undefined && patch.status !== t.status) {
      t.status = patch.status;
      t.completedAt = patch.status === 'done' ? at : null;
    }
    t.updatedAt = at;
    return this.view(t);
  }

  private withKey(notes: string, syncKey: string): string {
    return this.syncKeyIn === 'notes' ? `${notes}\n[sync:${syncKey}]` : notes;
  }

  private keepDue(due: TaskDue | null): TaskDue | null {
    if (due === null) return null;
    return { date: due.date, time: this.capabilities.dueTime ? due.time : null };
  }

  private checkDraft(title: string, notes: string): void {
    if (title.length > this.capabilities.maxTitleLength) throw new BackendError('invalid', 'title too long');
    if (notes.length > this.capabilities.maxNotesLength) throw new BackendError('invalid', 'notes too long');
  }

  private mustFind(taskId: string): MemoryTask {
    const t = this.tasks.get(taskId);
    if (!t || t.deleted) throw new Error(`no task ${taskId}`);
    return t;
  }

  /** Strictly increasing modification times, so every change is visible as a later updatedAt. */
  private stamp(): number {
    this.lastStamp = Math.max(this.now(), this.lastStamp + 1);
    return this.lastStamp;
  }

  private view(t: MemoryTask): RemoteTask {
    const syncKey = this.syncKeyOf(t);
    return { id: t.id, status: t.status, updatedAt: t.updatedAt, url: t.url, title: t.title, ...(syncKey !== null ? { syncKey } : {}) };
  }

  private async read<T>(point: FaultPoint, run: () => T): Promise<T> {
    this.stats.reads++;
    const fault = this.faults?.next(point);
    this.failBefore(point, fault);
    const result = run();
    if (fault === 'crash_after') throw new SimulatedCrash(point, this.step());
    if (fault === 'timeout_after') throw new BackendError('timeout', `${point}: timed out`);
    return result;
  }

  private async write<T>(point: FaultPoint, run: () => T): Promise<T> {
    this.stats.writes++;
    const fault = this.faults?.next(point);
    this.failBefore(point, fault);
    const result = run();
    this.stats.applied++;
    if (fault === 'crash_after') throw new SimulatedCrash(point, this.step());
    if (fault === 'timeout_after') throw new BackendError('timeout', `${point}: timed out after the write`);
    return result;
  }

  private failBefore(point: FaultPoint, fault: string | undefined): void {
    switch (fault) {
      case 'crash_before':
        throw new SimulatedCrash(point, this.step());
      case 'rate_limit':
        throw new BackendError('rate_limit', `${point}: request trigger frequency limit`, 1000);
      case 'server_error':
        throw new BackendError('transient', `${point}: internal server error`);
      case 'timeout_before':
        throw new BackendError('timeout', `${point}: timed out`);
      case 'refuse':
        throw new BackendError('invalid', `${point}: param error`);
    }
  }

  private step(): number {
    return (this.faults?.steps ?? 1) - 1;
  }

  private async batch(writes: readonly TaskWrite[]): Promise<TaskWriteOutcome[]> {
    if (writes.length > this.capabilities.maxBatch) throw new BackendError('invalid', 'batch too large');
    const out: TaskWriteOutcome[] = [];
    for (const w of writes) {
      try {
        out.push({ ok: true, task: await this.one(w) });
      } catch (error) {
        if (!isBackendError(error)) throw error;
        out.push({ ok: false, error });
      }
    }
    return out;
  }

  private one(w: TaskWrite): Promise<RemoteTask> {
    switch (w.type) {
      case 'create':
        return this.create(w.request);
      case 'update':
        return this.update(w.taskId, w.patch);
      case 'complete':
        return this.complete(w.taskId);
      case 'reopen':
        return this.reopen(w.taskId);
    }
  }
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
