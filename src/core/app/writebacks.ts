/** Where the sync's write-backs (状态 and 任务 cells) land in the document. */
import type { MinutesDocument, TableBlock } from '../model/document';
import { cellText } from '../model/text';
import { itemColumns, tableGrid } from '../extract/tables';
import type { WriteBack } from '../sync/types';
import { statusLabel, type ColumnRole } from '../template/index';
import type { Lang } from './protocol';

export interface CellEdit {
  blockIndex: number;
  tableAnchor?: string;
  rowIndex: number;
  rowAnchor?: string;
  column: number;
  kind: 'status' | 'task';
  /** The cell's new text (a status label, or the link text). */
  text: string;
  /** For a task cell: the link; null clears it. */
  url?: string | null;
}

/**
 * The cell edits for a batch of write-backs. Only items that stand in a table row with a 状态 / 任务 column
 * can take them; the others get none.
 */
export function cellEdits(doc: MinutesDocument, writeBacks: readonly WriteBack[], lang: Lang): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const wb of writeBacks) {
    const place = locate(doc, wb);
    if (!place) continue;
    const { table, blockIndex, rowIndex, roles } = place;
    const rowAnchor = table.rows[rowIndex]?.anchor;
    const base = { blockIndex, rowIndex, ...(table.anchor ? { tableAnchor: table.anchor } : {}), ...(rowAnchor ? { rowAnchor } : {}) };
    // The cell speaks the table's language, whatever the user's.
    const tableLang = tableLanguage(table, lang);
    const statusCol = roles.indexOf('status');
    const taskCol = roles.indexOf('task');
    if (wb.status !== undefined && statusCol >= 0) edits.push({ ...base, column: statusCol, kind: 'status', text: statusLabel(wb.status, tableLang) });
    if (wb.taskLink !== undefined && taskCol >= 0) {
      edits.push({ ...base, column: taskCol, kind: 'task', text: wb.taskLink ? (tableLang === 'zh' ? '查看任务' : 'Open task') : '', url: wb.taskLink });
    }
  }
  return edits;
}

/** zh when the table's header is written in Chinese, en when in Latin letters, else the user's language. */
export function tableLanguage(table: MinutesDocument['blocks'][number] | undefined, fallback: Lang): Lang {
  if (!table || table.type !== 'table' || !table.rows[0]) return fallback;
  const header = table.rows[0].cells.map(cellText).join(' ');
  if (/[\u3400-\u9fff]/.test(header)) return 'zh';
  return /[A-Za-z]/.test(header) ? 'en' : fallback;
}

function locate(doc: MinutesDocument, wb: WriteBack): { table: TableBlock; blockIndex: number; rowIndex: number; roles: (ColumnRole | null)[] } | null {
  if (wb.source.via !== 'table' || wb.source.rowIndex === undefined) return null;
  let blockIndex = wb.source.blockIndex;
  let rowIndex = wb.source.rowIndex;
  // Anchors survive edits above the table; positions are only valid for the version the items came from.
  if (wb.anchor) {
    for (let b = 0; b < doc.blocks.length; b++) {
      const block = doc.blocks[b]!;
      if (block.type !== 'table') continue;
      const r = block.rows.findIndex((row) => row.anchor === wb.anchor);
      if (r >= 0) {
        blockIndex = b;
        rowIndex = r;
        break;
      }
    }
  }
  const table = doc.blocks[blockIndex];
  if (!table || table.type !== 'table') return null;
  const columns = itemColumns(tableGrid(table));
  if (!columns || rowIndex <= columns.header || rowIndex >= table.rows.length) return null;
  return { table, blockIndex, rowIndex, roles: columns.roles };
}
