import { describe, expect, it } from 'vitest';
import { TASKS_QUOTA_MESSAGE, createAppsScriptEnvironment } from './index';

/** The error `fn` throws; fails the test when it does not throw. */
function thrown(fn: () => unknown): Error & { details?: { code: number; message: string } } {
  try {
    fn();
  } catch (e) {
    return e as Error & { details?: { code: number; message: string } };
  }
  throw new Error('expected a throw');
}

function setup(opts: Parameters<typeof createAppsScriptEnvironment>[0] = {}) {
  const env = createAppsScriptEnvironment({ now: () => new Date('2025-06-02T01:30:00.000Z'), ...opts });
  const Tasks = env.globals.Tasks as GoogleAppsScript.Tasks;
  const listId = Tasks.Tasklists.insert({ title: '会议行动项' }).id as string;
  return { env, Tasks, listId };
}

describe('Tasks service availability', () => {
  it('is absent when the advanced service is disabled', () => {
    const env = createAppsScriptEnvironment({ tasksEnabled: false });
    expect('Tasks' in env.globals).toBe(false);
    expect(env.globals.Tasks).toBeUndefined();
    expect(env.run('typeof Tasks')).toBe('undefined');
  });

  it('needs FULL authorization', () => {
    const { env, Tasks } = setup();
    env.setAuthMode('LIMITED');
    expect(() => Tasks.Tasklists.list()).toThrow(/You do not have permission to call Tasks.tasklists.list/);
  });
});

describe('Tasklists', () => {
  it('lists the default list plus inserted ones, with resource shapes', () => {
    const { Tasks, listId } = setup();
    const res = Tasks.Tasklists.list();
    expect(res.kind).toBe('tasks#taskLists');
    expect(res.items?.map((l) => l.title)).toEqual(['My Tasks', '会议行动项']);
    expect(res.nextPageToken).toBeUndefined();
    const got = Tasks.Tasklists.get(listId);
    expect(got).toMatchObject({ kind: 'tasks#taskList', id: listId, title: '会议行动项' });
    expect(got.etag).toMatch(/^".+"$/);
    expect(Tasks.Tasklists.patch({ title: 'renamed' }, listId).title).toBe('renamed');
    Tasks.Tasklists.remove(listId);
    expect(() => Tasks.Tasklists.get(listId)).toThrow('API call to tasks.tasklists.get failed with error: Not Found');
  });

  it('pages with nextPageToken', () => {
    const { Tasks } = setup();
    for (let i = 0; i < 3; i++) Tasks.Tasklists.insert({ title: `L${i}` });
    const titles: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = Tasks.Tasklists.list({ maxResults: 2, pageToken: token });
      titles.push(...(page.items ?? []).map((l) => l.title as string));
      token = page.nextPageToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(titles).toEqual(['My Tasks', '会议行动项', 'L0', 'L1', 'L2']);
  });
});

