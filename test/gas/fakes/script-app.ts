/**
 * ScriptApp (§4.2, §10.4): the AuthMode and trigger enums, and installable triggers with the documented
 * limits: `everyMinutes` only 1/5/10/15/30, `everyHours` only 1/2/4/6/8/12, 20 triggers per user per script,
 * and in add-on mode no clock trigger more often than hourly and one clock trigger per user per document.
 */
import { CallCounter, counted } from './calls';
import type { EventTypeName, TriggerSourceName } from './enums';
import * as Enums from './enums';
import type { Runtime } from './runtime';
import { SCOPES, fail, notSupported } from './runtime';

export const TRIGGER_MESSAGES = {
  everyMinutes: 'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
  everyHours: 'The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.',
  tooMany: 'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  addOnRate: 'Add-ons can not create time-based triggers that run more often than once per hour.',
  addOnPerDocument: 'This add-on has created too many time-based triggers in this document for this Google user account.',
  noSchedule: 'Trigger schedule is missing: call everyMinutes, everyHours, everyDays, everyWeeks, at, after or atDate first.',
} as const;

const MINUTES = new Set([1, 5, 10, 15, 30]);
const HOURS = new Set([1, 2, 4, 6, 8, 12]);
const MAX_TRIGGERS_PER_USER = 20;

export interface TriggerRecord {
  uniqueId: string;
  handlerFunction: string;
  eventType: EventTypeName;
  triggerSource: TriggerSourceName;
  /** Document id for document triggers; for add-on clock triggers the document they were created in. */
  sourceId: string | null;
  documentId: string | null;
  owner: string;
  /** Period in minutes for recurring clock triggers, null otherwise. */
  everyMinutes: number | null;
  schedule: Record<string, unknown>;
}

export interface TriggerState {
  triggers: TriggerRecord[];
  counter: CallCounter;
  nextId: number;
}

export interface FakeTriggerHandle {
  /** All triggers of the project (every user), or those of one user. */
  list(user?: string): TriggerRecord[];
  calls(): Record<string, number>;
}

export function createTriggerState(): TriggerState {
  return { triggers: [], counter: new CallCounter(), nextId: 1000001 };
}

const RECORD = Symbol('trigger');

export interface ScriptAppDeps {
  rt: Runtime;
  state: TriggerState;
  documentId: () => string | null;
  /** Add-on rules apply (editor add-on); false models a bound script. */
  addOn: boolean;
  scriptId: string;
}

function makeTrigger(deps: ScriptAppDeps, rec: TriggerRecord): GoogleAppsScript.Script.Trigger {
  const t = {
    [RECORD]: rec,
    getUniqueId: (): string => rec.uniqueId,
    getHandlerFunction: (): string => rec.handlerFunction,
    getEventType: (): GoogleAppsScript.Script.EventType => Enums.asEnum(rec.eventType),
    getTriggerSource: (): GoogleAppsScript.Script.TriggerSource => Enums.asEnum(rec.triggerSource),
    getTriggerSourceId: (): string => rec.sourceId as string,
  };
  return counted(t, 'Trigger', deps.state.counter, { translate: deps.rt.translate });
}

function docIdOf(document: unknown): string {
  if (typeof document === 'string') return document;
  const getId = (document as { getId?: () => string } | null)?.getId;
  if (typeof getId !== 'function') fail('Invalid argument: document');
  return getId.call(document);
}

