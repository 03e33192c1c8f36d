import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../src/core/model/document';
import { blockText } from '../../../src/core/model/text';
import { readMarkdown } from '../../../src/readers/index';
import { tableTexts } from '../template/helpers';

interface DevCase {
  id: string;
  text: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cases = JSON.parse(readFileSync(resolve(root, '../shared/eval/dev-minutes.json'), 'utf8')) as DevCase[];
const byId = (id: string): DevCase => cases.find((c) => c.id === id)!;
const tablesOf = (text: string): TableBlock[] => readMarkdown(text).blocks.filter((b): b is TableBlock => b.type === 'table');

/** A Markdown table row starts with `|`; a tab row has a tab between two pieces of text. */
const hasPipeRows = (text: string): boolean => text.split('\n').some((l) => l.trim().startsWith('|'));
const hasTabRows = (text: string): boolean => /\S\t+\S/u.test(text);

describe('the 50 dev-set minutes', () => {
  it('are all there', () => {
    expect(cases).toHaveLength(50);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s parses into blocks without throwing', (_id, c) => {
    const doc = readMarkdown(c.text);
    expect(doc.blocks.length).toBeGreaterThan(2);
    // Every non-blank line of the source survives in some block.
    const all = doc.blocks.map(blockText).join('\n');
    expect(all.length).toBeGreaterThan(c.text.replace(/\s/gu, '').length * 0.8);
  });

  it('every case with | rows or tab rows yields at least one table', () => {
    const withRows = cases.filter((c) => hasPipeRows(c.text) || hasTabRows(c.text));
    expect(withRows.map((c) => c.id)).toEqual([
      'zh-kuabumen-pipe-01',
      'zh-kuabumen-tsv-02',
      'zh-zerenjuzhen-03',
      'zh-fengxian-05',
      'zh-past-due-24',
      'mixed-risk-sunday-45',
      'zh-Hant-kuabumen-47',
    ]);
    for (const c of withRows) expect(tablesOf(c.text).length, c.id).toBeGreaterThan(0);
  });

  it('reads the pipe tables of zh-kuabumen-pipe-01 row by row', () => {
    const [decisions, todos] = tablesOf(byId('zh-kuabumen-pipe-01').text);
    expect(tableTexts(decisions!)[0]).toEqual(['序号', '决议内容', '负责人', '时间']);
    expect(tableTexts(decisions!)).toHaveLength(4);
    expect(tableTexts(todos!)[5]).toEqual(['5', '整理首批 8000 台质检记录', '孙浩', '—', '6月10日', '已完成']);
  });

  it('reads the tab tables of zh-kuabumen-tsv-02, empty cells included', () => {
    const [basic, decisions, todos] = tablesOf(byId('zh-kuabumen-tsv-02').text);
    expect(tableTexts(basic!).map((r) => r[0])).toEqual(['沟通主题', '沟通时间', '沟通地点/线上渠道', '参与部门及人员', '主持人/记录人', '沟通目标']);
    expect(tableTexts(decisions!)[0]).toEqual(['序号', '决议内容', '负责部门/人', '备注']);
    expect(tableTexts(todos!)[1]).toEqual(['1', '修复剩余 7 个缺陷并完成回归测试', '钱晓东', '', '3月28日']);
  });

  it('keeps the one-line header of en-long-noisy-38 as text, so its Date: label stays readable', () => {
    const doc = readMarkdown(byId('en-long-noisy-38').text);
    expect(doc.blocks.filter((b) => b.type === 'table')).toHaveLength(0);
    expect(blockText(doc.blocks[1]!)).toMatch(/^Date: Wednesday, November 12, 2025 \| /u);
  });

  it('reads checkbox lists with their state (zh-checkbox-11, en-checkbox-33)', () => {
    for (const id of ['zh-checkbox-11', 'en-checkbox-33']) {
      const checked = readMarkdown(byId(id).text).blocks.flatMap((b) => (b.type === 'listItem' && b.checked !== undefined ? [b.checked] : []));
      expect(checked.filter((c) => c).length, id).toBeGreaterThanOrEqual(3);
      expect(checked.filter((c) => !c).length, id).toBeGreaterThanOrEqual(4);
    }
  });
});
