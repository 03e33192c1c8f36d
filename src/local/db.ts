/**
 * The local workspace's one SQLite file: tasks (the local task list), sync records, and per-document
 * settings and last sync. The schema is created or migrated when the workspace opens.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Each entry migrates from version i to i + 1; `user_version` records how far a file has come. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE tasks (
     id TEXT PRIMARY KEY,
     doc_id TEXT NOT NULL,
     title TEXT NOT NULL,
     notes TEXT NOT NULL DEFAULT '',
     due_date TEXT,
     due_time TEXT,
     assignees TEXT NOT NULL DEFAULT '[]',
     status TEXT NOT NULL CHECK (status IN ('open', 'done')),
     sync_key TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX tasks_doc ON tasks (doc_id);
   CREATE INDEX tasks_sync_key ON tasks (sync_key);
   CREATE TABLE sync_records (
     doc_id TEXT NOT NULL,
     key TEXT NOT NULL,
     record TEXT NOT NULL,
     PRIMARY KEY (doc_id, key)
   );
   CREATE TABLE documents (
     doc_id TEXT PRIMARY KEY,
     settings TEXT,
     last_sync TEXT
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 2000');
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > SCHEMA_VERSION) throw new Error(`The workspace database is newer (schema ${current}) than this version of the app (${SCHEMA_VERSION}).`);
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
