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
import type { RemoteTask, TaskBackend, TaskWrite } from './backend';
import { BackendError, isBackendError, isRetryable } from './backend';
import { fingerprintOf } from './draft';
import type { Clock, RetryPolicy, Sleep } from './retry';
import { Pacer, backoffDelay, resolveRetry, withRetry } from './retry';
import { buildReport } from './report';
import type { SyncStore } from './store';
import type { PlanStep, ReportLine, SyncPlan, SyncRecord, SyncReport, SyncWarning, WriteBack } from './types';

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

type StepResult =
  | { kind: 'ok'; task: RemoteTask; recovered: boolean }
  | { kind: 'failed'; error: BackendError; maybeApplied: boolean }
  | { kind: 'deferred'; maybeApplied: boolean };

interface Change {
  key: string;
  record: SyncRecord | null;
}

/** A write that may have reached the platform although it reported an error. */
function mayHaveApplied(error: BackendError): boolean {
  return error.kind === 'timeout' || error.kind === 'transient';
}

class Execution {
  private readonly current = new Map<string, SyncRecord>();
  private readonly base = new Map<string, SyncRecord>();
  private readonly lines: ReportLine[];
  private readonly lineOf = new Map<string, ReportLine>();
  private readonly warnings: SyncWarning[];
  private readonly lateWriteBacks: WriteBack[] = [];
  private readonly retry: RetryPolicy;
  private readonly pacer: Pacer;
  private writes = 0;
  private halted: BackendError | null = null;
  /** Keys whose step failed or was deferred: their record did not change. */
  private readonly unsettled = new Set<string>();

  constructor(
    private readonly plan: SyncPlan,
    private readonly opt: ExecuteOptions,
  ) {
    for (const r of plan.baseRecords) {
      this.current.set(r.key, r);
      this.base.set(r.key, r);
    }
    this.lines = plan.lines.map((l) => ({ ...l, actions: [...l.actions] }));
    for (const l of this.lines) if (l.key !== null) this.lineOf.set(l.key, l);
    this.warnings = [...plan.warnings];
    this.retry = resolveRetry(opt.retry);
    this.pacer = new Pacer(opt.backend.capabilities.rateLimits, opt.now, opt.sleep);
  }

  async run(): Promise<ExecutionResult> {
    const storeOnly = this.plan.steps.filter((s) => s.write === null);
    if (storeOnly.length > 0) await this.commit(storeOnly.map((s) => ({ key: s.key, record: s.record })));

    const writeSteps = this.plan.steps.filter((s) => s.write !== null);
    const size = Math.max(1, this.opt.commitEvery ?? 10, this.opt.backend.capabilities.maxBatch);
    for (let i = 0; i < writeSteps.length; i += size) {
      const chunk = writeSteps.slice(i, i + size);
      if (this.stopped()) {
        for (const step of chunk) this.markDeferred(step);
        continue;
      }
      const intents = chunk.flatMap((s) => (s.intent ? [{ key: s.key, record: s.intent }] : []));
      if (intents.length > 0) await this.commit(intents);
      const results = await this.perform(chunk);
      const changes = chunk.flatMap((step, j) => this.settle(step, results[j] as StepResult));
      if (changes.length > 0) await this.commit(changes);
    }
    const deferred = this.lines.filter((l) => l.actions.includes('deferred')).length;
    if (deferred > 0 && this.halted) {
      this.warn('deferred', null, null, `The task app is not answering (${this.halted.message}); ${deferred} change(s) wait for the next sync.`);
    } else if (deferred > 0) {
      this.warn('deferred', null, null, `Out of time; ${deferred} change(s) wait for the next sync.`);
    }

    // A link is written back only with the store change that makes it true: not for failed steps.
    const planned = this.plan.writeBacks.flatMap((wb) => {
      if (wb.key === null || !this.unsettled.has(wb.key) || typeof wb.taskLink !== 'string') return [wb];
      const rest: WriteBack = { ...wb };
      delete rest.taskLink;
      return rest.status !== undefined ? [rest] : [];
    });
    const writeBacks = mergeWriteBacks([...planned, ...this.lateWriteBacks]);
    const applied = await this.applyWriteBacks(writeBacks);
    return { report: buildReport(this.lines, this.warnings, this.plan.conflicts, this.writes), writeBacks, writeBacksApplied: applied };
  }

