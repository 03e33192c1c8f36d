/**
 * The executor: carries a SyncPlan out through a TaskBackend and records every step in the store.
 *
 * Crash safety, step by step: every write's intent is stored before the write is sent, its result
 * after. For a create the intent is a pending record with its sync key and client token: after a
 * crash the next run looks the task up by sync key (or repeats the create with the same token)
 * instead of creating a second one. For a write to an existing task it is an in-flight marker: the
 * next run re-sends the fields in doubt and recognises its own status change. A status written back
 * to the document is marked before the adapter applies it and recorded as agreed once it returns.
 */
import type { ItemStatus } from '../model/items';
import type { BackendError, RemoteTask, TaskBackend, TaskWrite } from './backend';
import { isBackendError, isRetryable } from './backend';
import { fingerprintOf } from './draft';
import type { Clock, Pace, RetryPolicy, Sleep } from './retry';
import { DETACHED_LINE, TASK_DELETED_WARNING } from './messages';
import { backoffDelay, createPacer, pacedRead, resolveRetry } from './retry';
import { buildReport } from './report';
import type { SyncStore } from './store';
import type { PlanStep, ReportLine, SyncPlan, SyncRecord, SyncReport, SyncWarning, SyncWarningCode, WriteBack } from './types';

export interface ExecuteOptions {
  backend: TaskBackend;
  store: SyncStore;
  now: Clock;
  sleep: Sleep;
  retry?: Partial<RetryPolicy>;
  /** Applies write-backs to the document in one batch; throw a BackendError if that fails. */
  applyWriteBacks?: (writeBacks: readonly WriteBack[]) => void | Promise<void>;
  /** Send no more writes after this time (ms since the epoch); the rest waits for the next sync. */
  deadline?: number;
  /** Steps per store commit: their intents are stored before, their results after. Default 10. */
  commitEvery?: number;
}

export interface ExecutionResult {
  report: SyncReport;
  /** Everything the document should show now: statuses from the task app, task links. */
  writeBacks: WriteBack[];
  /** applyWriteBacks ran and succeeded. */
  writeBacksApplied: boolean;
}

export type StepResult =
  | { kind: 'ok'; task: RemoteTask; recovered: boolean }
  | { kind: 'failed'; error: BackendError; maybeApplied: boolean }
  | { kind: 'deferred'; maybeApplied: boolean };

/** A write left for the next sync without being sent. */
export const NOT_SENT: StepResult = Object.freeze({ kind: 'deferred', maybeApplied: false });

/** What the executor lends a batching strategy (batch.ts) for one chunk of writes. */
export interface SendRun {
  /** No more writes may be sent: the task app stopped answering, or time is up. */
  stopped(): boolean;
  pace: Pace;
  /** Counts writes sent in one call. */
  counted(writes: number): void;
  /** One write with retries, after `firstError` when the batch did not carry it out. */
  single(step: PlanStep, firstError: BackendError | null): Promise<StepResult>;
}

/** Sends a chunk of write steps in batches of `size`; one result per step, in order. */
export type WriteBatching = (chunk: readonly PlanStep[], size: number, run: SendRun) => Promise<StepResult[]>;

interface Change {
  key: string;
  record: SyncRecord | null;
}

/** A write that may have reached the platform although it reported an error. */
function mayHaveApplied(error: BackendError): boolean {
  return error.kind === 'timeout' || error.kind === 'transient';
}

/**
 * Carries the plan out. The run's state lives in local variables that the steps below share (the
 * store's records as this run leaves them, the report lines, the write count).
 */
