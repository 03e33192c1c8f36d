/** Reads the remote state the planner needs: the linked tasks, and orphans of crashed creates. */
import type { RemoteTask, TaskBackend } from './backend';
import { isBackendError } from './backend';
import { syncKeyOf } from './keys';
import type { Clock, RetryPolicy, Sleep } from './retry';
import { createPacer, pacedRead } from './retry';
import type { SyncRecord, SyncWarning } from './types';

export interface RemoteState {
  /** By task id: the task, or null when it no longer exists; absent = not known this run. */
  tasks: ReadonlyMap<string, RemoteTask | null>;
  /** Pending records whose task was found by sync key: record key → task. */
  found: ReadonlyMap<string, RemoteTask>;
  /** Record keys looked up successfully (absent from `found` = the create never happened). */
  searched: ReadonlySet<string>;
  /** The backend can look tasks up by sync key. */
  canLookup: boolean;
  warnings: SyncWarning[];
}

/** No remote knowledge: no back-sync this run, pending creates are retried. */
export function emptyRemoteState(canLookup = false): RemoteState {
  return { tasks: new Map(), found: new Map(), searched: new Set(), canLookup, warnings: [] };
}

export interface FetchRemoteOptions {
  backend: TaskBackend;
  docId: string;
  records: readonly SyncRecord[];
  retry: RetryPolicy;
  now: Clock;
  sleep: Sleep;
}

function warning(code: 'fetch_failed' | 'lookup_failed', error: unknown): SyncWarning {
  const detail = error instanceof Error ? error.message : String(error);
  const what = code === 'fetch_failed' ? 'Could not read the tasks; statuses from the task app are not synced this time' : 'Could not look up tasks of an interrupted sync; they are retried next time';
  return { code, key: null, title: null, message: `${what} (${detail}).` };
}

export async function fetchRemoteState(options: FetchRemoteOptions): Promise<RemoteState> {
  const { backend, records, retry, sleep } = options;
  const pace = createPacer(backend.capabilities.rateLimits, options.now, sleep);
  const read = <T>(call: () => Promise<T>): Promise<T> => pacedRead(pace, call, retry, sleep);

  const tasks = new Map<string, RemoteTask | null>();
  const warnings: SyncWarning[] = [];
  // Unlinked tasks too: an item that comes back must pick up what happened to its task meanwhile.
  const ids = records.filter((r) => (r.state === 'linked' || r.state === 'unlinked') && r.taskId !== null).map((r) => r.taskId as string);
  let missing: string[] = ids;
  if (ids.length > 0 && backend.list) {
    const list = backend.list.bind(backend);
    try {
      const all = await read(() => list());
      const byId = new Map(all.map((t) => [t.id, t]));
      missing = [];
      for (const id of ids) {
        const t = byId.get(id);
        if (t) tasks.set(id, t);
        else missing.push(id);
      }
    } catch (error) {
      if (!isBackendError(error)) throw error;
      warnings.push(warning('fetch_failed', error));
      missing = [];
    }
  }
  // Without a list (or for tasks the list did not show, e.g. hidden ones) ask one by one.
  for (const id of missing) {
    try {
      tasks.set(id, await read(() => backend.get(id)));
    } catch (error) {
      if (!isBackendError(error)) throw error;
      if (error.kind === 'not_found') {
        tasks.set(id, null);
        continue;
      }
      warnings.push(warning('fetch_failed', error));
      break; // the service is unwell: the rest stays unknown this run
    }
  }

  const found = new Map<string, RemoteTask>();
  const searched = new Set<string>();
  const pending = records.filter((r) => r.state === 'pending');
  const find = backend.findBySyncKeys?.bind(backend);
  if (pending.length > 0 && find) {
    try {
      const keys = pending.map((r) => syncKeyOf(options.docId, r.key));
      const hits = await read(() => find(keys));
      pending.forEach((r, i) => {
        const hit = hits.get(keys[i] as string);
        if (hit) found.set(r.key, hit);
        searched.add(r.key);
      });
    } catch (error) {
      if (!isBackendError(error)) throw error;
      warnings.push(warning('lookup_failed', error));
    }
  }
  return { tasks, found, searched, canLookup: find !== undefined, warnings };
}
