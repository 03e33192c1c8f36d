/**
 * Property: whatever happens to the minutes and the tasks between syncs — edits, reorders,
 * insertions, duplications, deletions and re-additions of rows, completions and reopens in the task
 * app — and whatever fails during a sync — rate limits, 5xx, timeouts after the write, crashes at
 * any step — there is never a duplicate task, never a lost item, and a failure-free run converges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmptyPlan } from '../../../src/core/sync/planner';
import type { Flavor } from './world';
import { World, command } from './world';

const scenario = fc.record({
  anchored: fc.boolean(),
  flavor: fc.constantFrom<Flavor>('google', 'feishu', 'batched'),
  size: fc.integer({ min: 1, max: 6 }),
  commands: fc.array(command, { minLength: 1, maxLength: 40, size: 'medium' }),
});

describe('sync property: no duplicates, no lost items, convergence', () => {
  it('holds for random edits, reorders, duplications, deletions, remote changes, failures and crashes', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ anchored, flavor, size, commands }) => {
        const w = new World(anchored, flavor, size);
        for (const c of commands) await w.run(c);
        // Two failure-free runs: the first converges, the second must have nothing left to do.
        await w.run({ t: 'sync', faults: [], commitEvery: 10 });
        const last = await w.h.sync();
        expect(isEmptyPlan(last.plan), 'a converged document syncs to an empty plan').toBe(true);
        expect(last.report.remoteWrites).toBe(0);
        w.checkConverged();
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
