import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../src/core/model/document';
import { readHtml } from '../../../src/readers/index';
import { shape, tableTexts } from '../template/helpers';

describe('readHtml', () => {
  it('reads headings, paragraphs, lines split by <br>, links and bold', () => {
    const doc = readHtml('<h1>周会</h1><p>第一行<br>第二行 <strong>加粗</strong> <a href="https://x.example.com/prd">PRD</a></p>');
    expect(shape(doc)).toEqual([
      { type: 'heading', level: 1, text: '周会' },
      { type: 'paragraph', text: '第一行' },
      { type: 'paragraph', text: '第二行 加粗 PRD' },
    ]);
    expect(doc.blocks[2]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '第二行 ' },
        { type: 'text', text: '加粗', bold: true },
        { type: 'text', text: ' ' },
        { type: 'link', text: 'PRD', url: 'https://x.example.com/prd' },
      ],
    });
  });

  it('reads nested ordered and unordered lists, with <p> inside <li>', () => {
    const doc = readHtml('<ol><li><p>需求汇总</p><ul><li>笔记本</li><li>显示器</li></ul></li><li>采购方式</li></ol>');
    expect(shape(doc)).toEqual([
      { type: 'listItem', level: 0, ordered: true, text: '需求汇总' },
      { type: 'listItem', level: 1, ordered: false, text: '笔记本' },
      { type: 'listItem', level: 1, ordered: false, text: '显示器' },
      { type: 'listItem', level: 0, ordered: true, text: '采购方式' },
    ]);
  });

  it('reads checkboxes: <input type=checkbox>, aria-checked and typed ☐/☑', () => {
    const doc = readHtml(
      '<p><input type="checkbox" checked> 已交付</p><ul><li aria-checked="false">待评审</li></ul><p>☐ 王芳：周三前提交</p><ul><li>☑ 已确认</li></ul>',
    );
    expect(shape(doc)).toEqual([
      { type: 'listItem', level: 0, ordered: false, checked: true, text: '已交付' },
      { type: 'listItem', level: 0, ordered: false, checked: false, text: '待评审' },
      { type: 'listItem', level: 0, ordered: false, checked: false, text: '王芳：周三前提交' },
      { type: 'listItem', level: 0, ordered: false, checked: true, text: '已确认' },
    ]);
  });

  it('reads Google Docs clipboard HTML: a font-weight:normal <b> wrapper and aria-level nesting', () => {
    const doc = readHtml(
      '<b style="font-weight:normal;" id="docs-internal-guid-1"><ul><li aria-level="1"><p>父项</p></li><li aria-level="2"><p><span style="font-weight:700">子项</span></p></li></ul></b>',
    );
    expect(doc.blocks).toEqual([
      { type: 'listItem', level: 0, ordered: false, content: [{ type: 'text', text: '父项' }] },
      { type: 'listItem', level: 1, ordered: false, content: [{ type: 'text', text: '子项', bold: true }] },
    ]);
  });

  it('reads tables with colspan and rowspan, cells holding paragraphs', () => {
    const doc = readHtml(
      '<table><thead><tr><th>决议</th><th>负责人</th></tr></thead><tbody><tr><td><p>甲</p><p>乙</p></td><td rowspan="2">王芳</td></tr><tr><td>丙</td></tr><tr><td colspan="2">备注</td></tr></tbody></table>',
    );
    const table = doc.blocks[0] as TableBlock;
    expect(tableTexts(table)).toEqual([['决议', '负责人'], ['甲\n乙', '王芳'], ['丙'], ['备注']]);
    expect(table.rows[1]!.cells[1]!.rowSpan).toBe(2);
    expect(table.rows[3]!.cells[0]!.colSpan).toBe(2);
    expect(table.rows[1]!.cells[0]!.blocks).toHaveLength(2);
  });

  it('reads typed numbering and sections in plain paragraphs like Markdown', () => {
    expect(shape(readHtml('<p>一、讨论要点</p><p>1、确认下周五前输出需求文档</p><p>（2）技术部评估周期</p><p>【会议结论】</p>'))).toEqual([
      { type: 'heading', level: 2, text: '讨论要点' },
      { type: 'listItem', level: 0, ordered: true, text: '确认下周五前输出需求文档' },
      { type: 'listItem', level: 0, ordered: true, text: '技术部评估周期' },
      { type: 'heading', level: 2, text: '会议结论' },
    ]);
  });

  it('ignores scripts and styles, keeps the <title>, decodes entities', () => {
    const doc = readHtml('<html><head><title>周会 纪要</title><style>p{}</style></head><body><script>x()</script><p>R&amp;D&nbsp;组</p></body></html>');
    expect(doc.title).toBe('周会 纪要');
    expect(shape(doc)).toEqual([{ type: 'paragraph', text: 'R&D 组' }]);
  });

  it('survives broken HTML', () => {
    expect(() => readHtml('<table><tr><td>a<td>b<tr><td>c</table></li></ul><p><b>x')).not.toThrow();
    const table = readHtml('<table><tr><td>a<td>b<tr><td>c</table>').blocks[0] as TableBlock;
    expect(tableTexts(table)).toEqual([['a', 'b'], ['c']]);
  });
});
