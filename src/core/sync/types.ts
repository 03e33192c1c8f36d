/** The sync core's own data: store records, plans, write-backs and the sync report. */
import type { ItemSource, ItemStatus, ItemWarning } from '../model/items';
import type { TaskField, TaskWrite } from './backend';

/**
 * linked: the item is in the document and owns the task.
 * unlinked: the task exists but the item left the document (removed) or the sync (excluded by policy);
 *   kept so the item is re-linked, not re-created, when it comes back.
 * pending: a create was about to be sent (written before the call, for crash safety); the task may exist.
 * detached: the task was deleted in the task app; not re-created unless the item changes.
 */
export type RecordState = 'linked' | 'unlinked' | 'pending' | 'detached';

export type UnlinkReason = 'removed' | 'excluded';

/** Hashes of the task fields as last written to the task. */
export type FieldHashes = Record<TaskField, string>;

/** What content fallback matching compares: the item as it was at the last sync. */
export interface ContentSignature {
  title: string;
  /** Owner names, display form (张三、李四). */
  owners: string;
  due: string | null;
}

/** One (document, item identity) entry of the sync store. */
export interface SyncRecord {
  /** The item's identity key: stable for the record's life, unique within the document. */
  key: string;
  state: RecordState;
  unlinkReason?: UnlinkReason;
  taskId: string | null;
  taskUrl: string | null;
  /** Idempotency token of the pending create, reused when the create is retried. */
  clientToken?: string;
  /** Creates sent for this key so far; makes a fresh client token after a task was deleted. */
  creates: number;
  fields: FieldHashes;
  /** Hash of the fields, kind and the agreed status: the fingerprint last synced. */
  fingerprint: string;
  /** The status document and task agreed on at the last sync. */
  status: ItemStatus;
  /** The task's updatedAt as last seen or written by the sync; a later value means someone else changed it. */
  remoteUpdatedAt: number | null;
  /** Row or block anchor of the item, when the platform has one. */
  anchor: string | null;
  sig: ContentSignature;
  /** Position of the item among the document's items at the last sync. */
  ordinal: number;
  syncedAt: number;
  /**
   * A write to the task was sent but its result not yet stored (set before the write, cleared
   * after): the task may hold these fields and this status already. The next run then re-sends
   * the fields and recognises the status as its own, not as a change made in the task app.
   */
  inflight?: InflightWrite;
  /**
   * This status was being written into the document when the run ended (set before the adapter
   * applies write-backs, cleared once it confirms): if the document shows it, it is ours, not a
   * change made in the minutes.
   */
  writeBackStatus?: ItemStatus;
}

export interface InflightWrite {
  fields: FieldHashes;
  /** The status the write set, or null when it left the status alone. */
  status: ItemStatus | null;
  at: number;
}

/**
 * A change to the document for the adapter to apply (in one batch): the 状态 cell and/or the 任务 cell
 * of one item. Addressed by anchor when there is one, else by the source position (valid for the
 * document version the items were extracted from) and the key.
 */
export interface WriteBack {
  /** The item's identity key; null for an item that has no task (a copied link being cleared). */
  key: string | null;
  anchor: string | null;
  source: ItemSource;
  title: string;
  /** New status for the 状态 cell. */
  status?: ItemStatus;
  /** New task link for the 任务 cell; null clears it. */
  taskLink?: string | null;
}

export type SyncAction =
  | 'created'
  | 'recovered'
  | 'updated'
  | 'completed'
  | 'reopened'
  | 'removed'
  | 'relinked'
  | 'unlinked'
  | 'detached'
  | 'status_to_document'
  | 'link_to_document'
  | 'unchanged'
  | 'skipped'
  | 'failed'
  | 'deferred';

export interface ReportLine {
  key: string | null;
  title: string;
  actions: SyncAction[];
  /** Task fields written, for updates. */
  fields?: TaskField[];
  message?: string;
}

export type SyncWarningCode =
  | ItemWarning
  | 'time_dropped'
  | 'task_deleted'
  | 'duplicate_link'
  | 'write_failed'
  | 'deferred'
  | 'fetch_failed'
  | 'lookup_failed'
  | 'possible_duplicate'
  | 'unresolved_pending'
  | 'conflict';

export interface SyncWarning {
  code: SyncWarningCode;
  key: string | null;
  title: string | null;
  message: string;
}

/** Both sides changed the status since the last sync; the later change won. */
export interface StatusConflict {
  key: string;
  title: string;
  document: ItemStatus;
  task: ItemStatus;
  winner: 'document' | 'task';
  documentChangedAt: number;
  taskChangedAt: number;
}

export type SyncCounts = Record<SyncAction, number>;

export interface SyncReport {
  counts: SyncCounts;
  lines: ReportLine[];
  warnings: SyncWarning[];
  conflicts: StatusConflict[];
  /** Remote write calls made (creates, updates, completes, reopens; a batch counts its writes). */
  remoteWrites: number;
}

/** One unit of work: at most one remote write, then the record to store. */
export interface PlanStep {
  key: string;
  title: string;
  actions: SyncAction[];
  /** The remote write, or null for a store-only step. */
  write: TaskWrite | null;
  /** Stored before the write (a pending record, or an in-flight marker), so a crash after it can be recovered. */
  intent: SyncRecord | null;
  /** Stored after the write succeeded (taskId, url, remoteUpdatedAt filled from its result); null deletes the record. */
  record: SyncRecord | null;
  /**
   * Where the item sits in the document, for write-backs decided while executing (the new task's
   * link after a create, clearing the link of a task found deleted); null when no item is present.
   */
  target: WriteBack | null;
  changedFields: TaskField[];
}

export interface SyncPlan {
  docId: string;
  /** Records as loaded, which the executor updates as steps succeed. */
  baseRecords: readonly SyncRecord[];
  steps: PlanStep[];
  /** Write-backs known at planning time (status from the task app, missing or stale links). */
  writeBacks: WriteBack[];
  lines: ReportLine[];
  warnings: SyncWarning[];
  conflicts: StatusConflict[];
}
