/**
 * Feishu Tasks (task v2) behind the sync core's TaskBackend: owners become assignee members (mention
 * open_id → member; email → batch_get_id; name → the cached directory; unresolved → no assignee, a
 * warning, the name kept in the description), dues all-day or with a time, an origin link back to the
 * row, client_token on creates, `extra` carrying the sync key, patches that send only changed fields,
 * complete/reopen via completed_at, and an optional tasklist (per meeting) that makes lookups by sync
 * key possible after the 5-minute client_token window.
 */
import type { Person } from '../../core/model/items';
import {
  BackendError,
  type BackendCapabilities,
  type CreateTaskRequest,
  type RemoteTask,
  type TaskBackend,
  type TaskDue,
  type TaskPatch,
} from '../../core/sync/backend';
import type { Sleep } from '../../core/sync/retry';
import { call, type FeishuClient } from '../client';
import { instant } from '../docx/time';
import { toBackendError } from '../retry';
import type { FeishuDirectory } from './directory';

export interface FeishuTask {
  guid: string;
  summary?: string;
  description?: string;
  completed_at?: string;
  updated_at?: string;
  created_at?: string;
  url?: string;
  extra?: string;
  members?: { id: string; type?: string; role?: string }[];
  due?: { timestamp: string; is_all_day?: boolean };
}

export interface TaskBackendOptions {
  client: FeishuClient;
  directory: FeishuDirectory;
  timeZone: string;
  sleep: Sleep;
  /** The tasklist new tasks go into (created on demand by the caller), or null for none. */
  tasklist?: () => Promise<string | null>;
  /** Link back to the document row for a sync key: origin.href of new tasks. */
  linkFor?: (syncKey: string) => { url: string; title: string } | null;
  /** Product name shown as the task's origin. */
  originName?: { zh_cn: string; en_us: string };
}

export interface OwnerWarning {
  code: 'owner_unresolved';
  name: string;
  /** none: nobody of that name in the app's contact scope; ambiguous: several people. */
  reason: 'none' | 'ambiguous';
}

export const FEISHU_CAPABILITIES: BackendCapabilities = {
  assignees: true,
  dueTime: true,
  links: true,
  clientToken: true,
  clientTokenTtlMs: 5 * 60_000,
  maxBatch: 1,
  rateLimits: { create: 10, update: 10, read: 20 },
  maxTitleLength: 3000,
  maxNotesLength: 3000,
};

export class FeishuTaskBackend implements TaskBackend {
  readonly capabilities = FEISHU_CAPABILITIES;
  /** Owners that could not be matched to a Feishu user during this backend's life. */
  readonly warnings: OwnerWarning[] = [];

  /** Only with a tasklist: without one, tasks created by the app cannot be listed with a tenant token. */
  readonly findBySyncKeys?: (syncKeys: readonly string[]) => Promise<Map<string, RemoteTask>>;

  constructor(private readonly options: TaskBackendOptions) {
    if (options.tasklist) this.findBySyncKeys = (keys) => this.lookupInTasklist(keys);
  }

