/**
 * The Apps Script host of the add-on: builds the core's ports from Apps Script services and runs the shared
 * MinutesService for each server function. Every operation runs synchronously (see sync-promise.ts) and
 * reports failures as HostError JSON, never as raw messages.
 */
import type {
  ChooseTaskListResult, ExtractResult, HostContext, HostError, Lang, SyncSettings, SyncSummary, TaskListChoice, WriteItemsResult,
} from '../core/app/protocol';
import { MinutesService, type ServicePorts } from '../core/app/service';
import { extractMinutes } from '../core/extract/index';
import { parseChooseTaskList, parseInsertTemplate, parseSettings, parseWriteItems } from '../core/app/requests';
import { fingerprintDocument, googleDocument, type GoogleDocument } from './document/port';
import { HostFailure, hostErrorException, toHostError } from './errors';
import { langOfLocale } from './i18n';
import { loadLastSync, loadSettings, storeLastSync, storeSettings } from './settings';
import { UserPropertiesStore } from './store';
import { runSync } from './sync-promise';
import { chooseTaskList, resolveTaskList, taskListChoice, type MoveBudget } from './task-lists';
import { GoogleTasksBackend } from './tasks-backend';
import { setHourlySync } from './triggers';

/** An Apps Script execution stops at 6 minutes; leave room for the write-backs and the reply. */
const SYNC_BUDGET_MS = 4.5 * 60_000;
/** A sync first finishes a move of its tasks to another list, within this part of the execution. */
const MOVE_BUDGET_MS = 60_000;
/** Choosing a list moves the tasks synced so far (anything left moves at the next sync). */
const CHOOSE_BUDGET_MS = 4 * 60_000;
/** How long a sync waits for another execution's lock before answering 'locked'. */
export const LOCK_WAIT_MS = 2_000;

