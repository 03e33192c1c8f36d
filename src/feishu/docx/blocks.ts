/** The docx block shapes this project reads and writes (块的数据结构), kept loose: unknown types are tolerated. */

export interface TextElement {
  text_run?: { content: string; text_element_style?: TextElementStyle };
  mention_user?: { user_id: string; text_element_style?: TextElementStyle };
  mention_doc?: { token: string; obj_type?: number; url?: string; title?: string; text_element_style?: TextElementStyle };
  reminder?: { create_user_id?: string; is_notify?: boolean; is_whole_day?: boolean; expire_time: string | number; notify_time?: string | number; text_element_style?: TextElementStyle };
  equation?: { content: string };
  [other: string]: unknown;
}

export interface TextElementStyle {
  bold?: boolean;
  italic?: boolean;
  link?: { url: string };
  [other: string]: unknown;
}

export interface TextPayload {
  elements?: TextElement[];
  style?: { done?: boolean; [other: string]: unknown };
}

export interface TableProperty {
  row_size: number;
  column_size: number;
  column_width?: number[];
  header_row?: boolean;
  merge_info?: { row_span?: number; col_span?: number }[];
}

export interface DocxBlock {
  block_id: string;
  block_type: number;
  parent_id?: string;
  children?: string[];
  table?: { cells?: string[]; property?: TableProperty };
  [payload: string]: unknown;
}

export const BLOCK = {
  page: 1,
  text: 2,
  heading1: 3,
  bullet: 12,
  ordered: 13,
  code: 14,
  quote: 15,
  todo: 17,
  callout: 19,
  grid: 24,
  gridColumn: 25,
  table: 31,
  tableCell: 32,
  quoteContainer: 34,
} as const;

/** The payload key of text-like blocks: page, text, heading1–9, bullet, ordered, code, quote, todo. */
export function textKey(blockType: number): string | null {
  if (blockType === BLOCK.page) return 'page';
  if (blockType === BLOCK.text) return 'text';
  if (blockType >= 3 && blockType <= 11) return `heading${blockType - 2}`;
  if (blockType === BLOCK.bullet) return 'bullet';
  if (blockType === BLOCK.ordered) return 'ordered';
  if (blockType === BLOCK.code) return 'code';
  if (blockType === BLOCK.quote) return 'quote';
  if (blockType === BLOCK.todo) return 'todo';
  return null;
}

export function textPayload(block: DocxBlock): TextPayload | null {
  const key = textKey(block.block_type);
  if (!key) return null;
  const payload = block[key];
  return typeof payload === 'object' && payload !== null ? (payload as TextPayload) : null;
}

/** The blocks of a document by id, and the page block. */
export interface BlockTree {
  byId: Map<string, DocxBlock>;
  page: DocxBlock;
  revision: number;
}

export function treeOf(items: readonly DocxBlock[], documentId: string, revision: number): BlockTree {
  const byId = new Map(items.map((b) => [b.block_id, b]));
  const page = byId.get(documentId) ?? items.find((b) => b.block_type === BLOCK.page);
  if (!page) throw new Error('the document has no page block');
  return { byId, page, revision };
}

/** A table's cell ids as rows × columns (cells are row-major). */
export function tableGrid(block: DocxBlock): string[][] {
  const cells = block.table?.cells ?? block.children ?? [];
  const columns = block.table?.property?.column_size ?? 0;
  if (columns <= 0) return [];
  const rows: string[][] = [];
  for (let i = 0; i < cells.length; i += columns) rows.push(cells.slice(i, i + columns));
  return rows;
}
