/**
 * The sync store in UserProperties: task ids belong to the user who ran the sync, so the mapping is per user
 * (document properties are shared by every collaborator). One store holds all of a user's documents, within
 * the documented limits of 9 KB per value and 500 KB per store:
 * - a document's records (the core's encodeRecords JSON) are split into chunks of ≤ 8 KB (UTF-8 bytes), written
 *   together with their meta key in one setProperties call, so a crash leaves the old or the new state;
 * - before a write would pass the budget, the least recently synced other documents are dropped (their
 *   tasks stay; a later sync of such a document finds its tasks again through the task links in the rows);
 * - a document alone over the budget drops its detached and unlinked records first, oldest first.
 */
import type { StoreChange, SyncStore } from '../core/sync/store';
import { applyChange, decodeRecords, encodeRecords } from '../core/sync/store';
import type { SyncRecord } from '../core/sync/types';

type Properties = GoogleAppsScript.Properties.Properties;

export const STORE_LIMITS = {
  /** Bytes per chunk value (the documented limit is 9 KB per value). */
  chunkBytes: 8 * 1024,
  /** What this store lets all documents use together (the documented limit is 500 KB per store). */
  budgetBytes: 400 * 1024,
} as const;

/** Per-document keys: `mtt.<kind>.<docId>` (+ `.<i>` for chunks). */
export const KEYS = {
  meta: (docId: string): string => `mtt.s.${docId}`,
  chunk: (docId: string, i: number): string => `mtt.s.${docId}.${i}`,
  list: (docId: string): string => `mtt.l.${docId}`,
  /** A move of the document's tasks to another list, until it has finished (task-lists.ts). */
  listMove: (docId: string): string => `mtt.m.${docId}`,
  settings: (docId: string): string => `mtt.c.${docId}`,
  lastSync: (docId: string): string => `mtt.r.${docId}`,
} as const;

const DOC_KEY = /^mtt\.[a-z]\.([^.]+)(?:\.\d+)?$/;

/** UTF-8 bytes of the UTF-16 unit `c`; 4 for a high surrogate, which takes the next unit with it. */
function unitBytes(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
}

export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const size = unitBytes(text.charCodeAt(i));
    n += size;
    if (size === 4) i++;
  }
  return n;
}

/** Splits text into pieces of at most `maxBytes` UTF-8 bytes, never inside a surrogate pair. */
export function chunkText(text: string, maxBytes: number): string[] {
  const out: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const size = unitBytes(text.charCodeAt(i));
    if (bytes + size > maxBytes) {
      out.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    if (size === 4) i++;
  }
  if (start < text.length || out.length === 0) out.push(text.slice(start));
  return out;
}

interface Meta {
  n: number;
  at: number;
}

function parseMeta(value: string | null | undefined): Meta | null {
  if (!value) return null;
  try {
    const m = JSON.parse(value) as Partial<Meta>;
    return typeof m.n === 'number' && typeof m.at === 'number' ? { n: m.n, at: m.at } : null;
  } catch {
    return null;
  }
}

/** Answers synchronously, as PropertiesService does. */
export class UserPropertiesStore implements SyncStore {
  /** The whole store as read once per execution, kept in step with our own writes. */
  private all: Record<string, string> | null = null;
  private readonly records = new Map<string, Map<string, SyncRecord>>();

  constructor(
    private readonly props: Properties,
    private readonly now: () => number,
  ) {}

  private snapshot(): Record<string, string> {
    this.all ??= this.props.getProperties();
    return this.all;
  }

  load(docId: string): SyncRecord[] {
    return [...this.map(docId).values()];
  }

  commit(docId: string, change: StoreChange): void {
    const map = this.map(docId);
    applyChange(map, change);
    this.write(docId, map);
  }

  private map(docId: string): Map<string, SyncRecord> {
    let map = this.records.get(docId);
    if (!map) {
      const all = this.snapshot();
      const meta = parseMeta(all[KEYS.meta(docId)]);
      let text = '';
      for (let i = 0; meta && i < meta.n; i++) text += all[KEYS.chunk(docId, i)] ?? '';
      map = new Map(decodeRecords(text).map((r) => [r.key, r]));
      this.records.set(docId, map);
    }
    return map;
  }

  private write(docId: string, map: Map<string, SyncRecord>): void {
    const all = this.snapshot();
    let records = [...map.values()];
    let chunks = chunkText(encodeRecords(records), STORE_LIMITS.chunkBytes);
    const ownBytes = (cs: string[]): number => cs.reduce((n, c, i) => n + utf8Bytes(c) + utf8Bytes(KEYS.chunk(docId, i)), 0) + 64;
    // A document alone over the budget: forget tasks that no longer belong to a row, oldest first.
    while (ownBytes(chunks) > STORE_LIMITS.budgetBytes) {
      const loose = records.filter((r) => r.state === 'detached' || r.state === 'unlinked').sort((a, b) => a.syncedAt - b.syncedAt);
      if (loose.length === 0) break;
      let excess = ownBytes(chunks) - STORE_LIMITS.budgetBytes;
      for (const r of loose) {
        if (excess <= 0) break;
        map.delete(r.key);
        excess -= utf8Bytes(JSON.stringify(r)) + 1;
      }
      records = [...map.values()];
      chunks = chunkText(encodeRecords(records), STORE_LIMITS.chunkBytes);
    }
    this.pruneOthers(docId, ownBytes(chunks));
    const meta: Meta = { n: chunks.length, at: this.now() };
    const values: Record<string, string> = { [KEYS.meta(docId)]: JSON.stringify(meta) };
    chunks.forEach((c, i) => (values[KEYS.chunk(docId, i)] = c));
    this.props.setProperties(values);
    const before = parseMeta(all[KEYS.meta(docId)]);
    for (let i = chunks.length; before && i < before.n; i++) {
      this.props.deleteProperty(KEYS.chunk(docId, i));
      delete all[KEYS.chunk(docId, i)];
    }
    Object.assign(all, values);
  }

  /** Drops the least recently synced other documents until `incoming` more bytes fit the budget. */
  private pruneOthers(docId: string, incoming: number): void {
    const all = this.snapshot();
    const byDoc = new Map<string, { bytes: number; keys: string[]; at: number }>();
    // Everything but this document's own keys counts towards the budget; other documents may be dropped.
    let total = incoming;
    for (const [key, value] of Object.entries(all)) {
      const doc = DOC_KEY.exec(key)?.[1];
      if (doc === docId) continue;
      const bytes = utf8Bytes(key) + utf8Bytes(value);
      total += bytes;
      if (!doc) continue;
      const entry = byDoc.get(doc) ?? { bytes: 0, keys: [], at: 0 };
      entry.bytes += bytes;
      entry.keys.push(key);
      if (key === KEYS.meta(doc)) entry.at = parseMeta(value)?.at ?? 0;
      byDoc.set(doc, entry);
    }
    const oldest = [...byDoc.entries()].sort((a, b) => a[1].at - b[1].at);
    for (const [, entry] of oldest) {
      if (total <= STORE_LIMITS.budgetBytes) break;
      for (const key of entry.keys) {
        this.props.deleteProperty(key);
        delete all[key];
      }
      total -= entry.bytes;
    }
  }
}
