/**
 * The mechanism that lets the async application layer finish inside one Apps Script call: async/await lowered
 * by esbuild and driven by SyncPromise.
 */
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { NotSynchronousError, SyncPromise, runSync } from '../../src/google/sync-promise';

/** Lowers `source` (which defines `main`) as the Apps Script build does; runs main() with `Promise` = SyncPromise. */
function lowered<T>(source: string): T {
  const { code } = transformSync(source, { loader: 'ts', target: 'es2020', supported: { 'async-await': false } });
  return new Function('Promise', `${code}\nreturn main();`)(SyncPromise) as T;
}

describe('SyncPromise', () => {
  it('runs lowered async functions to completion before runSync returns', () => {
    const result = lowered<PromiseLike<number>>(`
      const double = async (n: number) => n * 2;
      async function main() { let sum = 0; for (let i = 0; i < 5; i++) sum += await double(i); return sum; }`);
    expect(runSync(result)).toBe(20);
  });

  it('survives twenty thousand sequential awaits without growing the stack', () => {
    const result = lowered<PromiseLike<number>>(`
      const one = async () => 1;
      async function main() { let n = 0; for (let i = 0; i < 20000; i++) n += await one(); return n; }`);
    expect(runSync(result)).toBe(20000);
  });

  it('propagates errors thrown after an await, through try/catch/finally', () => {
    const result = lowered<{ failing: PromiseLike<never>; caught: PromiseLike<string> }>(`
      const boom = async () => { await null; throw new Error('boom'); };
      const events: string[] = [];
      async function caught() { try { await boom(); return 'no'; } catch (e) { return 'caught ' + (e as Error).message; } finally { events.push('finally'); } }
      function main() { return { failing: boom(), caught: caught() }; }`);
    expect(() => runSync(result.failing)).toThrow('boom');
    expect(runSync(result.caught)).toBe('caught boom');
  });

  it('runs callbacks in registration order and supports all/allSettled/race', () => {
    const order: number[] = [];
    const p = SyncPromise.resolve(1);
    p.then(() => order.push(1));
    p.then(() => order.push(2));
    expect(order).toEqual([1, 2]);
    expect(runSync(SyncPromise.all([1, SyncPromise.resolve(2), 3]))).toEqual([1, 2, 3]);
    expect(runSync(SyncPromise.allSettled([SyncPromise.reject(new Error('x')), 1])).map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(runSync(SyncPromise.race([SyncPromise.resolve('a'), 'b']))).toBe('a');
  });

  it('settles a promise resolved later, and adopts thenables', () => {
    let resolve!: (v: string) => void;
    const p = new SyncPromise<string>((r) => (resolve = r));
    const chained = p.then((v) => SyncPromise.resolve(`${v}!`));
    expect(() => runSync(chained)).toThrow(NotSynchronousError);
    resolve('done');
    expect(runSync(chained)).toBe('done!');
  });

  it('refuses a promise that would need a real event loop', () => {
    expect(() => runSync(new Promise((r) => setTimeout(r, 1)))).toThrow(NotSynchronousError);
    expect(runSync(42)).toBe(42);
  });
});
