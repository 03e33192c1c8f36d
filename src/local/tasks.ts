/**
 * The local task list: a TaskBackend over SQLite for one document, plus what the tasks panel needs
 * (list all, complete, reopen as the user in the task app).
 */
import { randomUUID } from 'node:crypto';
import { BackendError, DEFAULT_CAPABILITIES, type BackendCapabilities, type CreateTaskRequest, type RemoteTask, type TaskBackend, type TaskPatch } from '../core/sync/backend';
import type { ItemStatus, Person } from '../core/model/items';
import type { Db } from './db';

export interface LocalTask {
  id: string;
  docId: string;
  title: string;
  notes: string;
  due: string | null;
  dueTime: string | null;
  assignees: string[];
  status: ItemStatus;
  syncKey: string | null;
  updatedAt: number;
  url: string;
}

interface TaskRow {
  id: string;
  doc_id: string;
  title: string;
  notes: string;
  due_date: string | null;
  due_time: string | null;
  assignees: string;
  status: ItemStatus;
  sync_key: string | null;
  created_at: number;
  updated_at: number;
}

export const LOCAL_CAPABILITIES: BackendCapabilities = {
  ...DEFAULT_CAPABILITIES,
  assignees: true,
  dueTime: true,
  links: true,
  maxBatch: 1,
};

/** The task list shared by every document of the workspace; `forDocument` gives the sync's view. */
export class LocalTaskList {
  /** Strictly increasing, so a change in the same millisecond still reads as newer. */
  private lastStamp = 0;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    /** The address of a task in the tasks panel (absolute, so it can go into a 任务 cell). */
    private readonly taskUrl: (id: string) => string,
  ) {}

  forDocument(docId: string): TaskBackend {
    return new LocalTaskBackend(this, docId);
  }

  stamp(): number {
    this.lastStamp = Math.max(this.now(), this.lastStamp + 1);
    return this.lastStamp;
  }

  all(docId?: string): LocalTask[] {
    const rows = (docId
      ? this.db.prepare('SELECT * FROM tasks WHERE doc_id = ? ORDER BY created_at, rowid').all(docId)
      : this.db.prepare('SELECT * FROM tasks ORDER BY created_at, rowid').all()) as TaskRow[];
    return rows.map((r) => this.toTask(r));
  }

  find(id: string): LocalTask | null {
    const row = this.db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
    return row ? this.toTask(row) : null;
  }

  /** The user ticks or unticks a task in the tasks panel. */
  setStatus(id: string, status: ItemStatus): LocalTask | null {
    const result = this.db.prepare('UPDATE tasks SET status = ?, updated_at = ? WHERE id = ?').run(status, this.stamp(), id);
    return result.changes > 0 ? this.find(id) : null;
  }

  insert(docId: string, request: CreateTaskRequest): LocalTask {
    const id = randomUUID().replace(/-/g, '').slice(0, 16);
    const at = this.stamp();
    const { draft } = request;
    this.db
      .prepare('INSERT INTO tasks (id, doc_id, title, notes, due_date, due_time, assignees, status, sync_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, docId, draft.title, draft.notes, draft.due?.date ?? null, draft.due?.time ?? null, JSON.stringify(names(draft.assignees)), request.status, request.syncKey, at, at);
    return this.find(id)!;
  }

  patch(id: string, patch: TaskPatch): LocalTask {
    const task = this.find(id);
    if (!task) throw new BackendError('not_found', 'The task no longer exists.');
    const next = {
      title: patch.title ?? task.title,
      notes: patch.notes ?? task.notes,
      due: patch.due === undefined ? task.due : patch.due?.date ?? null,
      dueTime: patch.due === undefined ? task.dueTime : patch.due?.time ?? null,
      assignees: patch.assignees ? names(patch.assignees) : task.assignees,
      status: patch.status ?? task.status,
    };
    this.db
      .prepare('UPDATE tasks SET title = ?, notes = ?, due_date = ?, due_time = ?, assignees = ?, status = ?, updated_at = ? WHERE id = ?')
      .run(next.title, next.notes, next.due, next.dueTime, JSON.stringify(next.assignees), next.status, this.stamp(), id);
    return this.find(id)!;
  }

  remote(task: LocalTask): RemoteTask {
    const remote: RemoteTask = { id: task.id, status: task.status, updatedAt: task.updatedAt, url: task.url, title: task.title };
    if (task.syncKey) remote.syncKey = task.syncKey;
    return remote;
  }

  private toTask(r: TaskRow): LocalTask {
    return {
      id: r.id,
      docId: r.doc_id,
      title: r.title,
      notes: r.notes,
      due: r.due_date,
      dueTime: r.due_time,
      assignees: JSON.parse(r.assignees) as string[],
      status: r.status,
      syncKey: r.sync_key,
      updatedAt: r.updated_at,
      url: this.taskUrl(r.id),
    };
  }
}

class LocalTaskBackend implements TaskBackend {
  readonly capabilities = LOCAL_CAPABILITIES;

  constructor(
    private readonly list_: LocalTaskList,
    private readonly docId: string,
  ) {}

  async list(): Promise<RemoteTask[]> {
    return this.list_.all(this.docId).map((t) => this.list_.remote(t));
  }

  async get(taskId: string): Promise<RemoteTask | null> {
    const task = this.list_.find(taskId);
    return task ? this.list_.remote(task) : null;
  }

  async findBySyncKeys(syncKeys: readonly string[]): Promise<Map<string, RemoteTask>> {
    const wanted = new Set(syncKeys);
    const found = new Map<string, RemoteTask>();
    for (const task of this.list_.all(this.docId)) if (task.syncKey && wanted.has(task.syncKey)) found.set(task.syncKey, this.list_.remote(task));
    return found;
  }

  async create(request: CreateTaskRequest): Promise<RemoteTask> {
    return this.list_.remote(this.list_.insert(this.docId, request));
  }

  async update(taskId: string, patch: TaskPatch): Promise<RemoteTask> {
    return this.list_.remote(this.list_.patch(taskId, patch));
  }

  async complete(taskId: string): Promise<RemoteTask> {
    return this.list_.remote(this.list_.patch(taskId, { status: 'done' }));
  }

  async reopen(taskId: string): Promise<RemoteTask> {
    return this.list_.remote(this.list_.patch(taskId, { status: 'open' }));
  }
}

function names(people: readonly Person[]): string[] {
  return people.map((p) => p.name);
}
