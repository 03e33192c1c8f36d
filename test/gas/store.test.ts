/** The sync store in UserProperties: chunks within 9 KB per value, atomic commits, pruning within 500 KB. */
import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../src/core/sync/types';
import { KEYS, STORE_LIMITS, UserPropertiesStore, chunkText, utf8Bytes } from '../../src/google/store';
import { PROPERTY_LIMITS, createAppsScriptEnvironment } from './index';

function record(key: string, title: string, state: SyncRecord['state'] = 'linked', syncedAt = 1): SyncRecord {
  return {
    key,
    state,
    taskId: `task-${key}`,
    taskUrl: `https://tasks.google.com/task/${key}`,
    creates: 1,
    fields: { title: 'a', notes: 'b', due: 'c', assignees: 'd' },
    fingerprint: 'f',
    status: 'open',
    remoteUpdatedAt: 1,
    anchor: `kix.${key}`,
    sig: { title, owners: '王芳', due: '2026-12-04' },
    ordinal: 0,
    syncedAt,
  };
}

function userProps(): { env: ReturnType<typeof createAppsScriptEnvironment>; props: GoogleAppsScript.Properties.Properties } {
  const env = createAppsScriptEnvironment({ user: 'wangfang@example.com' });
  return { env, props: env.globals.PropertiesService.getUserProperties() };
}

describe('UTF-8 chunks', () => {
  it('counts bytes as UTF-8 and never splits a surrogate pair', () => {
    const text = 'a中😀'.repeat(1000);
    expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
    const chunks = chunkText(text, 100);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) {
      expect(Buffer.byteLength(c, 'utf8')).toBeLessThanOrEqual(100);
      expect(c).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});

describe('UserPropertiesStore', () => {
  it('round-trips a large document in chunks of at most the per-value limit', async () => {
    const { env, props } = userProps();
    const store = new UserPropertiesStore(props, () => 1000);
    const records = Array.from({ length: 300 }, (_, i) => record(`k${i}`, `第${i}项：输出会员积分商城改版需求文档`));
    await store.commit('doc1', { put: records });
    const dump = env.properties.dump('user');
    const chunkKeys = Object.keys(dump).filter((k) => k.startsWith('mtt.s.doc1.'));
    expect(chunkKeys.length).toBeGreaterThan(1);
    for (const k of chunkKeys) expect(utf8Bytes(dump[k]!)).toBeLessThanOrEqual(PROPERTY_LIMITS.valueBytes);
    // A new execution reads it back.
    const again = new UserPropertiesStore(env.globals.PropertiesService.getUserProperties(), () => 2000);
    expect((await again.load('doc1')).map((r) => r.key).sort()).toEqual(records.map((r) => r.key).sort());
  });

  it('drops chunks that a smaller commit no longer needs', async () => {
    const { env, props } = userProps();
    const store = new UserPropertiesStore(props, () => 1000);
    const records = Array.from({ length: 300 }, (_, i) => record(`k${i}`, `第${i}项：输出需求文档`));
    await store.commit('doc1', { put: records });
    await store.commit('doc1', { remove: records.slice(1).map((r) => r.key) });
    const keys = Object.keys(env.properties.dump('user')).filter((k) => k.startsWith('mtt.s.doc1'));
    expect(keys.sort()).toEqual([KEYS.meta('doc1'), KEYS.chunk('doc1', 0)]);
    expect(await new UserPropertiesStore(props, () => 1).load('doc1')).toHaveLength(1);
  });

  it('keeps documents apart and prunes the least recently synced ones to stay within the budget', async () => {
    const { env, props } = userProps();
    let now = 0;
    const store = new UserPropertiesStore(props, () => ++now);
    // Five documents of ~90 KB each: the fifth pushes the store past the budget.
    for (let d = 1; d <= 5; d++) {
      const recs = Array.from({ length: 200 }, (_, i) => record(`d${d}k${i}`, `文档${d}的第${i}项：`.padEnd(60, '长')));
      await store.commit(`doc${d}`, { put: recs });
      expect(env.properties.bytes('user')).toBeLessThanOrEqual(STORE_LIMITS.budgetBytes + 10 * 1024);
    }
    const fresh = new UserPropertiesStore(props, () => 99);
    expect(await fresh.load('doc1')).toHaveLength(0); // the oldest went
    expect(await fresh.load('doc5')).toHaveLength(200); // the one being synced never goes
    expect(await fresh.load('doc4')).toHaveLength(200);
    expect(env.properties.bytes('user')).toBeLessThan(PROPERTY_LIMITS.storeBytes);
  });

  it('a document alone over the budget forgets its detached and unlinked records first', async () => {
    const { props } = userProps();
    const store = new UserPropertiesStore(props, () => 5);
    const linked = Array.from({ length: 400 }, (_, i) => record(`l${i}`, '进行中的事项'.padEnd(150, '字')));
    const loose = Array.from({ length: 400 }, (_, i) => record(`u${i}`, '已删除的事项'.padEnd(150, '字'), i % 2 ? 'unlinked' : 'detached', i));
    await store.commit('big', { put: [...linked, ...loose] });
    const kept = await new UserPropertiesStore(props, () => 6).load('big');
    expect(kept.filter((r) => r.state === 'linked')).toHaveLength(400);
    expect(kept.length).toBeLessThan(800);
  });
});
