/**
 * PropertiesService (§10.3): three independent stores (script / user keyed by the simulated user / document
 * keyed by the open document, null outside one), string coercion, copies, the documented 9 KB-per-value and
 * 500 KB-per-store limits, and an optional daily read/write quota.
 */
import { CallCounter, counted } from './calls';
import type { Runtime } from './runtime';
import { FakeServiceError, SCOPES, fail } from './runtime';

export const PROPERTY_LIMITS = {
  valueBytes: 9 * 1024,
  storeBytes: 500 * 1024,
  /** Consumer accounts; Workspace is 500,000. */
  dailyReadsWrites: 50_000,
} as const;

export const PROPERTY_MESSAGES = {
  valueTooLarge: 'Argument too large: value',
  storeFull: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  quota: 'Service invoked too many times for one day: properties.',
} as const;

export type PropertyScope = 'script' | 'user' | 'document';

export interface PropertiesState {
  script: Map<string, string>;
  user: Map<string, Map<string, string>>;
  document: Map<string, Map<string, string>>;
  counter: CallCounter;
  dailyLimit: number | null;
  used: number;
}

export interface FakePropertiesHandle {
  /** A copy of a store; `owner` is the user email / document id (default: current user / open document). */
  dump(scope: PropertyScope, owner?: string): Record<string, string>;
  seed(scope: PropertyScope, values: Record<string, string>, owner?: string): void;
  /** Bytes counted against the 500 KB limit (keys and values, UTF-8). */
  bytes(scope: PropertyScope, owner?: string): number;
  /** Reads + writes made today by the script. */
  readonly used: number;
  setDailyLimit(limit: number | null): void;
  calls(): Record<string, number>;
}

export function createPropertiesState(): PropertiesState {
  return { script: new Map(), user: new Map(), document: new Map(), counter: new CallCounter(), dailyLimit: PROPERTY_LIMITS.dailyReadsWrites, used: 0 };
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function storeBytes(m: ReadonlyMap<string, string>): number {
  let n = 0;
  for (const [k, v] of m) n += utf8(k) + utf8(v);
  return n;
}

function ownerMap(outer: Map<string, Map<string, string>>, owner: string): Map<string, string> {
  let m = outer.get(owner);
  if (!m) {
    m = new Map();
    outer.set(owner, m);
  }
  return m;
}

function resolveStore(state: PropertiesState, scope: PropertyScope, owner: string): Map<string, string> {
  if (scope === 'script') return state.script;
  return ownerMap(scope === 'user' ? state.user : state.document, owner);
}

/** Validates the would-be contents, then swaps them in: a failing write changes nothing. */
function commit(store: Map<string, string>, next: Map<string, string>): void {
  for (const v of next.values()) if (utf8(v) > PROPERTY_LIMITS.valueBytes) fail(PROPERTY_MESSAGES.valueTooLarge);
  if (storeBytes(next) > PROPERTY_LIMITS.storeBytes) fail(PROPERTY_MESSAGES.storeFull);
  store.clear();
  for (const [k, v] of next) store.set(k, v);
}

function makeProperties(rt: Runtime, state: PropertiesState, store: Map<string, string>, label: string): GoogleAppsScript.Properties.Properties {
  const tick = (): void => {
    state.used += 1;
    if (state.dailyLimit !== null && state.used > state.dailyLimit) throw new FakeServiceError(PROPERTY_MESSAGES.quota);
  };
  const props = {
    getProperty(key: string): string | null {
      tick();
      return store.get(String(key)) ?? null;
    },
    getProperties(): Record<string, string> {
      tick();
      return Object.fromEntries(store);
    },
    getKeys(): string[] {
      tick();
      return [...store.keys()];
    },
    setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
      tick();
      const next = new Map(store);
      next.set(String(key), String(value));
      commit(store, next);
      return proxy;
    },
    setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): GoogleAppsScript.Properties.Properties {
      tick();
      const next = deleteAllOthers ? new Map<string, string>() : new Map(store);
      for (const [k, v] of Object.entries(properties ?? {})) next.set(k, String(v));
      commit(store, next);
      return proxy;
    },
    deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
      tick();
      store.delete(String(key));
      return proxy;
    },
    deleteAllProperties(): GoogleAppsScript.Properties.Properties {
      tick();
      store.clear();
      return proxy;
    },
  };
  const proxy = counted(props as GoogleAppsScript.Properties.Properties, label, state.counter, { translate: rt.translate });
  return proxy;
}

export interface PropertiesDeps {
  rt: Runtime;
  state: PropertiesState;
  /** Id of the open document, or null when there is none. */
  documentId: () => string | null;
}

export function createPropertiesService({ rt, state, documentId }: PropertiesDeps): GoogleAppsScript.Properties.PropertiesService {
  const service = {
    getScriptProperties(): GoogleAppsScript.Properties.Properties {
      rt.requireAuth('LIMITED', 'PropertiesService.getScriptProperties', SCOPES.documents);
      return makeProperties(rt, state, state.script, 'ScriptProperties');
    },
    getUserProperties(): GoogleAppsScript.Properties.Properties {
      rt.requireAuth('LIMITED', 'PropertiesService.getUserProperties', SCOPES.documents);
      return makeProperties(rt, state, ownerMap(state.user, rt.user), 'UserProperties');
    },
    /** "When document properties are not available this method returns null." */
    getDocumentProperties(): GoogleAppsScript.Properties.Properties {
      rt.requireAuth('LIMITED', 'PropertiesService.getDocumentProperties', SCOPES.documents);
      const id = rt.bound ? documentId() : null;
      if (id === null) return null as unknown as GoogleAppsScript.Properties.Properties;
      return makeProperties(rt, state, ownerMap(state.document, id), 'DocumentProperties');
    },
  };
  return counted(service, 'PropertiesService', state.counter, { translate: rt.translate });
}

export function createPropertiesHandle(rt: Runtime, state: PropertiesState, documentId: () => string | null): FakePropertiesHandle {
  const owner = (scope: PropertyScope, o?: string): string => o ?? (scope === 'user' ? rt.user : (documentId() ?? ''));
  return {
    dump: (scope, o) => Object.fromEntries(resolveStore(state, scope, owner(scope, o))),
    seed: (scope, values, o) => {
      const store = resolveStore(state, scope, owner(scope, o));
      for (const [k, v] of Object.entries(values)) store.set(k, String(v));
    },
    bytes: (scope, o) => storeBytes(resolveStore(state, scope, owner(scope, o))),
    get used() {
      return state.used;
    },
    setDailyLimit: (limit) => {
      state.dailyLimit = limit;
    },
    calls: () => state.counter.snapshot(),
  };
}
