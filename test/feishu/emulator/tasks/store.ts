/** Task v2 state: tasks, tasklists, client_token idempotency, visibility and subscriptions. */
import type { Identity } from '../auth';
import type { Directory, UserIdType } from '../directory';
import { taskErrors } from '../errors';
import { uuid } from '../ids';
import type { JsonObject } from '../json';
import { clone, isObject, parseMs } from '../json';

export interface TaskMember {
  id: string;
  type: 'user' | 'app';
  role: 'assignee' | 'follower';
}

export interface TaskTime {
  timestamp: string;
  is_all_day: boolean;
}

export interface TaskRecord {
  guid: string;
  task_id: string;
  summary: string;
  description: string;
  due?: TaskTime;
  start?: TaskTime;
  members: TaskMember[];
  creator: { id: string; type: 'user' | 'app' };
  completed_at: string;
  status: 'todo' | 'done';
  created_at: string;
  updated_at: string;
  url: string;
  source: number;
  origin?: JsonObject;
  extra: string;
  tasklists: { tasklist_guid: string; section_guid: string }[];
  reminders: { id: string; relative_fire_minute: number }[];
  repeat_rule: string;
  parent_task_guid: string;
  mode: number;
  subtask_count: number;
  is_milestone: boolean;
  custom_fields: JsonObject[];
  custom_complete?: JsonObject;
  docx_source?: { token: string; block_id: string };
}

export interface TasklistRecord {
  guid: string;
  name: string;
  creator: { id: string; type: 'user' | 'app' };
  owner: { id: string; type: 'user' | 'app'; role: 'owner' };
  members: { id: string; type: 'user' | 'app' | 'chat'; role: 'editor' | 'viewer' }[];
  url: string;
  created_at: string;
  updated_at: string;
}

export type TaskEventType =
  | 'task_assignees_update'
  | 'task_completed_update'
  | 'task_create'
  | 'task_deleted'
  | 'task_desc_update'
  | 'task_followers_update'
  | 'task_reminders_update'
  | 'task_start_due_update'
  | 'task_summary_update';

/** Who made a change: the app through the API, or a person in the Tasks app. */
export type TaskActor = { kind: 'app'; appId: string } | { kind: 'user'; openId: string };

const CLIENT_TOKEN_WINDOW_MS = 5 * 60 * 1000;
export const PATCHABLE = ['summary', 'description', 'due', 'start', 'completed_at', 'extra', 'repeat_rule', 'custom_complete', 'mode', 'is_milestone', 'custom_fields'];

export class TaskStore {
  readonly tasks = new Map<string, TaskRecord>();
  readonly deleted = new Set<string>();
  readonly tasklists = new Map<string, TasklistRecord>();
  /** Apps with a tenant-token task_subscription. */
  readonly appSubscribers = new Set<string>();
  /** Users (per app) with a user-token task_subscription. */
  readonly userSubscribers = new Map<string, Set<string>>();
  private readonly clientTokens = new Map<string, { guid: string; at: number }>();
  private nextTaskNumber = 6_272_300;
  onChange: (task: TaskRecord, types: TaskEventType[], actor: TaskActor) => void = () => undefined;

  constructor(
    private readonly directory: Directory,
    private readonly now: () => number,
  ) {}

  // ---- visibility ----------------------------------------------------------------------------

  canSee(identity: Identity, task: TaskRecord): boolean {
    if (identity.kind === 'tenant') {
      if (task.creator.type === 'app' && task.creator.id === identity.appId) return true;
      if (task.members.some((m) => m.type === 'app' && m.id === identity.appId)) return true;
      return task.tasklists.some((t) => this.canSeeTasklist(identity, this.tasklists.get(t.tasklist_guid)));
    }
    if (task.creator.type === 'user' && task.creator.id === identity.openId) return true;
    if (task.members.some((m) => m.type === 'user' && m.id === identity.openId)) return true;
    return task.tasklists.some((t) => this.canSeeTasklist(identity, this.tasklists.get(t.tasklist_guid)));
  }

