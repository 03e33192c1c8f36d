import { describe, expect, it } from 'vitest';
import { buildReport, countActions, formatReport } from '../../../src/core/sync/report';
import { Harness, anchored } from './helpers';

describe('sync report', () => {
  it('counts each action once per line', () => {
    const counts = countActions([
      { key: 'a', title: 'A', actions: ['updated', 'completed'] },
      { key: 'b', title: 'B', actions: ['created', 'link_to_document'] },
      { key: 'c', title: 'C', actions: ['unchanged'] },
    ]);
    expect(counts).toMatchObject({ updated: 1, completed: 1, created: 1, link_to_document: 1, unchanged: 1, removed: 0 });
  });

  it('lists created, updated, completed, removed and every warning, one line per item', async () => {
    const h = new Harness(anchored(['输出需求文档', '评估开发周期', '准备活动素材']));
    h.doc.rows[2]!.owners = [];
    const first = await h.sync();
    expect(first.report.warnings.map((w) => [w.code, w.title])).toEqual([['owner_missing', '准备活动素材']]);
    expect(formatReport(first.report)).toContain('warning [owner_missing] "准备活动素材"');
    h.doc.rows[0]!.title = '输出最终需求文档';
    h.doc.rows[1]!.status = 'done';
    h.doc.rows.splice(2, 1);
    const o = await h.sync();
    expect(o.report.counts).toMatchObject({ updated: 1, completed: 1, removed: 1 });
    expect(o.report.lines.map((l) => [l.title, l.actions])).toEqual([
      ['输出最终需求文档', ['updated']],
      ['评估开发周期', ['completed']],
      ['准备活动素材', ['removed']],
    ]);
    const text = formatReport(o.report);
    expect(text).toContain('updated 1');
    expect(text).toContain('removed 1');
    expect(text).toContain('3 remote writes'); // update, complete, and the note on the removed item's task
  });

  it('formats an empty report', () => {
    expect(formatReport(buildReport([], [], [], 0))).toBe('nothing to sync; 0 remote writes');
  });
});
