/**
 * Sync on save: edit pings are debounced per document (a quiet period, capped by a maximum wait), and
 * work on one document is serialized so two syncs never overlap.
 */

export interface SchedulerOptions {
  quietMs: number;
  maxWaitMs: number;
  run: (docId: string) => Promise<void>;
  onError?: (docId: string, error: unknown) => void;
}

export class DocumentScheduler {
  private readonly timers = new Map<string, { timer: ReturnType<typeof setTimeout>; first: number }>();
  private readonly chains = new Map<string, Promise<unknown>>();
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {}

  /** Something changed: (re)start the document's quiet period. */
  touch(docId: string, quietMs = this.options.quietMs): void {
    if (this.stopped) return;
    const now = Date.now();
    const pending = this.timers.get(docId);
    const first = pending?.first ?? now;
    if (pending) clearTimeout(pending.timer);
    const delay = Math.max(0, Math.min(quietMs, first + this.options.maxWaitMs - now));
    const timer = setTimeout(() => {
      this.timers.delete(docId);
      void this.serialize(docId, () => this.options.run(docId)).catch((error: unknown) => this.options.onError?.(docId, error));
    }, delay);
    this.timers.set(docId, { timer, first });
  }

  /** Runs work on a document after any work already queued on it. */
  serialize<T>(docId: string, work: () => Promise<T>): Promise<T> {
    const before = this.chains.get(docId) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(work);
    const tail = next.catch(() => undefined);
    this.chains.set(docId, tail);
    void tail.then(() => {
      if (this.chains.get(docId) === tail) this.chains.delete(docId);
    });
    return next;
  }

  pending(docId: string): boolean {
    return this.timers.has(docId);
  }

  /** Cancels pending timers and waits for running work. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.chains.values()]);
  }
}
