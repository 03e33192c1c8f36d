/**
 * CacheService (§2.9): document / user / script caches, `null` on a miss, TTL default 600 s and max 21,600 s
 * measured on the fake clock, keys ≤ 250 chars, values ≤ 100 KB, at most 1,000 items (oldest evicted).
 */
import { CallCounter, counted } from './calls';
import type { Runtime } from './runtime';
import { fail } from './runtime';

export const CACHE_LIMITS = { keyChars: 250, valueBytes: 100 * 1024, items: 1000, defaultTtlSeconds: 600, maxTtlSeconds: 21_600 } as const;

export type CacheScope = 'document' | 'user' | 'script';

interface Entry {
  value: string;
  expiresAt: number;
}

export interface CacheState {
  stores: Map<string, Map<string, Entry>>;
  counter: CallCounter;
}

export interface FakeCacheHandle {
  /** Live (unexpired) entries of a cache; `owner` = user email / document id (default: current). */
  dump(scope: CacheScope, owner?: string): Record<string, string>;
  /** Drops everything, as the real cache may at any time. */
  evictAll(): void;
  calls(): Record<string, number>;
}

export function createCacheState(): CacheState {
  return { stores: new Map(), counter: new CallCounter() };
}

function storeFor(state: CacheState, key: string): Map<string, Entry> {
  let s = state.stores.get(key);
  if (!s) {
    s = new Map();
    state.stores.set(key, s);
  }
  return s;
}

function makeCache(rt: Runtime, state: CacheState, store: Map<string, Entry>): GoogleAppsScript.Cache.Cache {
  const live = (k: string): Entry | undefined => {
    const e = store.get(k);
    if (e && e.expiresAt <= rt.clock.nowMs()) {
      store.delete(k);
      return undefined;
    }
    return e;
  };
  const ttl = (seconds: unknown): number => {
    const s = seconds === undefined ? CACHE_LIMITS.defaultTtlSeconds : Number(seconds);
    if (!Number.isFinite(s) || s < 1 || s > CACHE_LIMITS.maxTtlSeconds) fail('Invalid argument: expirationInSeconds');
    return s;
  };
  const put = (key: unknown, value: unknown, seconds: number): void => {
    const k = String(key);
    const v = String(value);
    if (k.length > CACHE_LIMITS.keyChars) fail('Argument too large: key');
    if (Buffer.byteLength(v, 'utf8') > CACHE_LIMITS.valueBytes) fail('Argument too large: value');
    store.delete(k);
    store.set(k, { value: v, expiresAt: rt.clock.nowMs() + seconds * 1000 });
    while (store.size > CACHE_LIMITS.items) {
      const oldest = store.keys().next().value;
      if (oldest === undefined) break;
      store.delete(oldest);
    }
  };
  const cache = {
    get: (key: string): string | null => live(String(key))?.value ?? null,
    getAll(keys: string[]): Record<string, string> {
      const out: Record<string, string> = {};
      for (const k of keys) {
        const e = live(String(k));
        if (e) out[String(k)] = e.value;
      }
      return out;
    },
    put(key: string, value: string, expirationInSeconds?: number): void {
      put(key, value, ttl(expirationInSeconds));
    },
    putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
      const s = ttl(expirationInSeconds);
      for (const [k, v] of Object.entries(values ?? {})) put(k, v, s);
    },
    remove(key: string): void {
      store.delete(String(key));
    },
    removeAll(keys: string[]): void {
      for (const k of keys) store.delete(String(k));
    },
  };
  return counted(cache, 'Cache', state.counter, { translate: rt.translate });
}

export function createCacheService(rt: Runtime, state: CacheState, documentId: () => string | null): GoogleAppsScript.Cache.CacheService {
  const service = {
    /** null outside a containing document. */
    getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
      const id = rt.bound ? documentId() : null;
      return id === null ? null : makeCache(rt, state, storeFor(state, `document:${id}`));
    },
    getUserCache: (): GoogleAppsScript.Cache.Cache => makeCache(rt, state, storeFor(state, `user:${rt.user}`)),
    getScriptCache: (): GoogleAppsScript.Cache.Cache => makeCache(rt, state, storeFor(state, 'script')),
  };
  return counted(service, 'CacheService', state.counter, { translate: rt.translate });
}

export function createCacheHandle(rt: Runtime, state: CacheState, documentId: () => string | null): FakeCacheHandle {
  return {
    dump: (scope, owner) => {
      const key = scope === 'script' ? 'script' : scope === 'user' ? `user:${owner ?? rt.user}` : `document:${owner ?? documentId() ?? ''}`;
      const out: Record<string, string> = {};
      for (const [k, e] of state.stores.get(key) ?? []) if (e.expiresAt > rt.clock.nowMs()) out[k] = e.value;
      return out;
    },
    evictAll: () => state.stores.clear(),
    calls: () => state.counter.snapshot(),
  };
}
