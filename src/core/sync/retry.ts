/** Backoff, retries and pacing, with time injected (Apps Script passes Utilities.sleep, tests a fake clock). */
import type { BackendError, RateLimits } from './backend';
import { isBackendError, isRetryable } from './backend';

export type Sleep = (ms: number) => void | Promise<void>;
export type Clock = () => number;

export interface RetryPolicy {
  /** Calls per operation, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 20_000 };

export function resolveRetry(policy: Partial<RetryPolicy> | undefined): RetryPolicy {
  return { ...DEFAULT_RETRY, ...policy };
}

/** Exponential backoff after the n-th failed attempt (1-based); a server's retry-after wins if longer. */
export function backoffDelay(policy: RetryPolicy, attempt: number, error?: BackendError): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(exp, Math.min(policy.maxDelayMs, error?.retryAfterMs ?? 0));
}

/**
 * Calls `call` until it succeeds, retrying rate limits, transient errors and timeouts (only for
 * calls that are safe to repeat: reads, and writes that set values). Other errors are rethrown.
 */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy, sleep: Sleep): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isBackendError(error) || !isRetryable(error.kind) || attempt >= policy.maxAttempts) throw error;
      await sleep(backoffDelay(policy, attempt, error));
    }
  }
}

export type PaceKind = keyof RateLimits;

/** Waits, when needed, before `count` calls of a kind. */
export type Pace = (kind: PaceKind, count?: number) => Promise<void>;

/** Spaces calls so that each kind stays within its requests-per-second limit. */
export function createPacer(limits: RateLimits, now: Clock, sleep: Sleep): Pace {
  const nextAt = new Map<PaceKind, number>();
  return async (kind, count = 1) => {
    const rate = limits[kind];
    if (!rate || rate <= 0) return;
    const t = now();
    const at = nextAt.get(kind) ?? t;
    if (at > t) await sleep(at - t);
    nextAt.set(kind, Math.max(at, t) + (count * 1000) / rate);
  };
}

/** A read, paced and retried. */
export function pacedRead<T>(pace: Pace, call: () => Promise<T>, policy: RetryPolicy, sleep: Sleep): Promise<T> {
  return withRetry(
    async () => {
      await pace('read');
      return call();
    },
    policy,
    sleep,
  );
}
