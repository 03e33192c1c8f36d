import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, ListItemBlock, TableBlock } from '../../../src/core/model/document';
import { blockText } from '../../../src/core/model/text';
import { readMarkdown } from '../../../src/readers/index';
import { shape, tableTexts } from '../template/helpers';

const blocks = (text: string): Block[] => readMarkdown(text).blocks;
const texts = (text: string): string[] => blocks(text).map(blockText);
const items = (text: string): ListItemBlock[] => blocks(text).filter((b): b is ListItemBlock => b.type === 'listItem');
const firstTable = (text: string): string[][] => tableTexts(blocks(text).find((b): b is TableBlock => b.type === 'table')!);

describe('(a) minutes are line-oriented', () => {
  it('splits a paragraph with soft line breaks into one paragraph per line', () => {
    expect(shape(readMarkdown('沟通主题：积分商城改版\n沟通时间：2025年6月11日\n\n结论：先做兑换页'))).toEqual([
      { type: 'paragraph', text: '沟通主题：积分商城改版' },
      { type: 'paragraph', text: '沟通时间：2025年6月11日' },
      { type: 'paragraph', text: '结论：先做兑换页' },
    ]);
  });

  it('keeps a lazy continuation line out of the list item above it', () => {
    expect(shape(readMarkdown('1. 王芳：周三前提交接口文档\n李强负责评审'))).toEqual([
      { type: 'listItem', level: 0, ordered: true, text: '王芳：周三前提交接口文档' },
      { type: 'paragraph', text: '李强负责评审' },
    ]);
  });

  it('splits lines on <br> and reads fenced code line by line as plain text', () => {
    expect(texts('第一行<br>第二行<br/>第三行')).toEqual(['第一行', '第二行', '第三行']);
    expect(shape(readMarkdown('```\n- 不是列表\n**不加粗**\n```\n后文'))).toEqual([
      { type: 'paragraph', text: '- 不是列表' },
      { type: 'paragraph', text: '**不加粗**' },
      { type: 'paragraph', text: '后文' },
    ]);
  });

  it('drops blank lines and thematic breaks', () => {
    expect(texts('甲\n\n   \n---\n***\n=====\n乙')).toEqual(['甲', '乙']);
  });
});

