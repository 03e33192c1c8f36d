import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../../src/core/model/items';
import { fieldHashes, fingerprintOf } from '../../../src/core/sync/draft';
import { identityOf, matchItems, newKey } from '../../../src/core/sync/identity';
import type { SyncRecord } from '../../../src/core/sync/types';
import type { Row } from './helpers';
import { Doc, row } from './helpers';

/** Records as a previous sync of `doc` would have stored them, keyed by title. */
function recordsOf(doc: Doc, state: SyncRecord['state'] = 'linked'): SyncRecord[] {
  const fields = fieldHashes({ title: '', notes: '', due: null, assignees: [] });
  return doc.items().map((item, i) => {
    const id = identityOf(item, i);
    return {
      key: `k:${item.title}`,
      state,
      taskId: `t:${item.title}`,
      taskUrl: `https://tasks.example/${encodeURIComponent(item.title)}`,
      creates: 1,
      fields,
      fingerprint: fingerprintOf(fields, 'open'),
      status: 'open',
      remoteUpdatedAt: 1,
      anchor: id.anchor,
      sig: id.sig,
      ordinal: i,
      syncedAt: 1,
    };
  });
}

/** Which stored record (by original title) each current item got; null = new. */
function match(items: ActionItem[], records: SyncRecord[]): (string | null)[] {
  const m = matchItems(
    items.map((it, i) => identityOf(it, i)),
    records,
  );
  return m.records.map((r) => (r ? r.key.slice(2) : null));
}

describe('item identity with anchors (Feishu rows, Google named ranges)', () => {
  const before = new Doc([row('输出需求文档', { anchor: 'r1' }), row('评估开发周期', { anchor: 'r2' }), row('准备活动素材', { anchor: 'r3', owners: ['王芳'] })]);
  const records = recordsOf(before);

  it('keeps an item whose text, owner and deadline all changed', () => {
    const after = before.clone();
    const r = after.rows[1];
    if (!r) throw new Error('fixture');
    Object.assign(r, { title: '完全不同的一句话', owners: ['李四'], due: '2025-07-01' });
    expect(match(after.items(), records)).toEqual(['输出需求文档', '评估开发周期', '准备活动素材']);
  });

  it('follows rows through a reorder, an insertion and a deletion of other rows', () => {
    const after = new Doc([row('新增一行', { anchor: 'r9' }), before.rows[2] as never, before.rows[0] as never]);
    expect(match(after.items(), records)).toEqual([null, '准备活动素材', '输出需求文档']);
  });

  it('gives a duplicated row (new anchor, same content) no existing record', () => {
    const after = before.clone();
    after.rows.splice(1, 0, { ...(before.rows[0] as Row), anchor: 'r4' });
    expect(match(after.items(), records)).toEqual(['输出需求文档', null, '评估开发周期', '准备活动素材']);
  });

  it('does not let a copied task link steal the original row’s task', () => {
    const after = before.clone();
    const link = records[0]?.taskUrl ?? null;
    after.rows.unshift({ ...(before.rows[0] as Row), anchor: 'r5', link });
    (after.rows[1] as { link: string | null }).link = link;
    expect(match(after.items(), records)).toEqual([null, '输出需求文档', '评估开发周期', '准备活动素材']);
  });

  it('matches by content when a row’s anchor changed (cut and paste)', () => {
    const after = before.clone();
    (after.rows[0] as { anchor: string }).anchor = 'r7';
    expect(match(after.items(), records)).toEqual(['输出需求文档', '评估开发周期', '准备活动素材']);
  });

  it('does not bridge two different anchors by a merely similar title', () => {
    const after = new Doc([row('输出需求文档初稿', { anchor: 'r8' }), before.rows[1] as never, before.rows[2] as never]);
    expect(match(after.items(), records)).toEqual([null, '评估开发周期', '准备活动素材']);
  });

  it('tells apart several items of one block (sentences of a paragraph) by content', () => {
    const para = new Doc([row('产品部输出最终需求文档'), row('技术部同步评估开发周期'), row('市场部准备活动素材')]);
    const items = para.items().map((it) => ({ ...it, source: { ...it.source, blockIndex: 0, blockAnchor: 'p1' } }));
    const recs = recordsOf(para).map((r) => ({ ...r, anchor: 'p1' }));
    const edited = [items[2], { ...items[0], title: '产品部输出最终版需求文档' }, items[1]] as ActionItem[];
    expect(match(edited, recs)).toEqual(['市场部准备活动素材', '产品部输出最终需求文档', '技术部同步评估开发周期']);
  });
});

