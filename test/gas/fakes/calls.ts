/**
 * Per-method call counters. Every service object the fakes hand out is wrapped in a counting proxy, so a test
 * (or the bench) can report how many DocumentApp calls an extraction makes.
 */
export class CallCounter {
  readonly #counts = new Map<string, number>();
  #paused = 0;

  count(key: string): void {
    if (this.#paused > 0) return;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  /** Runs `fn` without counting: seeding and read-back by the test are not product calls. */
  paused<T>(fn: () => T): T {
    this.#paused += 1;
    try {
      return fn();
    } finally {
      this.#paused -= 1;
    }
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.#counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(prefix?: string): number {
    let sum = 0;
    for (const [k, v] of this.#counts) if (prefix === undefined || k.startsWith(prefix)) sum += v;
    return sum;
  }

  reset(): void {
    this.#counts.clear();
  }
}

export interface CountHooks {
  /** Runs before each counted call, e.g. to refuse calls on a closed document. */
  before?: (method: string) => void;
  /** Maps an internal error to what the script should see (a realm Exception). */
  translate?: (error: unknown) => unknown;
}

/**
 * Wraps `target` so that every call of a public method is counted as `label.method` and runs with `this`
 * bound to the raw target (internal calls are therefore not counted).
 */
export function counted<T extends object>(target: T, label: string, counter: CallCounter, hooks: CountHooks = {}): T {
  return new Proxy(target, {
    get(obj, prop, receiver): unknown {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
      const fn = value as (...a: unknown[]) => unknown;
      return function countedMethod(...args: unknown[]): unknown {
        counter.count(`${label}.${prop}`);
        try {
          hooks.before?.(prop);
          return fn.apply(obj, args);
        } catch (e) {
          throw hooks.translate ? hooks.translate(e) : e;
        }
      };
    },
  });
}
