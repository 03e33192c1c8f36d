import type { DateContext } from '../dates/types';
import type { TableBlock, TableCell } from '../model/document';
import type { ItemKind, ItemStatus, Person } from '../model/items';
import { cellInlines, cellText } from '../model/text';
import type { Roster } from '../owners/roster';
import { classifyColumns, parseStatus, type ColumnRole } from '../template/index';
import { isHintText } from './hint';
import { datesIn, isStartDate } from './deadlines';
import { isWhiteSpace, lineOf, type Line } from './line';
import { boundedMemo, memoFor, type BoundedMemo } from './memo';
import { collaboratorsBesides, membersOf, ownerCandidates, ownersOf, ownerWordsAt, peopleGroups, type OwnerState } from './people';
import type { SectionKind } from './sections';
import type { DateMention } from '../dates/types';
import { cleanTitle } from './clauses';
import { bothScripts } from '../text/traditional';

/** One row of an item table, read. */
export interface TableRowItem {
  kind: ItemKind;
  title: string;
  owners: Person[];
  ownerState: OwnerState;
  collaborators: Person[];
  dates: readonly DateMention[];
  /** The deadline cell said nothing (—) rather than something vague. */
  status: ItemStatus | null;
  taskLink?: string;
  rowIndex: number;
  rowAnchor?: string;
  text: string;
}

export interface TableContext {
  roster: Roster;
  dates: DateContext;
  section: SectionKind;
}

/** Read-only: a table without merged cells is its own grid. */
type Grid = readonly (readonly (TableCell | null)[])[];

/** Rows × columns with merged cells spread over the cells they cover. */
export function tableGrid(table: TableBlock): Grid {
  // Without merged cells (nearly every table) the grid is the rows' cells as they stand, not copied.
  if (!hasMergedCells(table)) return table.rows.map(cellsOf);
  const grid: (TableCell | null)[][] = [];
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c] !== undefined) c++;
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      for (let dr = 0; dr < rowSpan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![c + dc] = dc === 0 ? cell : null;
      }
      c += colSpan;
    }
  });
  return grid;
}

function hasMergedCells(table: TableBlock): boolean {
  for (const row of table.rows) for (const cell of row.cells) if (isMerged(cell)) return true;
  return false;
}

function cellsOf(row: TableBlock['rows'][number]): readonly TableCell[] {
  return row.cells;
}

/** A cell that spans more than one row or column. */
function isMerged(cell: TableCell): boolean {
  return !((cell.colSpan === undefined || cell.colSpan <= 1) && (cell.rowSpan === undefined || cell.rowSpan <= 1));
}

/** An action this short is read together with the problem or risk it answers. */
const SHORT_ACTION = 12;
const NOTE_ROW = bothScripts(/^(?:备注|说明|注|note|notes|remark|remarks)\s*[:：]/i);

const PREFERRED_ITEM_ROLES: readonly ColumnRole[] = ['action', 'decision', 'item', 'subject'];

/** Whether a table is a decision / to-do table, and which column holds what. */
export function itemColumns(grid: Grid): { header: number; roles: (ColumnRole | null)[]; itemCol: number } | null {
  for (let h = 0; h < Math.min(2, grid.length); h++) {
    const headers = (grid[h] ?? []).map((c) => (c ? cellText(c).trim() : ''));
    const roles = columnRoles(headers);
    const itemRole = PREFERRED_ITEM_ROLES.find((role) => roles.includes(role));
    // Callers get their own copy of the remembered roles.
    if (itemRole && (roles.includes('owner') || roles.includes('due'))) return { header: h, roles: [...roles], itemCol: roles.indexOf(itemRole) };
  }
  return null;
}

/**
 * classifyColumns, remembered: a long record repeats the same few headers table after table. Bounded (cleared
 * when full).
 */
const roleMemo = boundedMemo<string, readonly (ColumnRole | null)[]>(256);

function columnRoles(headers: readonly string[]): readonly (ColumnRole | null)[] {
  const key = headers.join('\u0000');
  return roleMemo.get(key) ?? roleMemo.set(key, classifyColumns(headers));
}

/** parseStatus (which NFKC-normalises), remembered: status cells hold the same few words. Bounded. */
const statusMemo = boundedMemo<string, ItemStatus | null>(256);

