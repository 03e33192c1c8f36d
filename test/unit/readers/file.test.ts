import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../src/core/model/text';
import { decodeText, readMinutesFile } from '../../../src/readers/index';
import { shape, tableAfter, tableTexts, tables } from '../template/helpers';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + i * 2 + (bigEndian ? 1 : 0)] = code & 0xff;
    out[2 + i * 2 + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return out;
}

describe('decodeText', () => {
  const text = '沟通主题：周会\n- 王芳：周三前提交';

  it('decodes UTF-8 with and without a BOM', () => {
    expect(decodeText(utf8(text))).toBe(text);
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]))).toBe(text);
  });

  it('decodes UTF-16 LE and BE by their BOM', () => {
    expect(decodeText(utf16(text, false))).toBe(text);
    expect(decodeText(utf16(text, true))).toBe(text);
  });

  it('decodes GB18030 (GBK) text that is not valid UTF-8', () => {
    // "周会纪要" in GBK.
    expect(decodeText(Uint8Array.from([0xd6, 0xdc, 0xbb, 0xe1, 0xbc, 0xcd, 0xd2, 0xaa]))).toBe('周会纪要');
  });
});

describe('readMinutesFile', () => {
  it('reads .md, .txt and unknown extensions as Markdown-like minutes, titled by the file name', async () => {
    for (const name of ['notes/周会.md', '周会.markdown', 'C:\\minutes\\周会.txt', '周会.log', '周会']) {
      const doc = await readMinutesFile(name, utf8('一、决议\n- 上线日期定为7月8日'));
      expect(shape(doc), name).toEqual([
        { type: 'heading', level: 2, text: '决议' },
        { type: 'listItem', level: 0, ordered: false, text: '上线日期定为7月8日' },
      ]);
      expect(doc.title, name).toBe('周会');
    }
  });

  it('gives stdin no title', async () => {
    expect((await readMinutesFile('stdin.md', utf8('甲'))).title).toBeUndefined();
    expect((await readMinutesFile('-', utf8('甲'))).title).toBeUndefined();
  });

  it('strips a BOM and reads UTF-16 files', async () => {
    const withBom = await readMinutesFile('a.txt', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('# 周会')]));
    expect(shape(withBom)).toEqual([{ type: 'heading', level: 1, text: '周会' }]);
    const wide = await readMinutesFile('a.txt', utf16('决议：\n1. 维持返点 8%', false));
    expect(shape(wide)[1]).toEqual({ type: 'listItem', level: 0, ordered: true, text: '维持返点 8%' });
  });

  it('reads .docx through the Word reader, also when a ZIP comes under another name', async () => {
    const data = new Uint8Array(readFileSync(resolve(root, 'test/fixtures/minutes-zh.docx')));
    for (const name of ['minutes-zh.docx', 'MINUTES-ZH.DOCX', 'minutes-zh.bin']) {
      const doc = await readMinutesFile(name, data);
      expect(tableTexts(tableAfter(doc, '待办事项'))[0], name).toEqual(['事项', '负责人', '完成时限', '状态', '任务']);
    }
  });

  it('reads .html through the HTML reader', async () => {
    const doc = await readMinutesFile('周会.html', utf8('<h2>决议</h2><ul><li>上线日期定为7月8日</li></ul>'));
    expect(shape(doc)).toEqual([
      { type: 'heading', level: 2, text: '决议' },
      { type: 'listItem', level: 0, ordered: false, text: '上线日期定为7月8日' },
    ]);
  });

  it('rejects a .docx that is not one with a one-line error', async () => {
    await expect(readMinutesFile('周会.docx', utf8('# 其实是 Markdown'))).rejects.toThrow(/^not a \.docx file/);
  });

  it('reads the Chinese and English samples into their tables and free sentences', async () => {
    const zh = await readMinutesFile('samples/minutes-zh.md', new Uint8Array(readFileSync(resolve(root, 'samples/minutes-zh.md'))));
    expect(tableTexts(tables(zh)[0]!)[2]).toEqual(['沟通时间', '2025年6月11日（周三）14:00-15:30']);
    expect(tableTexts(tableAfter(zh, '决议事项'))[0]).toEqual(['决议', '负责人', '完成时限']);
    const todos = tableTexts(tableAfter(zh, '待办事项'));
    expect(todos[0]).toEqual(['事项', '负责人', '完成时限', '状态', '任务']);
    expect(todos.map((r) => r[3])).toContain('已完成');
    expect(todos.map((r) => r[2])).toEqual(expect.arrayContaining(['本周五', '下周三前', '6月20日']));
    const lines = zh.blocks.map(blockText);
    expect(lines).toContain('王芳：我周三前提交接口文档，周磊负责评审。');
    expect(lines).toContain('确认下周五前，产品部输出最终需求文档，技术部同步评估开发周期。');

    const en = await readMinutesFile('samples/minutes-en.md', new Uint8Array(readFileSync(resolve(root, 'samples/minutes-en.md'))));
    expect(tableTexts(tableAfter(en, 'Action items'))[0]).toEqual(['Action item', 'Owner', 'Due', 'Status', 'Task']);
    expect(tableTexts(tableAfter(en, 'Decisions'))[0]).toEqual(['Decision', 'Owner', 'Due']);
    expect(tableTexts(tables(en)[0]!)[2]![0]).toBe('Date & time');
  });
});