  private async applyWriteBacks(writeBacks: WriteBack[]): Promise<boolean> {
    const apply = this.opt.applyWriteBacks;
    if (!apply || writeBacks.length === 0) return false;
    // Mark the statuses about to be written, so a crash before the confirmation below cannot make
    // our own write-back look like a change made in the minutes.
    const marks: Change[] = [];
    for (const wb of writeBacks) {
      if (wb.status === undefined || wb.key === null) continue;
      const rec = this.current.get(wb.key);
      if (rec && rec.state === 'linked' && rec.status !== wb.status) marks.push({ key: rec.key, record: { ...rec, writeBackStatus: wb.status } });
    }
    if (marks.length > 0) await this.commit(marks);
    try {
      await apply(writeBacks);
    } catch (error) {
      if (!isBackendError(error)) throw error;
      this.warn('write_failed', null, null, `Could not update the minutes (${error.message}); retried next sync.`);
      return false;
    }
    // The document now shows the task app's status: that is the agreed status from here on.
    const confirms: Change[] = [];
    for (const wb of writeBacks) {
      if (wb.status === undefined || wb.key === null) continue;
      const rec = this.current.get(wb.key);
      if (!rec || rec.state !== 'linked' || rec.status === wb.status) continue;
      const confirmed: SyncRecord = { ...rec, status: wb.status, fingerprint: fingerprintOf(rec.fields, wb.status), syncedAt: this.opt.now() };
      delete confirmed.writeBackStatus;
      confirms.push({ key: rec.key, record: confirmed });
    }
    if (confirms.length > 0) await this.commit(confirms);
    return true;
  }

  private stopped(): boolean {
    return this.halted !== null || (this.opt.deadline !== undefined && this.opt.now() >= this.opt.deadline);
  }

  private async perform(chunk: readonly PlanStep[]): Promise<StepResult[]> {
    const results: StepResult[] = [];
    const caps = this.opt.backend.capabilities;
    const batch = caps.maxBatch > 1 ? this.opt.backend.writeBatch?.bind(this.opt.backend) : undefined;
    if (!batch) {
      for (const step of chunk) results.push(this.stopped() ? { kind: 'deferred', maybeApplied: false } : await this.single(step, null));
      return results;
    }
    for (let i = 0; i < chunk.length; i += caps.maxBatch) {
      const part = chunk.slice(i, i + caps.maxBatch);
      if (this.stopped()) {
        for (let j = 0; j < part.length; j++) results.push({ kind: 'deferred', maybeApplied: false });
        continue;
      }
      const writes = part.map((s) => s.write as TaskWrite);
      const creates = writes.filter((w) => w.type === 'create').length;
      if (creates > 0) await this.pacer.take('create', creates);
      if (writes.length > creates) await this.pacer.take('update', writes.length - creates);
      this.writes += writes.length;
      let outcomes: Awaited<ReturnType<typeof batch>>;
      try {
        outcomes = await batch(writes);
      } catch (error) {
        if (!isBackendError(error)) throw error;
        outcomes = writes.map(() => ({ ok: false as const, error }));
      }
      for (let j = 0; j < part.length; j++) {
        const o = outcomes[j];
        const step = part[j] as PlanStep;
        if (o?.ok) {
          results.push({ kind: 'ok', task: o.task, recovered: false });
          continue;
        }
        const error = o ? o.error : new BackendError('transient', 'the batch returned no outcome for this write');
        if (!isBackendError(error)) throw error;
        // Retry the failed ones one by one.
        results.push(await this.single(step, error));
      }
    }
    return results;
  }

  /** One write with retries; a create that may have happened is looked up before it is repeated. */
  private async single(step: PlanStep, firstError: BackendError | null): Promise<StepResult> {
    const write = step.write as TaskWrite;
    const caps = this.opt.backend.capabilities;
    let error = firstError;
    let failures = firstError ? 1 : 0;
    let maybeApplied = firstError !== null && mayHaveApplied(firstError);
    for (;;) {
      if (error) {
        if (!isRetryable(error.kind)) return { kind: 'failed', error, maybeApplied };
        if (failures >= this.retry.maxAttempts) {
          this.halted = error;
          return { kind: 'deferred', maybeApplied };
        }
        const delay = backoffDelay(this.retry, failures, error);
        if (this.opt.deadline !== undefined && this.opt.now() + delay >= this.opt.deadline) return { kind: 'deferred', maybeApplied };
        await this.opt.sleep(delay);
      }
      if (write.type === 'create' && maybeApplied) {
        const found = await this.lookup(write.request.syncKey);
        if (found) return { kind: 'ok', task: found, recovered: true };
        // Cannot tell whether it exists and no token makes a repeat safe: leave it pending.
        if (found === undefined && !caps.clientToken) return { kind: 'failed', error: error as BackendError, maybeApplied };
      }
      try {
        await this.pacer.take(write.type === 'create' ? 'create' : 'update');
        this.writes++;
        return { kind: 'ok', task: await this.call(write), recovered: false };
      } catch (e) {
        if (!isBackendError(e)) throw e;
        error = e;
        failures++;
        if (mayHaveApplied(e)) maybeApplied = true;
      }
    }
  }

