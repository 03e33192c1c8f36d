/** The service's SQLite state: migrations, atomic commits, documents and event dedupe survive a reopen. */
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/feishu/service/store';
import type { SyncRecord } from '../../src/core/sync/types';
import { tempDbPath } from './support/service';

const record = (key: string, taskId: string | null): SyncRecord => ({
  key,
  state: 'linked',
  taskId,
  taskUrl: null,
  creates: 1,
  fields: { title: 't', notes: 'n', due: 'd', assignees: 'a' },
  fingerprint: 'f',
  status: 'open',
  remoteUpdatedAt: 1,
  anchor: null,
  sig: { title: key, owners: '', due: null },
  ordinal: 0,
  syncedAt: 1,
});

describe('feishu SqliteStore', () => {
  const db = tempDbPath();
  afterEach(() => db.cleanup());

  it('migrates once, commits atomically, and keeps documents and seen events across a reopen', async () => {
    const a = new SqliteStore(db.path);
    expect(a.schemaVersion).toBe(1);
    await a.commit('doc1', { put: [record('k1', 'g1'), record('k2', 'g2')] });
    await a.commit('doc1', { put: [record('k2', 'g3')], remove: ['k1'] });
    expect((await a.load('doc1')).map((r) => [r.key, r.taskId])).toEqual([['k2', 'g3']]);
    expect(a.documentsOfTask('g3')).toEqual(['doc1']);
    // A failing record (not JSON-serializable) leaves the earlier state untouched.
    const bad = { ...record('k3', 'g4'), sig: undefined as unknown as SyncRecord['sig'], fields: (() => { const o: Record<string, unknown> = {}; o.self = o; return o; })() as unknown as SyncRecord['fields'] };
    await expect(a.commit('doc1', { put: [record('k4', 'g5'), bad] })).rejects.toThrow();
    expect((await a.load('doc1')).map((r) => r.key)).toEqual(['k2']);
    a.updateDocument('doc1', { subscribed: true, syncedRevision: 7, settings: { autoSync: false } });
    expect(a.firstSight('evt-1', Date.now())).toBe(true);
    expect(a.firstSight('evt-1', Date.now())).toBe(false);
    a.close();

    const b = new SqliteStore(db.path);
    expect(b.schemaVersion).toBe(1);
    expect(b.document('doc1')).toMatchObject({ subscribed: true, syncedRevision: 7, settings: { autoSync: false } });
    expect(b.firstSight('evt-1', Date.now())).toBe(false);
    expect(b.documents().map((d) => d.docId)).toEqual(['doc1']);
    b.close();
  });
});

describe('feishu sync revision bookkeeping', () => {
  it("covers the service's own writes only when nobody else edited in between", async () => {
    const { syncedRevision } = await import('../../src/feishu/service/service');
    expect(syncedRevision(10, [])).toBe(10);
    expect(syncedRevision(10, [11])).toBe(11);
    expect(syncedRevision(10, [11, 12])).toBe(12);
    // A user edit landed between the sync's read and its write: the next edit event must not be skipped.
    expect(syncedRevision(10, [12])).toBe(10);
    expect(syncedRevision(10, [11, 13])).toBe(10);
  });
});