describe('(b) tables', () => {
  it('reads a GFM table and drops its separator row', () => {
    expect(firstTable('| 事项 | 负责人 | 完成时限 |\n| :--- | --- | ---: |\n| 输出需求文档 | 王芳 | 6月20日 |')).toEqual([
      ['事项', '负责人', '完成时限'],
      ['输出需求文档', '王芳', '6月20日'],
    ]);
  });

  it('reads | rows without a separator row, with ragged cell counts', () => {
    expect(firstTable('| 事项 | 负责人 | 完成时限 |\n| 输出需求文档 | 王芳 |\n| 评估周期 | 李强 | 下周三 | 进行中 |')).toEqual([
      ['事项', '负责人', '完成时限'],
      ['输出需求文档', '王芳'],
      ['评估周期', '李强', '下周三', '进行中'],
    ]);
  });

  it('reads a GFM table without outer pipes when the second line is a separator', () => {
    expect(firstTable('决议 | 负责人\n--- | ---\n上线日期定为7月8日 | 周婷')).toEqual([
      ['决议', '负责人'],
      ['上线日期定为7月8日', '周婷'],
    ]);
  });

  it('keeps escaped pipes, empty cells and <br> paragraphs inside cells', () => {
    const table = blocks('| A \\| B | | 第一段<br>第二段 |')[0] as TableBlock;
    expect(table.rows[0]!.cells.map((c) => c.blocks.length)).toEqual([1, 0, 2]);
    expect(tableTexts(table)).toEqual([['A | B', '', '第一段\n第二段']]);
  });

  it('leaves "key: value | value" header lines as paragraphs', () => {
    const doc = blocks('Date: Wednesday, November 12, 2025 | 10:00–11:30 ET | Zoom\nFacilitator: Dana Brooks (PMO) | Notes: Felix Grant');
    expect(doc.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(blockText(doc[0]!)).toBe('Date: Wednesday, November 12, 2025 | 10:00–11:30 ET | Zoom');
  });

  it('reads two or more tab-separated lines as a table, keeping empty and ragged cells', () => {
    expect(firstTable('序号\t待办内容\t负责人\t协助人\t截止日期\n1\t修复缺陷\t钱晓东\t\t3月28日\n2\t编写应急流程\t马丽')).toEqual([
      ['序号', '待办内容', '负责人', '协助人', '截止日期'],
      ['1', '修复缺陷', '钱晓东', '', '3月28日'],
      ['2', '编写应急流程', '马丽'],
    ]);
  });

  it('reads a single clear key<TAB>value line as a one-row table, but not a sentence with a tab', () => {
    expect(firstTable('沟通主题\t财务共享平台升级评审')).toEqual([['沟通主题', '财务共享平台升级评审']]);
    expect(blocks('王芳说周三前提交。\t李强同意，下周评审。\t附件见群')[0]!.type).toBe('paragraph');
  });

  it('does not take an indented list for a tab table', () => {
    expect(shape(readMarkdown('- 父项\n\t- 子项'))).toEqual([
      { type: 'listItem', level: 0, ordered: false, text: '父项' },
      { type: 'listItem', level: 1, ordered: false, text: '子项' },
    ]);
  });

  it('reads an HTML table pasted into the text, with merged cells', () => {
    const doc = blocks('详见下表，请查阅。\n<table><tr><td colspan="2">合并</td></tr>\n<tr><td>a</td><td>b</td></tr></table>\n后文');
    expect(doc.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect((doc[1] as TableBlock).rows[0]!.cells[0]!.colSpan).toBe(2);
  });

  it('reads only the line of an unclosed <table>, keeping the lines after it', () => {
    expect(texts('<table><tr><td>a</td>\n第二行\n第三行')).toEqual(['a', '第二行', '第三行']);
  });
});

describe('(c) list items', () => {
  it.each([
    ['· 会员数据清洗完成', '·', false],
    ['•会员数据清洗完成', '•', false],
    ['● 会员数据清洗完成', '●', false],
    ['▪ 会员数据清洗完成', '▪', false],
    ['- 会员数据清洗完成', '-', false],
    ['* 会员数据清洗完成', '*', false],
    ['+ 会员数据清洗完成', '+', false],
    ['1. 会员数据清洗完成', '1.', true],
    ['1.会员数据清洗完成', '1.', true],
    ['1、会员数据清洗完成', '1、', true],
    ['（1）会员数据清洗完成', '（1）', true],
    ['(1) 会员数据清洗完成', '(1)', true],
    ['① 会员数据清洗完成', '①', true],
    ['1) 会员数据清洗完成', '1)', true],
    ['12） 会员数据清洗完成', '12）', true],
  ])('%j is an item with marker %j', (line, marker, ordered) => {
    const [item] = items(line);
    expect(item).toMatchObject({ type: 'listItem', level: 0, ordered, marker });
    expect(blockText(item!)).toBe('会员数据清洗完成');
    expect(item!.checked).toBeUndefined();
  });

  it.each([
    '6.2 版本的分支今天冻结',
    '2025.4.22 评审',
    '-5% 的毛利影响',
    '*强调*的说法',
    '12 月 26 日为最后报销日',
    '3.31 前完成',
  ])('%j is not a list item', (line) => {
    expect(blocks(line)[0]!.type).toBe('paragraph');
  });

  it.each([
    ['- [ ] 阮晨：首页视觉稿', false, '- [ ]'],
    ['- [x] 完成调研报告', true, '- [x]'],
    ['* [X] 完成调研报告', true, '* [X]'],
    ['1. [ ] 排期评审', false, '1. [ ]'],
    ['[ ] 排期评审', false, '[ ]'],
    ['[x] 排期评审', true, '[x]'],
    ['☐ 排期评审', false, '☐'],
    ['☑ 排期评审', true, '☑'],
    ['• ☐ 排期评审', false, '• ☐'],
  ])('%j is a checkbox item (checked: %s)', (line, checked, marker) => {
    const [item] = items(line);
    expect(item).toMatchObject({ checked, marker });
    expect(blockText(item!)).not.toMatch(/^[[☐☑\-*•1]/u);
  });

  it('keeps ✅ as a bullet with its marker (it leads confirmed decisions as often as finished work)', () => {
    const [item] = items('✅ 供应商门户 11 月 17 日开放注册');
    expect(item).toMatchObject({ marker: '✅', ordered: false });
    expect(item!.checked).toBeUndefined();
    expect(blockText(item!)).toBe('供应商门户 11 月 17 日开放注册');
  });

  it('nests by indentation and comes back out', () => {
    const text = ['1. 需求汇总', '   - 笔记本 236 台', '     · 高配 40 台', '   - 显示器 180 台', '2. 采购方式', '  - 公开招标', '3. 时间安排'].join('\n');
    expect(items(text).map((i) => [i.level, blockText(i)])).toEqual([
      [0, '需求汇总'],
      [1, '笔记本 236 台'],
      [2, '高配 40 台'],
      [1, '显示器 180 台'],
      [0, '采购方式'],
      [1, '公开招标'],
      [0, '时间安排'],
    ]);
  });

  it('starts nesting afresh after a heading or an unindented paragraph', () => {
    const list = items('  - 缩进开头\n### 决议\n    - 也是顶层\n正文\n  - 顶层');
    expect(list.map((i) => i.level)).toEqual([0, 0, 0]);
  });
});

describe('(d) headings', () => {
  it('reads 一、 sections as level-2 headings without their numbering', () => {
    expect(blocks('一、讨论要点\n二、决议事项')).toEqual([
      { type: 'heading', level: 2, marker: '一、', content: [{ type: 'text', text: '讨论要点' }] },
      { type: 'heading', level: 2, marker: '二、', content: [{ type: 'text', text: '决议事项' }] },
    ]);
  });

  it('drops a trailing colon from section headings', () => {
    expect(shape(readMarkdown('四、后续行动：\n### 决议：'))).toEqual([
      { type: 'heading', level: 2, text: '后续行动' },
      { type: 'heading', level: 3, text: '决议' },
    ]);
  });

  it('reads a 一、 sentence as a numbered item, not a heading', () => {
    const [block] = blocks('一、王芳周五前提交接口文档，李强负责评审。');
    expect(block).toMatchObject({ type: 'listItem', ordered: true, marker: '一、' });
    expect(blockText(block!)).toBe('王芳周五前提交接口文档，李强负责评审。');
  });

  it('reads （一） as a level-3 heading, 【…】 lines and # headings', () => {
    expect(shape(readMarkdown('（一）背景\n【会议纪要】\n【0. 开场】\n### 决议\n# 周会 #'))).toEqual([
      { type: 'heading', level: 3, text: '背景' },
      { type: 'heading', level: 2, text: '会议纪要' },
      { type: 'heading', level: 2, text: '开场' },
      { type: 'heading', level: 3, text: '决议' },
      { type: 'heading', level: 1, text: '周会' },
    ]);
  });

  it('leaves a line that only starts with 【…】 as a paragraph', () => {
    expect(blocks('【决议】2026 年渠道价格体系调整专题会')[0]!.type).toBe('paragraph');
  });

  it('reads a short line ending with ： that heads a list or table as a heading', () => {
    expect(shape(readMarkdown('决议：\n1. 返点比例维持 8%\n待办：\n| 事项 | 负责人 |\n| 审合同 | 尹航 |'))).toEqual([
      { type: 'heading', level: 3, text: '决议' },
      { type: 'listItem', level: 0, ordered: true, text: '返点比例维持 8%' },
      { type: 'heading', level: 3, text: '待办' },
      { type: 'table', rows: [['事项', '负责人'], ['审合同', '尹航']] },
    ]);
  });

  it('reads a short title line that heads a list as a heading, but not a sentence or a line before text', () => {
    expect(shape(readMarkdown('Action items\n- Jamal to publish the FAQ by Friday.'))[0]).toEqual({ type: 'heading', level: 3, text: 'Action items' });
    expect(blocks('结论：恒达包装直接准入\n- 其他')[0]!.type).toBe('paragraph');
    expect(blocks('决议：\n正文')[0]!.type).toBe('paragraph');
    expect(blocks('经过讨论，会议形成以下意见，请各部门知悉并落实执行：\n（1）第二批试点')[0]!.type).toBe('paragraph');
  });
});

describe('(e) markers are not content', () => {
  it('gives the title without numbering, bullet or checkbox, and keeps the marker aside', () => {
    const list = items('1. 邹凯：4月18日前完成招标文件定稿\n- [ ] 阮晨：视觉稿 2/21 前交付\n（2）导购激励口径由财务部统一');
    expect(list.map(blockText)).toEqual(['邹凯：4月18日前完成招标文件定稿', '阮晨：视觉稿 2/21 前交付', '导购激励口径由财务部统一']);
    expect(list.map((i) => i.marker)).toEqual(['1.', '- [ ]', '（2）']);
  });
});

describe('(f) inline Markdown', () => {
  it('reduces bold and emphasis to text, keeping bold as a flag', () => {
    expect(blocks('**决议**：采用 *线上* 直播')[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '决议', bold: true },
        { type: 'text', text: '：采用 线上 直播' },
      ],
    });
  });

  it('makes links and bare URLs link runs, without swallowing the Chinese text after a URL', () => {
    expect(blocks('见 [需求文档](https://docs.example.com/prd) 和 https://wiki.example.com/a。')[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '见 ' },
        { type: 'link', text: '需求文档', url: 'https://docs.example.com/prd' },
        { type: 'text', text: ' 和 ' },
        { type: 'link', text: 'https://wiki.example.com/a', url: 'https://wiki.example.com/a' },
        { type: 'text', text: '。' },
      ],
    });
  });

  it('leaves @Name, e-mail addresses, ranges and arithmetic as text', () => {
    expect(texts('@方圆 整理名单，同步给 @邱月')).toEqual(['@方圆 整理名单，同步给 @邱月']);
    expect(blocks('联系 sarah.k@example.com')[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '联系 sarah.k@example.com' }] });
    expect(texts('6月3日~6月5日，7~9日')).toEqual(['6月3日~6月5日，7~9日']);
    expect(texts('规格 2*3*4 米')).toEqual(['规格 2*3*4 米']);
    expect(texts('~~取消的事项~~ 保留')).toEqual(['取消的事项 保留']);
  });

  it('decodes escapes and common entities', () => {
    expect(texts('R&amp;D \\*不是强调\\* &#12289;')).toEqual(['R&D *不是强调* 、']);
  });
});

