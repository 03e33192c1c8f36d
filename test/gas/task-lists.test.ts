/**
 * The document's task list per user (src/google/task-lists.ts) against the Tasks fake: created once and
 * remembered, the user's lists with paging, choosing another list moves the tasks synced so far, and an
 * interrupted move is finished before anything else looks for the tasks.
 */
import { describe, expect, it } from 'vitest';
import { HostFailure } from '../../src/google/errors';
import { KEYS } from '../../src/google/store';
import { chooseTaskList, listTaskLists, resolveTaskList, taskListChoice, type MoveBudget } from '../../src/google/task-lists';
import { createAppsScriptEnvironment } from './index';

const ample = (): MoveBudget => ({ now: () => 0, deadline: 1 });

function setup(user = 'wangfang@example.com') {
  const env = createAppsScriptEnvironment({ user });
  return { env, tasks: env.globals.Tasks!, props: env.globals.PropertiesService.getUserProperties() };
}

/** A task as a sync of document `doc` leaves it: its sync key as the last notes line. */
function seedSynced(env: ReturnType<typeof setup>['env'], listId: string, doc: string, key: string): string {
  return env.tasks.seedTask(listId, { title: `【王芳】${key}`, notes: `负责人：王芳\n[sync:mtt:${doc}:${key}]` }).id!;
}

const titlesIn = (env: ReturnType<typeof setup>['env'], listId: string): string[] =>
  env.tasks.lists().find((l) => l.id === listId)!.tasks.filter((t) => !t.deleted).map((t) => t.title!);

describe('resolveTaskList', () => {
  it('creates the list once, remembers it per user, and recreates it after the user deleted it', () => {
    const { env, tasks, props } = setup();
    const id = resolveTaskList(tasks, props, 'doc', () => '会员积分商城改版评审', ample());
    expect(resolveTaskList(tasks, props, 'doc', () => 'other', ample())).toBe(id);
    expect(env.tasks.lists().map((l) => l.title)).toContain('会员积分商城改版评审');
    tasks.Tasklists.remove(id);
    const again = resolveTaskList(tasks, props, 'doc', () => '会员积分商城改版评审', ample());
    expect(again).not.toBe(id);
    // Another user has lists of their own.
    env.switchUser('liqiang@example.com');
    const theirs = resolveTaskList(tasks, env.globals.PropertiesService.getUserProperties(), 'doc', () => '评审', ample());
    expect(theirs).not.toBe(again);
  });

  it('a refused list creation stops the sync with a permission failure', () => {
    const { env, tasks, props } = setup();
    env.tasks.failNext('tasklists.insert', { code: 403 });
    expect(() => resolveTaskList(tasks, props, 'doc', () => 't', ample())).toThrow(HostFailure);
  });
});

describe('listTaskLists / taskListChoice', () => {
  it('reads every page and names the document’s list', () => {
    const { env, tasks, props } = setup();
    // Every user has a default list.
    expect(listTaskLists(tasks).map((l) => l.title)).toEqual(['My Tasks']);
    const ids = ['周会', '项目A', '项目B', '私人'].map((t) => env.tasks.seedList(t));
    env.tasks.setMaxPageSize(2);
    expect(listTaskLists(tasks).map((l) => l.title)).toEqual(['My Tasks', '周会', '项目A', '项目B', '私人']);
    expect(taskListChoice(tasks, props, 'doc').current).toBeNull();
    props.setProperty(KEYS.list('doc'), ids[1]!);
    expect(taskListChoice(tasks, props, 'doc').current).toEqual({ id: ids[1], title: '项目A' });
    // Deleted in the Tasks app: no longer the document's list.
    tasks.Tasklists.remove(ids[1]!);
    expect(taskListChoice(tasks, props, 'doc').current).toBeNull();
  });
});

