import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../../../src/core/sync/memory/faults';
import { SimulatedCrash } from '../../../src/core/sync/memory/faults';
import { syncKeyOf } from '../../../src/core/sync/keys';
import type { HarnessOptions } from './helpers';
import { DOC, Doc, GOOGLE_CAPS, Harness, anchored, anchorless, row } from './helpers';

const TITLES = ['输出需求文档', '评估开发周期', '准备活动素材', '确认预算', '联系供应商'];

/** Every live task belongs to exactly one record, and every open row links to its own live task. */
function expectConsistent(h: Harness): void {
  const live = h.backend.liveTasks();
  const records = h.records();
  const byTask = new Map<string, number>();
  for (const r of records) if (r.taskId) byTask.set(r.taskId, (byTask.get(r.taskId) ?? 0) + 1);
  for (const t of live) expect(byTask.get(t.id), `task ${t.title} has exactly one record`).toBe(1);
  const links = h.doc.rows.filter((r) => r.status === 'open').map((r) => r.link);
  expect(links.every((l) => l !== null)).toBe(true);
  expect(new Set(links).size).toBe(links.length);
  for (const l of links) expect(h.backend.taskByUrl(l as string)).toBeDefined();
}

async function syncExpectingCrash(h: Harness): Promise<boolean> {
  try {
    await h.sync();
    return false;
  } catch (error) {
    if (error instanceof SimulatedCrash) return true;
    throw error;
  }
}

describe('executor: retries and backoff', () => {
  it('retries rate limits and 5xx with growing pauses, then succeeds', async () => {
    const h = new Harness(anchored(TITLES.slice(0, 2)));
    // Fault points: no records yet, so no reads; 0 = the intents' commit, 1.. = the creates.
    h.faults.reset(new Map<number, FaultKind>([[1, 'rate_limit'], [2, 'server_error'], [3, 'server_error']]));
    const o = await h.sync();
    expect(o.report.counts.created).toBe(2);
    expect(h.backend.liveTasks()).toHaveLength(2);
    // The rate limit's retry-after (1000 ms) beats the 100 ms base; the next pause doubles the base.
    expect(h.clock.slept.slice(0, 2)).toEqual([1000, 200]);
    // A create that failed with a 5xx may have happened: it is looked up before it is sent again.
    const points = h.faults.log.map((l) => `${l.point}${l.fault ? `:${l.fault}` : ''}`);
    expect(points.slice(0, 5)).toEqual(['commit', 'create:rate_limit', 'create:server_error', 'lookup:server_error', 'lookup']);
  });

  it('gives up after maxAttempts, defers the rest, and the next sync finishes the job', async () => {
    const h = new Harness(anchored(TITLES));
    h.faults.reset((step, point) => (point === 'create' && step >= 3 ? 'server_error' : undefined));
    const o = await h.sync();
    expect(o.report.counts.created).toBe(2);
    expect(o.report.counts.deferred).toBe(3);
    expect(o.report.warnings.some((w) => w.code === 'deferred')).toBe(true);
    h.faults.reset();
    const next = await h.sync();
    expect(next.report.counts.created).toBe(3);
    expect(h.backend.liveTasks()).toHaveLength(5);
    expectConsistent(h);
  });

  it('paces writes to the declared rate limit', async () => {
    const h = new Harness(anchored(TITLES), { backend: { capabilities: { clientToken: true, assignees: true, dueTime: true, rateLimits: { create: 2 } } } });
    const start = h.clock.now() + 1000; // the sync advances the clock by 1 s first
    await h.sync();
    expect(h.clock.now() - start).toBeGreaterThanOrEqual(4 * 500);
  });

  it('stops sending writes when the time budget is spent', async () => {
    const h = new Harness(anchored(TITLES), { commitEvery: 1, backend: { capabilities: { rateLimits: { create: 1 } } } });
    const o = await h.sync({ budgetMs: 2500 });
    expect(o.report.counts.created).toBeGreaterThan(0);
    expect(o.report.counts.deferred).toBeGreaterThan(0);
    const next = await h.sync();
    expect(next.report.counts.created + o.report.counts.created).toBe(5);
    expectConsistent(h);
  });

  it('reports a refused write and carries on with the others', async () => {
    const h = new Harness(new Doc([row('被拒绝的事项', { anchor: 'bad' }), row('正常事项', { anchor: 'ok' })]));
    h.faults.reset(new Map<number, FaultKind>([[1, 'refuse']]));
    const o = await h.sync();
    expect(o.report.counts.failed).toBe(1);
    expect(o.report.counts.created).toBe(1);
    expect(o.report.warnings.some((w) => w.code === 'write_failed')).toBe(true);
    // A create that surely failed leaves no pending record behind.
    expect(h.records().filter((r) => r.state === 'pending')).toHaveLength(0);
  });

  it('detaches an item whose task was deleted between the read and the write', async () => {
    const h = new Harness(anchored(['输出需求文档']));
    await h.sync();
    const id = h.taskOf('输出需求文档')?.id as string;
    h.doc.rows[0]!.title = '输出最终需求文档';
    // Delete the task right after the remote state was read (fault point 0 = list).
    h.faults.reset((step) => {
      if (step === 1) h.backend.userDelete(id);
      return undefined;
    });
    const o = await h.sync();
    expect(o.report.counts.detached).toBe(1);
    expect(h.records()[0]?.state).toBe('detached');
    expect(h.doc.rows[0]!.link).toBeNull();
  });
});