  /** The task with this sync key; null when there is none; undefined when the backend cannot tell. */
  private async lookup(syncKey: string): Promise<RemoteTask | null | undefined> {
    const find = this.opt.backend.findBySyncKeys?.bind(this.opt.backend);
    if (!find) return undefined;
    try {
      const hits = await withRetry(async () => {
        await this.pacer.take('read');
        return find([syncKey]);
      }, this.retry, this.opt.sleep);
      return hits.get(syncKey) ?? null;
    } catch (error) {
      if (!isBackendError(error)) throw error;
      return undefined;
    }
  }

  private call(write: TaskWrite): Promise<RemoteTask> {
    const b = this.opt.backend;
    switch (write.type) {
      case 'create':
        return b.create(write.request);
      case 'update':
        return b.update(write.taskId, write.patch);
      case 'complete':
        return b.complete(write.taskId);
      case 'reopen':
        return b.reopen(write.taskId);
    }
  }

  /** The store changes for one step's result, and its report line. */
  private settle(step: PlanStep, result: StepResult): Change[] {
    const write = step.write as TaskWrite;
    const line = this.lineOf.get(step.key);
    if (result.kind === 'ok') {
      const { task } = result;
      if (!step.record) return [{ key: step.key, record: null }];
      const record: SyncRecord = {
        ...step.record,
        taskId: write.type === 'create' ? task.id : step.record.taskId,
        taskUrl: task.url ?? step.record.taskUrl,
        remoteUpdatedAt: task.updatedAt,
      };
      if (write.type === 'create' && step.target && this.opt.backend.capabilities.links && task.url) {
        this.lateWriteBacks.push({ ...step.target, taskLink: task.url });
        if (line && !line.actions.includes('link_to_document')) line.actions.push('link_to_document');
      }
      if (result.recovered && line) line.message = 'the task was created by an interrupted attempt and found by its sync key';
      return [{ key: step.key, record }];
    }
    if (result.kind === 'deferred') {
      this.markDeferred(step);
      return this.undoIntent(step, result.maybeApplied);
    }
    const { error } = result;
    if (error.kind === 'not_found' && write.type !== 'create') {
      // Deleted in the task app since it was read.
      const rec = this.current.get(step.key);
      if (!rec || step.record?.state === 'unlinked') return [{ key: step.key, record: null }];
      if (line) {
        line.actions = ['detached'];
        line.message = 'its task was deleted in the task app; it is not re-created unless the item changes';
      }
      this.warn('task_deleted', step.key, step.title, 'The task was deleted in the task app.');
      if (step.target) this.lateWriteBacks.push({ ...step.target, taskLink: null });
      const detached: SyncRecord = { ...rec, state: 'detached', taskId: null, taskUrl: null, syncedAt: this.opt.now() };
      delete detached.inflight;
      return [{ key: step.key, record: detached }];
    }
    this.unsettled.add(step.key);
    if (line) {
      line.actions = ['failed'];
      line.message = error.message;
    }
    const unknown = write.type === 'create' && result.maybeApplied;
    this.warn(unknown ? 'possible_duplicate' : 'write_failed', step.key, step.title, unknown ? `Creating the task may or may not have worked (${error.message}); it is checked next sync.` : `The task app refused the change (${error.message}).`);
    return this.undoIntent(step, result.maybeApplied);
  }

  /** A write that surely did not happen leaves no intent behind (no pending record, no in-flight marker). */
  private undoIntent(step: PlanStep, maybeApplied: boolean): Change[] {
    if (!step.intent || maybeApplied) return [];
    return [{ key: step.key, record: this.base.get(step.key) ?? null }];
  }

  private markDeferred(step: PlanStep): void {
    this.unsettled.add(step.key);
    const line = this.lineOf.get(step.key);
    if (line) line.actions = ['deferred'];
  }

  private async commit(changes: readonly Change[]): Promise<void> {
    const put = changes.flatMap((c) => (c.record ? [c.record] : []));
    const remove = changes.filter((c) => c.record === null).map((c) => c.key);
    await this.opt.store.commit(this.plan.docId, { put, remove });
    for (const c of changes) {
      if (c.record) this.current.set(c.key, c.record);
      else this.current.delete(c.key);
    }
  }

  private warn(code: SyncWarning['code'], key: string | null, title: string | null, message: string): void {
    this.warnings.push({ code, key, title, message });
  }
}

/** One write-back per item; later entries override earlier ones field by field. */
function mergeWriteBacks(list: readonly WriteBack[]): WriteBack[] {
  const out: WriteBack[] = [];
  const byKey = new Map<string, WriteBack>();
  for (const wb of list) {
    if (wb.key === null) {
      out.push({ ...wb });
      continue;
    }
    const prev = byKey.get(wb.key);
    if (prev) Object.assign(prev, wb);
    else {
      const copy = { ...wb };
      byKey.set(wb.key, copy);
      out.push(copy);
    }
  }
  return out;
}

export async function executePlan(plan: SyncPlan, options: ExecuteOptions): Promise<ExecutionResult> {
  return new Execution(plan, options).run();
}
