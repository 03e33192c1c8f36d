/**
 * Writing confirmed items into the minutes' 决议事项 / 待办事项 tables (the tables are what sync reads).
 * The core decides which table, which row and what goes in each cell; adapters only apply the plan.
 */
import type { Inline, MinutesDocument, TableBlock } from '../model/document';
import { cellText } from '../model/text';
import { itemColumns, tableGrid } from '../extract/tables';
import { statusLabel, TEMPLATE_COLUMNS, type ColumnRole } from '../template/index';
import type { Lang, ReviewItem } from './protocol';
import { tableLanguage } from './writebacks';

export interface TableWrite {
  kind: 'decision' | 'todo';
  /** The existing table, or null: create a heading and the template's table at the end of the document. */
  table: { blockIndex: number; anchor?: string } | null;
  /** For a new table: its heading and header row. */
  heading: string | null;
  header: string[];
  /** Empty rows of the table filled in place (the template's blank rows), by row index. */
  fill: { rowIndex: number; rowAnchor?: string; cells: Inline[][] }[];
  /** Rows added at the end of the table, one Inline[] per column. */
  append: Inline[][][];
}

export interface RowsPlan {
  tables: TableWrite[];
  added: number;
  skipped: number;
}

const HEADINGS = { decision: { zh: '决议事项', en: 'Decisions' }, todo: { zh: '待办事项', en: 'Action items' } } as const;

interface FoundTable {
  blockIndex: number;
  table: TableBlock;
  roles: (ColumnRole | null)[];
  itemCol: number;
  header: number;
}

/** Where each confirmed item goes. Items already in a table, or whose title a table already holds, are skipped. */
export function planItemRows(doc: MinutesDocument, items: readonly ReviewItem[], lang: Lang): RowsPlan {
  const tables: TableWrite[] = [];
  let added = 0;
  let skipped = 0;
  for (const kind of ['decision', 'todo'] as const) {
    const wanted = items.filter((i) => i.kind === kind);
    if (wanted.length === 0) continue;
    const found = findTable(doc, kind);
    const existing = new Set(found ? titlesIn(found) : []);
    const fresh = wanted.filter((i) => {
      const dup = i.inTable || existing.has(normalize(i.title));
      if (dup) skipped++;
      else existing.add(normalize(i.title));
      return !dup;
    });
    if (fresh.length === 0) continue;
    const roles = found ? found.roles : kind === 'decision' ? (['decision', 'owner', 'due'] as ColumnRole[]) : (['item', 'owner', 'due', 'status', 'task'] as ColumnRole[]);
    const rowLang = found ? tableLanguage(found.table, lang) : lang;
    const rows = fresh.map((item) => roles.map((role) => cellFor(role, item, rowLang)));
    const blanks = found ? blankRows(found) : [];
    const fill = blanks.slice(0, rows.length).map((b, i) => ({ ...b, cells: rows[i]! }));
    tables.push({
      kind,
      table: found ? { blockIndex: found.blockIndex, ...(found.table.anchor ? { anchor: found.table.anchor } : {}) } : null,
      heading: found ? null : HEADINGS[kind][lang],
      header: found ? [] : [...TEMPLATE_COLUMNS[kind][lang]],
      fill,
      append: rows.slice(fill.length),
    });
    added += fresh.length;
  }
  return { tables, added, skipped };
}

/** The table for a kind: 决议 for decisions; for to-dos the 事项/待办 table before any problem or risk table. */
function findTable(doc: MinutesDocument, kind: 'decision' | 'todo'): FoundTable | null {
  let fallback: FoundTable | null = null;
  for (let i = 0; i < doc.blocks.length; i++) {
    const block = doc.blocks[i]!;
    if (block.type !== 'table') continue;
    const columns = itemColumns(tableGrid(block));
    if (!columns) continue;
    const role = columns.roles[columns.itemCol];
    const found = { blockIndex: i, table: block, ...columns };
    if (kind === 'decision' && role === 'decision') return found;
    if (kind === 'todo' && role === 'item') return found;
    if (kind === 'todo' && role !== 'decision') fallback ??= found;
  }
  return fallback;
}

function titlesIn(found: FoundTable): string[] {
  return found.table.rows.slice(found.header + 1).map((row) => normalize(row.cells[found.itemCol] ? cellText(row.cells[found.itemCol]!) : ''));
}

function blankRows(found: FoundTable): { rowIndex: number; rowAnchor?: string }[] {
  const out: { rowIndex: number; rowAnchor?: string }[] = [];
  found.table.rows.forEach((row, r) => {
    if (r <= found.header) return;
    if (row.cells.every((c) => cellText(c).trim() === '' || /^[（(](?:如|e\.g\.)/.test(cellText(c).trim()))) {
      out.push(row.anchor ? { rowIndex: r, rowAnchor: row.anchor } : { rowIndex: r });
    }
  });
  return out;
}

function cellFor(role: ColumnRole | null, item: ReviewItem, lang: Lang): Inline[] {
  switch (role) {
    case 'decision':
    case 'item':
    case 'action':
    case 'subject':
      return textCell(item.title);
    case 'owner':
      return namesCell(item.owners);
    case 'collaborator':
      return namesCell(item.collaborators);
    case 'due':
      if (!item.due) return [];
      return item.dueTime && /^\d\d:\d\d$/.test(item.dueTime) ? [{ type: 'date', date: item.due, time: item.dueTime }] : [{ type: 'date', date: item.due }];
    case 'status':
      return textCell(statusLabel(item.status, lang));
    default:
      return [];
  }
}

function textCell(text: string): Inline[] {
  return [{ type: 'text', text }];
}

/** Names joined as the minutes write them (张三、李四); an empty cell for none. */
function namesCell(names: readonly string[]): Inline[] {
  return names.length > 0 ? textCell(names.join('、')) : [];
}

function normalize(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