describe('executor: batching', () => {
  it('sends writes in batches where the backend can', async () => {
    const h = new Harness(anchored(TITLES), { backend: { capabilities: { maxBatch: 2 } } });
    const o = await h.sync();
    expect(o.report.counts.created).toBe(5);
    expect(o.report.remoteWrites).toBe(5);
    // One store commit for the 5 intents and one for the results (chunk of 10 ≥ 5).
    expect(h.store.commits).toBe(2 + 0);
  });

  it('retries the failed writes of a batch one by one', async () => {
    const h = new Harness(anchored(TITLES), { backend: { capabilities: { maxBatch: 5 } } });
    h.faults.reset(new Map<number, FaultKind>([[2, 'rate_limit'], [4, 'timeout_after']]));
    const o = await h.sync();
    expect(o.report.counts.created).toBe(5);
    expect(h.backend.liveTasks()).toHaveLength(5);
    expectConsistent(h);
  });
});

describe('executor: crash safety (no duplicate after a crash at any step)', () => {
  const configs: [string, HarnessOptions][] = [
    ['Google-like: sync key lookup, no client token', { backend: { capabilities: GOOGLE_CAPS } }],
    ['Feishu-like: client token and lookup via extra', { backend: { syncKeyIn: 'extra' } }],
    ['client token only, no lookup (retry within the token window)', { backend: { lookup: false } }],
    ['batched writes, one commit per step', { commitEvery: 1, backend: { capabilities: { ...GOOGLE_CAPS, maxBatch: 3 } } }],
  ];
  for (const [name, options] of configs) {
    for (const kind of ['crash_before', 'crash_after', 'timeout_after'] as const) {
      it(`${name}: ${kind} at every fault point`, async () => {
        for (let at = 0; ; at++) {
          const h = new Harness(anchored(TITLES), options);
          await h.sync();
          // Edit, complete, remove and add, so every kind of step is exercised.
          h.doc.rows[0]!.title = '输出最终需求文档';
          h.doc.rows[1]!.status = 'done';
          h.doc.rows.splice(2, 1);
          h.doc.rows.push(row('新增事项一', { anchor: 'n1' }), row('新增事项二', { anchor: 'n2' }));
          h.backend.userComplete(h.taskOf('确认预算')?.id as string);
          h.faults.reset(new Map([[at, kind]]));
          const crashed = await syncExpectingCrash(h);
          const steps = h.faults.steps;
          h.faults.reset();
          await h.sync();
          await h.sync();
          expectConsistent(h);
          expect(h.backend.liveTasks()).toHaveLength(7);
          expect(h.doc.find('确认预算').status).toBe('done');
          expect(h.taskOf('评估开发周期')?.status).toBe('done');
          expect(h.taskOf('输出最终需求文档')).toBeDefined();
          if (!crashed && at >= steps) break;
        }
      });
    }
  }

  it('a crash right after the create is recovered by lookup, reported as recovered', async () => {
    const h = new Harness(anchored(['输出需求文档']), { backend: { capabilities: GOOGLE_CAPS } });
    h.faults.reset((step, point) => (point === 'create' ? 'crash_after' : undefined));
    await syncExpectingCrash(h);
    expect(h.backend.liveTasks()).toHaveLength(1);
    expect(h.records()[0]?.state).toBe('pending');
    h.faults.reset();
    const o = await h.sync();
    expect(o.report.counts.recovered).toBe(1);
    expect(o.report.counts.created).toBe(0);
    expect(h.backend.liveTasks()).toHaveLength(1);
    expect(h.doc.rows[0]!.link).toBe(h.backend.liveTasks()[0]?.url);
    expect(h.backend.syncKeyOf(h.backend.liveTasks()[0]!)).toBe(syncKeyOf(DOC, h.records()[0]!.key));
  });

  it('a timeout after the create succeeded is resolved in the same run without a duplicate', async () => {
    const h = new Harness(anchored(['输出需求文档']), { backend: { capabilities: GOOGLE_CAPS } });
    h.faults.reset((step, point) => (point === 'create' ? 'timeout_after' : undefined));
    const o = await h.sync();
    expect(h.backend.liveTasks()).toHaveLength(1);
    expect(o.report.counts.created).toBe(1);
    expect(h.records()[0]?.state).toBe('linked');
  });

  it('without lookup, an expired client token cannot prevent a duplicate: the report warns', async () => {
    const h = new Harness(anchorless(['输出需求文档']), { backend: { lookup: false } });
    h.faults.reset((step, point) => (point === 'create' ? 'crash_after' : undefined));
    await syncExpectingCrash(h);
    h.faults.reset();
    h.clock.advance(10 * 60_000); // past Feishu's 5-minute token window
    const o = await h.sync();
    // Feishu's token returns the task for 5 minutes only: past that, a backend must offer lookup.
    expect(o.report.warnings.map((w) => w.code)).toContain('possible_duplicate');
    expect(h.backend.liveTasks()).toHaveLength(2);
  });

  it('without lookup, a client token still inside its window prevents the duplicate', async () => {
    const h = new Harness(anchorless(['输出需求文档']), { backend: { lookup: false } });
    h.faults.reset((step, point) => (point === 'create' ? 'crash_after' : undefined));
    await syncExpectingCrash(h);
    h.faults.reset();
    const o = await h.sync();
    expect(o.report.warnings.map((w) => w.code)).not.toContain('possible_duplicate');
    expect(h.backend.liveTasks()).toHaveLength(1);
    expect(h.records()[0]?.state).toBe('linked');
  });

  it('without lookup and without a token, the report warns about a possible duplicate', async () => {
    const h = new Harness(anchorless(['输出需求文档']), { backend: { lookup: false, capabilities: GOOGLE_CAPS } });
    h.faults.reset((step, point) => (point === 'create' ? 'crash_after' : undefined));
    await syncExpectingCrash(h);
    h.faults.reset();
    const o = await h.sync();
    expect(o.report.warnings.map((w) => w.code)).toContain('possible_duplicate');
  });
});