  canSeeTasklist(identity: Identity, list: TasklistRecord | undefined): boolean {
    if (!list) return false;
    const id = identity.kind === 'tenant' ? identity.appId : identity.openId;
    return list.owner.id === id || list.creator.id === id || list.members.some((m) => m.id === id);
  }

  /** The task for an identity: 404 / 1470404 when unknown or deleted, 403 / 1470403 when not visible. */
  visible(identity: Identity, guid: string): TaskRecord {
    const task = this.tasks.get(guid);
    if (!task || this.deleted.has(guid)) throw taskErrors.notFound();
    if (!this.canSee(identity, task)) throw taskErrors.forbidden();
    return task;
  }

  // ---- rendering -----------------------------------------------------------------------------

  render(task: TaskRecord, userIdType: UserIdType): JsonObject {
    const out = clone(task) as unknown as JsonObject;
    out.members = task.members.map((m) => ({ ...m, id: this.userId(m, userIdType) }));
    if (task.creator.type === 'user') out.creator = { ...task.creator, id: this.userId(task.creator, userIdType) };
    return out;
  }

  private userId(member: { id: string; type: string }, type: UserIdType): string {
    if (member.type !== 'user' || type === 'open_id') return member.id;
    return this.directory.byIdType(member.id, 'open_id')?.[type] ?? member.id;
  }

  // ---- validation ----------------------------------------------------------------------------

  parseMembers(value: unknown, userIdType: UserIdType, field = 'members'): TaskMember[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw taskErrors.param(`${field} must be an array`);
    if (value.length > 50) throw taskErrors.param(`${field}: at most 50 members`);
    const out: TaskMember[] = [];
    value.forEach((m, i) => {
      if (!isObject(m) || typeof m.id !== 'string' || m.id === '') throw taskErrors.param(`${field}[${i}].id is required`);
      const type = m.type ?? 'user';
      if (type !== 'user' && type !== 'app') throw taskErrors.param(`${field}[${i}].type must be user or app`);
      if (m.role !== 'assignee' && m.role !== 'follower') throw taskErrors.param(`${field}[${i}].role must be assignee or follower`);
      let id = m.id;
      if (type === 'user') {
        const user = this.directory.byIdType(m.id, userIdType);
        if (!user || user.status.is_resigned) throw taskErrors.param(`${field}[${i}].id ${m.id} is not a user (${userIdType})`);
        id = user.open_id;
      }
      if (!out.some((o) => o.id === id && o.role === m.role)) out.push({ id, type, role: m.role });
    });
    return out;
  }

  parseTime(value: unknown, field: string): TaskTime {
    if (!isObject(value)) throw taskErrors.param(`${field} must be an object`);
    const ms = parseMs(value.timestamp);
    if (ms === undefined || ms <= 0) throw taskErrors.param(`${field}.timestamp must be a millisecond timestamp string`);
    if (value.is_all_day !== undefined && typeof value.is_all_day !== 'boolean') throw taskErrors.param(`${field}.is_all_day must be a boolean`);
    return { timestamp: String(ms), is_all_day: value.is_all_day === true };
  }

  private text(value: unknown, field: string, max: number): string {
    if (typeof value !== 'string') throw taskErrors.param(`${field} must be a string`);
    if (value.length > max) throw taskErrors.param(`${field} is longer than ${max}`);
    return value;
  }

  // ---- create ----------------------------------------------------------------------------------

