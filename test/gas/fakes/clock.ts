/**
 * The fakes' only source of time. `Utilities.sleep`, lock waits and cache TTLs advance it, so tests stay
 * deterministic and instant.
 */
export const DEFAULT_START = '2025-06-02T01:30:00.000Z';

export class FakeClock {
  #offsetMs = 0;
  readonly #base: () => Date;

  constructor(base?: () => Date) {
    const start = Date.parse(DEFAULT_START);
    this.#base = base ?? ((): Date => new Date(start));
  }

  /** Milliseconds since the epoch, including every `advance`. */
  nowMs(): number {
    return this.#base().getTime() + this.#offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`FakeClock.advance: bad duration ${ms}`);
    this.#offsetMs += ms;
  }

  /** Moves the clock to an absolute instant (never backwards). */
  advanceTo(instant: Date | number): void {
    const target = typeof instant === 'number' ? instant : instant.getTime();
    const delta = target - this.nowMs();
    if (delta > 0) this.#offsetMs += delta;
  }
}
