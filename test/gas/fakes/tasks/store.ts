/**
 * Per-user Google Tasks data (§10.2.7: a script only sees the executing user's own lists) and the resource
 * shapes of Tasks API v1. Pure data and rules; the service and the test handle sit on top.
 */
import type { FakeClock } from '../clock';
import { FakeServiceError } from '../runtime';

export type TaskSchema = GoogleAppsScript.Tasks.Schema.Task & { webViewLink?: string; assignmentInfo?: Record<string, unknown> };
export type TaskListSchema = GoogleAppsScript.Tasks.Schema.TaskList;

export const TASK_LIMITS = { notesChars: 8192, titleChars: 1024, defaultPage: 20, maxPage: 100, defaultListPage: 20, maxListPage: 1000 } as const;

/** [verify] The live text of a daily-quota failure; production code should match on 429 / "Quota exceeded". */
export const TASKS_QUOTA_MESSAGE =
  "Quota exceeded for quota metric 'Queries' and limit 'Queries per day' of service 'tasks.googleapis.com' for consumer 'project_number:000000000000'.";

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Invalid Value',
  401: 'Login Required',
  403: 'Forbidden',
  404: 'Not Found',
  429: TASKS_QUOTA_MESSAGE,
  500: 'Internal Error',
  503: 'Backend Error',
};

/** An advanced-service failure as Apps Script V8 surfaces it (GoogleJsonResponseException). */
export function apiError(method: string, code: number, message?: string): FakeServiceError {
  const text = message ?? DEFAULT_MESSAGES[code] ?? `HTTP ${code}`;
  return new FakeServiceError(`API call to tasks.${method} failed with error: ${text}`, 'GoogleJsonResponseException', {
    details: { code, message: text },
  });
}

export interface TaskRecord {
  id: string;
  title: string;
  notes?: string;
  status: 'needsAction' | 'completed';
  due?: string;
  completed?: string;
  deleted: boolean;
  hidden: boolean;
  parent?: string;
  updated: string;
  etag: string;
  /** Present only for tasks assigned from Docs/Chat (seeded by the test). */
  assignmentInfo?: Record<string, unknown>;
}

export interface TaskListRecord {
  id: string;
  title: string;
  updated: string;
  etag: string;
  /** In list order; positions are computed among siblings. */
  tasks: TaskRecord[];
}

export interface UserTasks {
  lists: TaskListRecord[];
}

export class TasksStore {
  readonly users = new Map<string, UserTasks>();
  #seq = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly defaultListTitle = 'My Tasks',
  ) {}

  /** Every user has a default list, created on first contact. */
  user(email: string): UserTasks {
    let u = this.users.get(email);
    if (!u) {
      u = { lists: [] };
      this.users.set(email, u);
      u.lists.push(this.newList(this.defaultListTitle));
    }
    return u;
  }

  nowIso(): string {
    return this.clock.now().toISOString();
  }

  nextId(kind: string): string {
    this.#seq += 1;
    return Buffer.from(`${kind}:${String(this.#seq).padStart(8, '0')}`).toString('base64url');
  }

  nextEtag(): string {
    this.#seq += 1;
    return `"${Buffer.from(`etag:${this.#seq}`).toString('base64url')}"`;
  }

  newList(title: string): TaskListRecord {
    return { id: this.nextId('list'), title, updated: this.nowIso(), etag: this.nextEtag(), tasks: [] };
  }

  touch(rec: { updated: string; etag: string }): void {
    rec.updated = this.nowIso();
    rec.etag = this.nextEtag();
  }
}

/** `due` keeps only the UTC calendar date of the given instant: "the time portion … is discarded". */
export function truncateDue(due: string, method: string): string {
  const ms = Date.parse(due);
  if (Number.isNaN(ms)) throw apiError(method, 400, 'Invalid value for: due');
  return `${new Date(ms).toISOString().slice(0, 10)}T00:00:00.000Z`;
}

export function normaliseTime(value: string, field: string, method: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw apiError(method, 400, `Invalid value for: ${field}`);
  return new Date(ms).toISOString();
}

/** Siblings of a task (same parent), in list order. */
export function siblings(list: TaskListRecord, parent: string | undefined): TaskRecord[] {
  return list.tasks.filter((t) => t.parent === parent);
}

export function position(list: TaskListRecord, t: TaskRecord): string {
  return String(siblings(list, t.parent).indexOf(t)).padStart(20, '0');
}

/** Parents first, each followed by its subtasks (pre-order over positions). */
export function orderedTasks(list: TaskListRecord): TaskRecord[] {
  const out: TaskRecord[] = [];
  const walk = (parent: string | undefined): void => {
    for (const t of siblings(list, parent)) {
      out.push(t);
      walk(t.id);
    }
  };
  walk(undefined);
  return out;
}

/** Places `t` among its siblings right after `previous`, or first when `previous` is absent. */
export function placeTask(list: TaskListRecord, t: TaskRecord, previous: string | undefined, method: string): void {
  const i = list.tasks.indexOf(t);
  if (i >= 0) list.tasks.splice(i, 1);
  if (previous) {
    const prev = list.tasks.find((x) => x.id === previous);
    if (!prev || prev.parent !== t.parent) throw apiError(method, 400, 'Invalid value for: previous');
    // After prev and after prev's subtree.
    let at = list.tasks.indexOf(prev) + 1;
    const subtree = new Set([prev.id]);
    while (at < list.tasks.length && subtree.has(list.tasks[at]?.parent ?? '')) {
      subtree.add((list.tasks[at] as TaskRecord).id);
      at += 1;
    }
    list.tasks.splice(at, 0, t);
    return;
  }
  const first = list.tasks.findIndex((x) => x.parent === t.parent);
  list.tasks.splice(first < 0 ? list.tasks.length : first, 0, t);
}

export function toTaskResource(list: TaskListRecord, t: TaskRecord): TaskSchema {
  const r: TaskSchema = {
    kind: 'tasks#task',
    id: t.id,
    etag: t.etag,
    title: t.title,
    updated: t.updated,
    selfLink: `https://www.googleapis.com/tasks/v1/lists/${list.id}/tasks/${t.id}`,
    position: position(list, t),
    status: t.status,
    links: [],
    webViewLink: `https://tasks.google.com/task/${t.id}?sa=6`,
  };
  if (t.parent) r.parent = t.parent;
  if (t.notes !== undefined) r.notes = t.notes;
  if (t.due !== undefined) r.due = t.due;
  if (t.completed !== undefined) r.completed = t.completed;
  if (t.deleted) r.deleted = true;
  if (t.hidden) r.hidden = true;
  if (t.assignmentInfo) r.assignmentInfo = structuredClone(t.assignmentInfo);
  return r;
}

export function toListResource(l: TaskListRecord): TaskListSchema {
  return { kind: 'tasks#taskList', id: l.id, etag: l.etag, title: l.title, updated: l.updated, selfLink: `https://www.googleapis.com/tasks/v1/users/@me/lists/${l.id}` };
}