function statusOf(text: string): ItemStatus | null {
  const known = statusMemo.get(text);
  return known !== undefined ? known : statusMemo.set(text, parseStatus(text));
}

/** The items in a decision / to-do / problem / risk table. */
export function readItemTable(table: TableBlock, ctx: TableContext): TableRowItem[] | null {
  const grid = tableGrid(table);
  const columns = itemColumns(grid);
  if (!columns) return null;
  const { header, roles, itemCol } = columns;
  const kind: ItemKind = roles[itemCol] === 'decision' || (ctx.section === 'decision' && roles[itemCol] !== 'action') ? 'decision' : 'todo';
  // Each role's column once per table, not per row (-1: the table has none).
  const subjectCol = roles[itemCol] === 'action' ? roles.indexOf('subject') : -1;
  const ownerCol = roles.indexOf('owner');
  const collaboratorCol = roles.indexOf('collaborator');
  const dueCol = roles.indexOf('due');
  const statusCol = roles.indexOf('status');
  const taskCol = roles.indexOf('task');
  const out: TableRowItem[] = [];
  for (let r = header + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const tableRow = table.rows[r];
    // A row merged across the table ("Note: …", 备注) is a remark, not an item.
    if (tableRow?.cells.length === 1 && row.length > 1 && (tableRow.cells[0]!.colSpan ?? 1) >= row.length - 1) continue;
    // Each cell's text once: the title, the status and the row's text read them.
    const texts = row.map((c) => (c ? cellText(c) : ''));
    const itemCell = cellAt(row, itemCol);
    // A missing cell reads as '', which cleanTitle leaves as it is.
    let title = cleanTitle(textAt(texts, itemCol));
    if (!title || isHintText(title) || saysNothing(title) || NOTE_ROW.test(title)) continue;
    // "持续跟进，月度复盘" says little without its 问题 / 风险: name what it is about.
    const subject = cleanTitle(textAt(texts, subjectCol));
    if (subject && title.length <= SHORT_ACTION) title = `${subject}：${title}`;
    const owner = ownersInCell(cellAt(row, ownerCol), ctx.roster);
    const collaboratorCell = cellAt(row, collaboratorCol);
    const dates = readDueCell(cellAt(row, dueCol), itemCell, ctx);
    const statusCell = cellAt(row, statusCol);
    const status = statusCell ? statusOf(textAt(texts, statusCol)) : null;
    const taskCell = cellAt(row, taskCol);
    const taskLink = taskCell ? linkOf(taskCell) : undefined;
    const rowAnchor = tableRow?.anchor;
    const item: TableRowItem = {
      kind,
      title,
      owners: owner.owners,
      ownerState: owner.state,
      collaborators: collaboratorCell ? collaboratorsBesides(ownersInCell(collaboratorCell, ctx.roster).owners, owner.owners) : [],
      dates,
      status,
      rowIndex: r,
      text: rowText(row, texts),
    };
    if (taskLink) item.taskLink = taskLink;
    if (rowAnchor) item.rowAnchor = rowAnchor;
    out.push(item);
  }
  return out;
}

/** A row's cells joined by ' | ' (a merged cell once, a missing one not at all), built as one string. */
function rowText(row: readonly (TableCell | null)[], texts: readonly string[]): string {
  let out = '';
  let first = true;
  for (let c = 0; c < row.length; c++) {
    if (!row[c]) continue;
    out = first ? texts[c]! : `${out} | ${texts[c]!}`;
    first = false;
  }
  return out;
}

/** The text of column i of a row ('' for a missing column, i < 0). */
function textAt(texts: readonly string[], i: number): string {
  return texts[i] ?? '';
}

/** A cell that says nothing: only dashes, slashes and white space ("—", "-", "/"), or nothing at all. */
function saysNothing(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isWhiteSpace(code) && !isDashOrSlash(code)) return false;
  }
  return true;
}

/** — - – － / */
function isDashOrSlash(code: number): boolean {
  return code === 0x2014 || code === 0x2d || code === 0x2013 || code === 0xff0d || code === 0x2f;
}

/** The cell in column i of a row (none for a missing column, i < 0). */
function cellAt(row: readonly (TableCell | null)[], i: number): TableCell | null {
  return i >= 0 ? (row[i] ?? null) : null;
}

