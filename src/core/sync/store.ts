import type { SyncRecord } from './types';

/** Records to put (by key) and keys to delete, applied atomically by SyncStore.commit. */
export interface StoreChange {
  put?: readonly SyncRecord[];
  remove?: readonly string[];
}

/**
 * Per document: item identity → task id, fingerprint last synced, last seen remote state.
 * Google keeps it in UserProperties (task ids belong to the user), Feishu in a database, the local
 * workspace in a file, tests in memory. `commit` must be atomic per call: the executor calls it after
 * every step (or batch of steps), and a crash must leave either the old or the new state.
 */
export interface SyncStore {
  load(docId: string): Awaitable<SyncRecord[]>;
  commit(docId: string, change: StoreChange): Awaitable<void>;
}

/** A result now or later: hosts with synchronous services (Apps Script) answer at once. */
export type Awaitable<T> = T | Promise<T>;

const FORMAT_VERSION = 1;

/** Serializes records to JSON (for string-only stores such as PropertiesService). */
export function encodeRecords(records: readonly SyncRecord[]): string {
  return JSON.stringify({ v: FORMAT_VERSION, records });
}

/** Parses encodeRecords output; an unknown version or malformed text yields no records. */
export function decodeRecords(text: string | null | undefined): SyncRecord[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return [];
    const { v, records } = parsed as { v?: unknown; records?: unknown };
    if (v !== FORMAT_VERSION || !Array.isArray(records)) return [];
    return records.filter(isRecord);
  } catch {
    return [];
  }
}

function isRecord(value: unknown): value is SyncRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<SyncRecord>;
  return typeof r.key === 'string' && typeof r.state === 'string' && typeof r.fingerprint === 'string' &&
    typeof r.fields === 'object' && r.fields !== null && typeof r.sig === 'object' && r.sig !== null;
}

/** Applies a change to a key → record map (for store implementations). */
export function applyChange(map: Map<string, SyncRecord>, change: StoreChange): void {
  for (const key of change.remove ?? []) map.delete(key);
  for (const record of change.put ?? []) map.set(record.key, record);
}
