/** The editor's ProseMirror schema: the core model's blocks and inline runs, with anchors as attributes. */
import { Schema, type DOMOutputSpec, type Node as PmNodeType } from 'prosemirror-model';
import { tableNodes } from 'prosemirror-tables';

const anchor = { anchor: { default: null as string | null } };
const anchorOf = (dom: HTMLElement | string): { anchor: string | null } => ({ anchor: typeof dom === 'string' ? null : dom.getAttribute('data-anchor') });
const anchorAttr = (node: PmNodeType): Record<string, string> => (node.attrs.anchor ? { 'data-anchor': String(node.attrs.anchor) } : {});

const tables = tableNodes({ tableGroup: 'block', cellContent: 'block+', cellAttributes: {} });

/** Links from documents keep their text; only web and mail links get an href (never `javascript:`). */
export function safeHref(href: unknown): string | null {
  const value = typeof href === 'string' ? href.trim() : '';
  return /^(https?:|mailto:)/i.test(value) ? value : null;
}

export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'inline*',
      attrs: anchor,
      parseDOM: [{ tag: 'p', getAttrs: anchorOf }],
      toDOM: (node): DOMOutputSpec => ['p', anchorAttr(node), 0],
    },
    heading: {
      group: 'block',
      content: 'inline*',
      defining: true,
      attrs: { level: { default: 2 }, marker: { default: null as string | null }, ...anchor },
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, getAttrs: (dom: HTMLElement | string) => ({ level, ...anchorOf(dom) }) })),
      toDOM: (node): DOMOutputSpec => [`h${node.attrs.level}`, { ...anchorAttr(node), ...(node.attrs.marker ? { 'data-marker': String(node.attrs.marker) } : {}) }, 0],
    },
    list_item: {
      group: 'block',
      content: 'inline*',
      attrs: { level: { default: 0 }, ordered: { default: false }, checked: { default: null as boolean | null }, marker: { default: null as string | null }, ...anchor },
      parseDOM: [{ tag: 'p.li', getAttrs: anchorOf }],
      toDOM: (node): DOMOutputSpec => [
        'p',
        {
          class: 'li',
          ...anchorAttr(node),
          'data-marker': String(node.attrs.marker ?? (node.attrs.checked === true ? '☑' : node.attrs.checked === false ? '☐' : node.attrs.ordered ? '1.' : '•')),
          style: `margin-left:${Number(node.attrs.level) * 1.5 + 1.4}em`,
        },
        0,
      ],
    },
    text: { group: 'inline' },
    hard_break: { inline: true, group: 'inline', selectable: false, parseDOM: [{ tag: 'br' }], toDOM: (): DOMOutputSpec => ['br'] },
    person: {
      inline: true,
      group: 'inline',
      atom: true,
      attrs: { name: { default: '' }, email: { default: null as string | null }, id: { default: null as string | null } },
      parseDOM: [{ tag: 'span.person', getAttrs: (dom: HTMLElement | string) => ({ name: typeof dom === 'string' ? '' : dom.getAttribute('data-name') ?? dom.textContent ?? '' }) }],
      toDOM: (node): DOMOutputSpec => ['span', { class: 'chip person', 'data-name': String(node.attrs.name), title: String(node.attrs.email ?? node.attrs.name) }, `@${String(node.attrs.name)}`],
    },
    date: {
      inline: true,
      group: 'inline',
      atom: true,
      attrs: { date: { default: '' }, time: { default: null as string | null } },
      parseDOM: [{ tag: 'span.date', getAttrs: (dom: HTMLElement | string) => ({ date: typeof dom === 'string' ? '' : dom.getAttribute('data-date') ?? '' }) }],
      toDOM: (node): DOMOutputSpec => ['span', { class: 'chip date', 'data-date': String(node.attrs.date) }, `${String(node.attrs.date)}${node.attrs.time ? ` ${String(node.attrs.time)}` : ''}`],
    },
    table: { ...tables.table, attrs: anchor, toDOM: (node): DOMOutputSpec => ['table', anchorAttr(node), ['tbody', 0]] },
    table_row: { ...tables.table_row, attrs: anchor, toDOM: (node): DOMOutputSpec => ['tr', anchorAttr(node), 0] },
    table_cell: tables.table_cell,
    table_header: tables.table_header,
  },
  marks: {
    strong: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: (): DOMOutputSpec => ['strong', 0] },
    link: {
      attrs: { href: { default: '' } },
      inclusive: false,
      parseDOM: [{ tag: 'a[href]', getAttrs: (dom: HTMLElement | string) => ({ href: typeof dom === 'string' ? '' : dom.getAttribute('href') ?? '' }) }],
      toDOM: (mark): DOMOutputSpec => {
        const href = safeHref(mark.attrs.href);
        return ['a', href ? { href, title: href, rel: 'noopener noreferrer', target: '_blank' } : { class: 'unsafe-link', title: String(mark.attrs.href) }, 0];
      },
    },
  },
});

/** Node types whose `anchor` attribute identifies them across edits. */
export const ANCHORED = new Set(['paragraph', 'heading', 'list_item', 'table', 'table_row']);
