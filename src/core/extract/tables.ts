import type { DateContext } from '../dates/types';
import type { TableBlock, TableCell } from '../model/document';
import type { ItemKind, ItemStatus, Person } from '../model/items';
import { cellInlines, cellText } from '../model/text';
import type { Roster } from '../owners/roster';
import { classifyColumns, isTemplateHint, parseStatus, type ColumnRole } from '../template/index';
import { datesIn, isStartDate } from './deadlines';
import { lineOf, type Line } from './line';
import { OWNER_AFTER, ownersOf, peopleGroups, uniquePeople, type OwnerState } from './people';
import type { SectionKind } from './sections';
import type { DateMention } from '../dates/types';
import { cleanTitle } from './clauses';

/** One row of an item table, read. */
export interface TableRowItem {
  kind: ItemKind;
  title: string;
  owners: Person[];
  ownerState: OwnerState;
  collaborators: Person[];
  dates: DateMention[];
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

type Grid = (TableCell | null)[][];

/** Rows × columns with merged cells spread over the cells they cover. */
export function tableGrid(table: TableBlock): Grid {
  const grid: Grid = [];
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

/** An action this short is read together with the problem or risk it answers. */
const SHORT_ACTION = 12;
const NOTE_ROW = /^(?:备注|備註|说明|說明|注|note|notes|remark|remarks)\s*[:：]/i;

const PREFERRED_ITEM_ROLES: readonly ColumnRole[] = ['action', 'decision', 'item', 'subject'];

/** Whether a table is a decision / to-do table, and which column holds what. */
export function itemColumns(grid: Grid): { header: number; roles: (ColumnRole | null)[]; itemCol: number } | null {
  for (let h = 0; h < Math.min(2, grid.length); h++) {
    const headers = (grid[h] ?? []).map((c) => (c ? cellText(c).trim() : ''));
    const roles = classifyColumns(headers);
    const itemCol = PREFERRED_ITEM_ROLES.map((role) => roles.indexOf(role)).find((i) => i >= 0) ?? -1;
    if (itemCol >= 0 && (roles.includes('owner') || roles.includes('due'))) return { header: h, roles, itemCol };
  }
  return null;
}

/** The items in a decision / to-do / problem / risk table. */
export function readItemTable(table: TableBlock, ctx: TableContext): TableRowItem[] | null {
  const grid = tableGrid(table);
  const columns = itemColumns(grid);
  if (!columns) return null;
  const { header, roles, itemCol } = columns;
  const kind: ItemKind = roles[itemCol] === 'decision' || (ctx.section === 'decision' && roles[itemCol] !== 'action') ? 'decision' : 'todo';
  const col = (role: ColumnRole): number => roles.indexOf(role);
  // Each cell's text once: a merged cell stands in several rows.
  const texts = new Map<TableCell, string>();
  const textOf = (c: TableCell): string => {
    let t = texts.get(c);
    if (t === undefined) texts.set(c, (t = cellText(c)));
    return t;
  };
  const out: TableRowItem[] = [];
  for (let r = header + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const cell = (i: number): TableCell | null => (i >= 0 ? (row[i] ?? null) : null);
    // A row merged across the table ("Note: …", 备注) is a remark, not an item.
    if (table.rows[r]?.cells.length === 1 && row.length > 1 && (table.rows[r]!.cells[0]!.colSpan ?? 1) >= row.length - 1) continue;
    const itemCell = cell(itemCol);
    let title = itemCell ? cleanTitle(textOf(itemCell)) : '';
    if (!title || isTemplateHint(title) || /^[—\-–－/\s]*$/.test(title) || NOTE_ROW.test(title)) continue;
    // "持续跟进，月度复盘" says little without its 问题 / 风险: name what it is about.
    const subjectCell = roles[itemCol] === 'action' ? cell(col('subject')) : null;
    const subject = subjectCell ? cleanTitle(textOf(subjectCell)) : '';
    if (subject && title.length <= SHORT_ACTION) title = `${subject}：${title}`;
    const ownerCell = cell(col('owner'));
    const owner = ownerCell ? readOwnerCell(lineOf(cellInlines(ownerCell)), ctx.roster) : { owners: [], state: 'none' as OwnerState };
    const collabCell = cell(col('collaborator'));
    const collaborators = collabCell ? readOwnerCell(lineOf(cellInlines(collabCell)), ctx.roster).owners : [];
    const dueCell = cell(col('due'));
    const dates = readDueCell(dueCell, itemCell, ctx);
    const statusCell = cell(col('status'));
    const status = statusCell ? parseStatus(textOf(statusCell)) : null;
    const taskCell = cell(col('task'));
    const taskLink = taskCell ? linkOf(taskCell) : undefined;
    const rowAnchor = table.rows[r]?.anchor;
    out.push({
      kind,
      title,
      owners: owner.owners,
      ownerState: owner.state,
      collaborators: uniquePeople(collaborators).filter((c) => !owner.owners.some((o) => o.name === c.name)),
      dates,
      status,
      ...(taskLink ? { taskLink } : {}),
      rowIndex: r,
      ...(rowAnchor ? { rowAnchor } : {}),
      text: row.filter((c): c is TableCell => c !== null).map(textOf).join(' | '),
    });
  }
  return out;
}

/** Owners in a cell: chips first, then names; "仓储部 蒋文" is 蒋文, "—"/待定 is nobody. */
export function readOwnerCell(line: Line, roster: Roster): { owners: Person[]; state: OwnerState } {
  const text = line.text.trim();
  if (!text || /^[—\-–－/\s]+$/.test(text)) return { owners: [], state: 'none' };
  const groups = peopleGroups(line, roster).filter((g) => g.role !== 'collaborator' && g.role !== 'receiver');
  // "Olga / 邬子健跟进": the one marked as following up owns it.
  const members = groups.flatMap((g) => g.members);
  const marked = members.filter((m) => OWNER_AFTER.test(line.text.slice(m.end)));
  const found = ownersOf(marked.length > 0 ? marked : members);
  if (found.state !== 'none') return found;
  // Names the roster does not know: the cell is explicit, so take what is written, split on separators.
  const names = text.split(/\s*(?:、|，|,|;|；|\/|&|\band\b|和|及)\s*/).map((n) => n.replace(/^[@＠]/, '').trim()).filter(Boolean);
  return { owners: names.map((name) => ({ name })), state: names.length > 0 ? 'named' : 'none' };
}

function readDueCell(dueCell: TableCell | null, itemCell: TableCell | null, ctx: TableContext): DateMention[] {
  if (dueCell) {
    const line = lineOf(cellInlines(dueCell));
    if (/^[—\-–－/\s]*$/.test(line.text)) return [];
    const found = datesIn(line, ctx.dates);
    if (found.length > 0) return found.map((m) => ({ ...m, deadline: true }));
    return [];
  }
  // No deadline column (风险 | 应对措施 | 负责人): the action's own words may carry one.
  if (!itemCell) return [];
  const line = lineOf(cellInlines(itemCell));
  return datesIn(line, ctx.dates).filter((m) => !isStartDate(line, m));
}

function linkOf(cell: TableCell): string | undefined {
  for (const block of cell.blocks) {
    if (block.type === 'table') continue;
    for (const run of block.content) if (run.type === 'link') return run.url;
  }
  const url = /https?:\/\/\S+/.exec(cellText(cell));
  return url?.[0];
}
