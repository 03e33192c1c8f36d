/** Store records: comparing them, dropping what does not apply to their state, and what is known of their fields. */
import { TASK_FIELDS } from './backend';
import type { ContentSignature, FieldHashes, SyncRecord } from './types';

/** What sameRecord compares besides the fields and the signature: every other SyncRecord value but syncedAt. */
const RECORD_VALUES = ['key', 'state', 'unlinkReason', 'taskId', 'taskUrl', 'clientToken', 'creates', 'fingerprint', 'status', 'remoteUpdatedAt', 'anchor', 'ordinal'] as const;

/** Compiles only while sameRecord covers every SyncRecord value (markers and syncedAt are left out on purpose). */
type AllCompared<T extends never> = T;
type _SameRecordCoversSyncRecord = AllCompared<
  Exclude<keyof SyncRecord, (typeof RECORD_VALUES)[number] | 'fields' | 'sig' | 'syncedAt' | 'inflight' | 'writeBackStatus'>
>;

/**
 * Records equal in everything but the time they were written (syncedAt), neither carrying an
 * in-flight or write-back marker. Value by value, without copies: it runs for every planned item.
 */
export function sameRecord(a: SyncRecord, b: SyncRecord): boolean {
  if (a.inflight || b.inflight || a.writeBackStatus !== undefined || b.writeBackStatus !== undefined) return false;
  for (const k of RECORD_VALUES) if (a[k] !== b[k]) return false;
  return sameFields(a.fields, b.fields) && sameSignature(a.sig, b.sig);
}

/** The same hash for every task field. */
export function sameFields(a: FieldHashes, b: FieldHashes): boolean {
  for (const f of TASK_FIELDS) if (a[f] !== b[f]) return false;
  return true;
}

/** The same title, owners and due date. */
export function sameSignature(a: ContentSignature, b: ContentSignature): boolean {
  return a.title === b.title && a.owners === b.owners && a.due === b.due;
}

/** A record without the optional fields that do not apply to its state. */
export function clean(r: SyncRecord): SyncRecord {
  const out: SyncRecord = { ...r };
  // Only delete keys that are there: deleting turns hot objects into slow dictionaries.
  if ('inflight' in out) delete out.inflight;
  if ('writeBackStatus' in out) delete out.writeBackStatus;
  if ('unlinkReason' in out && out.state !== 'unlinked') delete out.unlinkReason;
  if ('clientToken' in out && (out.state !== 'pending' || out.clientToken === undefined)) delete out.clientToken;
  return out;
}

/** A field hash that matches no content: the field is re-sent on the next write. */
const UNKNOWN_FIELD = '?';

/**
 * The record's fields as far as they are known: a field that an interrupted write may or may not
 * have changed (see SyncRecord.inflight) is unknown, so whatever the task holds, it gets re-sent.
 */
export function knownFields(r: SyncRecord): FieldHashes {
  const sent = r.inflight?.fields;
  if (!sent) return r.fields;
  const known = { ...r.fields };
  for (const f of TASK_FIELDS) if (known[f] !== sent[f]) known[f] = UNKNOWN_FIELD;
  return known;
}
