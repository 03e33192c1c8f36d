import { Node as PmNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { MinutesDocument } from '../../src/core/model/document';
import { renderTemplate } from '../../src/core/template/index';
import { fixAnchors } from '../../src/local/web/anchors';
import { fromProseMirror, toProseMirror } from '../../src/local/web/convert';
import { mergeRemote } from '../../src/local/web/merge';
import { safeHref, schema } from '../../src/local/web/schema';

const rich: MinutesDocument = {
  title: '周会',
  blocks: [
    { type: 'heading', level: 2, marker: '一、', content: [{ type: 'text', text: '决议事项' }], anchor: 'b1' },
    { type: 'paragraph', content: [{ type: 'text', text: '加粗', bold: true }, { type: 'text', text: ' 普通 ' }, { type: 'person', name: '张三', email: 'zhang@example.com' }, { type: 'date', date: '2026-12-20', time: '18:00' }, { type: 'link', text: '任务', url: 'https://example.com/t/1' }], anchor: 'b2' },
    { type: 'listItem', level: 1, ordered: true, marker: '1.', checked: false, content: [{ type: 'text', text: '列表' }], anchor: 'b3' },
    {
      type: 'table',
      anchor: 'b4',
      rows: [
        { anchor: 'r1', cells: [{ blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '事项' }] }] }, { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '负责人' }] }] }] },
        { anchor: 'r2', cells: [{ blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '整理文档' }] }], colSpan: 2 }] },
      ],
    },
  ],
};

describe('model ↔ ProseMirror', () => {
  it('round-trips every block and inline kind, anchors included, through a schema-valid document', () => {
    const json = toProseMirror(rich);
    const node = PmNode.fromJSON(schema, json);
    node.check();
    expect(fromProseMirror(node.toJSON() as never, rich.title)).toEqual(rich);
  });

  it('round-trips the rendered template (empty cells become one empty paragraph)', () => {
    const template = renderTemplate('kickoff', 'zh', { date: '2026-11-30' });
    const node = PmNode.fromJSON(schema, toProseMirror(template));
    node.check();
    const back = fromProseMirror(node.toJSON() as never);
    const tables = back.blocks.filter((b) => b.type === 'table');
    expect(tables.length).toBe(template.blocks.filter((b) => b.type === 'table').length);
    expect(JSON.stringify(back)).toContain('待办事项');
  });

  it('gives an empty document one paragraph', () => {
    const node = PmNode.fromJSON(schema, toProseMirror({ blocks: [] }));
    expect(node.childCount).toBe(1);
    expect(node.firstChild!.type.name).toBe('paragraph');
  });

  it('links keep their text but only web and mail links get an href', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('https://example.com/x')).toBe('https://example.com/x');
    expect(safeHref('mailto:a@example.com')).toBe('mailto:a@example.com');
  });
});

describe('anchors', () => {
  it('gives anchorless nodes a fresh anchor and a copied anchor to the copy only', () => {
    const doc: MinutesDocument = {
      blocks: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }], anchor: 'same' },
        { type: 'paragraph', content: [{ type: 'text', text: 'b' }], anchor: 'same' },
        { type: 'paragraph', content: [{ type: 'text', text: 'c' }] },
      ],
    };
    const state = EditorState.create({ schema, doc: PmNode.fromJSON(schema, toProseMirror(doc)) });
    const tr = state.tr;
    expect(fixAnchors(state.doc, tr)).toBe(true);
    const anchors = fromProseMirror(tr.doc.toJSON() as never).blocks.map((b) => b.anchor);
    expect(anchors[0]).toBe('same');
    expect(anchors[1]).not.toBe('same');
    expect(anchors[2]).toBeTruthy();
    expect(new Set(anchors).size).toBe(3);
    expect(fixAnchors(tr.doc, tr)).toBe(false);
  });
});

describe('mergeRemote', () => {
  const row = (anchor: string, texts: string[]) => ({ anchor, cells: texts.map((t) => ({ blocks: [{ type: 'paragraph' as const, content: t ? [{ type: 'text' as const, text: t }] : [] }] })) });
  const doc = (title: string, status: string, intro = '纪要'): MinutesDocument => ({
    blocks: [{ type: 'paragraph', content: [{ type: 'text', text: intro }], anchor: 'p' }, { type: 'table', anchor: 't', rows: [row('h', ['事项', '状态']), row('r1', [title, status])] }],
  });

  it('takes the host version when nothing is unsaved (key order does not matter)', () => {
    const base = doc('整理文档', '未开始');
    const local = JSON.parse(JSON.stringify(base, ['blocks', 'anchor', 'type', 'content', 'text', 'rows', 'cells'].reverse())) as MinutesDocument;
    const remote = doc('整理文档', '已完成');
    expect(mergeRemote(base, local, remote)).toEqual(remote);
  });

  it('keeps unsaved typing and takes the cells the host changed', () => {
    const base = doc('整理文档', '未开始');
    const local = doc('整理文档（v2）', '未开始', '纪要，刚刚补充');
    const remote = doc('整理文档', '已完成');
    const merged = mergeRemote(base, local, remote);
    expect(merged).toEqual(doc('整理文档（v2）', '已完成', '纪要，刚刚补充'));
  });
});
