/** Store records: comparing them, dropping what does not apply to their state, and what is known of their fields. */
import { TASK_FIELDS } from './backend';
import type { FieldHashes, SyncRecord } from './types';

/** Plain data (JSON-like values) equal in depth; a key absent on one side equals an undefined one on the other. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return Object.keys(x).every((k) => sameData(x[k], y[k])) && Object.keys(y).every((k) => k in x || y[k] === undefined);
}

/** Records equal in everything but the time they were written, neither carrying an in-flight or write-back marker. */
export function sameRecord(a: SyncRecord, b: SyncRecord): boolean {
  if (a.inflight || b.inflight || a.writeBackStatus !== undefined || b.writeBackStatus !== undefined) return false;
  return sameData({ ...a, syncedAt: 0 }, { ...b, syncedAt: 0 });
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
