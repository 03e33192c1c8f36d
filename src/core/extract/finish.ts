import type { DateMention } from '../dates/types';
import type { Block, TableBlock } from '../model/document';
import type { ActionItem, ItemKind, ItemSource, ItemWarning } from '../model/items';
import type { Draft } from './clauses';
import { chooseDue, type DueChoice } from './deadlines';
import type { TableRowItem } from './tables';

/** A draft the section accepted, as an item with its due date and warnings. */
export function finishItem(draft: Draft, kind: ItemKind, block: Block, blockIndex: number, meetingDate: string, via: ItemSource['via']): ActionItem {
  const due = chooseDue(draft.dates, kind, draft.text);
  const source: ItemSource = { via, blockIndex, text: draft.text };
  if (block.anchor) source.blockAnchor = block.anchor;
  return itemOf(draft, kind, due, 'open', warningsFor(kind, draft.owners.length > 0, due, meetingDate, 'open'), source);
}

/** A row of a decision / to-do table as an item. */
export function fromTableRow(row: TableRowItem, table: TableBlock, blockIndex: number, meetingDate: string): ActionItem {
  const due = chooseDue(row.dates, row.kind === 'decision' ? 'todo' : row.kind, mentionsText(row.dates));
  const status = row.status ?? 'open';
  const source: ItemSource = { via: 'table', blockIndex, rowIndex: row.rowIndex, text: row.text };
  if (table.anchor) source.blockAnchor = table.anchor;
  if (row.rowAnchor) source.rowAnchor = row.rowAnchor;
  const warnings =
    row.ownerState === 'undecided' && row.kind === 'todo'
      ? unique<ItemWarning>(['owner_missing', ...warningsFor(row.kind, false, due, meetingDate, status)])
      : warningsFor(row.kind, row.owners.length > 0, due, meetingDate, status);
  return itemOf(row, row.kind, due, status, warnings, source);
}

/** What a line or a row says of its item, besides its dates. */
type ItemContent = Pick<ActionItem, 'title' | 'owners' | 'collaborators' | 'taskLink'>;

/**
 * The item, its fields set in the order the JSON shows them. Set one by one, not with conditional spreads: each
 * spread makes a throwaway object and a slow copy, and every item of the minutes comes through here.
 */
function itemOf(content: ItemContent, kind: ItemKind, due: DueChoice, status: ActionItem['status'], warnings: ItemWarning[], source: ItemSource): ActionItem {
  const item = { kind, title: content.title, owners: content.owners, collaborators: content.collaborators, due: due.due, dueTime: due.dueTime } as ActionItem;
  if (due.dueText) item.dueText = due.dueText;
  item.status = status;
  item.warnings = warnings;
  if (content.taskLink) item.taskLink = content.taskLink;
  item.source = source;
  return item;
}

/** The phrases of a cell's dates joined by spaces; most cells hold one (no list to join). */
function mentionsText(dates: readonly DateMention[]): string {
  return dates.length === 1 ? dates[0]!.text : dates.map((d) => d.text).join(' ');
}

/**
 * The guide's rules as warnings: every to-do has an owner and a deadline that is not already past. Each once, in
 * order of first appearance (the date's own warnings come without repeats).
 */
function warningsFor(kind: ItemKind, hasOwner: boolean, choice: DueChoice, meetingDate: string, status: ActionItem['status']): ItemWarning[] {
  if (status === 'done') return [];
  const due = choice.due;
  const out = unique(choice.warnings);
  if (kind === 'todo' && !hasOwner) addOnce(out, 'owner_missing');
  if (due !== null && due < meetingDate) addOnce(out, 'past_due');
  if (kind === 'todo' && due === null && !out.includes('vague_deadline') && !out.includes('relative_to_event')) addOnce(out, 'deadline_missing');
  return out;
}

function addOnce<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/** First occurrences, in order (a loop, not a Set: warning lists hold a handful). */
function unique<T>(values: readonly T[]): T[] {
  const out: T[] = [];
  for (const v of values) if (!out.includes(v)) out.push(v);
  return out;
}