/** Crash at the first fault point of `point` that comes after a `after` point. */
function crashAfterA(after: string, point: string, kind: FaultKind = 'crash_before') {
  let armed = false;
  return (_step: number, p: string): FaultKind | undefined => {
    if (p === after) armed = true;
    else if (armed && p === point) {
      armed = false;
      return kind;
    }
    return undefined;
  };
}

describe('executor: a write that landed but was not recorded', () => {
  it('an edit reverted in the minutes after such a crash still reaches the task', async () => {
    const h = new Harness(anchored(['输出需求文档']), { backend: { capabilities: GOOGLE_CAPS } });
    await h.sync();
    const id = h.taskOf('输出需求文档')?.id as string;
    h.doc.rows[0]!.owners = ['李四'];
    h.faults.reset(crashAfterA('update', 'commit'));
    await syncExpectingCrash(h);
    expect(h.backend.task(id)?.title).toBe('【李四】输出需求文档'); // the update landed…
    expect(h.records()[0]?.inflight).toBeDefined(); // …and is marked in flight
    h.faults.reset();
    h.doc.rows[0]!.owners = ['张三']; // the user changes it back
    await h.sync();
    expect(h.backend.task(id)?.title).toBe('【张三】输出需求文档');
    expect(h.records()[0]?.inflight).toBeUndefined();
  });

  it('a status reverted in the minutes after such a crash is not mistaken for a change in the task app', async () => {
    const h = new Harness(anchored(['输出需求文档']), { backend: { capabilities: GOOGLE_CAPS } });
    await h.sync();
    const id = h.taskOf('输出需求文档')?.id as string;
    h.doc.rows[0]!.status = 'done';
    h.faults.reset(crashAfterA('complete', 'commit'));
    await syncExpectingCrash(h);
    expect(h.backend.task(id)?.status).toBe('done');
    h.faults.reset();
    h.doc.rows[0]!.status = 'open'; // the user changes their mind in the minutes
    const o = await h.sync();
    expect(o.report.counts.reopened).toBe(1);
    expect(h.doc.rows[0]!.status).toBe('open');
    expect(h.backend.task(id)?.status).toBe('open');
  });

  it('a status written back to the minutes before a crash is not mistaken for a change in the minutes', async () => {
    const h = new Harness(anchored(['输出需求文档']), { backend: { capabilities: GOOGLE_CAPS } });
    await h.sync();
    const id = h.taskOf('输出需求文档')?.id as string;
    h.backend.userComplete(id);
    h.faults.reset(crashAfterA('document', 'commit'));
    await syncExpectingCrash(h);
    expect(h.doc.rows[0]!.status).toBe('done'); // written back, not yet recorded
    expect(h.records()[0]?.writeBackStatus).toBe('done');
    h.faults.reset();
    h.clock.advance(60_000);
    h.backend.userReopen(id); // later, the task is reopened in the task app
    const o = await h.sync();
    expect(o.report.conflicts).toEqual([]);
    expect(h.doc.rows[0]!.status).toBe('open');
    expect(h.backend.task(id)?.status).toBe('open');
  });
});