  /** POST /tasks. Returns the created task, or the earlier one for a client_token reused within 5 minutes. */
  create(identity: Identity, body: JsonObject, userIdType: UserIdType): TaskRecord {
    const token = body.client_token;
    if (token !== undefined && (typeof token !== 'string' || token.length < 10 || token.length > 100)) {
      throw taskErrors.param('client_token must be 10..100 characters');
    }
    const tokenKey = typeof token === 'string' ? `${identityKey(identity)}:${token}` : undefined;
    if (tokenKey) {
      const earlier = this.clientTokens.get(tokenKey);
      if (earlier && this.now() - earlier.at < CLIENT_TOKEN_WINDOW_MS) {
        const task = this.tasks.get(earlier.guid);
        if (task) return task;
      }
    }
    if (typeof body.summary !== 'string' || body.summary.trim() === '') throw taskErrors.param('summary is required');
    const now = String(this.now());
    const task: TaskRecord = {
      guid: uuid(),
      task_id: `t${this.nextTaskNumber++}`,
      summary: this.text(body.summary, 'summary', 3000),
      description: body.description === undefined ? '' : this.text(body.description, 'description', 3000),
      members: this.parseMembers(body.members, userIdType),
      creator: identity.kind === 'tenant' ? { id: identity.appId, type: 'app' } : { id: identity.openId, type: 'user' },
      completed_at: '0',
      status: 'todo',
      created_at: now,
      updated_at: now,
      url: '',
      source: identity.kind === 'tenant' ? 6 : 7,
      extra: body.extra === undefined ? '' : this.text(body.extra, 'extra', 65536),
      tasklists: [],
      reminders: [],
      repeat_rule: '',
      parent_task_guid: '',
      mode: 2,
      subtask_count: 0,
      is_milestone: false,
      custom_fields: [],
    };
    task.url = `https://applink.feishu.cn/client/todo/detail?guid=${task.guid}&suite_entity_num=${task.task_id}`;
    if (body.due !== undefined) task.due = this.parseTime(body.due, 'due');
    if (body.start !== undefined) task.start = this.parseTime(body.start, 'start');
    this.checkTimes(task);
    if (body.completed_at !== undefined) this.setCompleted(task, body.completed_at);
    if (body.origin !== undefined) task.origin = this.parseOrigin(body.origin);
    if (body.mode !== undefined) {
      if (body.mode !== 1 && body.mode !== 2) throw taskErrors.param('mode must be 1 or 2');
      task.mode = body.mode;
    }
    if (body.is_milestone !== undefined) task.is_milestone = body.is_milestone === true;
    if (body.repeat_rule !== undefined) {
      task.repeat_rule = this.text(body.repeat_rule, 'repeat_rule', 1000);
      if (task.repeat_rule && !task.due) throw taskErrors.param('repeat_rule requires due');
    }
    if (body.reminders !== undefined) task.reminders = this.parseReminders(body.reminders, task);
    if (body.docx_source !== undefined) {
      if (!isObject(body.docx_source) || typeof body.docx_source.token !== 'string' || typeof body.docx_source.block_id !== 'string') {
        throw taskErrors.param('docx_source needs token and block_id');
      }
      task.docx_source = { token: body.docx_source.token, block_id: body.docx_source.block_id };
    }
    if (body.custom_fields !== undefined) {
      if (!Array.isArray(body.custom_fields)) throw taskErrors.param('custom_fields must be an array');
      task.custom_fields = clone(body.custom_fields.filter(isObject));
    }
    if (body.tasklists !== undefined) {
      if (!Array.isArray(body.tasklists)) throw taskErrors.param('tasklists must be an array');
      for (const [i, t] of body.tasklists.entries()) {
        if (!isObject(t) || typeof t.tasklist_guid !== 'string') throw taskErrors.param(`tasklists[${i}].tasklist_guid is required`);
        const list = this.tasklists.get(t.tasklist_guid);
        if (!list || !this.canSeeTasklist(identity, list)) throw taskErrors.param(`tasklists[${i}]: no such tasklist`);
        task.tasklists.push({ tasklist_guid: t.tasklist_guid, section_guid: typeof t.section_guid === 'string' ? t.section_guid : '' });
      }
    }
    this.tasks.set(task.guid, task);
    if (tokenKey) this.clientTokens.set(tokenKey, { guid: task.guid, at: this.now() });
    this.onChange(task, ['task_create'], actorOf(identity));
    return task;
  }

  private parseOrigin(value: unknown): JsonObject {
    if (!isObject(value) || !isObject(value.platform_i18n_name)) throw taskErrors.param('origin.platform_i18n_name is required');
    if (value.href !== undefined && (!isObject(value.href) || typeof value.href.url !== 'string')) throw taskErrors.param('origin.href.url must be a string');
    return clone(value);
  }

