/**
 * Apps Script returns a server function's value to google.script.run (and to menus and triggers) as soon as
 * the function returns: a Promise is not awaited. Every Apps Script service is synchronous, so the shared
 * (async) application layer can finish within the call if its awaits never wait for a real event loop.
 *
 * The build lowers async/await to generators (esbuild) and runs the bundle with `Promise` bound to
 * SyncPromise: callbacks of settled promises run at once, from one flat job queue (no recursion, so a sync
 * of hundreds of awaits does not grow the stack), and `runSync` reads the settled value.
 */
type Job = () => void;
type State<T> = { kind: 'pending' } | { kind: 'fulfilled'; value: T } | { kind: 'rejected'; reason: unknown };

const jobs: Job[] = [];
let head = 0;
let draining = false;

function schedule(job: Job): void {
  jobs.push(job);
  if (draining) return;
  draining = true;
  try {
    while (head < jobs.length) {
      const next = jobs[head++]!;
      next();
      if (head >= 4096) {
        jobs.splice(0, head);
        head = 0;
      }
    }
  } finally {
    jobs.length = 0;
    head = 0;
    draining = false;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

export class SyncPromise<T> implements PromiseLike<T> {
  private state: State<T> = { kind: 'pending' };
  private readonly waiting: Job[] = [];

  constructor(executor: (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void) {
    let done = false;
    const resolve = (value: T | PromiseLike<T>): void => {
      if (done) return;
      done = true;
      this.adopt(value);
    };
    const reject = (reason?: unknown): void => {
      if (done) return;
      done = true;
      this.settle({ kind: 'rejected', reason });
    };
    try {
      executor(resolve, reject);
    } catch (error) {
      reject(error);
    }
  }

  static resolve<U>(value: U | PromiseLike<U>): SyncPromise<U> {
    if (value instanceof SyncPromise) return value as SyncPromise<U>;
    return new SyncPromise<U>((resolve) => resolve(value));
  }

  static reject<U = never>(reason?: unknown): SyncPromise<U> {
    return new SyncPromise<U>((_resolve, reject) => reject(reason));
  }

  static all<U>(values: Iterable<U | PromiseLike<U>>): SyncPromise<U[]> {
    return new SyncPromise<U[]>((resolve, reject) => {
      const list = [...values];
      const out: U[] = new Array<U>(list.length);
      let left = list.length;
      if (left === 0) resolve(out);
      list.forEach((v, i) =>
        SyncPromise.resolve(v).then((x) => {
          out[i] = x;
          if (--left === 0) resolve(out);
        }, reject),
      );
    });
  }

  static allSettled<U>(values: Iterable<U | PromiseLike<U>>): SyncPromise<PromiseSettledResult<U>[]> {
    return SyncPromise.all(
      [...values].map((v) =>
        SyncPromise.resolve(v).then(
          (value): PromiseSettledResult<U> => ({ status: 'fulfilled', value }),
          (reason: unknown): PromiseSettledResult<U> => ({ status: 'rejected', reason }),
        ),
      ),
    );
  }

  static race<U>(values: Iterable<U | PromiseLike<U>>): SyncPromise<U> {
    return new SyncPromise<U>((resolve, reject) => {
      for (const v of values) SyncPromise.resolve(v).then(resolve, reject);
    });
  }

  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): SyncPromise<A | B> {
    return new SyncPromise<A | B>((resolve, reject) => {
      const run = (): void => {
        const s = this.state;
        try {
          if (s.kind === 'fulfilled') {
            if (onFulfilled) resolve(onFulfilled(s.value));
            else resolve(s.value as unknown as A);
          } else if (s.kind === 'rejected') {
            if (onRejected) resolve(onRejected(s.reason));
            else reject(s.reason);
          }
        } catch (error) {
          reject(error);
        }
      };
      if (this.state.kind === 'pending') this.waiting.push(run);
      else schedule(run);
    });
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): SyncPromise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): SyncPromise<T> {
    return this.then(
      (value) => {
        onFinally?.();
        return value;
      },
      (reason: unknown) => {
        onFinally?.();
        throw reason;
      },
    );
  }

  private adopt(value: T | PromiseLike<T>): void {
    if (value === this) {
      this.settle({ kind: 'rejected', reason: new TypeError('A promise cannot resolve to itself.') });
      return;
    }
    if (isThenable(value)) {
      let called = false;
      try {
        value.then(
          (v) => {
            if (!called) {
              called = true;
              this.adopt(v as T);
            }
          },
          (r: unknown) => {
            if (!called) {
              called = true;
              this.settle({ kind: 'rejected', reason: r });
            }
          },
        );
      } catch (error) {
        if (!called) this.settle({ kind: 'rejected', reason: error });
      }
      return;
    }
    this.settle({ kind: 'fulfilled', value: value as T });
  }

  private settle(state: State<T>): void {
    if (this.state.kind !== 'pending') return;
    this.state = state;
    for (const job of this.waiting.splice(0)) schedule(job);
  }
}

/** Thrown when a promise did not settle within the call (a real asynchronous wait crept in). */
export class NotSynchronousError extends Error {
  constructor() {
    super('An operation did not complete synchronously.');
    this.name = 'NotSynchronousError';
  }
}

/**
 * The value of a promise that settles synchronously (a SyncPromise over synchronous services), or its error
 * thrown. Works with any thenable: it only checks that the callbacks ran before `then` returned.
 */
export function runSync<T>(promise: PromiseLike<T> | T): T {
  if (!isThenable(promise)) return promise as T;
  let state: State<T> = { kind: 'pending' };
  promise.then(
    (value) => {
      state = { kind: 'fulfilled', value };
    },
    (reason: unknown) => {
      state = { kind: 'rejected', reason };
    },
  );
  const s = state as State<T>;
  if (s.kind === 'fulfilled') return s.value;
  if (s.kind === 'rejected') throw s.reason;
  throw new NotSynchronousError();
}
