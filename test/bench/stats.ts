// Small timing helpers for the benchmark.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Run `fn` untimed at least `warmup` times and for at least `warmupMs` (so V8 has optimised the code before
 * the clock starts: a fixed count is too little for inputs that take milliseconds), then `runs` times;
 * returns the median milliseconds and the last result.
 */
export function timeMedian<T>(fn: () => T, runs: number, warmup: number, warmupMs = 0): { ms: number; result: T } {
  const warmupStart = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmupStart < warmupMs; i++) fn();
  const times: number[] = [];
  let result = undefined as T;
  for (let i = 0; i < Math.max(1, runs); i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

/**
 * Several functions timed in alternation: each is warmed up for `warmupMs` (in turn), then every round runs
 * each once, the order rotating from round to round. Returns each one's median milliseconds and last result.
 * Run side by side, the figures share whatever the machine does meanwhile (other load, clock changes, the
 * garbage left by the other side), so their ratio holds from run to run where separate timings drift apart.
 */
export function timeInterleaved(fns: readonly (() => unknown)[], rounds: number, warmupMs: number): { ms: number[]; results: unknown[] } {
  const results = fns.map((fn) => {
    const start = performance.now();
    let result = fn();
    while (performance.now() - start < warmupMs) result = fn();
    return result;
  });
  const times: number[][] = fns.map(() => []);
  for (let round = 0; round < Math.max(1, rounds); round++) {
    for (let k = 0; k < fns.length; k++) {
      const i = (round + k) % fns.length;
      const start = performance.now();
      results[i] = fns[i]!();
      times[i]!.push(performance.now() - start);
    }
  }
  return { ms: times.map(median), results };
}

export function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/** A figure, its target and whether it meets it, on one line. */
export function targetLine(label: string, value: string, target: string, ok: boolean | null): string {
  const mark = ok === null ? '–' : ok ? '✓' : '✗';
  return `  ${label.padEnd(34)} ${value.padStart(12)}   target ${target.padEnd(10)} ${mark}`;
}