  async get(taskId: string): Promise<RemoteTask | null> {
    try {
      return remote(await this.fetch(taskId));
    } catch (error) {
      if (error instanceof BackendError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  private async lookupInTasklist(syncKeys: readonly string[]): Promise<Map<string, RemoteTask>> {
    const found = new Map<string, RemoteTask>();
    const guid = this.options.tasklist ? await this.options.tasklist() : null;
    if (!guid) throw new BackendError('invalid', 'no tasklist to search for tasks of an interrupted sync');
    const wanted = new Set(syncKeys);
    let pageToken: string | undefined;
    do {
      const token = pageToken;
      const data = await this.api<{ items?: { guid: string }[]; has_more?: boolean; page_token?: string }>('task.tasklist.tasks', () =>
        this.options.client.task.v2.tasklist.tasks({ path: { tasklist_guid: guid }, params: { page_size: 100, user_id_type: 'open_id', ...(token ? { page_token: token } : {}) } }),
      );
      // The list omits `extra`: read each task (only after an interrupted sync, so rarely).
      for (const item of data.items ?? []) {
        const task = remote(await this.fetch(item.guid));
        if (task.syncKey && wanted.has(task.syncKey)) found.set(task.syncKey, task);
      }
      pageToken = data.has_more ? data.page_token : undefined;
    } while (pageToken);
    return found;
  }

  async create(request: CreateTaskRequest): Promise<RemoteTask> {
    const { draft } = request;
    const members = await this.members(draft.assignees);
    const link = this.options.linkFor?.(request.syncKey) ?? null;
    const tasklist = this.options.tasklist ? await this.options.tasklist() : null;
    const data: Record<string, unknown> = {
      summary: draft.title,
      // The owners' names stay in the description (the notes' 负责人 line), resolved or not.
      description: draft.notes.slice(0, 3000),
      members: members.ids.map((id) => ({ id, type: 'user', role: 'assignee' })),
      extra: JSON.stringify({ k: request.syncKey }),
      ...(draft.due ? { due: this.due(draft.due) } : {}),
      ...(request.status === 'done' ? { completed_at: String(Date.now()) } : {}),
      ...(request.clientToken ? { client_token: request.clientToken } : {}),
      ...(link ? { origin: { platform_i18n_name: this.options.originName ?? { zh_cn: '纪要待办', en_us: 'Minutes to Tasks' }, href: link } } : {}),
      ...(tasklist ? { tasklists: [{ tasklist_guid: tasklist }] } : {}),
    };
    const out = await this.api<{ task?: FeishuTask }>('task.create', () => this.options.client.task.v2.task.create({ params: { user_id_type: 'open_id' }, data: data as never }));
    if (!out.task) throw new BackendError('transient', 'task.create answered without a task');
    return remote(out.task);
  }

  async update(taskId: string, patch: TaskPatch): Promise<RemoteTask> {
    const task: Record<string, unknown> = {};
    const fields: string[] = [];
    if (patch.assignees !== undefined) await this.syncMembers(taskId, (await this.members(patch.assignees)).ids);
    if (patch.title !== undefined) {
      task.summary = patch.title;
      fields.push('summary');
    }
    if (patch.notes !== undefined) {
      task.description = patch.notes.slice(0, 3000);
      fields.push('description');
    }
    if (patch.due !== undefined) {
      // A field named in update_fields but absent from the body is cleared: that is how a due is removed.
      if (patch.due !== null) task.due = this.due(patch.due);
      fields.push('due');
    }
    if (patch.status !== undefined) {
      task.completed_at = patch.status === 'done' ? String(Date.now()) : '0';
      fields.push('completed_at');
    }
    if (fields.length === 0) return remote(await this.fetch(taskId));
    return this.patch(taskId, task, fields);
  }

  complete(taskId: string): Promise<RemoteTask> {
    return this.patch(taskId, { completed_at: String(Date.now()) }, ['completed_at']);
  }

  reopen(taskId: string): Promise<RemoteTask> {
    return this.patch(taskId, { completed_at: '0' }, ['completed_at']);
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private async patch(taskId: string, task: Record<string, unknown>, fields: string[]): Promise<RemoteTask> {
    const out = await this.api<{ task?: FeishuTask }>('task.patch', () =>
      this.options.client.task.v2.task.patch({ path: { task_guid: taskId }, params: { user_id_type: 'open_id' }, data: { task: task as never, update_fields: fields } }),
    );
    if (!out.task) throw new BackendError('transient', 'task.patch answered without a task');
    return remote(out.task);
  }

  private async fetch(taskId: string): Promise<FeishuTask> {
    const out = await this.api<{ task?: FeishuTask }>('task.get', () => this.options.client.task.v2.task.get({ path: { task_guid: taskId }, params: { user_id_type: 'open_id' } }));
    if (!out.task) throw new BackendError('not_found', `task ${taskId} not found`);
    return out.task;
  }

  /** Members are not patchable: add the missing assignees, remove the ones no longer named. */
  private async syncMembers(taskId: string, ids: readonly string[]): Promise<void> {
    const current = (await this.fetch(taskId)).members?.filter((m) => m.role === 'assignee' && (m.type ?? 'user') === 'user').map((m) => m.id) ?? [];
    const add = ids.filter((id) => !current.includes(id));
    const remove = current.filter((id) => !ids.includes(id));
    if (add.length > 0) {
      await this.api('task.addMembers', () =>
        this.options.client.task.v2.task.addMembers({ path: { task_guid: taskId }, params: { user_id_type: 'open_id' }, data: { members: add.map((id) => ({ id, type: 'user', role: 'assignee' })) } }),
      );
    }
    if (remove.length > 0) {
      await this.api('task.removeMembers', () =>
        this.options.client.task.v2.task.removeMembers({ path: { task_guid: taskId }, params: { user_id_type: 'open_id' }, data: { members: remove.map((id) => ({ id, type: 'user', role: 'assignee' })) } }),
      );
    }
  }

  /** Owners → open_ids: mention id, else email, else a unique name in the directory. */
  private async members(people: readonly Person[]): Promise<{ ids: string[] }> {
    const ids: string[] = [];
    const emails = await this.lookup(() => this.options.directory.byEmails(people.filter((p) => !p.id && p.email).map((p) => p.email!)));
    for (const person of people) {
      let id: string | null = person.id ?? null;
      if (!id && person.email) id = emails.get(person.email.toLowerCase()) ?? null;
      if (!id) {
        const match = await this.lookup(() => this.options.directory.byName(person.name));
        if (match.kind === 'one') id = match.openId;
        else if (!this.warnings.some((w) => w.name === person.name)) {
          this.warnings.push({ code: 'owner_unresolved', name: person.name, reason: match.kind === 'ambiguous' ? 'ambiguous' : 'none' });
        }
      }
      if (id && !ids.includes(id)) ids.push(id);
    }
    return { ids };
  }

  private due(due: TaskDue): { timestamp: string; is_all_day: boolean } {
    const time = due.time && /^\d\d:\d\d$/.test(due.time) ? due.time : due.time === 'EOD' ? '18:00' : null;
    if (!time) return { timestamp: String(Date.parse(`${due.date}T00:00:00Z`)), is_all_day: true };
    return { timestamp: String(instant(due.date, time, this.options.timeZone)), is_all_day: false };
  }

  private async lookup<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toBackendError(error);
    }
  }

  private async api<T>(operation: string, run: () => Promise<unknown>): Promise<T> {
    try {
      return await call<T>(operation, run);
    } catch (error) {
      throw toBackendError(error);
    }
  }
}

export function remote(task: FeishuTask): RemoteTask {
  const out: RemoteTask = {
    id: task.guid,
    status: task.completed_at && task.completed_at !== '0' ? 'done' : 'open',
    updatedAt: Number(task.updated_at ?? task.created_at ?? 0),
  };
  if (task.url) out.url = task.url;
  if (task.summary !== undefined) out.title = task.summary;
  const key = syncKeyIn(task.extra);
  if (key) out.syncKey = key;
  return out;
}

function syncKeyIn(extra: string | undefined): string | null {
  if (!extra) return null;
  try {
    const parsed: unknown = JSON.parse(extra);
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as { k?: unknown }).k === 'string' ? (parsed as { k: string }).k : null;
  } catch {
    return null;
  }
}
