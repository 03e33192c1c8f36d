import { describe, expect, it } from 'vitest';
import { extractMinutes } from '../../../src/core/extract/index';
import type { MinutesDocument, TableRow } from '../../../src/core/model/document';
import { renderTemplate, SCENARIO_IDS } from '../../../src/core/template/index';
import { extract, extractDoc, itemWith } from './helpers';

const text = (t: string) => [{ type: 'text' as const, text: t }];
const row = (...cells: string[]): TableRow => ({ cells: cells.map((c) => ({ blocks: [{ type: 'paragraph' as const, content: text(c) }] })) });

describe('bad input', () => {
  it('an empty document gives no items and says so', () => {
    const ex = extractMinutes({ blocks: [] }, { today: '2025-06-11' });
    expect(ex.items).toEqual([]);
    expect(ex.warnings.map((w) => w.code)).toEqual(['no_meeting_date', 'no_items']);
  });

  it.each(SCENARIO_IDS.flatMap((s) => (['zh', 'en'] as const).map((l) => [s, l] as const)))('the blank %s template (%s) yields no items and no fake record', (scenario, lang) => {
    const ex = extractMinutes(renderTemplate(scenario, lang), { today: '2025-06-11' });
    expect(ex.items).toEqual([]);
    expect(ex.meeting.participants).toEqual([]);
    expect(ex.meeting.goal).toBeNull();
  });

  it('reads ragged tables: short rows, extra cells, a missing header cell', () => {
    const doc: MinutesDocument = {
      blocks: [
        { type: 'heading', level: 2, content: text('待办事项') },
        { type: 'table', rows: [row('事项', '负责人', '完成时限'), row('整理报价', '吴迪'), row('核对发票', '郑爽', '6月20日', '多出的一格'), row('')] },
      ],
    };
    const ex = extractDoc(doc, '2025-06-11');
    expect(itemWith(ex, '整理报价')).toMatchObject({ owners: [{ name: '吴迪' }], due: null });
    expect(itemWith(ex, '核对发票')).toMatchObject({ owners: [{ name: '郑爽' }], due: '2025-06-20' });
    expect(ex.items).toHaveLength(2);
  });

  it('reads merged cells: an owner spanning two rows applies to both', () => {
    const doc: MinutesDocument = {
      blocks: [
        {
          type: 'table',
          rows: [
            row('事项', '负责人', '完成时限'),
            { cells: [{ blocks: [{ type: 'paragraph', content: text('准备物料') }] }, { rowSpan: 2, blocks: [{ type: 'paragraph', content: text('何琪') }] }, { blocks: [{ type: 'paragraph', content: text('6月18日') }] }] },
            { cells: [{ blocks: [{ type: 'paragraph', content: text('确认场地') }] }, { blocks: [{ type: 'paragraph', content: text('6月19日') }] }] },
          ],
        },
      ],
    };
    const ex = extractDoc(doc, '2025-06-11');
    expect(itemWith(ex, '准备物料')).toMatchObject({ owners: [{ name: '何琪' }], due: '2025-06-18' });
    expect(itemWith(ex, '确认场地')).toMatchObject({ owners: [{ name: '何琪' }], due: '2025-06-19' });
  });

  it('never invents a date from an impossible one, and keeps the item', () => {
    const ex = extract('待办：\n- 吴桐：2月30日前提交预算\n- 吴桐：13月5日前提交合同', '2025-02-10');
    expect(itemWith(ex, '预算').due).toBeNull();
    expect(itemWith(ex, '合同').due).toBeNull();
  });

  it('keeps past deadlines and flags them', () => {
    const ex = extract('待办：\n- 吴桐：6月1日前提交预算', '2025-06-11');
    expect(itemWith(ex, '预算')).toMatchObject({ due: '2025-06-01', warnings: ['past_due'] });
  });

  it('survives binary garbage decoded as text', () => {
    let garbage = '';
    for (let i = 0; i < 20_000; i++) garbage += String.fromCharCode((i * 7919) % 0xd7ff);
    expect(() => extract(garbage, '2025-06-11')).not.toThrow();
  });

  it('reads a 5 MB document and loses none of its to-dos', () => {
    const line = (i: number): string => `- 吴桐：6月${(i % 20) + 10}日前完成第${i}号报告的审核，郑爽配合。`;
    const lines = ['参会：吴桐、郑爽', '', '行动项'];
    let size = 0;
    let n = 0;
    while (size < 5 * 1024 * 1024) {
      const l = line(n++);
      lines.push(l);
      size += l.length * 3;
    }
    const ex = extract(lines.join('\n'), '2025-06-09');
    expect(ex.items).toHaveLength(n);
    expect(ex.items[n - 1]).toMatchObject({ owners: [{ name: '吴桐' }], collaborators: [{ name: '郑爽' }] });
  });
});

describe('structured chips come first', () => {
  it('a person chip is the owner with its identity; a date chip is the due date', () => {
    const doc: MinutesDocument = {
      blocks: [
        { type: 'heading', level: 2, content: text('待办事项') },
        {
          type: 'table',
          rows: [
            row('事项', '负责人', '完成时限', '状态'),
            {
              anchor: 'row-7',
              cells: [
                { blocks: [{ type: 'paragraph', content: text('上线灰度方案') }] },
                { blocks: [{ type: 'paragraph', content: [{ type: 'person', name: '', email: 'lin.wei@example.com' }] }] },
                { blocks: [{ type: 'paragraph', content: [{ type: 'date', date: '2025-06-27' }] }] },
                { blocks: [{ type: 'paragraph', content: text('进行中') }] },
              ],
            },
          ],
        },
        { type: 'paragraph', anchor: 'blk-9', content: [{ type: 'person', name: '赵敏', id: 'ou_123' }, { type: 'text', text: ' 下周三前提交风险清单（见 ' }, { type: 'date', date: '2025-06-13' }, { type: 'text', text: ' 截止）' }] },
      ],
    };
    const ex = extractDoc(doc, '2025-06-11');
    const row7 = itemWith(ex, '灰度方案');
    expect(row7.owners).toEqual([{ name: 'lin.wei', email: 'lin.wei@example.com' }]);
    expect(row7.due).toBe('2025-06-27');
    expect(row7.source.rowAnchor).toBe('row-7');
    const line = itemWith(ex, '风险清单');
    expect(line.owners).toEqual([{ name: '赵敏', id: 'ou_123' }]);
    expect(line.source.blockAnchor).toBe('blk-9');
  });
});
