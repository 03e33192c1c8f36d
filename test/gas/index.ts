/**
 * In-memory fakes of the Google Apps Script services the add-on uses (DocumentApp, Tasks, PropertiesService,
 * LockService, CacheService, HtmlService, ScriptApp, Session, Utilities, Logger, console, DocumentApp.getUi)
 * and of the client-side `google.script.run`. Behaviour follows shared/reference/google-apps-script.md §10.
 */
export { createAppsScriptEnvironment } from './fakes/environment';
export type { AppsScriptEnvironment, AppsScriptEnvironmentOptions, AppsScriptGlobals, OpenEvent } from './fakes/environment';
export type {
  BlockSpec, CellSpec, DateSpec, FakeDocumentHandle, InlineSpec, PersonSpec, PlainBlock, PlainCell, PlainInline, PlainTab,
  RichLinkSpec,
} from './fakes/document/handle';
export { MESSAGES as DOCUMENT_MESSAGES } from './fakes/document/model';
export type { FakeTasksHandle, SeedTask, TaskListSnapshot } from './fakes/tasks/handle';
export { TASKS_QUOTA_MESSAGE, TASK_LIMITS } from './fakes/tasks/store';
export type { TaskSchema } from './fakes/tasks/store';
export type { FakeUiHandle, MenuRecord, MenuEntry, SidebarRecord } from './fakes/ui';
export type { FakePropertiesHandle, PropertyScope } from './fakes/properties';
export { PROPERTY_LIMITS, PROPERTY_MESSAGES } from './fakes/properties';
export type { FakeLockHandle, LockScope } from './fakes/lock';
export { LOCK_TIMEOUT_MESSAGE } from './fakes/lock';
export type { FakeCacheHandle } from './fakes/cache';
export { CACHE_LIMITS } from './fakes/cache';
export type { FakeTriggerHandle, TriggerRecord } from './fakes/script-app';
export { TRIGGER_MESSAGES } from './fakes/script-app';
export type { FakeLogHandle, LogEntry } from './fakes/session';
export { FakeClock } from './fakes/clock';
export * as GasEnums from './fakes/enums';
export {
  buildGoogleScriptRunClientScript, cloneForScriptRun, createGoogleScriptRun, createScriptRunServer,
} from './fakes/script-run/script-run';
export type { GoogleScriptClient, ScriptRunner, ScriptRunResult, ScriptRunServer } from './fakes/script-run/script-run';
export { formatJavaDate } from './fakes/utilities';
