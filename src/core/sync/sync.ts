/** One sync of one document: load the store, read the remote state, plan, execute. */
import type { ActionItem } from '../model/items';
import type { TaskBackend } from './backend';
import type { DraftRenderer, NotesLabels } from './draft';
import type { ExecutionResult } from './executor';
import { executePlan } from './executor';
import { planSync } from './planner';
import type { SyncPolicy } from './policy';
import type { RemoteState } from './remote';
import { fetchRemoteState } from './remote';
import type { Clock, RetryPolicy, Sleep } from './retry';
import { resolveRetry } from './retry';
import type { SyncStore } from './store';
import type { SyncPlan, WriteBack } from './types';

export interface SyncInput {
  docId: string;
  /** The items the extractor found, in document order. */
  items: readonly ActionItem[];
  docTitle?: string;
  docUrl?: string;
  /** When the document was last modified, if known (for "the later change wins"). */
  docModifiedAt?: number;
  /** Remote state gathered by the caller (e.g. from task events); read from the backend when absent. */
  remote?: RemoteState;
}

export interface SyncDeps {
  backend: TaskBackend;
  store: SyncStore;
  /** ms since the epoch. */
  now: Clock;
  /** Apps Script: (ms) => Utilities.sleep(ms); Node: a timer; tests: a fake clock. */
  sleep: Sleep;
  policy?: Partial<SyncPolicy>;
  retry?: Partial<RetryPolicy>;
  render?: DraftRenderer;
  labels?: NotesLabels;
  /** Writes status and task links into the document in one batch (see WriteBack). */
  applyWriteBacks?: (writeBacks: readonly WriteBack[]) => void | Promise<void>;
  /** Time the sync may spend sending writes (Apps Script runs stop at 6 minutes). */
  budgetMs?: number;
  commitEvery?: number;
}

export interface SyncOutcome extends ExecutionResult {
  plan: SyncPlan;
}

export async function syncDocument(input: SyncInput, deps: SyncDeps): Promise<SyncOutcome> {
  const { docId } = input;
  const { backend, store, now, sleep, budgetMs } = deps;
  const started = now();
  const retry = resolveRetry(deps.retry);
  const records = await store.load(docId);
  const remote = input.remote ?? (await fetchRemoteState({ backend, docId, records, retry, now, sleep }));
  const plan = planSync({
    docId,
    items: input.items,
    records,
    remote,
    capabilities: backend.capabilities,
    now: now(),
    policy: deps.policy,
    docModifiedAt: input.docModifiedAt,
    docTitle: input.docTitle,
    docUrl: input.docUrl,
    labels: deps.labels,
    render: deps.render,
  });
  const result = await executePlan(plan, {
    backend,
    store,
    now,
    sleep,
    retry,
    applyWriteBacks: deps.applyWriteBacks,
    deadline: budgetMs === undefined ? undefined : started + budgetMs,
    commitEvery: deps.commitEvery,
  });
  return { plan, ...result };
}
