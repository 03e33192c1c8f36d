/** Two-way status: who changed the status since the last sync, and what to do about it. */
import type { ItemStatus } from '../model/items';

export interface StatusInput {
  /** The status both sides agreed on at the last sync. */
  base: ItemStatus;
  /** The 状态 cell now. */
  document: ItemStatus;
  /** The task now; undefined when the remote state is not known this run. */
  task: ItemStatus | undefined;
  /** The task was modified by someone else since the last sync (its updatedAt moved). */
  taskTouched: boolean;
  taskChangedAt: number;
  documentChangedAt: number;
}

export interface StatusDecision {
  /** Complete (done) or reopen (open) the task. */
  push: ItemStatus | null;
  /** Write this status into the document's 状态 cell. */
  writeBack: ItemStatus | null;
  /** The status to record now; a write-back is recorded only once the adapter confirms it. */
  settled: ItemStatus;
  /** Both sides changed since the last sync; the later change won. */
  conflict: { winner: 'document' | 'task' } | null;
}

function decision(push: ItemStatus | null, writeBack: ItemStatus | null, settled: ItemStatus, winner?: 'document' | 'task'): StatusDecision {
  return { push, writeBack, settled, conflict: winner ? { winner } : null };
}

export function resolveStatus(input: StatusInput): StatusDecision {
  const { base, document, task } = input;
  if (task === undefined) return document === base ? decision(null, null, base) : decision(document, null, document);
  if (document === task) return decision(null, null, document);
  if (document !== base) {
    // The document changed. If the task was touched too (say completed and reopened), the later wins.
    if (input.taskTouched) {
      if (input.taskChangedAt > input.documentChangedAt) return decision(null, task, base, 'task');
      return decision(document, null, document, 'document');
    }
    return decision(document, null, document);
  }
  // Only the task changed: the task app is right, the document follows.
  return decision(null, task, base);
}
