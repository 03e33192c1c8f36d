/**
 * The core model ↔ ProseMirror JSON. Pure data in both directions (no ProseMirror import), so Node
 * tests check the round trip. Block and row anchors travel as node attributes: the editor keeps them
 * through edits, and sync identity with them.
 */
import type { Block, Inline, MinutesDocument, TableBlock, TableCell } from '../../core/model/document';

export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  marks?: PmMark[];
  text?: string;
}

export function toProseMirror(doc: MinutesDocument): PmNode {
  const content = doc.blocks.map(blockToPm);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph', attrs: { anchor: null } }] };
}

function blockToPm(block: Block): PmNode {
  const anchor = block.anchor ?? null;
  switch (block.type) {
    case 'heading':
      return withContent({ type: 'heading', attrs: { level: clampLevel(block.level), anchor, marker: block.marker ?? null } }, inlinesToPm(block.content));
    case 'paragraph':
      return withContent({ type: 'paragraph', attrs: { anchor } }, inlinesToPm(block.content));
    case 'listItem':
      return withContent(
        { type: 'list_item', attrs: { level: block.level, ordered: block.ordered, checked: block.checked ?? null, marker: block.marker ?? null, anchor } },
        inlinesToPm(block.content),
      );
    case 'table':
      return tableToPm(block);
  }
}

function tableToPm(table: TableBlock): PmNode {
  const rows = table.rows.map((row) => ({
    type: 'table_row',
    attrs: { anchor: row.anchor ?? null },
    content: row.cells.map(cellToPm),
  }));
  return { type: 'table', attrs: { anchor: table.anchor ?? null }, content: rows.length > 0 ? rows : [{ type: 'table_row', attrs: { anchor: null }, content: [cellToPm({ blocks: [] })] }] };
}

function cellToPm(cell: TableCell): PmNode {
  const blocks = cell.blocks.map(blockToPm);
  return {
    type: 'table_cell',
    attrs: { colspan: cell.colSpan ?? 1, rowspan: cell.rowSpan ?? 1, colwidth: null },
    content: blocks.length > 0 ? blocks : [{ type: 'paragraph', attrs: { anchor: null } }],
  };
}

function withContent(node: PmNode, content: PmNode[]): PmNode {
  return content.length > 0 ? { ...node, content } : node;
}

function inlinesToPm(runs: readonly Inline[]): PmNode[] {
  const out: PmNode[] = [];
  for (const run of runs) {
    switch (run.type) {
      case 'text':
        if (run.text) out.push(run.bold ? { type: 'text', text: run.text, marks: [{ type: 'strong' }] } : { type: 'text', text: run.text });
        break;
      case 'link':
        if (run.text) out.push({ type: 'text', text: run.text, marks: [{ type: 'link', attrs: { href: run.url } }] });
        break;
      case 'person':
        out.push({ type: 'person', attrs: { name: run.name, email: run.email ?? null, id: run.id ?? null } });
        break;
      case 'date':
        out.push({ type: 'date', attrs: { date: run.date, time: run.time ?? null } });
        break;
    }
  }
  return out;
}

function clampLevel(level: number): number {
  return Math.min(6, Math.max(1, Math.round(level) || 1));
}

// ---- back to the model ----

export function fromProseMirror(node: PmNode, title?: string): MinutesDocument {
  const blocks = (node.content ?? []).map(pmToBlock).filter((b): b is Block => b !== null);
  return title !== undefined ? { title, blocks } : { blocks };
}

function pmToBlock(node: PmNode): Block | null {
  const anchor = str(node.attrs?.anchor);
  const anchored = <T extends Block>(block: T): T => (anchor ? { ...block, anchor } : block);
  switch (node.type) {
    case 'heading': {
      const marker = str(node.attrs?.marker);
      return anchored({ type: 'heading', level: Number(node.attrs?.level ?? 1), content: pmToInlines(node.content), ...(marker ? { marker } : {}) });
    }
    case 'paragraph':
      return anchored({ type: 'paragraph', content: pmToInlines(node.content) });
    case 'list_item': {
      const marker = str(node.attrs?.marker);
      const checked = node.attrs?.checked;
      return anchored({
        type: 'listItem',
        level: Number(node.attrs?.level ?? 0),
        ordered: node.attrs?.ordered === true,
        ...(typeof checked === 'boolean' ? { checked } : {}),
        content: pmToInlines(node.content),
        ...(marker ? { marker } : {}),
      });
    }
    case 'table':
      return anchored({
        type: 'table',
        rows: (node.content ?? []).map((row) => {
          const rowAnchor = str(row.attrs?.anchor);
          const cells = (row.content ?? []).map(pmToCell);
          return rowAnchor ? { cells, anchor: rowAnchor } : { cells };
        }),
      });
    default:
      return null;
  }
}

function pmToCell(node: PmNode): TableCell {
  const cell: TableCell = { blocks: (node.content ?? []).map(pmToBlock).filter((b): b is Block => b !== null) };
  const colspan = Number(node.attrs?.colspan ?? 1);
  const rowspan = Number(node.attrs?.rowspan ?? 1);
  if (colspan > 1) cell.colSpan = colspan;
  if (rowspan > 1) cell.rowSpan = rowspan;
  return cell;
}

function pmToInlines(nodes: readonly PmNode[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      const text = node.text ?? '';
      const link = node.marks?.find((m) => m.type === 'link');
      const bold = node.marks?.some((m) => m.type === 'strong') ?? false;
      const last = out[out.length - 1];
      if (link) {
        const url = String(link.attrs?.href ?? '');
        if (last?.type === 'link' && last.url === url) last.text += text;
        else out.push({ type: 'link', text, url });
      } else if (last?.type === 'text' && (last.bold ?? false) === bold) {
        last.text += text;
      } else {
        out.push(bold ? { type: 'text', text, bold: true } : { type: 'text', text });
      }
    } else if (node.type === 'person') {
      const email = str(node.attrs?.email);
      const id = str(node.attrs?.id);
      out.push({ type: 'person', name: String(node.attrs?.name ?? ''), ...(email ? { email } : {}), ...(id ? { id } : {}) });
    } else if (node.type === 'date') {
      const time = str(node.attrs?.time);
      out.push({ type: 'date', date: String(node.attrs?.date ?? ''), ...(time ? { time } : {}) });
    } else if (node.type === 'hard_break') {
      const last = out[out.length - 1];
      if (last?.type === 'text') last.text += '\n';
      else out.push({ type: 'text', text: '\n' });
    }
  }
  return out;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
