/** Backoff for Open API calls and pacing of document edits (3 edits/s per document and per app). */
import type { Clock, Sleep } from '../core/sync/retry';
import { BackendError, type BackendErrorKind } from '../core/sync/backend';
import { FeishuApiError } from './client';

export interface BackoffOptions {
  sleep: Sleep;
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** Retries rate limits, 5xx and dropped answers with exponential backoff; other errors at once. */
export async function withBackoff<T>(run: () => Promise<T>, options: BackoffOptions): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 400;
  const max = options.maxDelayMs ?? 8000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof FeishuApiError) || !error.retryable || attempt >= attempts) throw error;
      await options.sleep(Math.max(Math.min(max, base * 2 ** (attempt - 1)), error.retryAfterMs ?? 0));
    }
  }
}

/** Spaces calls of one key (a document id, or 'app') to at most `perSecond` per second. */
export class KeyedPacer {
  private readonly nextAt = new Map<string, number>();

  constructor(
    private readonly perSecond: number,
    private readonly now: Clock,
    private readonly sleep: Sleep,
  ) {}

  async take(...keys: string[]): Promise<void> {
    const gap = 1000 / this.perSecond;
    for (;;) {
      const t = this.now();
      const wait = Math.max(0, ...keys.map((k) => (this.nextAt.get(k) ?? 0) - t));
      if (wait <= 0) break;
      await this.sleep(wait);
    }
    const t = this.now();
    for (const k of keys) this.nextAt.set(k, t + gap);
  }
}

/** Maps an Open API failure onto the sync core's error kinds. */
export function toBackendError(error: unknown): BackendError | unknown {
  if (!(error instanceof FeishuApiError)) return error;
  return new BackendError(backendKind(error), error.message, error.retryAfterMs);
}

export function backendKind(error: FeishuApiError): BackendErrorKind {
  if (error.rateLimited) return 'rate_limit';
  if (error.status === undefined && error.code === undefined) return 'timeout';
  if (error.code === 1470404 || error.code === 1770002 || error.status === 404) return 'not_found';
  if (error.code === 1470403 || error.code === 1770032 || error.code === 99991672 || error.code === 99991663 || error.status === 403) return 'permission';
  if (error.retryable) return 'transient';
  return 'invalid';
}