describe('Tasks.Tasks', () => {
  it('omits items (not []) when a list is empty', () => {
    const { Tasks, listId } = setup();
    const res = Tasks.Tasks.list(listId);
    expect(res.kind).toBe('tasks#tasks');
    expect('items' in res).toBe(false);
  });

  it('insert assigns server fields, ignores read-only ones and truncates due to the UTC date', () => {
    const { Tasks, listId } = setup();
    const t = Tasks.Tasks.insert(
      { title: '提交方案', notes: 'doc link', due: '2025-06-30T23:30:00+08:00', links: [{ type: 'x', link: 'y' }], parent: 'bogus', position: '99', id: 'mine' },
      listId,
    );
    expect(t).toMatchObject({ kind: 'tasks#task', title: '提交方案', status: 'needsAction', notes: 'doc link', links: [], updated: '2025-06-02T01:30:00.000Z' });
    expect(t.id).not.toBe('mine');
    expect(t.parent).toBeUndefined();
    expect(t.position).toBe('00000000000000000000');
    expect(t.selfLink).toContain(t.id);
    expect((t as { webViewLink?: string }).webViewLink).toContain(t.id);
    // 23:30 at UTC+8 is 15:30 UTC on the same day: the UTC date part is kept, the time dropped.
    expect(t.due).toBe('2025-06-30T00:00:00.000Z');
    const local = Tasks.Tasks.insert({ title: 'local midnight', due: '2025-07-01T00:00:00+08:00' }, listId);
    // Converting a UTC+8 local midnight shifts the day back (the §3.3 trap).
    expect(local.due).toBe('2025-06-30T00:00:00.000Z');
  });

  it('truncates due in UTC whatever the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = tz;
        const { Tasks, listId } = setup();
        expect(Tasks.Tasks.insert({ title: 'x', due: '2025-06-30T10:00:00.000Z' }, listId).due).toBe('2025-06-30T00:00:00.000Z');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('rejects notes over 8,192 characters with a 400', () => {
    const { Tasks, listId } = setup();
    expect(() => Tasks.Tasks.insert({ title: 'x', notes: 'n'.repeat(8193) }, listId)).toThrow(/failed with error: Invalid value for: notes/);
    expect(Tasks.Tasks.insert({ title: 'x', notes: 'n'.repeat(8192) }, listId).notes).toHaveLength(8192);
    const e = thrown(() => Tasks.Tasks.insert({ title: 'x', notes: 'n'.repeat(9000) }, listId));
    expect(e.details?.code).toBe(400);
    expect(e.name).toBe('GoogleJsonResponseException');
  });

  it('404s for unknown lists and tasks', () => {
    const { Tasks, listId } = setup();
    expect(() => Tasks.Tasks.insert({ title: 'x' }, 'nope')).toThrow('API call to tasks.tasks.insert failed with error: Not Found');
    expect(() => Tasks.Tasks.get(listId, 'nope')).toThrow(/404|Not Found/);
    expect(() => Tasks.Tasks.patch({ title: 'y' }, listId, 'nope')).toThrow(/Not Found/);
    expect(() => Tasks.Tasks.list('nope')).toThrow(/Not Found/);
  });

  it('status rules: completed sets completed, needsAction clears it; patch merges only given keys', () => {
    const { env, Tasks, listId } = setup();
    const t = Tasks.Tasks.insert({ title: 'a', notes: 'keep' }, listId);
    env.clock.advance(60_000);
    const done = Tasks.Tasks.patch({ status: 'completed' }, listId, t.id as string);
    expect(done.completed).toBe('2025-06-02T01:31:00.000Z');
    expect(done.notes).toBe('keep');
    expect(done.title).toBe('a');
    expect(done.etag).not.toBe(t.etag);
    expect(done.updated).toBe('2025-06-02T01:31:00.000Z');
    const reopened = Tasks.Tasks.patch({ status: 'needsAction', completed: null } as unknown as GoogleAppsScript.Tasks.Schema.Task, listId, t.id as string);
    expect(reopened.status).toBe('needsAction');
    expect(reopened.completed).toBeUndefined();
    const cleared = Tasks.Tasks.patch({ notes: null } as unknown as GoogleAppsScript.Tasks.Schema.Task, listId, t.id as string);
    expect(cleared.notes).toBeUndefined();
    expect(() => Tasks.Tasks.patch({ status: 'done' }, listId, t.id as string)).toThrow(/status/);
    const updated = Tasks.Tasks.update({ title: 'b' }, listId, t.id as string);
    expect(updated).toMatchObject({ title: 'b', status: 'needsAction' });
  });

  it('update replaces every writable field; patch leaves absent ones alone', () => {
    const { Tasks, listId } = setup();
    const t = Tasks.Tasks.insert({ title: 'a', notes: 'n', due: '2025-07-01T00:00:00.000Z' }, listId);
    const patched = Tasks.Tasks.patch({ title: 'b' }, listId, t.id as string);
    expect(patched).toMatchObject({ title: 'b', notes: 'n', due: '2025-07-01T00:00:00.000Z' });
    const updated = Tasks.Tasks.update({ title: 'c', status: 'completed' }, listId, t.id as string);
    expect(updated.notes).toBeUndefined();
    expect(updated.due).toBeUndefined();
    expect(updated.completed).toBe('2025-06-02T01:30:00.000Z');
    expect(Tasks.Tasks.get(listId, t.id as string)).toEqual(updated);
  });

  it('pages tasks at maxResults (default 20) and follows nextPageToken', () => {
    const { Tasks, listId } = setup();
    for (let i = 0; i < 25; i++) Tasks.Tasks.insert({ title: `t${i}` }, listId);
    const first = Tasks.Tasks.list(listId);
    expect(first.items).toHaveLength(20);
    expect(first.nextPageToken).toBeTruthy();
    const second = Tasks.Tasks.list(listId, { pageToken: first.nextPageToken });
    expect(second.items).toHaveLength(5);
    expect(second.nextPageToken).toBeUndefined();
    // insert puts a task first among its siblings unless `previous` is given.
    expect(first.items?.[0]?.title).toBe('t24');
    expect(() => Tasks.Tasks.list(listId, { pageToken: 'garbage' })).toThrow(/pageToken/);
  });

  it('the handle can shrink pages so small documents exercise paging', () => {
    const { env, Tasks, listId } = setup();
    env.tasks.setMaxPageSize(2);
    for (let i = 0; i < 5; i++) Tasks.Tasks.insert({ title: `t${i}` }, listId);
    const page = Tasks.Tasks.list(listId, { maxResults: 100 });
    expect(page.items).toHaveLength(2);
    expect(page.nextPageToken).toBeTruthy();
  });

  it('list filters and their defaults; clear hides completed tasks; remove marks deleted', () => {
    const { Tasks, listId } = setup();
    const open = Tasks.Tasks.insert({ title: 'open', due: '2025-06-10' }, listId);
    const done = Tasks.Tasks.insert({ title: 'done', status: 'completed' }, listId);
    const gone = Tasks.Tasks.insert({ title: 'gone' }, listId);
    Tasks.Tasks.remove(listId, gone.id as string);
    const titles = (o?: object): string[] => (Tasks.Tasks.list(listId, o ?? {}).items ?? []).map((t) => t.title as string);
    expect(titles().sort()).toEqual(['done', 'open']);
    expect(titles({ showCompleted: false })).toEqual(['open']);
    expect(titles({ showDeleted: true }).sort()).toEqual(['done', 'gone', 'open']);
    expect(titles({ dueMin: '2025-06-10T00:00:00Z' })).toEqual(['open']);
    expect(titles({ dueMax: '2025-06-10T00:00:00Z' })).toEqual([]);
    expect(Tasks.Tasks.get(listId, gone.id as string).deleted).toBe(true);
    Tasks.Tasks.clear(listId);
    expect(titles()).toEqual(['open']);
    expect(titles({ showHidden: true }).sort()).toEqual(['done', 'open']);
    expect(Tasks.Tasks.get(listId, done.id as string).hidden).toBe(true);
    expect(Tasks.Tasks.get(listId, open.id as string).hidden).toBeUndefined();
  });

  it('subtasks, previous and move', () => {
    const { Tasks, listId } = setup();
    const a = Tasks.Tasks.insert({ title: 'a' }, listId);
    const b = Tasks.Tasks.insert({ title: 'b' }, listId, { previous: a.id });
    const child = Tasks.Tasks.insert({ title: 'child' }, listId, { parent: a.id });
    expect(child.parent).toBe(a.id);
    expect((Tasks.Tasks.list(listId).items ?? []).map((t) => t.title)).toEqual(['a', 'child', 'b']);
    const moved = Tasks.Tasks.move(listId, b.id as string);
    expect(moved.position).toBe('00000000000000000000');
    expect((Tasks.Tasks.list(listId).items ?? []).map((t) => t.title)).toEqual(['b', 'a', 'child']);
  });

  it('assigned tasks appear only with showAssigned', () => {
    const { env, Tasks, listId } = setup();
    env.tasks.seedTask(listId, { title: 'from docs', assigned: true });
    expect(Tasks.Tasks.list(listId).items).toBeUndefined();
    expect(Tasks.Tasks.list(listId, { showAssigned: true }).items?.map((t) => t.title)).toEqual(['from docs']);
  });
});

describe('per-user stores', () => {
  it('each user sees only their own lists and tasks', () => {
    const { env, Tasks, listId } = setup();
    Tasks.Tasks.insert({ title: 'alice task' }, listId);
    env.switchUser('bob@example.com');
    expect(Tasks.Tasklists.list().items?.map((l) => l.title)).toEqual(['My Tasks']);
    expect(() => Tasks.Tasks.list(listId)).toThrow(/Not Found/);
    env.switchUser('alice@example.com');
    expect(env.tasks.allTasks().map((t) => t.title)).toEqual(['alice task']);
    expect(env.tasks.allTasks('bob@example.com')).toEqual([]);
  });
});

describe('acting in the Tasks app', () => {
  it('a task completed in the app is hidden: visible with showHidden only', () => {
    const { env, Tasks, listId } = setup();
    const t = Tasks.Tasks.insert({ title: 'x' }, listId);
    env.clock.advance(5_000);
    env.tasks.completeInApp(t.id as string);
    expect(Tasks.Tasks.list(listId).items).toBeUndefined();
    const seen = Tasks.Tasks.list(listId, { showHidden: true, showCompleted: true }).items?.[0];
    expect(seen).toMatchObject({ status: 'completed', completed: '2025-06-02T01:30:05.000Z' });
    expect(Tasks.Tasks.get(listId, t.id as string).status).toBe('completed');
    env.tasks.reopenInApp(t.id as string);
    expect(Tasks.Tasks.list(listId).items?.[0]?.status).toBe('needsAction');
  });
});

describe('quota and injected failures', () => {
  it('throws the quota-exceeded text once the daily limit is used up', () => {
    const { env, Tasks, listId } = setup();
    env.tasks.setDailyLimit(env.tasks.used + 2);
    Tasks.Tasks.list(listId);
    Tasks.Tasks.list(listId);
    expect(() => Tasks.Tasks.list(listId)).toThrow(TASKS_QUOTA_MESSAGE);
    expect(thrown(() => Tasks.Tasks.list(listId)).details).toEqual({ code: 429, message: TASKS_QUOTA_MESSAGE });
  });

  it('fails the next calls of a method with the given status', () => {
    const { env, Tasks, listId } = setup();
    env.tasks.failNext('tasks.insert', { code: 503 }, 2);
    expect(() => Tasks.Tasks.insert({ title: 'x' }, listId)).toThrow('API call to tasks.tasks.insert failed with error: Backend Error');
    expect(() => Tasks.Tasks.insert({ title: 'x' }, listId)).toThrow(/Backend Error/);
    expect(Tasks.Tasks.insert({ title: 'x' }, listId).title).toBe('x');
    env.tasks.failNext('*', { code: 404 });
    expect(() => Tasks.Tasklists.list()).toThrow(/Not Found/);
  });

  it('counts calls per method', () => {
    const { env, Tasks, listId } = setup();
    env.tasks.resetCalls();
    Tasks.Tasks.insert({ title: 'x' }, listId);
    Tasks.Tasks.list(listId);
    Tasks.Tasks.list(listId);
    expect(env.tasks.calls()).toEqual({ 'Tasks.Tasks.insert': 1, 'Tasks.Tasks.list': 2 });
  });
});
