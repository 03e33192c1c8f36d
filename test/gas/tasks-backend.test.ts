/** The Google Tasks backend against the Tasks fake (paging, missing items, dates, 404s, reopen, errors). */
import { describe, expect, it } from 'vitest';
import { BackendError } from '../../src/core/sync/backend';
import { QuotaExceeded } from '../../src/google/errors';
import { GoogleTasksBackend, mapTasksError } from '../../src/google/tasks-backend';
import { TASKS_QUOTA_MESSAGE, createAppsScriptEnvironment } from './index';

function setup(): { env: ReturnType<typeof createAppsScriptEnvironment>; backend: GoogleTasksBackend; listId: string } {
  const env = createAppsScriptEnvironment({ user: 'wangfang@example.com' });
  const listId = env.tasks.seedList('评审会');
  return { env, backend: new GoogleTasksBackend(env.globals.Tasks!, () => listId), listId };
}

const draft = (title: string, due: string | null = '2026-12-04') => ({
  title,
  notes: '负责人：王芳',
  due: due ? { date: due, time: null } : null,
  assignees: [],
});

describe('GoogleTasksBackend', () => {
  it('creates a task with a date-only due on the calendar date and the sync key as the last notes line', async () => {
    const { env, backend } = setup();
    const t = await backend.create({ draft: draft('【王芳】输出需求文档'), status: 'open', syncKey: 'mtt:doc:k1' });
    const stored = env.tasks.task(t.id)!;
    expect(stored.due).toBe('2026-12-04T00:00:00.000Z');
    expect(stored.notes).toBe('负责人：王芳\n[sync:mtt:doc:k1]');
    expect(t).toMatchObject({ status: 'open', syncKey: 'mtt:doc:k1', url: expect.stringContaining('https://') });
  });

  it('lists every page, including tasks completed (and hidden) in the Tasks app, and copes with no items', async () => {
    const { env, backend } = setup();
    expect(await backend.list()).toEqual([]);
    for (let i = 0; i < 5; i++) await backend.create({ draft: draft(`任务${i}`), status: 'open', syncKey: `k${i}` });
    const done = (await backend.list())[0]!;
    env.tasks.completeInApp(done.id);
    env.tasks.setMaxPageSize(2);
    const all = await backend.list();
    expect(all).toHaveLength(5);
    expect(all.find((t) => t.id === done.id)?.status).toBe('done');
    const found = await backend.findBySyncKeys(['k3', 'nope']);
    expect([...found.keys()]).toEqual(['k3']);
  });

  it('get on a deleted or unknown task is null', async () => {
    const { env, backend } = setup();
    const t = await backend.create({ draft: draft('x'), status: 'open', syncKey: 'k' });
    env.tasks.deleteInApp(t.id);
    expect(await backend.get(t.id)).toBeNull();
    expect(await backend.get('missing')).toBeNull();
  });

  it('rewriting notes keeps the sync key; clearing due sends null; reopening clears completed', async () => {
    const { env, backend } = setup();
    const t = await backend.create({ draft: draft('x'), status: 'done', syncKey: 'mtt:d:k' });
    expect(env.tasks.task(t.id)?.completed).toBeDefined();
    await backend.update(t.id, { notes: '新的说明', due: null });
    expect(env.tasks.task(t.id)).toMatchObject({ notes: '新的说明\n[sync:mtt:d:k]' });
    expect(env.tasks.task(t.id)?.due).toBeUndefined();
    const reopened = await backend.reopen(t.id);
    expect(reopened.status).toBe('open');
    expect(env.tasks.task(t.id)?.completed).toBeUndefined();
    expect((await backend.complete(t.id)).status).toBe('done');
  });

  it('maps API failures to BackendError kinds and the daily quota to QuotaExceeded', async () => {
    const { env, backend } = setup();
    env.tasks.failNext('tasks.insert', { code: 503 });
    await expect(backend.create({ draft: draft('x'), status: 'open', syncKey: 'k' })).rejects.toMatchObject({ kind: 'transient' });
    await expect(backend.update('missing', { title: 'y' })).rejects.toMatchObject({ kind: 'not_found' });
    env.tasks.failNext('tasks.insert', { code: 429 });
    await expect(backend.create({ draft: draft('x'), status: 'open', syncKey: 'k' })).rejects.toBeInstanceOf(QuotaExceeded);
    env.tasks.failNext('tasks.insert', { code: 429, message: 'Rate Limit Exceeded' });
    await expect(backend.create({ draft: draft('x'), status: 'open', syncKey: 'k' })).rejects.toMatchObject({ kind: 'rate_limit' });
    expect(mapTasksError(new Error(`API call to tasks.tasks.list failed with error: ${TASKS_QUOTA_MESSAGE}`))).toBeInstanceOf(QuotaExceeded);
    expect(mapTasksError(new Error('API call to tasks.tasks.get failed with error: Forbidden'))).toBeInstanceOf(BackendError);
  });
});
