/**
 * LockService (§10.4): document / script / user locks shared between simulated executions. A test holds a lock
 * "from another execution" with `locks.hold(…)`; waiting advances the fake clock instead of sleeping, and every
 * lock of an execution is released when it ends (`env.newExecution()`).
 */
import { CallCounter, counted } from './calls';
import type { Runtime } from './runtime';
import { FakeServiceError } from './runtime';

export type LockScope = 'document' | 'script' | 'user';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

interface Holder {
  /** Execution id, or a label for a simulated other execution. */
  by: number | string;
  /** Clock time at which another execution lets go (null = until released by the test). */
  releaseAt: number | null;
}

export interface LockState {
  holders: Map<string, Holder>;
  counter: CallCounter;
  others: number;
}

export interface HeldLock {
  release(): void;
}

export interface FakeLockHandle {
  /**
   * Holds a lock as another execution would. `releaseAfterMs` lets it go at that clock time, so a `tryLock`
   * with a long enough timeout succeeds (after advancing the clock) and a shorter one fails.
   */
  hold(scope: LockScope, opts?: { releaseAfterMs?: number; user?: string; documentId?: string }): HeldLock;
  /** Who holds the lock: 'me' (current execution), 'other', or null. */
  holder(scope: LockScope, opts?: { user?: string; documentId?: string }): 'me' | 'other' | null;
  calls(): Record<string, number>;
}

export function createLockState(rt: Runtime): LockState {
  const state: LockState = { holders: new Map(), counter: new CallCounter(), others: 0 };
  // "Locks are released when the script completes."
  rt.onExecutionEnd((previous) => {
    for (const [k, h] of state.holders) if (h.by === previous) state.holders.delete(k);
  });
  return state;
}

function keyOf(scope: LockScope, user: string, documentId: string | null): string {
  return scope === 'script' ? 'script' : scope === 'user' ? `user:${user}` : `document:${documentId ?? ''}`;
}

function makeLock(rt: Runtime, state: LockState, key: string): GoogleAppsScript.Lock.Lock {
  let acquired = false;
  const mine = (): boolean => state.holders.get(key)?.by === rt.executionId;

  /** Acquires within `timeout` ms of fake time; returns false (after the wait) if impossible. */
  const acquire = (timeout: number): boolean => {
    const h = state.holders.get(key);
    if (h && h.by !== rt.executionId) {
      const now = rt.clock.nowMs();
      if (h.releaseAt !== null && h.releaseAt <= now + Math.max(0, timeout)) {
        rt.clock.advanceTo(h.releaseAt);
        state.holders.delete(key);
      } else {
        rt.clock.advance(Math.max(0, timeout));
        return false;
      }
    }
    state.holders.set(key, { by: rt.executionId, releaseAt: null });
    acquired = true;
    return true;
  };

  const lock = {
    tryLock(timeoutInMillis: number): boolean {
      return acquire(Number(timeoutInMillis));
    },
    waitLock(timeoutInMillis: number): void {
      if (!acquire(Number(timeoutInMillis))) throw new FakeServiceError(LOCK_TIMEOUT_MESSAGE);
    },
    hasLock(): boolean {
      return acquired && mine();
    },
    releaseLock(): void {
      if (mine()) state.holders.delete(key);
      acquired = false;
    },
  };
  return counted(lock, 'Lock', state.counter, { translate: rt.translate });
}

export function createLockService(rt: Runtime, state: LockState, documentId: () => string | null): GoogleAppsScript.Lock.LockService {
  const service = {
    /** "If this method is called outside of the context of a containing document … null is returned." */
    getDocumentLock(): GoogleAppsScript.Lock.Lock {
      const id = rt.bound ? documentId() : null;
      if (id === null) return null as unknown as GoogleAppsScript.Lock.Lock;
      return makeLock(rt, state, keyOf('document', rt.user, id));
    },
    getScriptLock: (): GoogleAppsScript.Lock.Lock => makeLock(rt, state, 'script'),
    getUserLock: (): GoogleAppsScript.Lock.Lock => makeLock(rt, state, keyOf('user', rt.user, null)),
  };
  return counted(service, 'LockService', state.counter, { translate: rt.translate });
}

export function createLockHandle(rt: Runtime, state: LockState, documentId: () => string | null): FakeLockHandle {
  const key = (scope: LockScope, opts?: { user?: string; documentId?: string }): string =>
    keyOf(scope, opts?.user ?? rt.user, opts?.documentId ?? documentId());
  return {
    hold: (scope, opts) => {
      const k = key(scope, opts);
      const current = state.holders.get(k);
      if (current) throw new Error(`lock ${k} is already held by ${String(current.by)}`);
      state.others += 1;
      const by = `other:${state.others}`;
      state.holders.set(k, { by, releaseAt: opts?.releaseAfterMs === undefined ? null : rt.clock.nowMs() + opts.releaseAfterMs });
      return {
        release: () => {
          if (state.holders.get(k)?.by === by) state.holders.delete(k);
        },
      };
    },
    holder: (scope, opts) => {
      const h = state.holders.get(key(scope, opts));
      if (!h) return null;
      if (h.releaseAt !== null && h.releaseAt <= rt.clock.nowMs()) return null;
      return h.by === rt.executionId ? 'me' : 'other';
    },
    calls: () => state.counter.snapshot(),
  };
}
