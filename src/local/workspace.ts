/**
 * The local workspace: documents in a folder, tasks and sync state in SQLite, and the product's use
 * cases through the same MinutesService as Google Docs and Feishu. HTTP-free, so tests can drive it
 * directly; server.ts puts it on the wire.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, type HostContext, type Lang, type SyncSettings, type SyncSummary } from '../core/app/protocol';
import { ModelDocument } from '../core/app/model-document';
import { MinutesService } from '../core/app/service';
import { parseInsertTemplate, parseSettings, parseWriteItems } from '../core/app/requests';
import type { MinutesDocument } from '../core/model/document';
import { readMarkdown } from '../readers/markdown/read';
import { openDatabase, type Db } from './db';
import { DocumentFolder, isMinutesDocument, type DocumentEntry } from './documents';
import { invalid, LocalError, notFound } from './errors';
import { SqliteSyncStore } from './store';
import { LocalTaskList, type LocalTask } from './tasks';

export interface WorkspaceOptions {
  /** The workspace folder: documents as `<id>.json`, and `minutes.sqlite`. */
  dir: string;
  /** Markdown minutes to create the first document from when the folder has none. */
  sampleFile?: string;
  now?: () => number;
  /** The address of the tasks panel entry for a task (set once the server knows its port). */
  taskUrl?: (id: string) => string;
}

export type Operation = 'getContext' | 'insertTemplate' | 'extract' | 'writeItems' | 'syncNow' | 'saveSettings' | 'fingerprint';
export const OPERATIONS: readonly Operation[] = ['getContext', 'insertTemplate', 'extract', 'writeItems', 'syncNow', 'saveSettings', 'fingerprint'];

export interface SaveResult {
  revision: number;
  /** The sync that ran on save (autoSync on), or null. */
  synced: SyncSummary | null;
}

export class LocalWorkspace {
  readonly documents: DocumentFolder;
  readonly tasks: LocalTaskList;
  private readonly db: Db;
  private readonly store: SqliteSyncStore;
  private readonly now: () => number;
  private readonly revisions = new Map<string, number>();
  private readonly locks = new Map<string, Promise<unknown>>();
  taskUrl: (id: string) => string;

  constructor(options: WorkspaceOptions) {
    this.documents = new DocumentFolder(options.dir);
    this.db = openDatabase(join(options.dir, 'minutes.sqlite'));
    this.store = new SqliteSyncStore(this.db);
    this.now = options.now ?? Date.now;
    this.taskUrl = options.taskUrl ?? ((id) => `http://127.0.0.1/tasks#${id}`);
    this.tasks = new LocalTaskList(this.db, this.now, (id) => this.taskUrl(id));
    if (options.sampleFile && this.documents.list().length === 0) this.createSample(options.sampleFile);
  }

  close(): void {
    this.db.close();
  }

  list(): DocumentEntry[] {
    return this.documents.list();
  }

  create(title: string, doc?: MinutesDocument): string {
    const id = this.documents.freeId(title);
    this.documents.write(id, { ...(doc ?? { blocks: [{ type: 'paragraph', content: [] }] }), title });
    return id;
  }

  private createSample(file: string): void {
    const doc = readMarkdown(readFileSync(file, 'utf8'));
    const heading = doc.blocks.find((b) => b.type === 'heading');
    const headingText = heading && heading.type === 'heading' ? heading.content.map((r) => (r.type === 'person' ? r.name : r.type === 'date' ? r.date : r.text)).join('').trim() : '';
    const title = doc.title ?? (headingText || '示例纪要');
    // Anchors from the start, so every row keeps its identity through edits.
    const model = new ModelDocument('sample', { blocks: [] });
    void model.insert({ blocks: doc.blocks });
    this.documents.write(this.documents.freeId('sample'), { title, blocks: model.snapshot().blocks });
  }

  revision(docId: string): number {
    return this.revisions.get(docId) ?? 1;
  }

  read(docId: string): { doc: MinutesDocument; revision: number } {
    const doc = this.documents.read(docId);
    if (!doc) throw notFound();
    return { doc, revision: this.revision(docId) };
  }

  settings(docId: string): SyncSettings {
    const row = this.db.prepare('SELECT settings FROM documents WHERE doc_id = ?').get(docId) as { settings: string | null } | undefined;
    return { ...DEFAULT_SETTINGS, ...(row?.settings ? (JSON.parse(row.settings) as Partial<SyncSettings>) : {}) };
  }

  lastSync(docId: string): SyncSummary | null {
    const row = this.db.prepare('SELECT last_sync FROM documents WHERE doc_id = ?').get(docId) as { last_sync: string | null } | undefined;
    return row?.last_sync ? (JSON.parse(row.last_sync) as SyncSummary) : null;
  }