describe('chooseTaskList', () => {
  it('before any sync, only remembers the choice', () => {
    const { env, tasks, props } = setup();
    const mine = env.tasks.seedList('我的任务');
    expect(chooseTaskList(tasks, props, 'doc', mine, () => '周会', ample())).toEqual({ moved: 0, remaining: 0 });
    expect(resolveTaskList(tasks, props, 'doc', () => '周会', ample())).toBe(mine);
    expect(env.tasks.lists().map((l) => l.title)).toEqual(['My Tasks', '我的任务']);
  });

  it('moves this document’s tasks (completed and hidden ones too) and leaves other documents’ and the user’s own tasks', () => {
    const { env, tasks, props } = setup();
    const old = resolveTaskList(tasks, props, 'doc', () => '周会', ample());
    const a = seedSynced(env, old, 'doc', 'a');
    const b = seedSynced(env, old, 'doc', 'b');
    env.tasks.completeInApp(b);
    seedSynced(env, old, 'other-doc', 'c');
    env.tasks.seedTask(old, { title: '自己加的任务' });
    env.tasks.setMaxPageSize(1);
    const target = env.tasks.seedList('我的任务');
    expect(chooseTaskList(tasks, props, 'doc', target, () => '周会', ample())).toEqual({ moved: 2, remaining: 0 });
    expect(titlesIn(env, target).sort()).toEqual(['【王芳】a', '【王芳】b']);
    expect(titlesIn(env, old).sort()).toEqual(['【王芳】c', '自己加的任务']);
    // Same ids, so the sync records still point at them; the completed one stays completed.
    expect(env.tasks.task(a)).toMatchObject({ id: a, status: 'needsAction' });
    expect(env.tasks.task(b)).toMatchObject({ id: b, status: 'completed' });
    expect(resolveTaskList(tasks, props, 'doc', () => '周会', ample())).toBe(target);
    expect(props.getProperty(KEYS.listMove('doc'))).toBeNull();
  });

  it('null makes a new list named after the meeting and moves the tasks there', () => {
    const { env, tasks, props } = setup();
    const mine = env.tasks.seedList('我的任务');
    chooseTaskList(tasks, props, 'doc', mine, () => '周会', ample());
    seedSynced(env, mine, 'doc', 'a');
    const result = chooseTaskList(tasks, props, 'doc', null, () => '产品周会', ample());
    expect(result.moved).toBe(1);
    const created = env.tasks.lists().find((l) => l.title === '产品周会')!;
    expect(titlesIn(env, created.id)).toEqual(['【王芳】a']);
    expect(titlesIn(env, mine)).toEqual([]);
  });

  it('a list that is gone is refused and nothing moves', () => {
    const { env, tasks, props } = setup();
    const old = resolveTaskList(tasks, props, 'doc', () => '周会', ample());
    seedSynced(env, old, 'doc', 'a');
    const gone = env.tasks.seedList('旧清单');
    tasks.Tasklists.remove(gone);
    expect(() => chooseTaskList(tasks, props, 'doc', gone, () => '周会', ample())).toThrow(HostFailure);
    expect(titlesIn(env, old)).toEqual(['【王芳】a']);
    expect(resolveTaskList(tasks, props, 'doc', () => '周会', ample())).toBe(old);
  });

  it('a move cut short (time, or a failure) is finished by the next resolve before it returns the list', () => {
    const { env, tasks, props } = setup();
    const old = resolveTaskList(tasks, props, 'doc', () => '周会', ample());
    for (const k of ['a', 'b', 'c']) seedSynced(env, old, 'doc', k);
    const target = env.tasks.seedList('我的任务');
    // Time runs out after the first task.
    let clock = 0;
    const short: MoveBudget = { now: () => clock++, deadline: 0 };
    expect(chooseTaskList(tasks, props, 'doc', target, () => '周会', short)).toEqual({ moved: 1, remaining: 2 });
    expect(props.getProperty(KEYS.listMove('doc'))).not.toBeNull();
    // The next sync's resolve first fails on a Tasks outage, then finishes the move.
    env.tasks.failNext('tasks.move', { code: 503 });
    expect(() => resolveTaskList(tasks, props, 'doc', () => '周会', ample())).toThrow();
    expect(resolveTaskList(tasks, props, 'doc', () => '周会', ample())).toBe(target);
    expect(titlesIn(env, target).sort()).toEqual(['【王芳】a', '【王芳】b', '【王芳】c']);
    expect(titlesIn(env, old)).toEqual([]);
    expect(props.getProperty(KEYS.listMove('doc'))).toBeNull();
  });

  it('when the chosen list is deleted during a move, the document keeps the list its tasks are in', () => {
    const { env, tasks, props } = setup();
    const old = resolveTaskList(tasks, props, 'doc', () => '周会', ample());
    for (const k of ['a', 'b']) seedSynced(env, old, 'doc', k);
    const target = env.tasks.seedList('我的任务');
    let clock = 0;
    chooseTaskList(tasks, props, 'doc', target, () => '周会', { now: () => clock++, deadline: 0 });
    tasks.Tasklists.remove(target);
    expect(resolveTaskList(tasks, props, 'doc', () => '周会', ample())).toBe(old);
    // The one task not yet moved is still there; the list the other went to is gone with it.
    expect(titlesIn(env, old)).toHaveLength(1);
    expect(props.getProperty(KEYS.listMove('doc'))).toBeNull();
  });
});
