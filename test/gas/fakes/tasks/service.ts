/**
 * The `Tasks` advanced service (§3, §10.2): Tasklists and Tasks collections with the REST semantics the product
 * depends on — `items` omitted when empty, paging, date-only `due`, notes ≤ 8,192, status/completed rules,
 * 404s, list filters and their defaults, per-user stores, a daily quota and injectable failures.
 * Only plain-property access is modelled (no Java-bean getters like `getItems()`).
 */
import { CallCounter, counted } from '../calls';
import type { Runtime } from '../runtime';
import { SCOPES } from '../runtime';
import type { TaskListRecord, TaskListSchema, TaskRecord, TaskSchema, UserTasks } from './store';
import {
  TASK_LIMITS, TasksStore, apiError, normaliseTime, orderedTasks, placeTask, siblings, toListResource, toTaskResource,
  truncateDue,
} from './store';

export interface FailureRule {
  method: string;
  code: number;
  message?: string;
  times: number;
}

export interface TasksState {
  store: TasksStore;
  counter: CallCounter;
  dailyLimit: number | null;
  used: number;
  failures: FailureRule[];
  /** Caps every page below what the script asks for, to exercise paging. */
  maxPageSize: number | null;
}

export function createTasksState(rt: Runtime): TasksState {
  return { store: new TasksStore(rt.clock), counter: new CallCounter(), dailyLimit: 50_000, used: 0, failures: [], maxPageSize: null };
}

type Opts = Record<string, unknown>;

const WRITABLE = ['title', 'notes', 'status', 'due', 'completed', 'deleted'] as const;

function encodeToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeToken(token: unknown, method: string): number {
  if (token === undefined || token === null || token === '') return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(String(token), 'base64url').toString());
  if (!m) throw apiError(method, 400, 'Invalid value for: pageToken');
  return Number(m[1]);
}

function pageSize(state: TasksState, requested: unknown, def: number, max: number, method: string): number {
  let n = requested === undefined || requested === null ? def : Number(requested);
  if (!Number.isInteger(n) || n < 1) throw apiError(method, 400, 'Invalid value for: maxResults');
  n = Math.min(n, max);
  return state.maxPageSize ? Math.min(n, state.maxPageSize) : n;
}

function bool(v: unknown, def: boolean): boolean {
  return v === undefined || v === null ? def : v === true || v === 'true';
}