  context(docId: string, lang: Lang): HostContext {
    const { doc } = this.read(docId);
    return {
      platform: 'local',
      lang,
      documentId: docId,
      documentTitle: doc.title ?? docId,
      user: null,
      capabilities: { assignees: true, dueTime: true, onlyMine: false, autoSync: true, taskLists: false },
      settings: this.settings(docId),
      lastSync: this.lastSync(docId),
    };
  }

  /** One sidebar operation on one document; operations on a document run one at a time. */
  call(docId: string, op: Operation, body: unknown, lang: Lang): Promise<unknown> {
    return this.locked(docId, async () => {
      if (op === 'getContext') return this.context(docId, lang);
      if (op === 'saveSettings') {
        const settings = parseSettings(body);
        if (!settings) throw invalid('settings');
        this.saveSettings(docId, settings);
        return this.context(docId, lang);
      }
      return this.withService(docId, lang, async (service) => {
        switch (op) {
          case 'insertTemplate': {
            const request = parseInsertTemplate(body, 'zh');
            if (!request) throw invalid('scenario');
            return service.insertTemplate(request);
          }
          case 'extract':
            return service.extract();
          case 'writeItems': {
            const request = parseWriteItems(body, lang);
            if (!request) throw invalid('items');
            return service.writeItems(request);
          }
          case 'syncNow':
            return this.sync(docId, service);
          case 'fingerprint':
            return service.fingerprint();
          default:
            throw invalid('operation');
        }
      });
    });
  }

  /** The editor saves the document; with autoSync on (and `sync`), the save is followed by a sync. */
  save(docId: string, doc: unknown, options: { sync: boolean; lang: Lang }): Promise<SaveResult> {
    return this.locked(docId, async () => {
      if (!this.documents.has(docId)) throw notFound();
      if (!isMinutesDocument(doc)) throw invalid('document');
      this.documents.write(docId, doc);
      this.bump(docId);
      let synced: SyncSummary | null = null;
      if (options.sync && this.settings(docId).autoSync) synced = await this.withService(docId, options.lang, (service) => this.sync(docId, service));
      return { revision: this.revision(docId), synced };
    });
  }

  /** The user ticks a task in the tasks panel; with autoSync on, 状态 follows in the document at once. */
  async setTaskStatus(taskId: string, done: boolean, lang: Lang): Promise<{ task: LocalTask; synced: SyncSummary | null }> {
    const task = this.tasks.setStatus(taskId, done ? 'done' : 'open');
    if (!task) throw new LocalError('not_found', '找不到这个任务。', 'This task does not exist.');
    let synced: SyncSummary | null = null;
    if (this.documents.has(task.docId) && this.settings(task.docId).autoSync) {
      synced = await this.locked(task.docId, () => this.withService(task.docId, lang, (service) => this.sync(task.docId, service)));
    }
    return { task: this.tasks.find(taskId) ?? task, synced };
  }

  private async sync(docId: string, service: MinutesService): Promise<SyncSummary> {
    const summary = await service.syncNow();
    this.db
      .prepare('INSERT INTO documents (doc_id, last_sync) VALUES (?, ?) ON CONFLICT (doc_id) DO UPDATE SET last_sync = excluded.last_sync')
      .run(docId, JSON.stringify(summary));
    return summary;
  }

  private saveSettings(docId: string, patch: Partial<SyncSettings>): void {
    if (!this.documents.has(docId)) throw notFound();
    const settings = { ...this.settings(docId), ...patch };
    this.db
      .prepare('INSERT INTO documents (doc_id, settings) VALUES (?, ?) ON CONFLICT (doc_id) DO UPDATE SET settings = excluded.settings')
      .run(docId, JSON.stringify(settings));
  }

  /** Loads the document, runs the use case, and writes the file back when the use case changed it. */
  private async withService<T>(docId: string, lang: Lang, work: (service: MinutesService) => Promise<T>): Promise<T> {
    const { doc } = this.read(docId);
    const before = JSON.stringify(doc);
    const title = doc.title ?? docId;
    const model = new ModelDocument(docId, doc, title, `local:${docId}`);
    const service = new MinutesService({
      document: { id: docId, title, read: () => model.read(), insert: (b) => model.insert(b), writeRows: (p) => model.writeRows(p), writeCells: (e) => model.writeCells(e), modifiedAt: async () => this.documents.modifiedAt(docId) },
      backend: this.tasks.forDocument(docId),
      store: this.store,
      now: this.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 2000))),
      lang,
      settings: this.settings(docId),
    });
    try {
      return await work(service);
    } finally {
      const after = model.snapshot();
      if (JSON.stringify(after) !== before) {
        this.documents.write(docId, { ...after, title: doc.title ?? title });
        this.bump(docId);
      }
    }
  }

  private bump(docId: string): void {
    this.revisions.set(docId, this.revision(docId) + 1);
  }

  private locked<T>(docId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(docId) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.locks.set(docId, next.catch(() => undefined));
    return next;
  }
}