/** lineOf(cellInlines(cell)), without the copy of the runs for the usual cell of one paragraph. */
function cellLine(cell: TableCell): Line {
  const only = cell.blocks.length === 1 ? cell.blocks[0]! : null;
  return lineOf(only !== null && only.type !== 'table' ? only.content : cellInlines(cell));
}

/** The owners in a cell, none without one. */
function ownersInCell(cell: TableCell | null, roster: Roster): { owners: Person[]; state: OwnerState } {
  return cell ? readOwnerCell(cellLine(cell), roster) : { owners: [], state: 'none' };
}

/** Owners in a cell: chips first, then names; "仓储部 蒋文" is 蒋文, "—"/待定 is nobody. */
export function readOwnerCell(line: Line, roster: Roster): { owners: Person[]; state: OwnerState } {
  if (line.people.length > 0) return ownerCellOf(line, roster);
  // Without chips the cell is its text: 法务部, 客服团队 and the same few names repeat row after row.
  const memo = memoFor(ownerMemos, roster, 2048);
  const found = memo.get(line.text) ?? memo.set(line.text, ownerCellOf(line, roster));
  return { owners: found.owners.map((p) => ({ ...p })), state: found.state };
}

/** Per roster, so per extraction. */
const ownerMemos = new WeakMap<Roster, BoundedMemo<string, { owners: Person[]; state: OwnerState }>>();

function ownerCellOf(line: Line, roster: Roster): { owners: Person[]; state: OwnerState } {
  const text = line.text.trim();
  if (!text || saysNothing(text)) return { owners: [], state: 'none' };
  const groups = ownerCandidates(peopleGroups(line, roster));
  // "Olga / 邬子健跟进": the one marked as following up owns it.
  const members = membersOf(groups);
  const marked = members.filter((m) => ownerWordsAt(line.text, m.end));
  const found = ownersOf(marked.length > 0 ? marked : members);
  if (found.state !== 'none') return found;
  // Names the roster does not know: the cell is explicit, so take what is written, split on separators.
  const names = text.split(/\s*(?:、|，|,|;|；|\/|&|\band\b|[和及])\s*/).map((n) => n.replace(/^[@＠]/, '').trim()).filter(Boolean);
  return { owners: names.map((name) => ({ name })), state: names.length > 0 ? 'named' : 'none' };
}

/** Per date context, so per extraction. */
const dueMemos = new WeakMap<DateContext, BoundedMemo<string, readonly DateMention[]>>();

/**
 * The dates of a row: its deadline cell's, all deadlines, or else those in the action's own words. The answer
 * for a cell without chips is remembered by its text and shared between rows: nothing changes a mention.
 */
function readDueCell(dueCell: TableCell | null, itemCell: TableCell | null, ctx: TableContext): readonly DateMention[] {
  if (dueCell) {
    const line = cellLine(dueCell);
    if (saysNothing(line.text)) return [];
    // 明天下班前, 下周二: deadline cells repeat row after row; without chips a cell's dates are its text's.
    if (line.dates.length > 0) return deadlinesIn(line, ctx.dates);
    const memo = memoFor(dueMemos, ctx.dates, 512);
    return memo.get(line.text) ?? memo.set(line.text, deadlinesIn(line, ctx.dates));
  }
  // No deadline column (风险 | 应对措施 | 负责人): the action's own words may carry one.
  if (!itemCell) return [];
  const line = cellLine(itemCell);
  return datesIn(line, ctx.dates).filter((m) => !isStartDate(line, m));
}

/** Every date in a deadline cell is a deadline. */
function deadlinesIn(line: Line, dates: DateContext): DateMention[] {
  return datesIn(line, dates).map((m) => ({ ...m, deadline: true }));
}

function linkOf(cell: TableCell): string | undefined {
  for (const block of cell.blocks) {
    if (block.type === 'table') continue;
    for (const run of block.content) if (run.type === 'link') return run.url;
  }
  // Most task cells are empty: no pattern to run where no "http" is written.
  const text = cellText(cell);
  return text.includes('http') ? /https?:\/\/\S+/.exec(text)?.[0] : undefined;
}
