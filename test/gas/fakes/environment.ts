/**
 * One simulated Apps Script project bound to one Google Doc: the service globals a script sees, plus test-only
 * handles to seed and inspect them. Designed to be installed as the globals of a `node:vm` context:
 *
 * ```ts
 * const env = createAppsScriptEnvironment({ user: 'alice@example.com' });
 * const ctx = env.createContext();                // vm context whose globals are the fakes
 * vm.runInContext(fs.readFileSync('build/gas/Code.js', 'utf8'), ctx);
 * ctx.onOpen(env.openEvent());
 * ```
 */
import vm from 'node:vm';
import type { CacheScope, FakeCacheHandle } from './cache';
import { createCacheHandle, createCacheService, createCacheState } from './cache';
import { CallCounter } from './calls';
import { FakeClock } from './clock';
import { createDocumentApp } from './document/document';
import type { DocContext } from './document/elements';
import type { FakeDocumentHandle } from './document/handle';
import { createDocumentHandle, createDocumentState } from './document/handle';
import type { AuthModeName } from './enums';
import type { FakeLockHandle } from './lock';
import { createLockHandle, createLockService, createLockState } from './lock';
import type { FakePropertiesHandle } from './properties';
import { createPropertiesHandle, createPropertiesService, createPropertiesState } from './properties';
import type { ExecutionContext } from './runtime';
import { Runtime } from './runtime';
import type { FakeTriggerHandle } from './script-app';
import { createScriptApp, createTriggerHandle, createTriggerState } from './script-app';
import type { ScriptRunServer } from './script-run/script-run';
import { createScriptRunServer } from './script-run/script-run';
import type { FakeLogHandle } from './session';
import { createConsole, createLogHandle, createLogState, createLogger, createSession } from './session';
import type { FakeTasksHandle } from './tasks/handle';
import { createTasksHandle } from './tasks/handle';
import { createTasksService, createTasksState } from './tasks/service';
import type { FakeUiHandle } from './ui';
import { createUi, createUiHandle, createUiState } from './ui';
import { createHtmlService, createHtmlState } from './html';
import { createUtilities, createUtilitiesState } from './utilities';

export interface AppsScriptEnvironmentOptions {
  /** Simulated active user email ('' allowed). Default 'alice@example.com'. */
  user?: string;
  /** 'user' = menu click / sidebar call; 'trigger' = installable/time-driven trigger. Default 'user'. */
  context?: ExecutionContext;
  /** Default 'FULL'. */
  authMode?: AuthModeName;
  /** false → the `Tasks` global does not exist (advanced service disabled). Default true. */
  tasksEnabled?: boolean;
  /** Base clock; `Utilities.sleep`, lock waits and `clock.advance` move time forward from it. */
  now?: () => Date;
  /** File name → built HTML for HtmlService (e.g. { Sidebar: '<!doctype html>…' }). */
  sidebarHtml?: Record<string, string>;
  /** Session.getScriptTimeZone(). Default 'Asia/Shanghai' (the manifest's). */
  timeZone?: string;
  /** Session.getActiveUserLocale(). Default 'en'. */
  locale?: string;
  documentId?: string;
  documentName?: string;
  /** Caption of `createAddonMenu()`. */
  addOnName?: string;
  /** Editor add-on trigger rules (hourly minimum, one clock trigger per user per doc). Default true. */
  addOn?: boolean;
  /** false = no containing document (standalone). Default true. */
  bound?: boolean;
  scriptId?: string;
  /** Print Logger/console output to the Node console too. */
  echoLogs?: boolean;
  /** Deterministic Utilities.getUuid(). */
  uuid?: () => string;
}

export interface AppsScriptGlobals {
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  /** Absent (not even a key) when the advanced service is disabled. */
  Tasks?: GoogleAppsScript.Tasks;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
}

export interface OpenEvent {
  authMode: string;
  source?: GoogleAppsScript.Document.Document;
  user?: string;
}

export interface AppsScriptEnvironment {
  /** The service globals, as a plain object (spread it into a vm context, or use `createContext`). */
  readonly globals: AppsScriptGlobals & Record<string, unknown>;
  readonly document: FakeDocumentHandle;
  readonly tasks: FakeTasksHandle;
  readonly ui: FakeUiHandle;
  readonly properties: FakePropertiesHandle;
  readonly locks: FakeLockHandle;
  readonly cache: FakeCacheHandle;
  readonly triggers: FakeTriggerHandle;
  readonly logs: FakeLogHandle;
  readonly clock: FakeClock;
  readonly user: string;
  readonly context: ExecutionContext;
  readonly authMode: AuthModeName;
  readonly bound: boolean;
  /** The vm context made by `createContext`, if any. */
  readonly vmContext: vm.Context | null;
  switchUser(email: string): void;
  setContext(context: ExecutionContext): void;
  setAuthMode(mode: AuthModeName): void;
  setBound(bound: boolean): void;
  /** Ends the current execution (its locks are released) and starts a new one, optionally changing who/how. */
  newExecution(opts?: { user?: string; context?: ExecutionContext; authMode?: AuthModeName }): void;
  /** A vm context whose globals are the fakes (plus `extra`); Errors and Dates the fakes create come from it. */
  createContext(extra?: Record<string, unknown>): vm.Context;
  /** Runs code in the vm context (created on first use). */
  run(code: string, filename?: string): unknown;
  /** The `e` an `onOpen(e)` / `onInstall(e)` receives in the current auth mode. */
  openEvent(): OpenEvent;
  /**
   * Server half of google.script.run over `target` (default: the vm context). Each call is a new execution in
   * user context with FULL auth, as a sidebar call is.
   */
  scriptRunServer(target?: object): ScriptRunServer;
  /** Call counts of every service, keyed `Service.method`. */
  calls(): Record<string, Record<string, number>>;
}