export function userLang(): Lang {
  try {
    return langOfLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

function activeDocument(): GoogleAppsScript.Document.Document {
  const doc = DocumentApp.getActiveDocument();
  if (!doc) throw new HostFailure('not_found', 'no active document');
  return doc;
}

function tasksService(): GoogleAppsScript.Tasks {
  // The advanced service is a global only when enabled in the manifest (typed `Tasks | undefined`).
  const service = typeof Tasks === 'undefined' ? undefined : Tasks;
  if (!service) throw new HostFailure('service_missing', 'Tasks advanced service is not enabled');
  return service;
}

interface Setup {
  doc: GoogleAppsScript.Document.Document;
  port: GoogleDocument;
  lang: Lang;
  settings: SyncSettings;
  props: GoogleAppsScript.Properties.Properties;
}

function setup(anchors: 'none' | 'read' | 'ensure'): Setup {
  const doc = activeDocument();
  const props = PropertiesService.getUserProperties();
  const port = googleDocument(doc, anchors);
  return { doc, port, lang: userLang(), settings: loadSettings(props, port.id), props };
}

function service(s: Setup, lang: Lang, extra: Partial<ServicePorts> = {}): MinutesService {
  return new MinutesService({
    document: s.port,
    now: () => Date.now(),
    sleep: (ms: number) => Utilities.sleep(ms),
    lang,
    settings: s.settings,
    ...extra,
  });
}

/** Runs `body` under the document lock; a lock held elsewhere is a retryable 'locked'. */
function withDocumentLock<T>(body: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) throw new HostFailure('locked', 'document lock held');
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}

/** A new task list is named after 沟通主题 when the minutes have one, else the document title. */
function listTitle(s: Setup): string {
  const doc = (s.port.current() ?? s.port.readNow()).doc;
  return extractMinutes(doc, { today: new Date().toISOString().slice(0, 10) }).meeting.topic ?? s.port.title;
}

/** Moving tasks between lists may take this long in one execution; the rest moves at the next sync. */
function moveBudget(ms: number): MoveBudget {
  return { now: () => Date.now(), deadline: Date.now() + ms };
}

/** One sync of the active document with Google Tasks (the caller holds the lock). */
export function syncActiveDocument(): SyncSummary {
  const tasks = tasksService();
  const s = setup('ensure');
  const store = new UserPropertiesStore(s.props, () => Date.now());
  let listId: string | null = null;
  const listOf = (): string => (listId ??= resolveTaskList(tasks, s.props, s.port.id, () => listTitle(s), moveBudget(MOVE_BUDGET_MS)));
  const backend = new GoogleTasksBackend(tasks, listOf);
  const email = s.settings.onlyMine ? Session.getActiveUser().getEmail() || null : null;
  const summary = runSync(service(s, s.lang, { backend, store, userEmail: email, budgetMs: SYNC_BUDGET_MS }).syncNow());
  storeLastSync(s.props, s.port.id, summary);
  return summary;
}

export const host = {
  getContext(): HostContext {
    const s = setup('none');
    let email: string | null;
    try {
      email = Session.getActiveUser().getEmail() || null;
    } catch {
      email = null; // no userinfo.email grant: the sidebar simply shows no address
    }
    return {
      platform: 'google',
      lang: s.lang,
      documentId: s.port.id,
      documentTitle: s.port.title,
      user: email ? { name: null, email } : null,
      capabilities: { assignees: false, dueTime: false, onlyMine: true, autoSync: true, taskLists: true },
      settings: s.settings,
      lastSync: loadLastSync(s.props, s.port.id),
    };
  },

  insertTemplate(body?: unknown): { inserted: true } {
    const request = parseInsertTemplate(body, userLang());
    if (!request) throw new HostFailure('invalid', 'unknown scenario');
    const s = setup('none');
    return runSync(service(s, request.lang).insertTemplate(request));
  },

  extract(): ExtractResult {
    // The review list needs no anchors (item ids fall back to positions): skip reading the named ranges.
    const s = setup('none');
    return runSync(service(s, s.lang).extract());
  },

  writeItems(body: unknown): WriteItemsResult {
    const request = parseWriteItems(body, userLang());
    if (!request) throw new HostFailure('invalid', 'items missing or malformed');
    return withDocumentLock(() => {
      const s = setup('read');
      return runSync(service(s, request.lang).writeItems(request));
    });
  },

  syncNow(): SyncSummary {
    return withDocumentLock(() => syncActiveDocument());
  },

  saveSettings(body: unknown): HostContext {
    const patch = parseSettings(body);
    if (!patch) throw new HostFailure('invalid', 'settings must be switches with true or false');
    const s = setup('none');
    const next: SyncSettings = { ...s.settings, ...patch };
    if (next.autoSync !== s.settings.autoSync) setHourlySync(s.doc, next.autoSync);
    storeSettings(s.props, s.port.id, next);
    return host.getContext();
  },

  fingerprint(): string {
    return fingerprintDocument(activeDocument());
  },

  taskLists(): TaskListChoice {
    const tasks = tasksService();
    return taskListChoice(tasks, PropertiesService.getUserProperties(), activeDocument().getId());
  },

  chooseTaskList(body: unknown): ChooseTaskListResult {
    const request = parseChooseTaskList(body);
    if (!request) throw new HostFailure('invalid', 'listId must be a task list id or null');
    const tasks = tasksService();
    // Under the lock: a sync must not run while the tasks move.
    return withDocumentLock(() => {
      const s = setup('none');
      const { moved, remaining } = chooseTaskList(tasks, s.props, s.port.id, request.listId, () => listTitle(s), moveBudget(CHOOSE_BUDGET_MS));
      return { ...taskListChoice(tasks, s.props, s.port.id), moved, remaining };
    });
  },
};

/** Wraps an operation for google.script.run: failures leave as HostError JSON in the user's language. */
export function guarded<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (error) {
      const hostError = describeFailure(error);
      logFailure(name, hostError, error);
      throw hostErrorException(hostError);
    }
  };
}

export function describeFailure(error: unknown): HostError {
  return toHostError(error, userLang());
}

/** One line per failure for the execution log: the code and the error's class, never its message or stack. */
function logFailure(name: string, hostError: HostError, error: unknown): void {
  const kind = error instanceof Error ? error.name : typeof error;
  console.warn(`${name} failed: ${hostError.code} (${kind})`);
}