describe('item identity without anchors (Markdown, plain text): content fallback', () => {
  const before = new Doc([row('输出需求文档'), row('评估开发周期'), row('准备活动素材'), row('确认预算')]);
  const records = recordsOf(before);

  it('follows items through a reorder', () => {
    const after = new Doc([before.rows[3], before.rows[0], before.rows[2], before.rows[1]] as never);
    expect(match(after.items(), records)).toEqual(['确认预算', '输出需求文档', '准备活动素材', '评估开发周期']);
  });

  it('keeps an item whose owner or deadline changed (same title)', () => {
    const after = before.clone();
    Object.assign(after.rows[2] as object, { owners: ['李四'], due: '2025-08-01' });
    expect(match(after.items(), records)).toEqual(['输出需求文档', '评估开发周期', '准备活动素材', '确认预算']);
  });

  it('keeps an item whose title was reworded', () => {
    const after = before.clone();
    (after.rows[1] as { title: string }).title = '评估开发周期和排期';
    expect(match(after.items(), records)).toEqual(['输出需求文档', '评估开发周期', '准备活动素材', '确认预算']);
  });

  it('keeps an item rewritten in place, between unchanged neighbours', () => {
    const after = before.clone();
    (after.rows[2] as { title: string }).title = '联系供应商报价';
    expect(match(after.items(), records)).toEqual(['输出需求文档', '评估开发周期', '准备活动素材', '确认预算']);
  });

  it('makes one of two identical items new', () => {
    const after = before.clone();
    after.rows.splice(1, 0, { ...(before.rows[0] as Row) });
    const got = match(after.items(), records);
    expect(got.filter((x) => x === '输出需求文档')).toHaveLength(1);
    expect(got.filter((x) => x === null)).toHaveLength(1);
  });

  it('re-links a removed record when its item comes back', () => {
    const recs = recordsOf(before);
    const gone = recs.find((r) => r.key === 'k:确认预算');
    if (!gone) throw new Error('fixture');
    gone.state = 'unlinked';
    gone.unlinkReason = 'removed';
    expect(match(before.items(), recs)[3]).toBe('确认预算');
  });

  it('does not re-link a removed record to a new item with a merely similar title', () => {
    // Similarity 0.67: enough for an item edited in place, not for bringing back a removed one.
    const linked = recordsOf(new Doc([row('跟进A公司合同')]));
    expect(match(new Doc([row('跟进B公司合同')]).items(), linked)).toEqual(['跟进A公司合同']);
    const removed = recordsOf(new Doc([row('跟进A公司合同')]), 'unlinked');
    expect(match(new Doc([row('跟进B公司合同')]).items(), removed)).toEqual([null]);
    expect(match(new Doc([row('跟进A公司合同。')]).items(), removed)).toEqual(['跟进A公司合同']);
  });

  it('matches an item to its task link when the text changed beyond recognition', () => {
    const after = new Doc([row('something else entirely', { link: records[2]?.taskUrl ?? null, owners: ['X'] })]);
    expect(match(after.items(), records)).toEqual(['准备活动素材']);
  });

  it('never gives two items one record, whatever the input', () => {
    const after = new Doc([...before.rows, ...before.rows, ...before.rows].map((r) => ({ ...r })));
    const got = match(after.items(), records).filter((x) => x !== null);
    expect(new Set(got).size).toBe(got.length);
    expect(got).toHaveLength(4);
  });
});

describe('newKey', () => {
  it('is derived from the anchor or title and unique within the document', () => {
    const items = new Doc([row('A', { anchor: 'x' }), row('B'), row('B')]).items();
    const taken = new Set<string>();
    const keys = items.map((it, i) => newKey(identityOf(it, i), taken));
    expect(keys[0]).toMatch(/^a/);
    expect(keys[1]).toMatch(/^c/);
    expect(keys[2]).toBe(`${keys[1]}-2`);
  });
});