export function createAppsScriptEnvironment(options: AppsScriptEnvironmentOptions = {}): AppsScriptEnvironment {
  const clock = new FakeClock(options.now);
  const rt = new Runtime({
    user: options.user ?? 'alice@example.com',
    context: options.context ?? 'user',
    authMode: options.authMode ?? 'FULL',
    clock,
    timeZone: options.timeZone ?? 'Asia/Shanghai',
    locale: options.locale ?? 'en',
  });
  rt.bound = options.bound ?? true;

  const docState = createDocumentState(options.documentId ?? '1MinutesToTasksFakeDocument0000000000000000', options.documentName ?? '跨部门沟通记录表');
  const documentId = (): string | null => (rt.bound ? docState.model.id : null);
  const uiState = createUiState();
  const propsState = createPropertiesState();
  const lockState = createLockState(rt);
  const cacheState = createCacheState();
  const triggerState = createTriggerState();
  const tasksState = createTasksState(rt);
  const logState = createLogState(options.echoLogs ?? false);
  const utilState = createUtilitiesState();
  if (options.uuid) utilState.uuid = options.uuid;
  const sessionCounter = new CallCounter();
  let context: vm.Context | null = null;
  const htmlState = createHtmlState(options.sidebarHtml ?? {}, () => context ?? globals);
  const ui = createUi(rt, uiState, options.addOnName ?? 'Minutes to Tasks');

  // One document session per execution: saveAndClose() invalidates every wrapper obtained before it, and the
  // next getActiveDocument() reopens the (saved) document.
  let session = { closed: false };
  rt.onExecutionEnd(() => {
    session = { closed: false };
  });
  const openSession = (): DocContext | null => {
    if (!rt.bound) return null;
    if (session.closed) session = { closed: false };
    return { rt, counter: docState.counter, doc: docState.model, session };
  };

  const globals: AppsScriptGlobals & Record<string, unknown> = {
    DocumentApp: createDocumentApp({ rt, counter: docState.counter, openSession, getUi: () => ui }),
    PropertiesService: createPropertiesService({ rt, state: propsState, documentId }),
    LockService: createLockService(rt, lockState, documentId),
    CacheService: createCacheService(rt, cacheState, documentId),
    HtmlService: createHtmlService(rt, htmlState),
    ScriptApp: createScriptApp({ rt, state: triggerState, documentId, addOn: options.addOn ?? true, scriptId: options.scriptId ?? '1FakeScriptId' }),
    Session: createSession(rt, sessionCounter),
    Utilities: createUtilities(rt, utilState),
    Logger: createLogger(rt, logState),
    console: createConsole(rt, logState),
  };
  if (options.tasksEnabled ?? true) globals.Tasks = createTasksService(rt, tasksState);

  const env: AppsScriptEnvironment = {
    globals,
    document: createDocumentHandle(rt, docState),
    tasks: createTasksHandle(rt, tasksState),
    ui: createUiHandle(uiState),
    properties: createPropertiesHandle(rt, propsState, documentId),
    locks: createLockHandle(rt, lockState, documentId),
    cache: createCacheHandle(rt, cacheState, documentId),
    triggers: createTriggerHandle(triggerState),
    logs: createLogHandle(logState),
    clock,
    get user() {
      return rt.user;
    },
    get context() {
      return rt.context;
    },
    get authMode() {
      return rt.authMode;
    },
    get bound() {
      return rt.bound;
    },
    get vmContext() {
      return context;
    },
    switchUser(email) {
      rt.user = email;
    },
    setContext(c) {
      rt.context = c;
    },
    setAuthMode(mode) {
      rt.authMode = mode;
    },
    setBound(b) {
      rt.bound = b;
    },
    newExecution(opts) {
      rt.newExecution();
      if (opts?.user !== undefined) rt.user = opts.user;
      if (opts?.context) rt.context = opts.context;
      if (opts?.authMode) rt.authMode = opts.authMode;
    },
    createContext(extra) {
      if (context) return context;
      context = vm.createContext({ ...globals, ...(extra ?? {}) });
      rt.realm.intrinsics = vm.runInContext('({ Error: Error, Date: Date })', context) as typeof rt.realm.intrinsics;
      return context;
    },
    run(code, filename) {
      return vm.runInContext(code, env.createContext(), { filename: filename ?? 'Code.js' });
    },
    openEvent() {
      const e: OpenEvent = { authMode: rt.authMode };
      if (rt.authMode !== 'NONE') {
        const doc = docState.counter.paused(() => globals.DocumentApp.getActiveDocument());
        if (doc) e.source = doc;
      }
      if (rt.authMode === 'FULL') e.user = rt.user;
      return e;
    },
    scriptRunServer(target) {
      return createScriptRunServer(target ?? (() => env.createContext()), {
        beforeCall: () => env.newExecution({ context: 'user', authMode: 'FULL' }),
      });
    },
    calls() {
      return {
        DocumentApp: docState.counter.snapshot(),
        Tasks: tasksState.counter.snapshot(),
        PropertiesService: propsState.counter.snapshot(),
        LockService: lockState.counter.snapshot(),
        CacheService: cacheState.counter.snapshot(),
        ScriptApp: triggerState.counter.snapshot(),
        Ui: uiState.counter.snapshot(),
        HtmlService: htmlState.counter.snapshot(),
        Utilities: utilState.counter.snapshot(),
        Session: sessionCounter.snapshot(),
      };
    },
  };
  return env;
}

export type { CacheScope };
