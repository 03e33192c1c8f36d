import { describe, expect, it } from 'vitest';
import { BackendError } from '../../../src/core/sync/backend';
import type { CreateTaskRequest } from '../../../src/core/sync/backend';
import { MemoryTaskBackend } from '../../../src/core/sync/memory/backend';
import { FaultInjector, SimulatedCrash } from '../../../src/core/sync/memory/faults';
import { MemorySyncStore } from '../../../src/core/sync/memory/store';
import { decodeRecords, encodeRecords } from '../../../src/core/sync/store';
import type { SyncRecord } from '../../../src/core/sync/types';
import { FakeClock } from './helpers';

const request = (over: Partial<CreateTaskRequest> = {}): CreateTaskRequest => ({
  draft: { title: '输出需求文档', notes: '负责人：张三', due: { date: '2025-06-20', time: '18:00' }, assignees: [{ name: '张三', id: 'ou_1' }] },
  status: 'open',
  syncKey: 'mtt:doc:k1',
  ...over,
});

describe('MemoryTaskBackend', () => {
  it('honours a client token for its window only, and frees it after a failure', async () => {
    const clock = new FakeClock();
    const faults = new FaultInjector(new Map([[0, 'server_error']]));
    const b = new MemoryTaskBackend({ now: clock.now, faults, capabilities: { clientToken: true }, clientTokenTtlMs: 1000 });
    await expect(b.create(request({ clientToken: 'tok-123456' }))).rejects.toBeInstanceOf(BackendError);
    const first = await b.create(request({ clientToken: 'tok-123456' }));
    const again = await b.create(request({ clientToken: 'tok-123456' }));
    expect(again.id).toBe(first.id);
    clock.advance(1001);
    const late = await b.create(request({ clientToken: 'tok-123456' }));
    expect(late.id).not.toBe(first.id);
    expect(b.liveTasks()).toHaveLength(2);
  });

  it('ignores client tokens when the capability is off', async () => {
    const b = new MemoryTaskBackend({ capabilities: { clientToken: false } });
    await b.create(request({ clientToken: 'tok-123456' }));
    await b.create(request({ clientToken: 'tok-123456' }));
    expect(b.liveTasks()).toHaveLength(2);
  });

  it('keeps the sync key in the notes across notes updates, and finds tasks by it', async () => {
    const b = new MemoryTaskBackend({ syncKeyIn: 'notes' });
    const t = await b.create(request());
    await b.update(t.id, { notes: '新的备注' });
    const stored = b.task(t.id);
    expect(stored?.notes).toBe('新的备注\n[sync:mtt:doc:k1]');
    expect(b.notesBody(stored!)).toBe('新的备注');
    const found = await b.findBySyncKeys?.(['mtt:doc:k1', 'mtt:doc:nope']);
    expect([...(found?.keys() ?? [])]).toEqual(['mtt:doc:k1']);
  });

  it('can keep the sync key outside the notes (Feishu extra)', async () => {
    const b = new MemoryTaskBackend({ syncKeyIn: 'extra' });
    const t = await b.create(request());
    expect(b.task(t.id)?.notes).toBe('负责人：张三');
    expect(b.task(t.id)?.extra).toBe('mtt:doc:k1');
    expect((await b.get(t.id))?.syncKey).toBe('mtt:doc:k1');
  });

  it('models a date-only due and no assignees when the capabilities say so', async () => {
    const b = new MemoryTaskBackend({ capabilities: { dueTime: false, assignees: false } });
    const t = await b.create(request());
    expect(b.task(t.id)?.due).toEqual({ date: '2025-06-20', time: null });
    expect(b.task(t.id)?.assignees).toEqual([]);
  });

  it('complete / reopen set the status and completion time; updatedAt always moves forward', async () => {
    const b = new MemoryTaskBackend({ now: () => 5 });
    const t = await b.create(request());
    const done = await b.complete(t.id);
    expect(done.status).toBe('done');
    expect(b.task(t.id)?.completedAt).not.toBeNull();
    const open = await b.reopen(t.id);
    expect(open.status).toBe('open');
    expect(b.task(t.id)?.completedAt).toBeNull();
    expect(open.updatedAt).toBeGreaterThan(done.updatedAt);
    expect(done.updatedAt).toBeGreaterThan(t.updatedAt);
  });

  it('get returns null and writes throw not_found for a deleted task; lists leave it out', async () => {
    const b = new MemoryTaskBackend();
    const t = await b.create(request());
    b.userDelete(t.id);
    expect(await b.get(t.id)).toBeNull();
    await expect(b.update(t.id, { title: 'x' })).rejects.toMatchObject({ kind: 'not_found' });
    expect(await b.list?.()).toEqual([]);
  });

  it('timeout_after applies the write, then reports a timeout; crash_before does not apply it', async () => {
    const faults = new FaultInjector(new Map([[0, 'timeout_after'], [1, 'crash_before'], [2, 'crash_after']]));
    const b = new MemoryTaskBackend({ faults });
    await expect(b.create(request())).rejects.toMatchObject({ kind: 'timeout' });
    expect(b.liveTasks()).toHaveLength(1);
    await expect(b.create(request())).rejects.toBeInstanceOf(SimulatedCrash);
    expect(b.liveTasks()).toHaveLength(1);
    await expect(b.create(request())).rejects.toBeInstanceOf(SimulatedCrash);
    expect(b.liveTasks()).toHaveLength(2);
  });

  it('rejects notes longer than the limit (like Google: 8,192)', async () => {
    const b = new MemoryTaskBackend({ capabilities: { maxNotesLength: 10 } });
    await expect(b.create(request())).resolves.toBeDefined();
    await expect(b.create(request({ draft: { ...request().draft, notes: 'x'.repeat(11) } }))).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('batches writes and reports each outcome', async () => {
    const faults = new FaultInjector(new Map([[1, 'rate_limit']]));
    const b = new MemoryTaskBackend({ faults, capabilities: { maxBatch: 3 } });
    const out = await b.writeBatch?.([
      { type: 'create', request: request() },
      { type: 'create', request: request() },
      { type: 'create', request: request() },
    ]);
    expect(out?.map((o) => o.ok)).toEqual([true, false, true]);
  });
});

const record = (key: string): SyncRecord => ({
  key,
  state: 'linked',
  taskId: 't1',
  taskUrl: null,
  creates: 1,
  fields: { title: 'a', notes: 'b', due: 'c', assignees: 'd' },
  fingerprint: 'f',
  status: 'open',
  remoteUpdatedAt: 1,
  anchor: null,
  sig: { title: 'T', owners: '', due: null },
  ordinal: 0,
  syncedAt: 0,
});

describe('MemorySyncStore', () => {
  it('stores copies: changing a loaded record does not change the store', async () => {
    const s = new MemorySyncStore();
    await s.commit('d', { put: [record('k1')] });
    const [r] = await s.load('d');
    r!.status = 'done';
    expect((await s.load('d'))[0]?.status).toBe('open');
  });

  it('applies a commit atomically: a crash before leaves the old state, after leaves the new', async () => {
    const faults = new FaultInjector(new Map([[1, 'crash_before'], [2, 'crash_after']]));
    const s = new MemorySyncStore(faults);
    await s.commit('d', { put: [record('k1')] });
    await expect(s.commit('d', { put: [record('k2')], remove: ['k1'] })).rejects.toBeInstanceOf(SimulatedCrash);
    expect(s.records('d').map((r) => r.key)).toEqual(['k1']);
    await expect(s.commit('d', { put: [record('k2')], remove: ['k1'] })).rejects.toBeInstanceOf(SimulatedCrash);
    expect(s.records('d').map((r) => r.key)).toEqual(['k2']);
  });

  it('keeps documents apart', async () => {
    const s = new MemorySyncStore();
    await s.commit('a', { put: [record('k1')] });
    expect(await s.load('b')).toEqual([]);
  });
});

describe('encodeRecords / decodeRecords', () => {
  it('round-trips and rejects what it does not know', () => {
    const rs = [record('k1'), record('k2')];
    expect(decodeRecords(encodeRecords(rs))).toEqual(rs);
    expect(decodeRecords('{"v":2,"records":[]}')).toEqual([]);
    expect(decodeRecords('not json')).toEqual([]);
    expect(decodeRecords(null)).toEqual([]);
    expect(decodeRecords(JSON.stringify({ v: 1, records: [{ key: 1 }, record('k3')] })).map((r) => r.key)).toEqual(['k3']);
  });
});
