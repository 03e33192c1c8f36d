/**
 * docx blocks → the core's MinutesDocument. Block ids become anchors; a table row's anchor is the block
 * id of its first cell (Feishu has no row blocks). Mentions become person runs with the open_id as `id`,
 * reminders date runs, links link runs. Unknown block types are skipped, their children read.
 */
import type { Block, Inline, ListItemBlock, MinutesDocument, TableBlock, TableCell } from '../../core/model/document';
import { BLOCK, tableGrid, textPayload, type BlockTree, type DocxBlock, type TextElement } from './blocks';
import { zoned } from './time';

export interface ModelOptions {
  /** Display names of mentioned users by open_id. */
  names: ReadonlyMap<string, string>;
  timeZone: string;
}

export function toMinutesDocument(tree: BlockTree, options: ModelOptions): MinutesDocument {
  const blocks: Block[] = [];
  for (const id of tree.page.children ?? []) convert(tree, id, 0, blocks, options);
  const title = plain(textPayload(tree.page)?.elements ?? []);
  return title ? { title, blocks } : { blocks };
}

function convert(tree: BlockTree, id: string, listLevel: number, out: Block[], options: ModelOptions): void {
  const block = tree.byId.get(id);
  if (!block) return;
  const t = block.block_type;
  const payload = textPayload(block);
  if (t === BLOCK.table) {
    out.push(table(tree, block, options));
    return;
  }
  if (payload && t >= 3 && t <= 11) {
    out.push({ type: 'heading', level: t - 2, content: inlines(payload.elements ?? [], options), anchor: block.block_id });
  } else if (payload && (t === BLOCK.bullet || t === BLOCK.ordered || t === BLOCK.todo)) {
    const item: ListItemBlock = { type: 'listItem', level: listLevel, ordered: t === BLOCK.ordered, content: inlines(payload.elements ?? [], options), anchor: block.block_id };
    if (t === BLOCK.todo) item.checked = payload.style?.done === true;
    out.push(item);
    for (const child of block.children ?? []) convert(tree, child, listLevel + 1, out, options);
    return;
  } else if (payload && t !== BLOCK.page) {
    out.push({ type: 'paragraph', content: inlines(payload.elements ?? [], options), anchor: block.block_id });
  }
  // Containers (callout, grid, quote container, unknown types) and text blocks with children.
  for (const child of block.children ?? []) convert(tree, child, listLevel, out, options);
}

function table(tree: BlockTree, block: DocxBlock, options: ModelOptions): TableBlock {
  const merge = block.table?.property?.merge_info ?? [];
  const columns = block.table?.property?.column_size ?? 0;
  const rows = tableGrid(block).map((cellIds, r) => {
    const cells: TableCell[] = cellIds.map((cellId, c) => {
      const blocks: Block[] = [];
      for (const child of tree.byId.get(cellId)?.children ?? []) convert(tree, child, 0, blocks, options);
      const cell: TableCell = { blocks: blocks.filter((b) => b.type !== 'paragraph' || b.content.length > 0) };
      const span = merge[r * columns + c];
      if (span?.col_span && span.col_span > 1) cell.colSpan = span.col_span;
      if (span?.row_span && span.row_span > 1) cell.rowSpan = span.row_span;
      return cell;
    });
    return cellIds[0] ? { cells, anchor: cellIds[0] } : { cells };
  });
  return { type: 'table', rows, anchor: block.block_id };
}

export function inlines(elements: readonly TextElement[], options: ModelOptions): Inline[] {
  const out: Inline[] = [];
  for (const e of elements) {
    if (e.text_run) {
      const style = e.text_run.text_element_style;
      const url = style?.link?.url;
      if (url) out.push({ type: 'link', text: e.text_run.content, url: safeDecode(url) });
      else out.push(style?.bold ? { type: 'text', text: e.text_run.content, bold: true } : { type: 'text', text: e.text_run.content });
    } else if (e.mention_user) {
      const id = e.mention_user.user_id;
      out.push({ type: 'person', name: options.names.get(id) ?? id, id });
    } else if (e.reminder) {
      const ms = Number(e.reminder.expire_time);
      if (!Number.isFinite(ms) || ms <= 0) continue;
      const z = zoned(ms, options.timeZone);
      out.push(e.reminder.is_whole_day === false ? { type: 'date', date: z.date, time: z.time } : { type: 'date', date: z.date });
    } else if (e.mention_doc) {
      out.push({ type: 'link', text: e.mention_doc.title ?? e.mention_doc.token, url: safeDecode(e.mention_doc.url ?? '') });
    } else if (e.equation) {
      out.push({ type: 'text', text: e.equation.content });
    }
  }
  return out;
}

/** Open ids mentioned anywhere in the document. */
export function mentionedUsers(tree: BlockTree): string[] {
  const ids = new Set<string>();
  for (const block of tree.byId.values()) {
    for (const e of textPayload(block)?.elements ?? []) if (e.mention_user?.user_id) ids.add(e.mention_user.user_id);
  }
  return [...ids];
}

function plain(elements: readonly TextElement[]): string {
  return elements.map((e) => e.text_run?.content ?? '').join('').trim();
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