describe('(g) text normalisation', () => {
  it('normalises \\r\\n and \\r line breaks', () => {
    expect(texts('甲\r\n乙\r丙')).toEqual(['甲', '乙', '丙']);
  });

  it('normalises to NFC and removes zero-width characters', () => {
    expect(texts('Cafe\u0301 周\u200b会\u200d纪\ufeff要')).toEqual(['Café 周会纪要']);
  });

  it('keeps full-width spaces as text', () => {
    expect(texts('日期：9月3日\u3000记录：冯雪')).toEqual(['日期：9月3日\u3000记录：冯雪']);
    expect(texts('\u3000\u3000正文缩进')).toEqual(['\u3000\u3000正文缩进']);
  });
});

describe('robustness', () => {
  it('reads an empty or blank text as an empty document', () => {
    expect(readMarkdown('')).toEqual({ blocks: [] });
    expect(readMarkdown('\n \n\t\n')).toEqual({ blocks: [] });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const doc = readMarkdown(text);
        expect(Array.isArray(doc.blocks)).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('| a |', '\t', '- ', '1. ', '[x] ', '**', '<br>', '一、', '【', '】', '\n', ' ', '王芳', '`', '```', '>', '#'), { maxLength: 40 }), (parts) => {
        expect(() => readMarkdown(parts.join(''))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the words of plain lines', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[\u4e00-\u9fa5a-zA-Z]{1,12}$/u), { minLength: 1, maxLength: 10 }), (words) => {
        expect(texts(words.join('\n'))).toEqual(words);
      }),
      { numRuns: 100 },
    );
  });
});
