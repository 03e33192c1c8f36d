/**
 * Batched sending: several writes per platform call, for a backend whose platform takes them (the
 * in-memory backend does; Google Tasks and Feishu Task send one write per call). A backend opts in by
 * carrying `batching: batchedWrites(call)`, so the executor never imports this module and the bundles of
 * backends without batches leave it out.
 */
import type { TaskWrite, TaskWriteOutcome } from './backend';
import { BackendError, isBackendError } from './backend';
import type { SendRun, StepResult, WriteBatching } from './executor';
import { NOT_SENT } from './executor';
import type { PlanStep } from './types';

/** The platform call: one outcome per write, in order. */
export type BatchCall = (writes: readonly TaskWrite[]) => Promise<TaskWriteOutcome[]>;

/** Sends a chunk in calls of `size` writes; the writes a batch did not carry out are retried one by one. */
export function batchedWrites(call: BatchCall): WriteBatching {
  return async (chunk: readonly PlanStep[], size: number, run: SendRun): Promise<StepResult[]> => {
    const results: StepResult[] = [];
    for (let i = 0; i < chunk.length; i += size) {
      const part = chunk.slice(i, i + size);
      if (run.stopped()) {
        results.push(...part.map(() => NOT_SENT));
        continue;
      }
      const sent = part.map((s) => s.write as TaskWrite);
      const creates = sent.filter((w) => w.type === 'create').length;
      if (creates > 0) await run.pace('create', creates);
      if (sent.length > creates) await run.pace('update', sent.length - creates);
      run.counted(sent.length);
      let outcomes: TaskWriteOutcome[];
      try {
        outcomes = await call(sent);
      } catch (error) {
        if (!isBackendError(error)) throw error;
        outcomes = sent.map(() => ({ ok: false, error }));
      }
      for (let j = 0; j < part.length; j++) {
        const o = outcomes[j];
        if (o?.ok) {
          results.push({ kind: 'ok', task: o.task, recovered: false });
          continue;
        }
        const error = o ? o.error : new BackendError('transient', 'the batch returned no outcome for this write');
        if (!isBackendError(error)) throw error;
        // Retry the failed ones one by one.
        results.push(await run.single(part[j] as PlanStep, error));
      }
    }
    return results;
  };
}
