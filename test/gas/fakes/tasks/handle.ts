/**
 * Test-only API of the Tasks fake: inspect every user's lists, act "in the Tasks app" (complete, reopen, edit,
 * delete a task as the user would), seed assigned tasks, shrink page sizes, set the quota, inject failures.
 */
import type { Runtime } from '../runtime';
import type { TasksState } from './service';
import type { TaskListRecord, TaskRecord, TaskSchema } from './store';
import { orderedTasks, placeTask, toTaskResource, truncateDue } from './store';

export interface TaskListSnapshot {
  id: string;
  title: string;
  /** Every task, hidden and deleted ones included, as the API would render it. */
  tasks: TaskSchema[];
}

export interface SeedTask {
  title: string;
  notes?: string;
  due?: string;
  status?: 'needsAction' | 'completed';
  parent?: string;
  /** Models a task assigned from Docs/Chat (only listed with showAssigned). */
  assigned?: boolean;
}

export interface FakeTasksHandle {
  /** The user's lists (default: the current user). */
  lists(user?: string): TaskListSnapshot[];
  /** Every task of the user across lists. */
  allTasks(user?: string): TaskSchema[];
  /** A task by id (any list of the user), or null. */
  task(taskId: string, user?: string): TaskSchema | null;
  seedList(title: string, user?: string): string;
  seedTask(listId: string, task: SeedTask, user?: string): TaskSchema;
  /**
   * Ticks the task done in the Tasks app. The app also hides it, so `list` needs showHidden to see it
   * **[verify]** (the well-known "completed tasks missing from the API" gotcha).
   */
  completeInApp(taskId: string, user?: string): TaskSchema;
  reopenInApp(taskId: string, user?: string): TaskSchema;
  editInApp(taskId: string, changes: { title?: string; notes?: string | null; due?: string | null }, user?: string): TaskSchema;
  deleteInApp(taskId: string, user?: string): void;
  /** Caps every page (null = no cap) so that small documents still exercise nextPageToken. */
  setMaxPageSize(n: number | null): void;
  /** Daily call quota across all users (null = unlimited; default 50,000). */
  setDailyLimit(limit: number | null): void;
  readonly used: number;
  /**
   * The next `times` calls of `method` ('tasks.insert', 'tasklists.list', … or '*') fail with `code`
   * (404, 429, 500, 503…), with the live message shape "API call to tasks.<method> failed with error: …".
   */
  failNext(method: string, error: { code: number; message?: string }, times?: number): void;
  calls(): Record<string, number>;
  totalCalls(): number;
  resetCalls(): void;
}

export function createTasksHandle(rt: Runtime, state: TasksState): FakeTasksHandle {
  const { store } = state;
  const who = (user?: string): string => user ?? rt.user;

  const locate = (taskId: string, user?: string): { list: TaskListRecord; t: TaskRecord } => {
    for (const list of store.user(who(user)).lists) {
      const t = list.tasks.find((x) => x.id === taskId);
      if (t) return { list, t };
    }
    throw new Error(`no task ${taskId} for ${who(user)}`);
  };

  const snapshot = (list: TaskListRecord): TaskListSnapshot => ({
    id: list.id,
    title: list.title,
    tasks: orderedTasks(list).map((t) => toTaskResource(list, t)),
  });

  return {
    lists: (user) => store.user(who(user)).lists.map(snapshot),
    allTasks: (user) => store.user(who(user)).lists.flatMap((l) => snapshot(l).tasks),
    task: (taskId, user) => {
      try {
        const { list, t } = locate(taskId, user);
        return toTaskResource(list, t);
      } catch {
        return null;
      }
    },
    seedList: (title, user) => {
      const list = store.newList(title);
      store.user(who(user)).lists.push(list);
      return list.id;
    },
    seedTask: (listId, task, user) => {
      const list = store.user(who(user)).lists.find((l) => l.id === listId);
      if (!list) throw new Error(`no list ${listId}`);
      const t: TaskRecord = {
        id: store.nextId('task'),
        title: task.title,
        status: task.status ?? 'needsAction',
        deleted: false,
        hidden: false,
        updated: store.nowIso(),
        etag: store.nextEtag(),
      };
      if (task.notes !== undefined) t.notes = task.notes;
      if (task.due !== undefined) t.due = truncateDue(task.due, 'seed');
      if (t.status === 'completed') t.completed = store.nowIso();
      if (task.parent) t.parent = task.parent;
      if (task.assigned) t.assignmentInfo = { surfaceType: 'DOCUMENT', linkToTask: `https://docs.google.com/document/d/x/edit#task=${t.id}` };
      placeTask(list, t, undefined, 'seed');
      return toTaskResource(list, t);
    },
    completeInApp: (taskId, user) => {
      const { list, t } = locate(taskId, user);
      t.status = 'completed';
      t.completed = store.nowIso();
      t.hidden = true;
      store.touch(t);
      return toTaskResource(list, t);
    },
    reopenInApp: (taskId, user) => {
      const { list, t } = locate(taskId, user);
      t.status = 'needsAction';
      delete t.completed;
      t.hidden = false;
      store.touch(t);
      return toTaskResource(list, t);
    },
    editInApp: (taskId, changes, user) => {
      const { list, t } = locate(taskId, user);
      if (changes.title !== undefined) t.title = changes.title;
      if (changes.notes === null) delete t.notes;
      else if (changes.notes !== undefined) t.notes = changes.notes;
      if (changes.due === null) delete t.due;
      else if (changes.due !== undefined) t.due = truncateDue(changes.due, 'edit');
      store.touch(t);
      return toTaskResource(list, t);
    },
    deleteInApp: (taskId, user) => {
      const { t } = locate(taskId, user);
      t.deleted = true;
      store.touch(t);
    },
    setMaxPageSize: (n) => {
      state.maxPageSize = n;
    },
    setDailyLimit: (limit) => {
      state.dailyLimit = limit;
    },
    get used() {
      return state.used;
    },
    failNext: (method, error, times = 1) => {
      state.failures.push({ method, code: error.code, times, ...(error.message === undefined ? {} : { message: error.message }) });
    },
    calls: () => state.counter.snapshot(),
    totalCalls: () => state.counter.total(),
    resetCalls: () => state.counter.reset(),
  };
}
