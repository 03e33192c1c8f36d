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

type Conflict = StatusDecision['conflict'];

/** Nothing to send either way; `status` is recorded as agreed. */
function agreed(status: ItemStatus): StatusDecision {
  return { push: null, writeBack: null, settled: status, conflict: null };
}

/** The document's status goes to the task (complete or reopen) and is recorded at once. */
function documentToTask(document: ItemStatus, conflict: Conflict = null): StatusDecision {
  return { push: document, writeBack: null, settled: document, conflict };
}

/** The task's status goes into the document; `base` stays recorded until the adapter confirms the write-back. */
function taskToDocument(change: { task: ItemStatus; base: ItemStatus; conflict?: Conflict }): StatusDecision {
  return { push: null, writeBack: change.task, settled: change.base, conflict: change.conflict ?? null };
}

export function resolveStatus(input: StatusInput): StatusDecision {
  const { base, document, task } = input;
  if (task === undefined) return document === base ? agreed(base) : documentToTask(document);
  if (document === task) return agreed(document);
  if (document !== base) {
    // The document changed. If the task was touched too (say completed and reopened), the later wins.
    if (input.taskTouched) {
      if (input.taskChangedAt > input.documentChangedAt) return taskToDocument({ task, base, conflict: { winner: 'task' } });
      return documentToTask(document, { winner: 'document' });
    }
    return documentToTask(document);
  }
  // Only the task changed: the task app is right, the document follows.
  return taskToDocument({ task, base });
}
