import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MinutesDocument, TableBlock } from '../../../src/core/model/document';
import { blockText } from '../../../src/core/model/text';
import { readDocx } from '../../../src/readers/index';
import { shape, tableAfter, tableTexts, tables } from '../template/helpers';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const load = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(fixtures, name)));

describe('readDocx: minutes-zh.docx', () => {
  let doc: MinutesDocument;
  beforeAll(async () => {
    doc = await readDocx(load('minutes-zh.docx'));
  });

  it('reads the title heading and the basic-info table', () => {
    expect(shape(doc)[0]).toEqual({ type: 'heading', level: 1, text: '跨部门沟通记录表' });
    const basic = tableTexts(tables(doc)[0]!);
    expect(basic.map((r) => r[0])).toEqual(['沟通基本信息', '沟通主题', '沟通时间', '沟通地点/线上渠道', '参与部门及人员', '主持人/记录人', '沟通目标']);
    expect(basic[2]).toEqual(['沟通时间', '2025年6月11日 14:00-15:00']);
  });

  it('reads nested bullet and numbered lists', () => {
    const list = shape(doc).filter((b) => b.type === 'listItem' && b.checked === undefined);
    expect(list.slice(0, 7)).toEqual([
      { type: 'listItem', level: 0, ordered: false, text: '改版范围' },
      { type: 'listItem', level: 1, ordered: false, text: '积分兑换页面重做' },
      { type: 'listItem', level: 1, ordered: false, text: '积分过期提醒' },
      { type: 'listItem', level: 0, ordered: false, text: '上线节奏' },
      { type: 'listItem', level: 0, ordered: true, text: '先灰度 10% 用户' },
      { type: 'listItem', level: 1, ordered: true, text: '灰度期间每日看数据' },
      { type: 'listItem', level: 0, ordered: true, text: '全量上线' },
    ]);
  });

  it('reads Word checkboxes as checkbox items', () => {
    const boxes = shape(doc).filter((b) => b.type === 'listItem' && b.checked !== undefined);
    expect(boxes).toEqual([
      { type: 'listItem', level: 0, ordered: false, checked: false, text: '王芳：我周三前提交接口文档' },
      { type: 'listItem', level: 0, ordered: false, checked: true, text: '李强：测试环境已准备好' },
    ]);
  });

  it('reads hyperlinks as link runs', () => {
    const paragraph = doc.blocks.find((b) => b.type === 'paragraph' && blockText(b).startsWith('需求文档'));
    expect(paragraph).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '需求文档：' },
        { type: 'link', text: '会员积分商城 PRD', url: 'https://docs.example.com/spec-v2' },
      ],
    });
  });

  it('reads the 决议事项 table with its vertically and horizontally merged cells', () => {
    const table: TableBlock = tableAfter(doc, '决议事项');
    expect(tableTexts(table)).toEqual([
      ['决议', '负责人', '完成时限'],
      ['积分商城改版 7 月 15 日上线', '王芳', '7月15日'],
      ['灰度比例定为 10%', '7月8日'],
      ['过期提醒改为短信加站内信', '赵敏', '6月30日'],
      ['备注：以上决议经三方确认'],
    ]);
    expect(table.rows[1]!.cells[1]!.rowSpan).toBe(2);
    expect(table.rows[4]!.cells[0]!.colSpan).toBe(3);
    expect(table.rows[1]!.cells[0]!.rowSpan).toBeUndefined();
  });

  it('reads the 待办事项 table, the empty 任务 cells included', () => {
    expect(tableTexts(tableAfter(doc, '待办事项'))).toEqual([
      ['事项', '负责人', '完成时限', '状态', '任务'],
      ['输出最终需求文档', '王芳', '6月20日', '进行中', ''],
      ['评估开发周期', '李强', '下周三前', '未开始', ''],
      ['整理竞品积分规则', '陈晨', '6月10日', '已完成', ''],
    ]);
  });

  it('reads typed numbering in a plain paragraph as a numbered item', () => {
    expect(shape(doc).at(-1)).toEqual({ type: 'listItem', level: 0, ordered: true, text: '确认下周五前，产品部输出最终需求文档，技术部同步评估开发周期' });
  });
});

describe('readDocx: minutes-en.docx', () => {
  let doc: MinutesDocument;
  beforeAll(async () => {
    doc = await readDocx(load('minutes-en.docx'));
  });

  it('reads the English record the same way', () => {
    expect(tableTexts(tables(doc)[0]!).map((r) => r[0])).toEqual([
      'Meeting info', 'Topic', 'Date & time', 'Location / channel', 'Departments & participants', 'Host / note-taker', 'Goal',
    ]);
    expect(tableTexts(tableAfter(doc, 'Action items'))[0]).toEqual(['Action item', 'Owner', 'Due', 'Status', 'Task']);
    const decisions = tableAfter(doc, 'Decisions');
    expect(decisions.rows[1]!.cells[1]!.rowSpan).toBe(2);
    expect(decisions.rows[4]!.cells[0]!.colSpan).toBe(3);
    expect(shape(doc).at(-1)).toEqual({
      type: 'listItem',
      level: 0,
      ordered: true,
      text: 'By next Friday, Product delivers the final spec and Engineering estimates the schedule',
    });
  });
});

describe('readDocx: bad input', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['random bytes', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256), /not a \.docx file/],
    ['empty', new Uint8Array(0), /not a \.docx file/],
    ['a text file', new TextEncoder().encode('# 周会\n- 王芳周三前提交'), /not a \.docx file/],
    ['a truncated .docx', load('minutes-zh.docx').subarray(0, 3000), /not a readable \.docx file/],
    ['a ZIP without a Word document', zipWithOneFile(), /not a readable \.docx file/],
    ['an old .doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /old binary Word \(\.doc\)/],
  ];

  it.each(cases)('%s rejects with a clear one-line error', async (_name, data, message) => {
    const error = await readDocx(data).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

/** A minimal stored ZIP with one file, a.txt = "hi". */
function zipWithOneFile(): Uint8Array {
  const name = new TextEncoder().encode('a.txt');
  const body = new TextEncoder().encode('hi');
  const crc = 0xd8932aac; // crc32("hi")
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint32(14, crc, true);
  local.setUint32(18, body.length, true);
  local.setUint32(22, body.length, true);
  local.setUint16(26, name.length, true);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint32(16, crc, true);
  central.setUint32(20, body.length, true);
  central.setUint32(24, body.length, true);
  central.setUint16(28, name.length, true);
  const centralOffset = 30 + name.length + body.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + name.length, true);
  end.setUint32(16, centralOffset, true);
  const parts = [new Uint8Array(local.buffer), name, body, new Uint8Array(central.buffer), name, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
