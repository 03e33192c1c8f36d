import type { StoreChange, SyncStore } from '../store';
import type { SyncRecord } from '../types';
import type { FaultInjector } from './faults';
import { SimulatedCrash } from './faults';

/**
 * A SyncStore in memory. Records are kept serialized, as a real store would, so callers never share
 * objects with it. Commits are atomic; a crash fault strikes before or after one.
 */
export class MemorySyncStore implements SyncStore {
  private readonly docs = new Map<string, Map<string, string>>();
  commits = 0;

  constructor(private readonly faults?: FaultInjector) {}

  async load(docId: string): Promise<SyncRecord[]> {
    return this.records(docId);
  }

  async commit(docId: string, change: StoreChange): Promise<void> {
    const fault = this.faults?.next('commit');
    if (fault === 'crash_before') throw new SimulatedCrash('commit', (this.faults?.steps ?? 1) - 1);
    let doc = this.docs.get(docId);
    if (!doc) {
      doc = new Map();
      this.docs.set(docId, doc);
    }
    for (const key of change.remove ?? []) doc.delete(key);
    for (const r of change.put ?? []) doc.set(r.key, JSON.stringify(r));
    this.commits++;
    if (fault === 'crash_after') throw new SimulatedCrash('commit', (this.faults?.steps ?? 1) - 1);
  }

  /** The stored records of a document (copies), for tests. */
  records(docId: string): SyncRecord[] {
    return [...(this.docs.get(docId)?.values() ?? [])].map((s) => JSON.parse(s) as SyncRecord);
  }
}
