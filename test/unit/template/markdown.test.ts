import { describe, expect, it } from 'vitest';
import type { MinutesDocument } from '../../../src/core/model/document';
import { SCENARIO_IDS, documentToMarkdown, renderTemplate, templateToMarkdown } from '../../../src/core/template/index';
import { readMarkdown } from '../../../src/readers/index';
import { shape, tableTexts, tables } from './helpers';

describe('templateToMarkdown', () => {
  it('writes the record as GFM: title, basic-info table, sections and item tables', () => {
    const md = templateToMarkdown(renderTemplate('general', 'zh', { topic: '周会', date: '2025-06-11' }));
    expect(md.startsWith('# 跨部门沟通记录表\n\n| 沟通基本信息 | 内容 |\n| --- | --- |\n| 沟通主题 | 周会 |\n| 沟通时间 | 2025-06-11 |\n')).toBe(true);
    expect(md).toContain('\n## 决议事项\n\n| 决议 | 负责人 | 完成时限 |\n| --- | --- | --- |\n|  |  |  |\n');
    expect(md).toContain('\n## 待办事项\n\n| 事项 | 负责人 | 完成时限 | 状态 | 任务 |\n');
    expect(md).toContain('\n## 议程\n\n- （如：');
    expect(md.endsWith('|\n')).toBe(true);
  });

  it.each(SCENARIO_IDS.flatMap((id) => [[id, 'zh'] as const, [id, 'en'] as const]))(
    'round-trips %s/%s through readMarkdown with the same headings and tables',
    (scenario, lang) => {
      const doc = renderTemplate(scenario, lang, { topic: 'Q3 | 规划', date: '2025-06-11' });
      const back = readMarkdown(templateToMarkdown(doc));
      expect(shape(back)).toEqual(shape(doc));
      expect(tables(back).map(tableTexts)).toEqual(tables(doc).map(tableTexts));
    },
  );
});

describe('documentToMarkdown', () => {
  const doc: MinutesDocument = {
    blocks: [
      { type: 'heading', level: 2, marker: '一、', content: [{ type: 'text', text: '待办' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '负责人：' },
          { type: 'person', name: '王芳', email: 'wang@example.com' },
          { type: 'text', text: '，截止 ' },
          { type: 'date', date: '2025-06-20' },
          { type: 'text', text: ' ' },
          { type: 'date', date: '2025-06-20', time: '18:00' },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: '重点', bold: true }, { type: 'text', text: '：见 ' }, { type: 'link', text: 'PRD', url: 'https://docs.example.com/a b' }] },
      { type: 'listItem', level: 0, ordered: true, content: [{ type: 'text', text: '第一步' }] },
      { type: 'listItem', level: 1, ordered: false, checked: true, content: [{ type: 'text', text: '已完成的子项' }] },
      { type: 'listItem', level: 0, ordered: true, content: [{ type: 'text', text: '第二步' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '1. 这是正文，不是列表' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '- 也不是列表 | 也不是表格' }] },
      {
        type: 'table',
        rows: [
          { cells: [{ blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '事项' }] }] }, { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '负责人' }] }] }, { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '完成时限' }] }] }] },
          {
            cells: [
              { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'A | B 两版' }] }, { type: 'paragraph', content: [{ type: 'text', text: '第二段' }] }] },
              { rowSpan: 2, blocks: [{ type: 'paragraph', content: [{ type: 'person', name: '李强' }] }] },
              { blocks: [{ type: 'paragraph', content: [{ type: 'date', date: '2025-06-20' }] }] },
            ],
          },
          { cells: [{ blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '第二行' }] }] }, { blocks: [] }] },
          { cells: [{ colSpan: 3, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '合并的备注' }] }] }] },
        ],
      },
    ],
  };
  const md = documentToMarkdown(doc);

  it('renders persons as @name, date chips as ISO dates, bold and links', () => {
    expect(md).toContain('## 一、待办\n');
    expect(md).toContain('负责人：@王芳，截止 2025-06-20 2025-06-20 18:00\n');
    expect(md).toContain('**重点**：见 [PRD](https://docs.example.com/a%20b)\n');
  });

  it('numbers ordered items per level and writes checkboxes', () => {
    expect(md).toContain('1. 第一步\n    - [x] 已完成的子项\n2. 第二步\n');
  });

  it('escapes paragraph starts and pipes so they read back as the same paragraphs', () => {
    expect(md).toContain('1\\. 这是正文，不是列表');
    expect(md).toContain('\\- 也不是列表 \\| 也不是表格');
    const back = readMarkdown(md);
    const paragraphs = shape(back).filter((b) => b.type === 'paragraph');
    expect(paragraphs.map((p) => p.type === 'paragraph' && p.text)).toContain('1. 这是正文，不是列表');
    expect(paragraphs.map((p) => p.type === 'paragraph' && p.text)).toContain('- 也不是列表 | 也不是表格');
  });

  it('writes merged cells as empty cells, escapes | and joins cell paragraphs with <br>', () => {
    expect(md).toContain('| 事项 | 负责人 | 完成时限 |\n| --- | --- | --- |\n| A \\| B 两版<br>第二段 | @李强 | 2025-06-20 |\n| 第二行 |  |  |\n| 合并的备注 |  |  |');
    const table = tables(readMarkdown(md))[0]!;
    expect(tableTexts(table)).toEqual([
      ['事项', '负责人', '完成时限'],
      ['A | B 两版\n第二段', '@李强', '2025-06-20'],
      ['第二行', '', ''],
      ['合并的备注', '', ''],
    ]);
  });

  it('round-trips headings, lists and tables', () => {
    const back = shape(readMarkdown(md));
    expect(back[0]).toEqual({ type: 'heading', level: 2, text: '待办' });
    expect(back.filter((b) => b.type === 'listItem')).toEqual([
      { type: 'listItem', level: 0, ordered: true, text: '第一步' },
      { type: 'listItem', level: 1, ordered: false, checked: true, text: '已完成的子项' },
      { type: 'listItem', level: 0, ordered: true, text: '第二步' },
    ]);
  });

  it('renders an empty document as an empty string', () => {
    expect(documentToMarkdown({ blocks: [] })).toBe('');
  });
});