  private parseReminders(value: unknown, task: TaskRecord): TaskRecord['reminders'] {
    if (!Array.isArray(value)) throw taskErrors.param('reminders must be an array');
    if (value.length > 1) throw taskErrors.param('at most one reminder');
    if (value.length > 0 && !task.due) throw taskErrors.param('reminders require due');
    return value.map((r, i) => {
      if (!isObject(r) || typeof r.relative_fire_minute !== 'number') throw taskErrors.param(`reminders[${i}].relative_fire_minute is required`);
      return { id: String(Math.floor(Math.random() * 1e18)), relative_fire_minute: r.relative_fire_minute };
    });
  }

  private checkTimes(task: TaskRecord): void {
    if (task.start && task.due && Number(task.start.timestamp) > Number(task.due.timestamp)) throw taskErrors.param('start must not be later than due');
  }

  private setCompleted(task: TaskRecord, value: unknown): void {
    const ms = parseMs(value);
    if (ms === undefined || ms < 0) throw taskErrors.param('completed_at must be a millisecond timestamp string');
    task.completed_at = String(ms);
    task.status = ms > 0 ? 'done' : 'todo';
  }

  // ---- patch -------------------------------------------------------------------------------------

  /** PATCH semantics: every field named in update_fields is set from `task`, or cleared when absent there. */
  patch(task: TaskRecord, changes: JsonObject, updateFields: unknown, actor: TaskActor): TaskRecord {
    if (!Array.isArray(updateFields) || updateFields.length === 0) throw taskErrors.param('update_fields is required');
    for (const f of updateFields) {
      if (typeof f !== 'string' || !PATCHABLE.includes(f)) throw taskErrors.param(`update_fields: ${String(f)} cannot be patched`);
    }
    const next = clone(task);
    const types = new Set<TaskEventType>();
    for (const field of updateFields as string[]) {
      const present = Object.prototype.hasOwnProperty.call(changes, field) && changes[field] !== undefined && changes[field] !== null;
      const value = changes[field];
      switch (field) {
        case 'summary':
          if (!present || typeof value !== 'string' || value.trim() === '') throw taskErrors.param('summary cannot be empty');
          next.summary = this.text(value, 'summary', 3000);
          break;
        case 'description':
          next.description = present ? this.text(value, 'description', 3000) : '';
          break;
        case 'due':
        case 'start':
          if (present) next[field] = this.parseTime(value, field);
          else delete next[field];
          break;
        case 'completed_at':
          if (present) this.setCompleted(next, value);
          else {
            next.completed_at = '0';
            next.status = 'todo';
          }
          break;
        case 'extra':
          next.extra = present ? this.text(value, 'extra', 65536) : '';
          break;
        case 'repeat_rule':
          next.repeat_rule = present ? this.text(value, 'repeat_rule', 1000) : '';
          break;
        case 'custom_complete':
          if (present && isObject(value)) next.custom_complete = clone(value);
          else if (present) throw taskErrors.param('custom_complete must be an object');
          else delete next.custom_complete;
          break;
        case 'mode':
          if (present && value !== 1 && value !== 2) throw taskErrors.param('mode must be 1 or 2');
          next.mode = present ? (value as number) : 2;
          break;
        case 'is_milestone':
          next.is_milestone = present ? value === true : false;
          break;
        case 'custom_fields':
          if (present && !Array.isArray(value)) throw taskErrors.param('custom_fields must be an array');
          next.custom_fields = present ? clone((value as unknown[]).filter(isObject)) : [];
          break;
      }
    }
    this.checkTimes(next);
    if (!next.due) {
      if (next.repeat_rule) throw taskErrors.param('repeat_rule requires due');
      next.reminders = [];
    }
    for (const [field, type] of [
      ['summary', 'task_summary_update'], ['description', 'task_desc_update'], ['due', 'task_start_due_update'],
      ['start', 'task_start_due_update'], ['completed_at', 'task_completed_update'], ['reminders', 'task_reminders_update'],
    ] as const) {
      if (JSON.stringify(task[field]) !== JSON.stringify(next[field])) types.add(type);
    }
    const changed = JSON.stringify(task) !== JSON.stringify(next);
    if (changed) next.updated_at = String(this.now());
    Object.assign(task, next);
    if (!next.due) delete task.due;
    if (!next.start) delete task.start;
    if (!next.custom_complete) delete task.custom_complete;
    if (types.size > 0) this.onChange(task, [...types], actor);
    return task;
  }