export async function executePlan(plan: SyncPlan, options: ExecuteOptions): Promise<ExecutionResult> {
  const { backend, now, sleep, deadline } = options;
  const caps = backend.capabilities;
  const retry = resolveRetry(options.retry);
  const pace = createPacer(caps.rateLimits, now, sleep);
  /** The records as loaded, and as this run has committed them so far. */
  const base = new Map(plan.baseRecords.map((r) => [r.key, r]));
  const current = new Map(base);
  const lines: ReportLine[] = plan.lines.map((l) => ({ ...l, actions: [...l.actions] }));
  const lineOf = new Map<string, ReportLine>();
  for (const l of lines) if (l.key !== null) lineOf.set(l.key, l);
  const warnings: SyncWarning[] = [...plan.warnings];
  const lateWriteBacks: WriteBack[] = [];
  /** Keys whose step failed or was deferred: their record did not change. */
  const unsettled = new Set<string>();
  let writes = 0;
  let halted = null as BackendError | null;

  const warn = (code: SyncWarningCode, key: string | null, title: string | null, message: string): void => {
    warnings.push({ code, key, title, message });
  };

  const stopped = (): boolean => halted !== null || (deadline !== undefined && now() >= deadline);

  async function commit(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    const put = changes.flatMap((c) => (c.record ? [c.record] : []));
    const remove = changes.filter((c) => c.record === null).map((c) => c.key);
    await options.store.commit(plan.docId, { put, remove });
    for (const c of changes) {
      if (c.record) current.set(c.key, c.record);
      else current.delete(c.key);
    }
  }

  async function applyWriteBacks(writeBacks: WriteBack[]): Promise<boolean> {
    const apply = options.applyWriteBacks;
    if (!apply || writeBacks.length === 0) return false;
    // The statuses the document is about to take from the task app.
    const statuses = writeBacks.flatMap((wb) => {
      const rec = wb.status === undefined || wb.key === null ? undefined : current.get(wb.key);
      return rec && rec.state === 'linked' && rec.status !== wb.status ? [{ rec, status: wb.status as ItemStatus }] : [];
    });
    // Mark them before they are written, so a crash before the confirmation below cannot make our
    // own write-back look like a change made in the minutes.
    await commit(statuses.map(({ rec, status }) => ({ key: rec.key, record: { ...rec, writeBackStatus: status } })));
    try {
      await apply(writeBacks);
    } catch (error) {
      if (!isBackendError(error)) throw error;
      warn('write_failed', null, null, `Could not update the minutes (${error.message}); retried next sync.`);
      return false;
    }
    // The document now shows the task app's status: that is the agreed status from here on.
    await commit(
      statuses.map(({ rec, status }) => {
        const confirmed: SyncRecord = { ...rec, status, fingerprint: fingerprintOf(rec.fields, status), syncedAt: now() };
        delete confirmed.writeBackStatus;
        return { key: rec.key, record: confirmed };
      }),
    );
    return true;
  }

  /** Sends a chunk: in the backend's batches where it has them, else one write per call. */
  async function perform(chunk: readonly PlanStep[]): Promise<StepResult[]> {
    const batching = caps.maxBatch > 1 ? backend.batching : undefined;
    if (batching) {
      const counted = (n: number): void => {
        writes += n;
      };
      return batching(chunk, caps.maxBatch, { stopped, pace, counted, single });
    }
    const results: StepResult[] = [];
    for (const step of chunk) results.push(stopped() ? NOT_SENT : await single(step, null));
    return results;
  }

  /** One write with retries; a create that may have happened is looked up before it is repeated. */
  async function single(step: PlanStep, firstError: BackendError | null): Promise<StepResult> {
    const write = step.write as TaskWrite;
    let error = firstError;
    let failures = firstError ? 1 : 0;
    let maybeApplied = firstError !== null && mayHaveApplied(firstError);
    for (;;) {
      if (error) {
        if (!isRetryable(error.kind)) return { kind: 'failed', error, maybeApplied };
        if (failures >= retry.maxAttempts) {
          halted = error;
          return { kind: 'deferred', maybeApplied };
        }
        const delay = backoffDelay(retry, failures, error);
        if (deadline !== undefined && now() + delay >= deadline) return { kind: 'deferred', maybeApplied };
        await sleep(delay);
      }
      if (write.type === 'create' && maybeApplied) {
        const found = await lookup(write.request.syncKey);
        if (found) return { kind: 'ok', task: found, recovered: true };
        // Cannot tell whether it exists and no token makes a repeat safe: leave it pending.
        if (found === undefined && !caps.clientToken) return { kind: 'failed', error: error as BackendError, maybeApplied };
      }
      try {
        await pace(write.type === 'create' ? 'create' : 'update');
        writes++;
        return { kind: 'ok', task: await call(write), recovered: false };
      } catch (e) {
        if (!isBackendError(e)) throw e;
        error = e;
        failures++;
        if (mayHaveApplied(e)) maybeApplied = true;
      }
    }
  }

  /** The task with this sync key; null when there is none; undefined when the backend cannot tell. */
  async function lookup(syncKey: string): Promise<RemoteTask | null | undefined> {
    const find = backend.findBySyncKeys?.bind(backend);
    if (!find) return undefined;
    try {
      const hits = await pacedRead(pace, () => find([syncKey]), retry, sleep);
      return hits.get(syncKey) ?? null;
    } catch (error) {
      if (!isBackendError(error)) throw error;
      return undefined;
    }
  }

  function call(write: TaskWrite): Promise<RemoteTask> {
    switch (write.type) {
      case 'create':
        return backend.create(write.request);
      case 'update':
        return backend.update(write.taskId, write.patch);
      case 'complete':
        return backend.complete(write.taskId);
      case 'reopen':
        return backend.reopen(write.taskId);
    }
  }

  /** The store changes for one step's result, and its report line. */
  function settle(step: PlanStep, result: StepResult): Change[] {
    const { key, record } = step;
    const isCreate = (step.write as TaskWrite).type === 'create';
    const line = lineOf.get(key);
    if (result.kind === 'ok') {
      const { task } = result;
      if (!record) return [{ key, record: null }];
      if (isCreate && step.target && caps.links && task.url) {
        lateWriteBacks.push({ ...step.target, taskLink: task.url });
        if (line && !line.actions.includes('link_to_document')) line.actions.push('link_to_document');
      }
      if (result.recovered && line) line.message = 'the task was created by an interrupted attempt and found by its sync key';
      return [{ key, record: { ...record, taskId: isCreate ? task.id : record.taskId, taskUrl: task.url ?? record.taskUrl, remoteUpdatedAt: task.updatedAt } }];
    }
    if (result.kind === 'deferred') {
      markDeferred(step);
      return undoIntent(step, result.maybeApplied);
    }
    const { error } = result;
    if (error.kind === 'not_found' && !isCreate) {
      // Deleted in the task app since it was read.
      const rec = current.get(key);
      if (!rec || record?.state === 'unlinked') return [{ key, record: null }];
      if (line) {
        line.actions = ['detached'];
        line.message = DETACHED_LINE;
      }
      warn('task_deleted', key, step.title, TASK_DELETED_WARNING);
      if (step.target) lateWriteBacks.push({ ...step.target, taskLink: null });
      const detached: SyncRecord = { ...rec, state: 'detached', taskId: null, taskUrl: null, syncedAt: now() };
      delete detached.inflight;
      return [{ key, record: detached }];
    }
    unsettled.add(key);
    if (line) {
      line.actions = ['failed'];
      line.message = error.message;
    }
    if (isCreate && result.maybeApplied) warn('possible_duplicate', key, step.title, `Creating the task may or may not have worked (${error.message}); it is checked next sync.`);
    else warn('write_failed', key, step.title, `The task app refused the change (${error.message}).`);
    return undoIntent(step, result.maybeApplied);
  }

  /** A write that surely did not happen leaves no intent behind (no pending record, no in-flight marker). */
  function undoIntent(step: PlanStep, maybeApplied: boolean): Change[] {
    if (!step.intent || maybeApplied) return [];
    return [{ key: step.key, record: base.get(step.key) ?? null }];
  }

  function markDeferred(step: PlanStep): void {
    unsettled.add(step.key);
    const line = lineOf.get(step.key);
    if (line) line.actions = ['deferred'];
  }

  // ---- the run: store-only steps, then the writes chunk by chunk, then the write-backs ----------

  await commit(plan.steps.filter((s) => s.write === null).map((s) => ({ key: s.key, record: s.record })));
  const writeSteps = plan.steps.filter((s) => s.write !== null);
  const size = Math.max(1, options.commitEvery ?? 10, caps.maxBatch);
  for (let i = 0; i < writeSteps.length; i += size) {
    const chunk = writeSteps.slice(i, i + size);
    if (stopped()) {
      for (const step of chunk) markDeferred(step);
      continue;
    }
    await commit(chunk.flatMap((s) => (s.intent ? [{ key: s.key, record: s.intent }] : [])));
    const results = await perform(chunk);
    await commit(chunk.flatMap((step, j) => settle(step, results[j] as StepResult)));
  }
  const deferred = lines.filter((l) => l.actions.includes('deferred')).length;
  if (deferred > 0) {
    const why = halted ? `The task app is not answering (${halted.message});` : 'Out of time;';
    warn('deferred', null, null, `${why} ${deferred} change(s) wait for the next sync.`);
  }

  // A link is written back only with the store change that makes it true: not for failed steps.
  const planned = plan.writeBacks.flatMap((wb) => {
    if (wb.key === null || !unsettled.has(wb.key) || typeof wb.taskLink !== 'string') return [wb];
    const rest: WriteBack = { ...wb };
    delete rest.taskLink;
    return rest.status !== undefined ? [rest] : [];
  });
  const writeBacks = mergeWriteBacks([...planned, ...lateWriteBacks]);
  const applied = await applyWriteBacks(writeBacks);
  return { report: buildReport(lines, warnings, plan.conflicts, writes), writeBacks, writeBacksApplied: applied };
}

/** One write-back per item; later entries override earlier ones field by field. */
function mergeWriteBacks(list: readonly WriteBack[]): WriteBack[] {
  const out: WriteBack[] = [];
  const byKey = new Map<string, WriteBack>();
  for (const wb of list) {
    const prev = wb.key === null ? undefined : byKey.get(wb.key);
    if (prev) Object.assign(prev, wb);
    else {
      const copy = { ...wb };
      if (wb.key !== null) byKey.set(wb.key, copy);
      out.push(copy);
    }
  }
  return out;
}