export function createScriptApp(deps: ScriptAppDeps): GoogleAppsScript.Script.ScriptApp {
  const { rt, state } = deps;
  const wrap = <T extends object>(o: T, label: string): T => counted(o, label, state.counter, { translate: rt.translate });
  const requireTriggers = (what: string): void => rt.requireAuth('FULL', what, SCOPES.scriptApp);

  const register = (rec: Omit<TriggerRecord, 'uniqueId' | 'owner'>): GoogleAppsScript.Script.Trigger => {
    const mine = state.triggers.filter((t) => t.owner === rt.user);
    if (mine.length >= MAX_TRIGGERS_PER_USER) fail(TRIGGER_MESSAGES.tooMany);
    if (deps.addOn && rec.eventType === 'CLOCK') {
      if (rec.everyMinutes !== null && rec.everyMinutes < 60) fail(TRIGGER_MESSAGES.addOnRate);
      // "One trigger of each type per user per document" for add-ons **[verify]**.
      if (mine.some((t) => t.eventType === 'CLOCK' && t.documentId === rec.documentId)) fail(TRIGGER_MESSAGES.addOnPerDocument);
    }
    const full: TriggerRecord = { ...rec, uniqueId: String(state.nextId++), owner: rt.user };
    state.triggers.push(full);
    return makeTrigger(deps, full);
  };

  const clockBuilder = (handler: string): GoogleAppsScript.Script.ClockTriggerBuilder => {
    const schedule: Record<string, unknown> = {};
    let everyMinutes: number | null = null;
    let recurring = false;
    const b = {
      everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
        if (!MINUTES.has(n)) fail(TRIGGER_MESSAGES.everyMinutes);
        everyMinutes = n;
        recurring = true;
        schedule.everyMinutes = n;
        return proxy;
      },
      everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
        if (!HOURS.has(n)) fail(TRIGGER_MESSAGES.everyHours);
        everyMinutes = n * 60;
        recurring = true;
        schedule.everyHours = n;
        return proxy;
      },
      everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
        if (!Number.isInteger(n) || n < 1) fail('Invalid argument: n');
        everyMinutes = n * 1440;
        recurring = true;
        schedule.everyDays = n;
        return proxy;
      },
      everyWeeks(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
        if (!Number.isInteger(n) || n < 1) fail('Invalid argument: n');
        everyMinutes = n * 10080;
        recurring = true;
        schedule.everyWeeks = n;
        return proxy;
      },
      atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
        if (!Number.isInteger(hour) || hour < 0 || hour > 23) fail('Invalid argument: hour');
        schedule.atHour = hour;
        return proxy;
      },
      nearMinute(minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
        if (!Number.isInteger(minute) || minute < 0 || minute > 59) fail('Invalid argument: minute');
        schedule.nearMinute = minute;
        return proxy;
      },
      onMonthDay(day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
        if (!Number.isInteger(day) || day < 1 || day > 31) fail('Invalid argument: day');
        schedule.onMonthDay = day;
        return proxy;
      },
      onWeekDay(day: GoogleAppsScript.Base.Weekday): GoogleAppsScript.Script.ClockTriggerBuilder {
        if (!(String(day) in Enums.Weekday)) fail('Invalid argument: day');
        schedule.onWeekDay = String(day);
        return proxy;
      },
      inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
        schedule.timezone = timezone;
        return proxy;
      },
      after(durationMilliseconds: number): GoogleAppsScript.Script.ClockTriggerBuilder {
        schedule.at = rt.clock.nowMs() + Number(durationMilliseconds);
        return proxy;
      },
      at(date: GoogleAppsScript.Base.Date): GoogleAppsScript.Script.ClockTriggerBuilder {
        schedule.at = date.getTime();
        return proxy;
      },
      atDate(year: number, month: number, day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
        schedule.atDate = [year, month, day];
        return proxy;
      },
      create(): GoogleAppsScript.Script.Trigger {
        requireTriggers('ScriptApp.newTrigger');
        if (!recurring && schedule.at === undefined && schedule.atDate === undefined) fail(TRIGGER_MESSAGES.noSchedule);
        const doc = deps.documentId();
        return register({
          handlerFunction: handler,
          eventType: 'CLOCK',
          triggerSource: 'CLOCK',
          sourceId: null,
          documentId: deps.addOn ? doc : null,
          everyMinutes,
          schedule: { ...schedule },
        });
      },
    };
    const proxy = wrap(b, 'ClockTriggerBuilder');
    return proxy;
  };

  const documentBuilder = (handler: string, docId: string): GoogleAppsScript.Script.DocumentTriggerBuilder => {
    let onOpen = false;
    const b = {
      onOpen(): GoogleAppsScript.Script.DocumentTriggerBuilder {
        onOpen = true;
        return proxy;
      },
      create(): GoogleAppsScript.Script.Trigger {
        requireTriggers('ScriptApp.newTrigger');
        if (!onOpen) fail('Trigger event is missing: call onOpen() first.');
        return register({
          handlerFunction: handler,
          eventType: 'ON_OPEN',
          triggerSource: 'DOCUMENTS',
          sourceId: docId,
          documentId: docId,
          everyMinutes: null,
          schedule: {},
        });
      },
    };
    const proxy = wrap(b, 'DocumentTriggerBuilder');
    return proxy;
  };

  const recordOf = (t: unknown): TriggerRecord => {
    const rec = (t as { [RECORD]?: TriggerRecord } | null)?.[RECORD];
    if (!rec) fail('Invalid argument: trigger');
    return rec;
  };

  const app = {
    AuthMode: Enums.AuthMode,
    AuthorizationStatus: Enums.AuthorizationStatus,
    EventType: Enums.EventType,
    InstallationSource: Enums.InstallationSource,
    TriggerSource: Enums.TriggerSource,
    WeekDay: Enums.Weekday,
    newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
      if (typeof functionName !== 'string' || functionName === '') fail('Invalid argument: functionName');
      const tb = {
        timeBased: (): GoogleAppsScript.Script.ClockTriggerBuilder => clockBuilder(functionName),
        forDocument: (document: unknown): GoogleAppsScript.Script.DocumentTriggerBuilder => documentBuilder(functionName, docIdOf(document)),
        forSpreadsheet: (): never => notSupported('TriggerBuilder.forSpreadsheet'),
        forForm: (): never => notSupported('TriggerBuilder.forForm'),
        forUserCalendar: (): never => notSupported('TriggerBuilder.forUserCalendar'),
      };
      return wrap(tb as unknown as GoogleAppsScript.Script.TriggerBuilder, 'TriggerBuilder');
    },
    getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
      requireTriggers('ScriptApp.getProjectTriggers');
      return state.triggers.filter((t) => t.owner === rt.user).map((t) => makeTrigger(deps, t));
    },
    getUserTriggers(document: unknown): GoogleAppsScript.Script.Trigger[] {
      requireTriggers('ScriptApp.getUserTriggers');
      const id = docIdOf(document);
      return state.triggers.filter((t) => t.owner === rt.user && t.documentId === id).map((t) => makeTrigger(deps, t));
    },
    deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
      requireTriggers('ScriptApp.deleteTrigger');
      const rec = recordOf(trigger);
      const i = state.triggers.findIndex((t) => t.uniqueId === rec.uniqueId && t.owner === rt.user);
      if (i < 0) fail('No trigger with that id belongs to the current user.');
      state.triggers.splice(i, 1);
    },
    getScriptId: (): string => deps.scriptId,
    getOAuthToken: (): string => `fake-oauth-token-for-${rt.user || 'anonymous'}`,
    getIdentityToken: (): string => '',
    getInstallationSource: (): GoogleAppsScript.Script.InstallationSource => Enums.asEnum(deps.addOn ? 'WEB_STORE_ADD_ON' : 'NONE'),
    getAuthorizationInfo: (_authMode: GoogleAppsScript.Script.AuthMode): GoogleAppsScript.Script.AuthorizationInfo => ({
      getAuthorizationStatus: (): GoogleAppsScript.Script.AuthorizationStatus => Enums.asEnum(rt.authMode === 'FULL' ? 'NOT_REQUIRED' : 'REQUIRED'),
      getAuthorizationUrl: (): string => (rt.authMode === 'FULL' ? '' : `https://script.google.com/macros/d/${deps.scriptId}/authorize`),
    }),
    getService: (): GoogleAppsScript.Script.Service => ({ getUrl: () => '', isEnabled: () => false, disable: () => undefined }),
    invalidateAuth: (): void => undefined,
    requireAllScopes: (_authMode: GoogleAppsScript.Script.AuthMode): void => undefined,
    requireScopes: (_authMode: GoogleAppsScript.Script.AuthMode, _scopes: string[]): void => undefined,
    newStateToken: (): GoogleAppsScript.Script.StateTokenBuilder => notSupported('ScriptApp.newStateToken'),
  };
  return wrap(app as unknown as GoogleAppsScript.Script.ScriptApp, 'ScriptApp');
}

export function createTriggerHandle(state: TriggerState): FakeTriggerHandle {
  return {
    list: (user) => state.triggers.filter((t) => user === undefined || t.owner === user).map((t) => ({ ...t, schedule: { ...t.schedule } })),
    calls: () => state.counter.snapshot(),
  };
}
