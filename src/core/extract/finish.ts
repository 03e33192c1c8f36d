import type { DateMention } from '../dates/types';
import type { Block, TableBlock } from '../model/document';
import type { ActionItem, ItemKind, ItemSource, ItemWarning } from '../model/items';
import type { Draft } from './clauses';
import { chooseDue } from './deadlines';
import type { TableRowItem } from './tables';

/** A draft the section accepted, as an item with its due date and warnings. */
export function finishItem(draft: Draft, kind: ItemKind, block: Block, blockIndex: number, meetingDate: string, via: ItemSource['via']): ActionItem {
  const due = chooseDue(draft.dates, kind, draft.text);
  const source: ItemSource = { via, blockIndex, text: draft.text };
  if (block.anchor) source.blockAnchor = block.anchor;
  return {
    kind,
    title: draft.title,
    owners: draft.owners,
    collaborators: draft.collaborators,
    due: due.due,
    dueTime: due.dueTime,
    ...(due.dueText ? { dueText: due.dueText } : {}),
    status: 'open',
    warnings: warningsFor(kind, draft.owners.length > 0, due.due, due.warnings, meetingDate, 'open'),
    source,
  };
}

/** A row of a decision / to-do table as an item. */
export function fromTableRow(row: TableRowItem, table: TableBlock, blockIndex: number, meetingDate: string): ActionItem {
  const due = chooseDue(row.dates, row.kind === 'decision' ? 'todo' : row.kind, mentionsText(row.dates));
  const status = row.status ?? 'open';
  const source: ItemSource = { via: 'table', blockIndex, rowIndex: row.rowIndex, text: row.text };
  if (table.anchor) source.blockAnchor = table.anchor;
  if (row.rowAnchor) source.rowAnchor = row.rowAnchor;
  return {
    kind: row.kind,
    title: row.title,
    owners: row.owners,
    collaborators: row.collaborators,
    due: due.due,
    dueTime: due.dueTime,
    ...(due.dueText ? { dueText: due.dueText } : {}),
    status,
    warnings: row.ownerState === 'undecided' && row.kind === 'todo'
      ? unique(['owner_missing', ...warningsFor(row.kind, false, due.due, due.warnings, meetingDate, status)])
      : warningsFor(row.kind, row.owners.length > 0, due.due, due.warnings, meetingDate, status),
    ...(row.taskLink ? { taskLink: row.taskLink } : {}),
    source,
  };
}

/** The phrases of a cell's dates joined by spaces; most cells hold one. */
function mentionsText(dates: readonly DateMention[]): string {
  if (dates.length === 1) return dates[0]!.text;
  let out = '';
  for (let i = 0; i < dates.length; i++) out = i === 0 ? dates[i]!.text : `${out} ${dates[i]!.text}`;
  return out;
}

/** The guide's rules as warnings: every to-do has an owner and a deadline that is not already past. */
function warningsFor(kind: ItemKind, hasOwner: boolean, due: string | null, fromDate: readonly ItemWarning[], meetingDate: string, status: ActionItem['status']): ItemWarning[] {
  if (status === 'done') return [];
  const out: ItemWarning[] = [...fromDate];
  if (kind === 'todo' && !hasOwner) out.push('owner_missing');
  if (due !== null && due < meetingDate) out.push('past_due');
  if (kind === 'todo' && due === null && !out.includes('vague_deadline') && !out.includes('relative_to_event')) out.push('deadline_missing');
  return unique(out);
}

/** First occurrences, in order (a loop, not a Set: warning lists hold a handful). */
function unique<T>(values: readonly T[]): T[] {
  const out: T[] = [];
  for (const v of values) if (!out.includes(v)) out.push(v);
  return out;
}
