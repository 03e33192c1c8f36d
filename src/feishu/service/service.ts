/**
 * The Feishu sync service: events (long connection by default, or webhook) → debounce per document →
 * one sync through the shared MinutesService; task events → statuses back into the document; a polling
 * fallback by revision id; the sidebar's HTTP API. State lives in SQLite.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MinutesService } from '../../core/app/service';
import { DEFAULT_SETTINGS, type HostContext, type Lang, type SyncSettings, type SyncSummary } from '../../core/app/protocol';
import type { TaskBackend } from '../../core/sync/backend';
import { hashString } from '../../core/sync/hash';
import { call, createFeishuClient, FeishuApiError, redact, redactingLogger, type FeishuClient } from '../client';
import type { FeishuConfig } from '../config';
import { FeishuDocument } from '../docx/document';
import { KeyedPacer } from '../retry';
import { FEISHU_CAPABILITIES, FeishuTaskBackend, type OwnerWarning } from '../tasks/backend';
import { FeishuDirectory } from '../tasks/directory';
import { OpenApiUserAuthority, SessionSigner, type UserAuthority } from './auth';
import { createApiServer } from './http';
import { DocumentScheduler } from './scheduler';
import { SqliteStore } from './store';

export interface ServiceOptions {
  config: FeishuConfig;
  /** Defaults to a SqliteStore at config.dbPath (closed by stop()). */
  store?: SqliteStore;
  authority?: UserAuthority;
  now?: () => number;
  log?: (line: string) => void;
  /** Test hook: wraps each sync's task backend (e.g. to stop a sync half-way). */
  wrapBackend?: (backend: TaskBackend, docId: string) => TaskBackend;
}

export type SyncReason = 'edit' | 'poll' | 'task' | 'manual';

export interface SyncRecordEntry {
  docId: string;
  reason: SyncReason;
  startedAt: number;
  endedAt: number;
  summary: SyncSummary | null;
  skipped: boolean;
}

export const FEISHU_DEFAULT_SETTINGS: SyncSettings = { ...DEFAULT_SETTINGS, autoSync: true };

/** Start-up failures worth one clear line (bad credentials, unreachable API). */
export class StartupError extends Error {
  override name = 'StartupError';
}

export class FeishuSyncService {
  readonly client: FeishuClient;
  readonly store: SqliteStore;
  readonly directory: FeishuDirectory;
  readonly scheduler: DocumentScheduler;
  readonly signer: SessionSigner;
  readonly authority: UserAuthority;
  readonly syncs: SyncRecordEntry[] = [];
  readonly dispatcher: lark.EventDispatcher;
  botOpenId: string | null = null;
  private readonly editPacer: KeyedPacer;
  private readonly ownsStore: boolean;
  private ws: lark.WSClient | null = null;
  private server: Server | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => number;
  private readonly listeners = new Set<() => void>();
  /** Documents whose next debounced sync must run even if the revision did not move (a task changed). */
  private readonly taskChanged = new Set<string>();

  constructor(private readonly options: ServiceOptions) {
    const { config } = options;
    this.now = options.now ?? Date.now;
    this.client = createFeishuClient({ appId: config.appId, appSecret: config.appSecret, baseUrl: config.baseUrl, log: (level, line) => this.log(`feishu sdk ${level}: ${line}`) });
    this.ownsStore = !options.store;
    this.store = options.store ?? new SqliteStore(config.dbPath);
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    this.directory = new FeishuDirectory({ client: this.client, sleep, now: this.now, departments: config.directoryDepartments });
    this.editPacer = new KeyedPacer(3, this.now, sleep);
    this.signer = new SessionSigner(config.sessionSecret ?? `${config.appId}:${config.appSecret}`);
    this.authority = options.authority ?? new OpenApiUserAuthority(config.authBaseUrl, config);
    this.scheduler = new DocumentScheduler({
      quietMs: config.quietMs,
      maxWaitMs: config.maxWaitMs,
      run: async (docId) => {
        await this.runSync(docId, this.taskChanged.delete(docId) ? 'task' : 'edit');
      },
      onError: (docId, error) => this.log(`sync of ${docId} failed: ${describe(error)}`),
    });
    this.dispatcher = new lark.EventDispatcher({
      ...(config.encryptKey ? { encryptKey: config.encryptKey } : {}),
      ...(config.verificationToken ? { verificationToken: config.verificationToken } : {}),
      logger: redactingLogger((level, line) => this.log(`events ${level}: ${line}`), [config.appSecret, config.encryptKey ?? '']),
      loggerLevel: lark.LoggerLevel.warn,
    }).register({
      // Handlers only queue work: Feishu redelivers when an answer takes more than 3 s.
      'drive.file.edit_v1': async (data: { event_id?: string; file_token?: string; operator_id_list?: { open_id?: string }[] }) => {
        this.onDriveEdit(data);
        return 'ok';
      },
      'task.task.update_user_access_v2': async (data: { event_id?: string; task_guid?: string }) => {
        this.onTaskUpdate(data);
        return 'ok';
      },
    });
  }

