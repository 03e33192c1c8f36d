/**
 * The service's state in SQLite (better-sqlite3): sync records behind the core's SyncStore, per-document
 * state (subscription, revisions, settings, last sync, tasklist) and seen event ids. Schema changes are
 * numbered migrations tracked in PRAGMA user_version; a server database can replace this class later
 * by implementing the same methods.
 */
import Database from 'better-sqlite3';
import type { SyncSettings, SyncSummary } from '../../core/app/protocol';
import type { StoreChange, SyncStore } from '../../core/sync/store';
import type { SyncRecord } from '../../core/sync/types';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sync_records (
     doc_id TEXT NOT NULL, key TEXT NOT NULL, task_id TEXT, record TEXT NOT NULL,
     PRIMARY KEY (doc_id, key));
   CREATE INDEX sync_records_task ON sync_records (task_id);
   CREATE TABLE documents (
     doc_id TEXT PRIMARY KEY, subscribed INTEGER NOT NULL DEFAULT 0, seen_revision INTEGER,
     synced_revision INTEGER, settings TEXT, last_sync TEXT, tasklist_guid TEXT,
     lang TEXT, updated_at INTEGER NOT NULL DEFAULT 0);
   CREATE TABLE seen_events (event_id TEXT PRIMARY KEY, at INTEGER NOT NULL);`,
];

export interface DocumentState {
  docId: string;
  subscribed: boolean;
  /** Revision seen at the last poll or sync. */
  seenRevision: number | null;
  /** Revision the last successful sync covers (see syncedRevision in service.ts). */
  syncedRevision: number | null;
  settings: Partial<SyncSettings> | null;
  lastSync: SyncSummary | null;
  tasklistGuid: string | null;
  lang: 'zh' | 'en' | null;
}

interface DocumentRow {
  doc_id: string;
  subscribed: number;
  seen_revision: number | null;
  synced_revision: number | null;
  settings: string | null;
  last_sync: string | null;
  tasklist_guid: string | null;
  lang: string | null;
}

export class SqliteStore implements SyncStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    const current = this.schemaVersion;
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- SyncStore ---------------------------------------------------------------------------------

  async load(docId: string): Promise<SyncRecord[]> {
    const rows = this.db.prepare('SELECT record FROM sync_records WHERE doc_id = ? ORDER BY key').all(docId) as { record: string }[];
    return rows.map((r) => JSON.parse(r.record) as SyncRecord);
  }

  async commit(docId: string, change: StoreChange): Promise<void> {
    const put = this.db.prepare('INSERT INTO sync_records (doc_id, key, task_id, record) VALUES (?, ?, ?, ?) ON CONFLICT (doc_id, key) DO UPDATE SET task_id = excluded.task_id, record = excluded.record');
    const del = this.db.prepare('DELETE FROM sync_records WHERE doc_id = ? AND key = ?');
    this.db.transaction(() => {
      for (const key of change.remove ?? []) del.run(docId, key);
      for (const record of change.put ?? []) put.run(docId, record.key, record.taskId, JSON.stringify(record));
    })();
  }

  /** Documents whose records link a task (for task events). */
  documentsOfTask(taskId: string): string[] {
    return (this.db.prepare('SELECT DISTINCT doc_id FROM sync_records WHERE task_id = ?').all(taskId) as { doc_id: string }[]).map((r) => r.doc_id);
  }

  // ---- documents ---------------------------------------------------------------------------------

  document(docId: string): DocumentState {
    const row = this.db.prepare('SELECT * FROM documents WHERE doc_id = ?').get(docId) as DocumentRow | undefined;
    if (!row) return { docId, subscribed: false, seenRevision: null, syncedRevision: null, settings: null, lastSync: null, tasklistGuid: null, lang: null };
    return {
      docId,
      subscribed: row.subscribed === 1,
      seenRevision: row.seen_revision,
      syncedRevision: row.synced_revision,
      settings: row.settings ? (JSON.parse(row.settings) as Partial<SyncSettings>) : null,
      lastSync: row.last_sync ? (JSON.parse(row.last_sync) as SyncSummary) : null,
      tasklistGuid: row.tasklist_guid,
      lang: row.lang === 'zh' || row.lang === 'en' ? row.lang : null,
    };
  }

  /** Documents the service knows (for the polling fallback). */
  documents(): DocumentState[] {
    return (this.db.prepare('SELECT doc_id FROM documents ORDER BY doc_id').all() as { doc_id: string }[]).map((r) => this.document(r.doc_id));
  }

  updateDocument(docId: string, change: Partial<Omit<DocumentState, 'docId'>>): void {
    const s = { ...this.document(docId), ...change };
    this.db
      .prepare(
        `INSERT INTO documents (doc_id, subscribed, seen_revision, synced_revision, settings, last_sync, tasklist_guid, lang, updated_at)
         VALUES (@doc_id, @subscribed, @seen_revision, @synced_revision, @settings, @last_sync, @tasklist_guid, @lang, @updated_at)
         ON CONFLICT (doc_id) DO UPDATE SET subscribed = excluded.subscribed, seen_revision = excluded.seen_revision,
           synced_revision = excluded.synced_revision, settings = excluded.settings,
           last_sync = excluded.last_sync, tasklist_guid = excluded.tasklist_guid, lang = excluded.lang, updated_at = excluded.updated_at`,
      )
      .run({
        doc_id: docId,
        subscribed: s.subscribed ? 1 : 0,
        seen_revision: s.seenRevision,
        synced_revision: s.syncedRevision,
        settings: s.settings ? JSON.stringify(s.settings) : null,
        last_sync: s.lastSync ? JSON.stringify(s.lastSync) : null,
        tasklist_guid: s.tasklistGuid,
        lang: s.lang,
        updated_at: Date.now(),
      });
  }

  // ---- event dedupe ------------------------------------------------------------------------------

  /** Records an event id; false when it was seen before (a redelivery). Ids older than a day are dropped. */
  firstSight(eventId: string, now: number): boolean {
    const inserted = this.db.prepare('INSERT OR IGNORE INTO seen_events (event_id, at) VALUES (?, ?)').run(eventId, now).changes === 1;
    if (inserted && Math.random() < 0.01) this.db.prepare('DELETE FROM seen_events WHERE at < ?').run(now - 24 * 3600_000);
    return inserted;
  }
}
