/**
 * Injected failures for the in-memory backend and store. Every backend call and store commit is a
 * numbered fault point; a schedule says which points fail and how.
 */

/**
 * rate_limit / server_error / timeout_before: the call fails and nothing happened.
 * refuse: the platform rejects the call for good (HTTP 400 / invalid parameters).
 * timeout_after: the call took effect but the caller hears a timeout.
 * crash_before / crash_after: the process dies before / after the call took effect.
 */
export type FaultKind = 'rate_limit' | 'server_error' | 'refuse' | 'timeout_before' | 'timeout_after' | 'crash_before' | 'crash_after';

/** 'document' is the adapter's write-back, for tests that wire one to the same injector. */
export type FaultPoint = 'list' | 'get' | 'lookup' | 'create' | 'update' | 'complete' | 'reopen' | 'commit' | 'document';

/** The simulated death of the process: not a BackendError, so nothing catches it. */
export class SimulatedCrash extends Error {
  constructor(point: FaultPoint, step: number) {
    super(`simulated crash at step ${step} (${point})`);
    this.name = 'SimulatedCrash';
  }
}

export type FaultSchedule = ReadonlyMap<number, FaultKind> | ((step: number, point: FaultPoint) => FaultKind | undefined);

export class FaultInjector {
  private count = 0;
  readonly log: { step: number; point: FaultPoint; fault: FaultKind | undefined }[] = [];

  constructor(private schedule: FaultSchedule = new Map()) {}

  /** Replaces the schedule and restarts the step count (e.g. before each sync of a test). */
  reset(schedule: FaultSchedule = new Map()): void {
    this.schedule = schedule;
    this.count = 0;
    this.log.length = 0;
  }

  /** Numbers this fault point and returns its fault, if any. */
  next(point: FaultPoint): FaultKind | undefined {
    const step = this.count++;
    const fault = typeof this.schedule === 'function' ? this.schedule(step, point) : this.schedule.get(step);
    this.log.push({ step, point, fault });
    return fault;
  }

  get steps(): number {
    return this.count;
  }
}