  get config(): FeishuConfig {
    return this.options.config;
  }

  // ---- lifecycle ---------------------------------------------------------------------------------

  /** Checks the credentials, learns the bot's open_id, subscribes to task events, starts listening. */
  async start(): Promise<{ port: number }> {
    const { config } = this.options;
    await this.checkCredentials();
    this.botOpenId = await this.readBotOpenId();
    await call('task.subscription', () => this.client.task.v2.taskV2.taskSubscription({ params: { user_id_type: 'open_id' } })).catch((error: unknown) =>
      this.log(`task event subscription failed (statuses come back on the next sync instead): ${describe(error)}`),
    );
    if (config.events === 'ws') {
      this.ws = new lark.WSClient({
        appId: config.appId,
        appSecret: config.appSecret,
        domain: config.baseUrl,
        logger: redactingLogger((level, line) => this.log(`long connection ${level}: ${line}`), [config.appSecret]),
        loggerLevel: lark.LoggerLevel.warn,
        autoReconnect: true,
      });
      await this.ws.start({ eventDispatcher: this.dispatcher });
    }
    this.server = createApiServer(this);
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(config.port, config.host, () => resolve());
    });
    if (config.pollMs > 0) this.pollTimer = setInterval(() => void this.poll(), config.pollMs);
    return { port: (this.server.address() as AddressInfo).port };
  }

  async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.ws?.close({ force: true });
    this.ws = null;
    await this.scheduler.stop();
    if (this.server) {
      const server = this.server;
      this.server = null;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    if (this.ownsStore) this.store.close();
  }

  private async checkCredentials(): Promise<void> {
    const { config } = this.options;
    let body: { code?: number; msg?: string };
    try {
      const response = await fetch(`${config.baseUrl}/open-apis/auth/v3/tenant_access_token/internal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ app_id: config.appId, app_secret: config.appSecret }),
        signal: AbortSignal.timeout(15_000),
      });
      body = (await response.json()) as { code?: number; msg?: string };
    } catch {
      throw new StartupError(`cannot reach ${config.baseUrl} to sign in the app (check FEISHU_BASE_URL and the network).`);
    }
    if (body.code !== 0) {
      throw new StartupError(`Feishu rejected FEISHU_APP_ID / FEISHU_APP_SECRET (code ${body.code ?? '?'}); copy both from the app's 凭证与基础信息 page.`);
    }
  }

  /** The app's bot open_id: the operator of the service's own edits. bot/v3/info answers at the top level. */
  private async readBotOpenId(): Promise<string | null> {
    try {
      const raw = (await this.client.request({ method: 'GET', url: '/open-apis/bot/v3/info' })) as { bot?: { open_id?: string }; data?: { bot?: { open_id?: string } } };
      return raw.bot?.open_id ?? raw.data?.bot?.open_id ?? null;
    } catch {
      return null;
    }
  }

  // ---- events ------------------------------------------------------------------------------------

  onDriveEdit(data: { event_id?: string; file_token?: string; operator_id_list?: { open_id?: string }[] }): void {
    const docId = data.file_token;
    if (!docId) return;
    if (data.event_id && !this.store.firstSight(data.event_id, this.now())) return;
    const operators = (data.operator_id_list ?? []).map((o) => o.open_id).filter((id): id is string => !!id);
    // The service's own writes (status and link cells) raise edit events too.
    if (this.botOpenId && operators.length > 0 && operators.every((id) => id === this.botOpenId)) return;
    if (!this.settingsOf(docId).autoSync) return;
    this.scheduler.touch(docId);
  }

  onTaskUpdate(data: { event_id?: string; task_guid?: string }): void {
    const guid = data.task_guid;
    if (!guid) return;
    if (data.event_id && !this.store.firstSight(data.event_id, this.now())) return;
    for (const docId of this.store.documentsOfTask(guid)) {
      // After any running sync has stored its results: a change the sync made itself is not news.
      void this.scheduler
        .serialize(docId, async () => {
          const record = (await this.store.load(docId)).find((r) => r.taskId === guid);
          const task = await this.backendFor(docId).get(guid);
          if (record && task && record.remoteUpdatedAt !== null && task.updatedAt <= record.remoteUpdatedAt) return;
          this.taskChanged.add(docId);
          this.scheduler.touch(docId, Math.min(1000, this.options.config.quietMs));
        })
        .catch((error: unknown) => this.log(`task event for ${docId} failed: ${describe(error)}`));
    }
  }

  /** Polling fallback: documents whose revision moved without an edit event get a sync. */
  async poll(): Promise<void> {
    for (const state of this.store.documents()) {
      if (!this.settingsOf(state.docId).autoSync || this.scheduler.pending(state.docId)) continue;
      try {
        const revision = await this.documentFor(state.docId).currentRevision();
        const known = [state.seenRevision, state.syncedRevision];
        if (!known.includes(revision)) this.scheduler.touch(state.docId, 0);
        this.store.updateDocument(state.docId, { seenRevision: revision });
      } catch (error) {
        this.log(`poll of ${state.docId} failed: ${describe(error)}`);
      }
    }
  }

  // ---- documents ---------------------------------------------------------------------------------

  /** First use of a document: remember it and subscribe to its edit events (needs manage permission). */
  async ensureKnown(docId: string): Promise<void> {
    const state = this.store.document(docId);
    if (state.subscribed) return;
    try {
      await call('drive.file.subscribe', () => this.client.drive.v1.file.subscribe({ path: { file_token: docId }, params: { file_type: 'docx' } }));
      this.store.updateDocument(docId, { subscribed: true });
    } catch (error) {
      this.store.updateDocument(docId, { subscribed: false });
      this.log(`cannot subscribe to edits of ${docId} (the app needs 可管理 on it); polling instead: ${describe(error)}`);
    }
  }

  settingsOf(docId: string): SyncSettings {
    return { ...FEISHU_DEFAULT_SETTINGS, ...(this.store.document(docId).settings ?? {}) };
  }

  /** Saves a checked change (see parseSettings in src/core/app/requests.ts). */
  saveSettings(docId: string, change: Partial<SyncSettings>): SyncSettings {
    this.store.updateDocument(docId, { settings: { ...(this.store.document(docId).settings ?? {}), ...change } });
    return this.settingsOf(docId);
  }

  langOf(docId: string): Lang {
    return this.store.document(docId).lang ?? 'zh';
  }

  documentFor(docId: string): FeishuDocument {
    const { config } = this.options;
    return new FeishuDocument({
      client: this.client,
      documentId: docId,
      timeZone: config.timeZone,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      editPacer: this.editPacer,
      names: (ids) => this.directory.namesOf(ids),
      docUrlBase: config.docUrlBase ?? (config.baseUrl.includes('larksuite') ? 'https://www.larksuite.com/docx/' : 'https://www.feishu.cn/docx/'),
    });
  }

  backendFor(docId: string, document?: FeishuDocument): FeishuTaskBackend {
    const { config } = this.options;
    return new FeishuTaskBackend({
      client: this.client,
      directory: this.directory,
      timeZone: config.timeZone,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...(config.tasklist === 'per-document' ? { tasklist: () => this.tasklistFor(docId, document) } : {}),
      ...(document ? { linkFor: (syncKey: string) => rowLink(document, syncKey) } : {}),
    });
  }

  /** The meeting's tasklist, created on first use (lets a restarted sync find tasks by sync key). */
  private async tasklistFor(docId: string, document?: FeishuDocument): Promise<string | null> {
    const known = this.store.document(docId).tasklistGuid;
    if (known) return known;
    const name = `纪要待办 · ${document?.title ?? docId}`.slice(0, 100);
    const out = await call<{ tasklist?: { guid?: string } }>('task.tasklist.create', () => this.client.task.v2.tasklist.create({ params: { user_id_type: 'open_id' }, data: { name } }));
    const guid = out.tasklist?.guid ?? null;
    if (guid) this.store.updateDocument(docId, { tasklistGuid: guid });
    return guid;
  }

  /** The shared use cases over this document's ports. */
  minutes(docId: string, document = this.documentFor(docId), backend?: TaskBackend): MinutesService {
    const base = backend ?? this.backendFor(docId, document);
    return new MinutesService({
      document,
      backend: this.options.wrapBackend ? this.options.wrapBackend(base, docId) : base,
      store: this.store,
      now: this.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      lang: this.langOf(docId),
      settings: this.settingsOf(docId),
    });
  }

  /** Sync now (serialized with any other work on the document). */
  syncNow(docId: string, reason: SyncReason = 'manual'): Promise<SyncSummary | null> {
    return this.scheduler.serialize(docId, () => this.runSync(docId, reason));
  }

  private async runSync(docId: string, reason: SyncReason): Promise<SyncSummary | null> {
    const startedAt = this.now();
    const document = this.documentFor(docId);
    const state = this.store.document(docId);
    const start = await document.currentRevision();
    // Nothing new since the last sync (autosave pings, the service's own write-backs).
    if ((reason === 'edit' || reason === 'poll') && start === state.syncedRevision) {
      this.record({ docId, reason, startedAt, endedAt: this.now(), summary: null, skipped: true });
      return null;
    }
    const backend = this.backendFor(docId, document);
    const summary = await this.minutes(docId, document, backend).syncNow();
    for (const w of backend.warnings) summary.warnings.push({ code: w.code, title: w.name, message: ownerWarning(w, this.langOf(docId)) });
    this.store.updateDocument(docId, { lastSync: summary, syncedRevision: syncedRevision(start, document.writeRevisions), seenRevision: start });
    this.record({ docId, reason, startedAt, endedAt: this.now(), summary, skipped: false });
    return summary;
  }

  private record(entry: SyncRecordEntry): void {
    this.syncs.push(entry);
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves when the predicate over finished syncs holds (tests and the bench). */
  waitForSyncs(predicate: (syncs: readonly SyncRecordEntry[]) => boolean, timeoutMs = 10_000): Promise<void> {
    if (predicate(this.syncs)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error('syncs did not happen in time'));
      }, timeoutMs);
      const check = (): void => {
        if (!predicate(this.syncs)) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  context(docId: string, user: { name: string } | null, title: string): HostContext {
    const state = this.store.document(docId);
    return {
      platform: 'feishu',
      lang: this.langOf(docId),
      documentId: docId,
      documentTitle: title,
      user: user ? { name: user.name || null, email: null } : null,
      capabilities: { assignees: FEISHU_CAPABILITIES.assignees, dueTime: FEISHU_CAPABILITIES.dueTime, onlyMine: false, autoSync: true, taskLists: false },
      settings: this.settingsOf(docId),
      lastSync: state.lastSync,
    };
  }

  log(line: string): void {
    (this.options.log ?? ((l: string) => console.error(l)))(redact(line, [this.options.config.appSecret]));
  }
}

function ownerWarning(w: OwnerWarning, lang: Lang): string {
  if (lang === 'zh') {
    const why = w.reason === 'ambiguous' ? `有多位同名用户“${w.name}”` : `应用的通讯录范围内没有“${w.name}”`;
    return `${why}，任务未指派给此负责人（姓名保留在任务描述中）。`;
  }
  const why = w.reason === 'ambiguous' ? `Several people are called “${w.name}”` : `No Feishu user “${w.name}” in the app's contact scope`;
  return `${why}; the task has no assignee for this owner (the name stays in its description).`;
}

/**
 * The revision this sync covers: its own last write when the writes followed each other with nobody
 * else's edit in between (each edit moves the revision by one), else the revision it started from — so
 * an edit made during the sync still triggers the next one.
 */
export function syncedRevision(start: number, writes: readonly number[]): number {
  const last = writes[writes.length - 1];
  return last !== undefined && last === start + writes.length ? last : start;
}

/** origin.href for a new task: the document, scrolled to the item's row (key = 'a' + hash of the anchor). */
function rowLink(document: FeishuDocument, syncKey: string): { url: string; title: string } | null {
  if (!document.url) return null;
  const key = syncKey.split(':').pop() ?? '';
  const base = /^a[0-9a-z]+/.exec(key)?.[0];
  const anchor = base ? document.anchors().find((a) => `a${hashString(a).slice(0, 8)}` === base) : undefined;
  return { url: anchor ? `${document.url}#${anchor}` : document.url, title: document.title };
}

function describe(error: unknown): string {
  if (error instanceof FeishuApiError) return error.message;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