describe('executor: recovery converges in one run', () => {
  it('identical rows, a crash after the first create, then one row deleted and the other done', async () => {
    const h = new Harness(anchorless(['事项甲', '事项甲', '事项乙']), { backend: { capabilities: GOOGLE_CAPS } });
    h.faults.reset(crashAfterA('commit', 'create', 'crash_after')); // the first create lands, unrecorded
    await syncExpectingCrash(h);
    h.faults.reset();
    expect(h.backend.liveTasks()).toHaveLength(1);
    // The first row goes, a new one takes its place: by position the remaining 事项甲 is nearer the
    // record whose create never happened.
    h.doc.rows.splice(0, 1, row('事项丙'));
    h.doc.rows[1]!.status = 'done';
    await h.sync();
    // It takes the task that exists (not the empty record): nothing left to do after.
    const jia = h.backend.liveTasks().filter((t) => t.title === '【张三】事项甲');
    expect(jia).toHaveLength(1);
    expect(h.doc.rows[1]!.link).toBe(jia[0]?.url);
    expect(jia[0]?.status).toBe('done');
    const again = await h.sync();
    expect(again.plan.steps).toEqual([]);
    expect(again.plan.writeBacks).toEqual([]);
  });

  it('a copied row whose create never happened takes over the task of the deleted original', async () => {
    const h = new Harness(anchored(['事项甲']), { backend: { capabilities: GOOGLE_CAPS } });
    await h.sync();
    const original = h.doc.rows[0]!;
    h.doc.rows.unshift({ ...original, anchor: 'copy', link: null });
    h.faults.reset((_step, point) => (point === 'create' ? 'crash_before' : undefined));
    await syncExpectingCrash(h);
    h.faults.reset();
    h.doc.rows.splice(1, 1); // the original goes; the copy stays and is marked done
    h.doc.rows[0]!.status = 'done';
    await h.sync();
    expect(h.backend.liveTasks()).toHaveLength(1);
    expect(h.backend.liveTasks()[0]?.status).toBe('done');
    expect(h.doc.rows[0]!.link).toBe(h.backend.liveTasks()[0]?.url);
    const again = await h.sync();
    expect(again.plan.steps).toEqual([]);
    expect(again.plan.writeBacks).toEqual([]);
  });
});

describe('executor: write-backs', () => {
  it('a failed document update (BackendError) is reported and the status is not recorded', async () => {
    const h = new Harness(anchored(['输出需求文档']));
    await h.sync();
    const id = h.taskOf('输出需求文档')?.id as string;
    h.backend.userComplete(id);
    const { syncDocument } = await import('../../../src/core/sync/sync');
    const { BackendError } = await import('../../../src/core/sync/backend');
    const o = await syncDocument(
      { docId: DOC, items: h.doc.items() },
      {
        ...h.deps(),
        applyWriteBacks: () => {
          throw new BackendError('rate_limit', 'too many edits on this document');
        },
      },
    );
    expect(o.writeBacksApplied).toBe(false);
    expect(o.report.warnings.some((w) => w.code === 'write_failed')).toBe(true);
    expect(h.records()[0]?.status).toBe('open');
    const next = await h.sync();
    expect(next.writeBacksApplied).toBe(true);
    expect(h.doc.rows[0]!.status).toBe('done');
    expect(h.records()[0]?.status).toBe('done');
  });
});
