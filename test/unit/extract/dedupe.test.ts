import { describe, expect, it } from 'vitest';
import { dedupeItems } from '../../../src/core/extract/dedupe';
import type { ActionItem } from '../../../src/core/model/items';
import { extract } from './helpers';

function item(title: string, owners: string[], due: string | null, via: 'table' | 'line' = 'line'): ActionItem {
  const [base] = extract('## 待办事项\n- 王芳负责整理纪要，6月20日前', '2025-06-09').items;
  return { ...base!, title, owners: owners.map((name) => ({ name })), due, source: { ...base!.source, via } };
}

describe('exact repeats', () => {
  it('drops a repeat that differs only in white space, keeps items that differ in owners, due or kind', () => {
    const items = [
      item('整理 会议\u3000纪要', ['王芳'], '2025-06-20'),
      item('整理会议纪要', ['王芳'], '2025-06-20'),
      item('整理会议纪要', ['李娜'], '2025-06-20'),
      item('整理会议纪要', ['王芳', '李娜'], '2025-06-20'),
      item('整理会议纪要', ['王芳'], '2025-06-21'),
      item('整理会议纪要', ['王芳'], null),
      { ...item('整理会议纪要', ['王芳'], '2025-06-20'), kind: 'decision' as const },
    ];
    const kept = dedupeItems(items, '2025-06-09');
    expect(kept.map((i) => [i.kind, i.title, i.owners.map((o) => o.name).join('+'), i.due])).toEqual([
      ['todo', '整理 会议\u3000纪要', '王芳', '2025-06-20'],
      ['todo', '整理会议纪要', '李娜', '2025-06-20'],
      ['todo', '整理会议纪要', '王芳+李娜', '2025-06-20'],
      ['todo', '整理会议纪要', '王芳', '2025-06-21'],
      ['todo', '整理会议纪要', '王芳', null],
      ['decision', '整理会议纪要', '王芳', '2025-06-20'],
    ]);
  });

  it('keeps the table row when a line repeating it comes first', () => {
    const line = item('整理会议纪要', ['王芳'], '2025-06-20');
    const row = item('整理会议纪要', ['王芳'], '2025-06-20', 'table');
    expect(dedupeItems([line, row], '2025-06-09')).toEqual([row]);
  });

  it('matches each repeat to the first equal item among several with its title, whatever their order', () => {
    const [a, b, c] = [['王芳'], ['李娜'], ['王芳', '李娜']].map((owners) => item('整理会议纪要', owners, '2025-06-20'));
    const repeats = [c, b, a, c, item('整理 会议纪要', ['李娜'], '2025-06-20')].map((i) => ({ ...i! }));
    expect(dedupeItems([a!, b!, c!, ...repeats], '2025-06-09')).toEqual([a, b, c]);
  });

  it('a title restated with many owners and dates (past the chain walk) still drops exact repeats only', () => {
    const owners = ['王芳', '李娜', '张伟', '刘洋', '陈静', '杨磊'];
    const dues = ['2025-06-20', '2025-06-21', '2025-06-22', null];
    const distinct = owners.flatMap((o) => dues.map((d) => item('上线日期定为6月30日', [o], d)));
    // Each combination again, in reverse order, and as the pair of owners that is a different item.
    const repeats = [...distinct].reverse().map((i) => ({ ...i }));
    const pairs = owners.map((o) => item('上线日期定为6月30日', [o, '李娜'], '2025-06-20'));
    const kept = dedupeItems([...distinct, ...repeats, ...pairs, ...pairs.map((i) => ({ ...i }))], '2025-06-09');
    expect(kept).toEqual([...distinct, ...pairs]);
  });
});
