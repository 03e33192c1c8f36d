/**
 * The task list a document's tasks go to, per user (Google Tasks writes only into the user's own lists):
 * remembered in UserProperties; created, named after the meeting, at the first sync; or one of the user's
 * lists, picked in the sidebar.
 *
 * Picking another list moves the tasks synced so far (Tasks.move with destinationTasklist keeps their ids).
 * The move is recorded before the first task moves, and every sync finishes an unfinished move before it
 * syncs: a sync never looks for a task in a list the task is not in (it would read as deleted in the task
 * app and be unlinked).
 */
import type { TaskListChoice, TaskListInfo } from '../core/app/protocol';
import { BackendError } from '../core/sync/backend';
import { syncKeyOf } from '../core/sync/keys';
import { HostFailure } from './errors';
import { KEYS } from './store';
import { callTasks, liveTasks, syncKeyInNotes } from './tasks-backend';

type TasksService = GoogleAppsScript.Tasks;
type Properties = GoogleAppsScript.Properties.Properties;

const PAGE_SIZE = 100;
/** Google caps list names at 1,024 characters; a shorter one reads better in the Tasks app anyway. */
const MAX_LIST_TITLE = 100;

/** A move of a document's tasks from one list to another that has not finished yet. */
interface ListMove {
  from: string;
  to: string;
}

/** How much a move may do before it stops and leaves the rest for the next call. */
export interface MoveBudget {
  now: () => number;
  deadline: number;
}

/** Every task list of the current user, in the Tasks app's order. */
export function listTaskLists(tasks: TasksService): TaskListInfo[] {
  const out: TaskListInfo[] = [];
  let pageToken: string | undefined;
  do {
    const opts: Record<string, unknown> = { maxResults: PAGE_SIZE };
    if (pageToken) opts.pageToken = pageToken;
    const page = callTasks(() => tasks.Tasklists.list(opts));
    // `items` is absent, not empty, when there are none.
    for (const l of page.items ?? []) if (l.id) out.push({ id: l.id, title: l.title ?? '' });
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

/** The user's lists and the one this document's tasks go to (null until the first sync creates it). */
export function taskListChoice(tasks: TasksService, props: Properties, docId: string): TaskListChoice {
  const lists = listTaskLists(tasks);
  const known = props.getProperty(KEYS.list(docId));
  // A list deleted in the Tasks app is no longer the document's: the next sync makes a new one.
  return { lists, current: lists.find((l) => l.id === known) ?? null };
}

/**
 * The document's list for the current user: the remembered one, or a new list named `title()` when there is
 * none or it was deleted. Any move left unfinished is finished first.
 */
export function resolveTaskList(tasks: TasksService, props: Properties, docId: string, title: () => string, budget: MoveBudget): string {
  try {
    if (pendingMove(props, docId) && finishMove(tasks, props, docId, budget).remaining > 0) {
      throw new HostFailure('unavailable', 'moving tasks to the chosen list did not finish');
    }
    const known = props.getProperty(KEYS.list(docId));
    if (known && listExists(tasks, known)) return known;
    const id = createList(tasks, title());
    props.setProperty(KEYS.list(docId), id);
    return id;
  } catch (error) {
    // Without a list nothing can sync: stop the whole run with a clear reason instead of failing every item.
    if (error instanceof BackendError && (error.kind === 'permission' || error.kind === 'invalid')) throw new HostFailure('permission', error.message);
    throw error;
  }
}

/**
 * Send the document's tasks to `target` (a list id, or null for a new list named `title()`) and move the
 * tasks synced so far there. Returns how many moved and how many are left for the next sync to move.
 */
export function chooseTaskList(
  tasks: TasksService,
  props: Properties,
  docId: string,
  target: string | null,
  title: () => string,
  budget: MoveBudget,
): { moved: number; remaining: number } {
  // A move still under way ends where it was going before another begins.
  let moved = 0;
  if (pendingMove(props, docId)) {
    const earlier = finishMove(tasks, props, docId, budget);
    moved += earlier.moved;
    if (earlier.remaining > 0) return { moved, remaining: earlier.remaining };
  }
  if (target !== null && !listExists(tasks, target)) throw new HostFailure('not_found', 'the chosen task list is gone');
  const to = target ?? createList(tasks, title());
  const from = props.getProperty(KEYS.list(docId));
  if (from === to) return { moved, remaining: 0 };
  if (!from || !listExists(tasks, from)) {
    props.setProperty(KEYS.list(docId), to);
    return { moved, remaining: 0 };
  }
  // Recorded before anything moves, in one write: from here on, every sync finishes this move first.
  props.setProperties({ [KEYS.list(docId)]: to, [KEYS.listMove(docId)]: JSON.stringify({ from, to } satisfies ListMove) });
  const result = finishMove(tasks, props, docId, budget);
  return { moved: moved + result.moved, remaining: result.remaining };
}

function pendingMove(props: Properties, docId: string): ListMove | null {
  const raw = props.getProperty(KEYS.listMove(docId));
  if (!raw) return null;
  try {
    const move = JSON.parse(raw) as Partial<ListMove>;
    if (typeof move.from === 'string' && typeof move.to === 'string') return { from: move.from, to: move.to };
  } catch {
    // Unreadable: nothing can be resumed from it.
  }
  props.deleteProperty(KEYS.listMove(docId));
  return null;
}

/**
 * Moves the document's tasks (those whose notes carry its sync key; a task whose key line was deleted by
 * hand stays, and its item shows as unlinked) until the budget runs out; the record goes once none is left.
 */
function finishMove(tasks: TasksService, props: Properties, docId: string, budget: MoveBudget): { moved: number; remaining: number } {
  const move = pendingMove(props, docId);
  if (!move) return { moved: 0, remaining: 0 };
  if (!listExists(tasks, move.to)) {
    // The chosen list was deleted meanwhile: the tasks stay where they are, and so does the document.
    props.setProperty(KEYS.list(docId), move.from);
    props.deleteProperty(KEYS.listMove(docId));
    return { moved: 0, remaining: 0 };
  }
  const ids = listExists(tasks, move.from) ? documentTaskIds(tasks, move.from, docId) : [];
  let moved = 0;
  for (const id of ids) {
    if (budget.now() > budget.deadline) return { moved, remaining: ids.length - moved };
    try {
      callTasks(() => tasks.Tasks.move(move.from, id, { destinationTasklist: move.to }));
    } catch (error) {
      // Gone meanwhile (deleted, or moved by an earlier run that stopped before it could say so).
      if (!(error instanceof BackendError && error.kind === 'not_found')) throw error;
    }
    moved++;
  }
  props.deleteProperty(KEYS.listMove(docId));
  return { moved, remaining: 0 };
}

/** The ids of the tasks in a list that this document's syncs created (hidden and completed ones too). */
function documentTaskIds(tasks: TasksService, listId: string, docId: string): string[] {
  const prefix = syncKeyOf(docId, '');
  return liveTasks(tasks, listId).flatMap((t) => (t.id && syncKeyInNotes(t.notes)?.startsWith(prefix) ? [t.id] : []));
}

function listExists(tasks: TasksService, listId: string): boolean {
  try {
    return Boolean(callTasks(() => tasks.Tasklists.get(listId)).id);
  } catch (error) {
    if (error instanceof BackendError && error.kind === 'not_found') return false;
    throw error;
  }
}

function createList(tasks: TasksService, title: string): string {
  const created = callTasks(() => tasks.Tasklists.insert({ title: title.slice(0, MAX_LIST_TITLE) || 'Minutes' }));
  if (!created.id) throw new HostFailure('unavailable', 'the new task list has no id');
  return created.id;
}
