/** Task v2 endpoints (§4, §5). */
import type { Identity } from '../auth';
import type { UserIdType } from '../directory';
import { parseUserIdType } from '../directory';
import { taskErrors } from '../errors';
import type { JsonObject } from '../json';
import { isObject, parseMs, queryInt } from '../json';
import type { Route, RouteContext } from '../router';
import type { TaskRecord, TaskStore } from './store';
import { actorOf, identityKey } from './store';

const BASE = '/open-apis/task/v2';

function who(ctx: RouteContext): Identity {
  if (!ctx.identity) throw new Error('task routes need an identity');
  return ctx.identity;
}

function idType(ctx: RouteContext): UserIdType {
  const type = parseUserIdType(ctx.query.get('user_id_type'));
  if (!type) throw taskErrors.param('user_id_type must be open_id, union_id or user_id');
  return type;
}

function body(ctx: RouteContext): JsonObject {
  if (ctx.body === undefined) return {};
  if (!isObject(ctx.body)) throw taskErrors.param('a JSON object body is required');
  return ctx.body;
}

/** Offset page tokens; page_size default 50, max 100. */
function paged<T>(ctx: RouteContext, items: T[]): { items: T[]; has_more: boolean; page_token: string } {
  const size = queryInt(ctx.query.get('page_size')) ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > 100) throw taskErrors.param('page_size must be 1..100');
  const token = ctx.query.get('page_token');
  let start = 0;
  if (token) {
    const decoded = Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^o:/, ''));
    if (!Number.isInteger(decoded) || decoded < 0) throw taskErrors.param('page_token is invalid');
    start = decoded;
  }
  const hasMore = start + size < items.length;
  return {
    items: items.slice(start, start + size),
    has_more: hasMore,
    page_token: hasMore ? Buffer.from(`o:${start + size}`).toString('base64url') : '',
  };
}

function completedFilter(ctx: RouteContext): (t: TaskRecord) => boolean {
  const completed = ctx.query.get('completed');
  if (completed === 'true') return (t) => t.completed_at !== '0';
  if (completed === 'false') return (t) => t.completed_at === '0';
  return () => true;
}

