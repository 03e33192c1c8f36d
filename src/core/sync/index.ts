/**
 * The sync core: action items → tasks, idempotent, identity-preserving, two-way. Platform-free; the
 * Google Tasks and Feishu Task backends implement TaskBackend, and each adapter a SyncStore.
 * See README.md in this folder for the design.
 */
export type {
  BackendCapabilities,
  BackendErrorKind,
  CreateTaskRequest,
  RateLimits,
  RemoteTask,
  TaskBackend,
  TaskDraft,
  TaskDue,
  TaskField,
  TaskPatch,
  TaskWrite,
  TaskWriteOutcome,
} from './backend';
export { BackendError, DEFAULT_CAPABILITIES, TASK_FIELDS, isBackendError, isRetryable } from './backend';
export type { DraftContext, DraftRenderer, NotesLabels } from './draft';
export { EN_LABELS, ZH_LABELS, changedFields, fieldHashes, fingerprintOf, renderDraft, renderUnlinkedNotes } from './draft';
export type { BatchCall } from './batch';
export { batchedWrites } from './batch';
export type { ExecuteOptions, ExecutionResult, SendRun, StepResult, WriteBatching } from './executor';
export { executePlan } from './executor';
export { hashParts, hashString } from './hash';
export type { ItemIdentity, Matching } from './identity';
export { identityOf, matchItems, newKey } from './identity';
export { clientTokenOf, syncKeyOf } from './keys';
export type { PlanInput } from './planner';
export { isEmptyPlan, planSync } from './planner';
export type { ExclusionReason, SyncPolicy } from './policy';
export { DEFAULT_POLICY, exclusionReason, resolvePolicy } from './policy';
export type { FetchRemoteOptions, RemoteState } from './remote';
export { emptyRemoteState, fetchRemoteState } from './remote';
export { sameRecord } from './records';
export { SYNC_ACTIONS, buildReport, countActions, formatReport } from './report';
export type { Clock, Pace, PaceKind, RetryPolicy, Sleep } from './retry';
export { DEFAULT_RETRY, backoffDelay, createPacer, pacedRead, resolveRetry, withRetry } from './retry';
export type { StatusDecision, StatusInput } from './status';
export { resolveStatus } from './status';
export type { StoreChange, SyncStore } from './store';
export { applyChange, decodeRecords, encodeRecords } from './store';
export type { SyncDeps, SyncInput, SyncOutcome } from './sync';
export { syncDocument } from './sync';
export type {
  ContentSignature,
  FieldHashes,
  PlanStep,
  RecordState,
  ReportLine,
  StatusConflict,
  SyncAction,
  SyncCounts,
  SyncPlan,
  SyncRecord,
  SyncReport,
  SyncWarning,
  SyncWarningCode,
  UnlinkReason,
  WriteBack,
} from './types';