  addMembers(task: TaskRecord, members: TaskMember[], actor: TaskActor): void {
    const before = JSON.stringify(task.members);
    for (const m of members) if (!task.members.some((o) => o.id === m.id && o.role === m.role)) task.members.push(m);
    this.membersChanged(task, before, members, actor);
  }

  removeMembers(task: TaskRecord, members: TaskMember[], actor: TaskActor): void {
    const before = JSON.stringify(task.members);
    task.members = task.members.filter((o) => !members.some((m) => m.id === o.id && m.role === o.role));
    this.membersChanged(task, before, members, actor);
  }

  private membersChanged(task: TaskRecord, before: string, members: TaskMember[], actor: TaskActor): void {
    if (before === JSON.stringify(task.members)) return;
    task.updated_at = String(this.now());
    const types: TaskEventType[] = [];
    if (members.some((m) => m.role === 'assignee')) types.push('task_assignees_update');
    if (members.some((m) => m.role === 'follower')) types.push('task_followers_update');
    this.onChange(task, types, actor);
  }

  delete(task: TaskRecord, actor: TaskActor): void {
    this.deleted.add(task.guid);
    this.onChange(task, ['task_deleted'], actor);
  }

  createTasklist(identity: Identity, body: JsonObject): TasklistRecord {
    if (typeof body.name !== 'string' || body.name.trim() === '') throw taskErrors.param('name is required');
    if (body.name.length > 100) throw taskErrors.param('name is longer than 100');
    const creator = identity.kind === 'tenant' ? { id: identity.appId, type: 'app' as const } : { id: identity.openId, type: 'user' as const };
    const members: TasklistRecord['members'] = [];
    if (body.members !== undefined) {
      if (!Array.isArray(body.members)) throw taskErrors.param('members must be an array');
      body.members.forEach((m, i) => {
        if (!isObject(m) || typeof m.id !== 'string') throw taskErrors.param(`members[${i}].id is required`);
        const type = m.type ?? 'user';
        if (type !== 'user' && type !== 'app' && type !== 'chat') throw taskErrors.param(`members[${i}].type is invalid`);
        const role = m.role ?? 'editor';
        if (role !== 'editor' && role !== 'viewer') throw taskErrors.param(`members[${i}].role must be editor or viewer`);
        if (type === 'user' && !this.directory.byIdType(m.id, 'open_id')) throw taskErrors.param(`members[${i}].id is not a user`);
        members.push({ id: m.id, type, role });
      });
    }
    const now = String(this.now());
    const guid = uuid();
    const list: TasklistRecord = {
      guid,
      name: body.name,
      creator,
      owner: { ...creator, role: 'owner' },
      members,
      url: `https://applink.feishu.cn/client/todo/task_list?guid=${guid}`,
      created_at: now,
      updated_at: now,
    };
    this.tasklists.set(guid, list);
    return list;
  }

  /** Apps that should hear about a change to this task, one event per app. */
  subscribersFor(task: TaskRecord): string[] {
    const apps = new Set<string>();
    for (const appId of this.appSubscribers) if (this.canSee({ kind: 'tenant', appId }, task)) apps.add(appId);
    for (const [appId, users] of this.userSubscribers) {
      for (const openId of users) if (this.canSee({ kind: 'user', appId, openId }, task)) apps.add(appId);
    }
    return [...apps];
  }
}

export function identityKey(identity: Identity): string {
  return identity.kind === 'tenant' ? `app:${identity.appId}` : `user:${identity.appId}:${identity.openId}`;
}

export function actorOf(identity: Identity): TaskActor {
  return identity.kind === 'tenant' ? { kind: 'app', appId: identity.appId } : { kind: 'user', openId: identity.openId };
}
