/**
 * Session and logging. `getActiveUser().getEmail()` is '' unless the script runs with full authorization
 * ("not available in any context that allows a script to run without that user's authorization", §1.2).
 */
import { CallCounter, counted } from './calls';
import type { Runtime } from './runtime';

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

export interface LogState {
  entries: LogEntry[];
  counter: CallCounter;
  /** Also print to the Node console. */
  echo: boolean;
}

export interface FakeLogHandle {
  entries(): LogEntry[];
  messages(): string[];
  clear(): void;
}

export function createLogState(echo: boolean): LogState {
  return { entries: [], counter: new CallCounter(), echo };
}

export function createSession(rt: Runtime, counter: CallCounter): GoogleAppsScript.Base.Session {
  const email = (): string => (rt.authMode === 'FULL' ? rt.user : '');
  const user = (): GoogleAppsScript.Base.User => ({ getEmail: email, getUserLoginId: email });
  const session = {
    getActiveUser: user,
    getEffectiveUser: user,
    getActiveUserLocale: (): string => rt.locale,
    getScriptTimeZone: (): string => rt.timeZone,
    getTemporaryActiveUserKey: (): string => Buffer.from(`key:${rt.user}`).toString('base64url'),
    /** Deprecated aliases still in @types. */
    getTimeZone: (): string => rt.timeZone,
    getUser: user,
  };
  return counted(session, 'Session', counter, { translate: rt.translate });
}

function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error || (typeof value === 'object' && value !== null && 'message' in value && 'name' in value)) {
    const e = value as { name: unknown; message: unknown };
    return `${String(e.name)}: ${String(e.message)}`;
  }
  try {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}

/** printf-style %s/%d/%f substitution as Logger.log(format, ...values) and console.log do. */
export function formatLog(args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string' || rest.length === 0) return args.map(render).join(' ');
  let i = 0;
  const msg = first.replace(/%[sdifoOj%]/g, (m) => (m === '%%' ? '%' : i < rest.length ? render(rest[i++]) : m));
  return [msg, ...rest.slice(i).map(render)].join(' ');
}

export function createLogger(rt: Runtime, state: LogState): GoogleAppsScript.Base.Logger {
  const logger = {
    log(...args: unknown[]): GoogleAppsScript.Base.Logger {
      const message = formatLog(args);
      state.entries.push({ source: 'Logger', level: 'log', message });
      if (state.echo) console.log(`[Logger] ${message}`);
      return proxy;
    },
    getLog: (): string => state.entries.filter((e) => e.source === 'Logger').map((e) => e.message).join('\n'),
    clear(): void {
      for (let i = state.entries.length - 1; i >= 0; i--) if (state.entries[i]?.source === 'Logger') state.entries.splice(i, 1);
    },
  };
  const proxy = counted(logger as GoogleAppsScript.Base.Logger, 'Logger', state.counter, { translate: rt.translate });
  return proxy;
}

export function createConsole(rt: Runtime, state: LogState): Console {
  const timers = new Map<string, number>();
  const emit = (level: LogEntry['level']) => (...args: unknown[]): void => {
    const message = formatLog(args);
    state.entries.push({ source: 'console', level, message });
    if (state.echo) console[level](`[console.${level}] ${message}`);
  };
  const c = {
    log: emit('log'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    debug: emit('log'),
    time: (label: string): void => {
      timers.set(label, rt.clock.nowMs());
    },
    timeEnd: (label: string): void => {
      const start = timers.get(label);
      timers.delete(label);
      emit('log')(`${label}: ${start === undefined ? 0 : rt.clock.nowMs() - start}ms`);
    },
  };
  return c as unknown as Console;
}

export function createLogHandle(state: LogState): FakeLogHandle {
  return {
    entries: () => state.entries.map((e) => ({ ...e })),
    messages: () => state.entries.map((e) => e.message),
    clear: () => {
      state.entries.length = 0;
    },
  };
}
