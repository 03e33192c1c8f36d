/** Pure helpers over the review list: edits, warnings, the recap text. */
import type { ReviewItem } from '../src/core/app/protocol';

export interface ItemEdit {
  kind: ReviewItem['kind'];
  title: string;
  owners: string[];
  due: string | null;
}

/** Names typed into one box: commas (either width), 、 and semicolons separate them. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,，、;；]/)
    .map((s) => s.trim().replace(/^@/, ''))
    .filter((s) => s.length > 0);
}

/** Applies an edit and re-derives the warnings the edit can settle (owner, deadline, past due). */
export function applyEdit(item: ReviewItem, edit: ItemEdit, today: string): ReviewItem {
  const dueChanged = edit.due !== item.due;
  const next: ReviewItem = {
    ...item,
    kind: edit.kind,
    title: edit.title.trim(),
    owners: edit.owners,
    due: edit.due,
    dueTime: dueChanged ? null : item.dueTime,
  };
  next.warnings = deriveWarnings(next, dueChanged ? item.warnings.filter((w) => w !== 'vague_deadline' && w !== 'conflicting_dates' && w !== 'relative_to_event' && w !== 'ambiguous_next_weekday') : item.warnings, today);
  return next;
}

export function deriveWarnings(item: ReviewItem, kept: readonly string[], today: string): string[] {
  const out = kept.filter((w) => w !== 'owner_missing' && w !== 'deadline_missing' && w !== 'past_due');
  if (item.kind === 'todo' && item.owners.length === 0) out.unshift('owner_missing');
  if (item.kind === 'todo' && !item.due && !out.includes('vague_deadline')) out.push('deadline_missing');
  if (item.due && item.due < today && item.status !== 'done') out.push('past_due');
  return out;
}

export function newItem(id: string, title: string): ReviewItem {
  return {
    id,
    kind: 'todo',
    title,
    owners: [],
    collaborators: [],
    due: null,
    dueTime: null,
    status: 'open',
    warnings: [],
    sourceText: '',
    inTable: false,
    taskLink: null,
  };
}

export interface RecapWords {
  header: string;
  decisions: string;
  todos: string;
  noOwner: string;
  noDue: string;
  by: (owners: string) => string;
  until: (due: string) => string;
  done: string;
}

/** The recap as plain text, ready to paste into chat or read out. */
export function recapText(items: readonly ReviewItem[], w: RecapWords): string {
  const lines: string[] = [w.header];
  const decisions = items.filter((i) => i.kind === 'decision');
  const todos = items.filter((i) => i.kind === 'todo');
  if (decisions.length > 0) {
    lines.push('', w.decisions);
    decisions.forEach((d, n) => lines.push(`${n + 1}. ${d.title}`));
  }
  if (todos.length > 0) {
    lines.push('', w.todos);
    todos.forEach((t, n) => {
      const who = t.owners.length > 0 ? t.owners.join('、') : w.noOwner;
      const due = t.due ? `${t.due}${t.dueTime ? ` ${t.dueTime}` : ''}` : w.noDue;
      lines.push(`${n + 1}. ${t.title}（${w.by(who)}；${w.until(due)}${t.status === 'done' ? `；${w.done}` : ''}）`);
    });
  }
  return lines.join('\n');
}

export function isoToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
