/** SyncStore over SQLite: one row per (document, item key); a commit is one transaction. */
import type { StoreChange, SyncStore } from '../core/sync/store';
import type { SyncRecord } from '../core/sync/types';
import type { Db } from './db';

export class SqliteSyncStore implements SyncStore {
  constructor(private readonly db: Db) {}

  async load(docId: string): Promise<SyncRecord[]> {
    const rows = this.db.prepare('SELECT record FROM sync_records WHERE doc_id = ? ORDER BY rowid').all(docId) as { record: string }[];
    return rows.map((r) => JSON.parse(r.record) as SyncRecord);
  }

  async commit(docId: string, change: StoreChange): Promise<void> {
    const remove = this.db.prepare('DELETE FROM sync_records WHERE doc_id = ? AND key = ?');
    const put = this.db.prepare('INSERT INTO sync_records (doc_id, key, record) VALUES (?, ?, ?) ON CONFLICT (doc_id, key) DO UPDATE SET record = excluded.record');
    this.db.transaction(() => {
      for (const key of change.remove ?? []) remove.run(docId, key);
      for (const record of change.put ?? []) put.run(docId, record.key, JSON.stringify(record));
    })();
  }
}