export function taskRoutes(store: TaskStore): Route[] {
  const common = { family: 'task' as const, auth: 'any' as const };
  const render = (ctx: RouteContext, task: TaskRecord): JsonObject => ({ task: store.render(task, idType(ctx)) });
  const live = (ctx: RouteContext): TaskRecord => store.visible(who(ctx), ctx.params.task_guid ?? '');

  return [
    {
      ...common,
      kind: 'write',
      method: 'POST',
      pattern: `${BASE}/tasks`,
      name: 'task.v2.task.create',
      concurrencyKey: (ctx) => {
        const token = isObject(ctx.body) ? ctx.body.client_token : undefined;
        return typeof token === 'string' && ctx.identity ? `task.create:${identityKey(ctx.identity)}:${token}` : undefined;
      },
      concurrencyError: taskErrors.concurrentClientToken,
      handle: (ctx) => render(ctx, store.create(who(ctx), body(ctx), idType(ctx))),
    },
    {
      ...common,
      auth: 'user',
      kind: 'read',
      method: 'GET',
      pattern: `${BASE}/tasks`,
      name: 'task.v2.task.list',
      handle: (ctx) => {
        const identity = who(ctx) as Extract<Identity, { kind: 'user' }>;
        const type = ctx.query.get('type') ?? 'my_tasks';
        if (type !== 'my_tasks') throw taskErrors.param('type must be my_tasks');
        const mine = [...store.tasks.values()]
          .filter((t) => !store.deleted.has(t.guid))
          .filter((t) => t.members.some((m) => m.type === 'user' && m.role === 'assignee' && m.id === identity.openId))
          .filter(completedFilter(ctx));
        const page = paged(ctx, mine);
        return { ...page, items: page.items.map((t) => store.render(t, idType(ctx))) };
      },
    },
    {
      ...common,
      kind: 'read',
      method: 'GET',
      pattern: `${BASE}/tasks/:task_guid`,
      name: 'task.v2.task.get',
      handle: (ctx) => render(ctx, live(ctx)),
    },
    {
      ...common,
      kind: 'write',
      method: 'PATCH',
      pattern: `${BASE}/tasks/:task_guid`,
      name: 'task.v2.task.patch',
      handle: (ctx) => {
        const task = live(ctx);
        const b = body(ctx);
        if (b.task !== undefined && !isObject(b.task)) throw taskErrors.param('task must be an object');
        return render(ctx, store.patch(task, (b.task as JsonObject | undefined) ?? {}, b.update_fields, actorOf(who(ctx))));
      },
    },
    {
      ...common,
      kind: 'write',
      method: 'DELETE',
      pattern: `${BASE}/tasks/:task_guid`,
      name: 'task.v2.task.delete',
      handle: (ctx) => {
        store.delete(live(ctx), actorOf(who(ctx)));
        return {};
      },
    },
    {
      ...common,
      kind: 'write',
      method: 'POST',
      pattern: `${BASE}/tasks/:task_guid/add_members`,
      name: 'task.v2.task.addMembers',
      handle: (ctx) => {
        const task = live(ctx);
        const members = store.parseMembers(body(ctx).members, idType(ctx));
        if (members.length === 0) throw taskErrors.param('members is required');
        store.addMembers(task, members, actorOf(who(ctx)));
        return render(ctx, task);
      },
    },
    {
      ...common,
      kind: 'write',
      method: 'POST',
      pattern: `${BASE}/tasks/:task_guid/remove_members`,
      name: 'task.v2.task.removeMembers',
      handle: (ctx) => {
        const task = live(ctx);
        const members = store.parseMembers(body(ctx).members, idType(ctx));
        if (members.length === 0) throw taskErrors.param('members is required');
        store.removeMembers(task, members, actorOf(who(ctx)));
        return render(ctx, task);
      },
    },
    {
      ...common,
      kind: 'write',
      method: 'POST',
      pattern: `${BASE}/tasks/:task_guid/add_tasklist`,
      name: 'task.v2.task.addTasklist',
      handle: (ctx) => {
        const task = live(ctx);
        const b = body(ctx);
        const list = typeof b.tasklist_guid === 'string' ? store.tasklists.get(b.tasklist_guid) : undefined;
        if (!list) throw taskErrors.param('tasklist_guid is not a tasklist');
        if (!store.canSeeTasklist(who(ctx), list)) throw taskErrors.forbidden();
        const section = typeof b.section_guid === 'string' ? b.section_guid : '';
        task.tasklists = task.tasklists.filter((t) => t.tasklist_guid !== list.guid);
        task.tasklists.push({ tasklist_guid: list.guid, section_guid: section });
        return render(ctx, task);
      },
    },
    {
      ...common,
      kind: 'write',
      method: 'POST',
      pattern: `${BASE}/tasks/:task_guid/remove_tasklist`,
      name: 'task.v2.task.removeTasklist',
      handle: (ctx) => {
        const task = live(ctx);
        const guid = body(ctx).tasklist_guid;
        if (typeof guid !== 'string') throw taskErrors.param('tasklist_guid is required');
        task.tasklists = task.tasklists.filter((t) => t.tasklist_guid !== guid);
        return render(ctx, task);
      },
    },
    {
      ...common,
      kind: 'read',
      method: 'GET',
      pattern: `${BASE}/tasks/:task_guid/tasklists`,
      name: 'task.v2.task.tasklists',
      handle: (ctx) => ({ tasklists: live(ctx).tasklists }),
    },
    {
      ...common,
      kind: 'write',
      method: 'POST',
      pattern: `${BASE}/tasklists`,
      name: 'task.v2.tasklist.create',
      handle: (ctx) => ({ tasklist: store.createTasklist(who(ctx), body(ctx)) }),
    },
    {
      ...common,
      kind: 'read',
      method: 'GET',
      pattern: `${BASE}/tasklists`,
      name: 'task.v2.tasklist.list',
      handle: (ctx) => paged(ctx, [...store.tasklists.values()].filter((l) => store.canSeeTasklist(who(ctx), l))),
    },
    {
      ...common,
      kind: 'read',
      method: 'GET',
      pattern: `${BASE}/tasklists/:tasklist_guid`,
      name: 'task.v2.tasklist.get',
      handle: (ctx) => {
        const list = store.tasklists.get(ctx.params.tasklist_guid ?? '');
        if (!list) throw taskErrors.notFound();
        if (!store.canSeeTasklist(who(ctx), list)) throw taskErrors.forbidden();
        return { tasklist: list };
      },
    },
    {
      ...common,
      kind: 'write',
      method: 'POST',
      pattern: `${BASE}/tasklists/:tasklist_guid/add_members`,
      name: 'task.v2.tasklist.addMembers',
      handle: (ctx) => {
        const list = store.tasklists.get(ctx.params.tasklist_guid ?? '');
        if (!list) throw taskErrors.notFound();
        if (!store.canSeeTasklist(who(ctx), list)) throw taskErrors.forbidden();
        const members = body(ctx).members;
        if (!Array.isArray(members) || members.length === 0) throw taskErrors.param('members is required');
        for (const [i, m] of members.entries()) {
          if (!isObject(m) || typeof m.id !== 'string') throw taskErrors.param(`members[${i}].id is required`);
          const type = m.type === 'app' || m.type === 'chat' ? m.type : 'user';
          const role = m.role === 'viewer' ? 'viewer' : 'editor';
          if (!list.members.some((o) => o.id === m.id)) list.members.push({ id: m.id, type, role });
        }
        list.updated_at = String(ctx.now);
        return { tasklist: list };
      },
    },
    {
      ...common,
      kind: 'read',
      method: 'GET',
      pattern: `${BASE}/tasklists/:tasklist_guid/tasks`,
      name: 'task.v2.tasklist.tasks',
      handle: (ctx) => {
        const list = store.tasklists.get(ctx.params.tasklist_guid ?? '');
        if (!list) throw taskErrors.notFound();
        if (!store.canSeeTasklist(who(ctx), list)) throw taskErrors.forbidden();
        const from = parseMs(ctx.query.get('created_from') ?? undefined);
        const to = parseMs(ctx.query.get('created_to') ?? undefined);
        const tasks = [...store.tasks.values()]
          .filter((t) => !store.deleted.has(t.guid) && t.tasklists.some((l) => l.tasklist_guid === list.guid))
          .filter(completedFilter(ctx))
          .filter((t) => (from === undefined || Number(t.created_at) >= from) && (to === undefined || Number(t.created_at) <= to));
        const page = paged(ctx, tasks);
        const type = idType(ctx);
        return {
          ...page,
          items: page.items.map((t) => {
            const full = store.render(t, type);
            const summary: JsonObject = { guid: t.guid, summary: t.summary, completed_at: t.completed_at, members: full.members, subtask_count: t.subtask_count };
            if (t.start) summary.start = t.start;
            if (t.due) summary.due = t.due;
            return summary;
          }),
        };
      },
    },
    {
      ...common,
      kind: 'write',
      method: 'POST',
      pattern: `${BASE}/task_v2/task_subscription`,
      name: 'task.v2.taskV2.taskSubscription',
      handle: (ctx) => {
        const identity = who(ctx);
        if (identity.kind === 'tenant') store.appSubscribers.add(identity.appId);
        else {
          const users = store.userSubscribers.get(identity.appId) ?? new Set<string>();
          users.add(identity.openId);
          store.userSubscribers.set(identity.appId, users);
        }
        return {};
      },
    },
  ];
}