export function createTasksService(rt: Runtime, state: TasksState): GoogleAppsScript.Tasks {
  const { store } = state;

  /** Every call: authorization, quota, then any injected failure. */
  const begin = (method: string): UserTasks => {
    rt.requireAuth('FULL', `Tasks.${method}`, SCOPES.tasks);
    state.used += 1;
    if (state.dailyLimit !== null && state.used > state.dailyLimit) throw apiError(method, 429);
    const rule = state.failures.find((f) => f.method === method || f.method === '*');
    if (rule) {
      rule.times -= 1;
      if (rule.times <= 0) state.failures.splice(state.failures.indexOf(rule), 1);
      throw apiError(method, rule.code, rule.message);
    }
    return store.user(rt.user);
  };

  const findList = (u: UserTasks, id: unknown, method: string): TaskListRecord => {
    const list = id === '@default' ? u.lists[0] : u.lists.find((l) => l.id === id);
    if (!list) throw apiError(method, 404);
    return list;
  };

  const findTask = (list: TaskListRecord, id: unknown, method: string): TaskRecord => {
    const t = list.tasks.find((x) => x.id === id);
    if (!t) throw apiError(method, 404);
    return t;
  };

  /** Applies writable fields; `null` clears; read-only fields are ignored. */
  const applyFields = (t: TaskRecord, res: Record<string, unknown>, method: string, replace: boolean): void => {
    const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(res, k) && res[k] !== undefined;
    if (replace) {
      for (const k of WRITABLE) if (!has(k)) res = { ...res, [k]: null };
    }
    if (has('title')) {
      const title = res.title === null ? '' : String(res.title);
      if (title.length > TASK_LIMITS.titleChars) throw apiError(method, 400, 'Invalid value for: title');
      t.title = title;
    }
    if (has('notes')) {
      if (res.notes === null) delete t.notes;
      else {
        const notes = String(res.notes);
        if (notes.length > TASK_LIMITS.notesChars) throw apiError(method, 400, 'Invalid value for: notes');
        t.notes = notes;
      }
    }
    if (has('due')) {
      if (res.due === null) delete t.due;
      else t.due = truncateDue(String(res.due), method);
    }
    if (has('completed')) {
      if (res.completed === null) delete t.completed;
      else t.completed = normaliseTime(String(res.completed), 'completed', method);
    }
    if (has('deleted')) t.deleted = res.deleted === true;
    if (has('status')) {
      const status = res.status === null ? 'needsAction' : res.status;
      if (status !== 'needsAction' && status !== 'completed') throw apiError(method, 400, 'Invalid value for: status');
      t.status = status;
    }
    // status:'completed' sets `completed` = now if absent; 'needsAction' clears it.
    if (t.status === 'completed' && t.completed === undefined) t.completed = store.nowIso();
    if (t.status === 'needsAction') delete t.completed;
  };

  const checkParent = (list: TaskListRecord, parent: unknown, method: string): string | undefined => {
    if (parent === undefined || parent === null || parent === '') return undefined;
    const p = list.tasks.find((x) => x.id === parent && !x.deleted);
    if (!p) throw apiError(method, 404, 'Invalid value for: parent');
    return p.id;
  };

  const tasklists = {
    list(optionalArgs?: Opts): GoogleAppsScript.Tasks.Schema.TaskLists {
      const method = 'tasklists.list';
      const u = begin(method);
      const size = pageSize(state, optionalArgs?.maxResults, TASK_LIMITS.defaultListPage, TASK_LIMITS.maxListPage, method);
      const offset = decodeToken(optionalArgs?.pageToken, method);
      const page = u.lists.slice(offset, offset + size);
      const out: GoogleAppsScript.Tasks.Schema.TaskLists = { kind: 'tasks#taskLists', etag: store.nextEtag() };
      if (page.length) out.items = page.map(toListResource);
      if (offset + size < u.lists.length) out.nextPageToken = encodeToken(offset + size);
      return out;
    },
    get(tasklist: string): TaskListSchema {
      return toListResource(findList(begin('tasklists.get'), tasklist, 'tasklists.get'));
    },
    insert(resource: TaskListSchema): TaskListSchema {
      const u = begin('tasklists.insert');
      if (u.lists.length >= 2000) throw apiError('tasklists.insert', 403, 'Quota Exceeded');
      const list = store.newList(String(resource?.title ?? ''));
      u.lists.push(list);
      return toListResource(list);
    },
    patch(resource: TaskListSchema, tasklist: string): TaskListSchema {
      const list = findList(begin('tasklists.patch'), tasklist, 'tasklists.patch');
      if (resource?.title !== undefined) list.title = String(resource.title ?? '');
      store.touch(list);
      return toListResource(list);
    },
    update(resource: TaskListSchema, tasklist: string): TaskListSchema {
      const list = findList(begin('tasklists.update'), tasklist, 'tasklists.update');
      list.title = String(resource?.title ?? '');
      store.touch(list);
      return toListResource(list);
    },
    remove(tasklist: string): void {
      const u = begin('tasklists.remove');
      const list = findList(u, tasklist, 'tasklists.remove');
      if (list === u.lists[0]) throw apiError('tasklists.remove', 400, 'Invalid Value');
      u.lists.splice(u.lists.indexOf(list), 1);
    },
  };

  const tasks = {
    list(tasklist: string, optionalArgs?: Opts): GoogleAppsScript.Tasks.Schema.Tasks {
      const method = 'tasks.list';
      const list = findList(begin(method), tasklist, method);
      const o = optionalArgs ?? {};
      const showCompleted = bool(o.showCompleted, true);
      const showHidden = bool(o.showHidden, false);
      const showDeleted = bool(o.showDeleted, false);
      const showAssigned = bool(o.showAssigned, false);
      const bound = (k: string): number | null => (o[k] === undefined || o[k] === null ? null : Date.parse(normaliseTime(String(o[k]), k, method)));
      const updatedMin = bound('updatedMin');
      const dueMin = bound('dueMin');
      const dueMax = bound('dueMax');
      const completedMin = bound('completedMin');
      const completedMax = bound('completedMax');
      const at = (s: string | undefined): number | null => (s === undefined ? null : Date.parse(s));
      const visible = orderedTasks(list).filter((t) => {
        if (!showCompleted && t.status === 'completed') return false;
        if (!showHidden && t.hidden) return false;
        if (!showDeleted && t.deleted) return false;
        if (!showAssigned && t.assignmentInfo) return false;
        if (updatedMin !== null && Date.parse(t.updated) < updatedMin) return false;
        const due = at(t.due);
        if (dueMin !== null && (due === null || due < dueMin)) return false;
        if (dueMax !== null && (due === null || due >= dueMax)) return false;
        const done = at(t.completed);
        if (completedMin !== null && (done === null || done < completedMin)) return false;
        if (completedMax !== null && (done === null || done >= completedMax)) return false;
        return true;
      });
      const size = pageSize(state, o.maxResults, TASK_LIMITS.defaultPage, TASK_LIMITS.maxPage, method);
      const offset = decodeToken(o.pageToken, method);
      const page = visible.slice(offset, offset + size);
      const out: GoogleAppsScript.Tasks.Schema.Tasks = { kind: 'tasks#tasks', etag: store.nextEtag() };
      // "items" is absent (not []) when there are no results.
      if (page.length) out.items = page.map((t) => toTaskResource(list, t));
      if (offset + size < visible.length) out.nextPageToken = encodeToken(offset + size);
      return out;
    },
    get(tasklist: string, task: string): TaskSchema {
      const list = findList(begin('tasks.get'), tasklist, 'tasks.get');
      return toTaskResource(list, findTask(list, task, 'tasks.get'));
    },
    insert(resource: TaskSchema, tasklist: string, optionalArgs?: Opts): TaskSchema {
      const method = 'tasks.insert';
      const list = findList(begin(method), tasklist, method);
      const t: TaskRecord = { id: store.nextId('task'), title: '', status: 'needsAction', deleted: false, hidden: false, updated: store.nowIso(), etag: store.nextEtag() };
      applyFields(t, { ...(resource ?? {}), deleted: undefined }, method, false);
      const parent = checkParent(list, optionalArgs?.parent, method);
      if (parent) t.parent = parent;
      placeTask(list, t, optionalArgs?.previous ? String(optionalArgs.previous) : undefined, method);
      return toTaskResource(list, t);
    },
    patch(resource: TaskSchema, tasklist: string, task: string): TaskSchema {
      const method = 'tasks.patch';
      const list = findList(begin(method), tasklist, method);
      const t = findTask(list, task, method);
      const draft = { ...t };
      applyFields(draft, { ...(resource ?? {}) }, method, false);
      Object.assign(t, draft);
      if (draft.notes === undefined) delete t.notes;
      if (draft.due === undefined) delete t.due;
      if (draft.completed === undefined) delete t.completed;
      store.touch(t);
      return toTaskResource(list, t);
    },
    update(resource: TaskSchema, tasklist: string, task: string): TaskSchema {
      const method = 'tasks.update';
      const list = findList(begin(method), tasklist, method);
      const t = findTask(list, task, method);
      const draft = { ...t };
      applyFields(draft, { ...(resource ?? {}) }, method, true);
      Object.assign(t, draft);
      if (draft.notes === undefined) delete t.notes;
      if (draft.due === undefined) delete t.due;
      if (draft.completed === undefined) delete t.completed;
      store.touch(t);
      return toTaskResource(list, t);
    },
    /** Marks the task (and its subtasks) deleted; `get` still returns it with `deleted: true` [verify]. */
    remove(tasklist: string, task: string): void {
      const method = 'tasks.remove';
      const list = findList(begin(method), tasklist, method);
      const t = findTask(list, task, method);
      const doomed = [t];
      for (let i = 0; i < doomed.length; i++) doomed.push(...siblings(list, doomed[i]?.id));
      for (const d of doomed) {
        d.deleted = true;
        store.touch(d);
      }
    },
    move(tasklist: string, task: string, optionalArgs?: Opts): TaskSchema {
      const method = 'tasks.move';
      const u = begin(method);
      let list = findList(u, tasklist, method);
      const t = findTask(list, task, method);
      const dest = optionalArgs?.destinationTasklist ? findList(u, optionalArgs.destinationTasklist, method) : list;
      if (dest !== list) {
        list.tasks.splice(list.tasks.indexOf(t), 1);
        list = dest;
      }
      const parent = checkParent(list, optionalArgs?.parent, method);
      if (parent === t.id) throw apiError(method, 400, 'Invalid value for: parent');
      if (parent) t.parent = parent;
      else delete t.parent;
      placeTask(list, t, optionalArgs?.previous ? String(optionalArgs.previous) : undefined, method);
      store.touch(t);
      return toTaskResource(list, t);
    },
    /** Hides completed tasks: they vanish from default listings (showHidden=false). */
    clear(tasklist: string): void {
      const list = findList(begin('tasks.clear'), tasklist, 'tasks.clear');
      for (const t of list.tasks) {
        if (t.status === 'completed' && !t.hidden) {
          t.hidden = true;
          store.touch(t);
        }
      }
    },
  };

  const wrap = <T extends object>(o: T, label: string): T => counted(o, label, state.counter, { translate: rt.translate });
  const service = {
    Tasklists: wrap(tasklists as unknown as GoogleAppsScript.Tasks.Collection.TasklistsCollection, 'Tasks.Tasklists'),
    Tasks: wrap(tasks as unknown as GoogleAppsScript.Tasks.Collection.TasksCollection, 'Tasks.Tasks'),
    newTask: (): TaskSchema => ({}),
    newTaskLinks: (): GoogleAppsScript.Tasks.Schema.TaskLinks => ({}),
    newTaskList: (): TaskListSchema => ({}),
  };
  return service;
}
