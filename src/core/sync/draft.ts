/** Renders an item as task content for a backend's capabilities, and fingerprints it. */
import type { ActionItem, ItemStatus } from '../model/items';
import type { BackendCapabilities, TaskDraft, TaskDue, TaskField } from './backend';
import { TASK_FIELDS } from './backend';
import { hashParts, hashString } from './hash';
import { ownerNames } from './text';
import type { ContentSignature, FieldHashes } from './types';

export interface NotesLabels {
  /** Between a label and its value: '：' in Chinese, ': ' in English. */
  colon: string;
  owners: string;
  collaborators: string;
  due: string;
  asWritten: string;
  ownerMissing: string;
  deadlineMissing: string;
  vagueDeadline: string;
  source: string;
  decision: string;
  item: string;
  removed: string;
  excluded: string;
}

export const ZH_LABELS: NotesLabels = {
  colon: '：',
  owners: '负责人',
  collaborators: '协助',
  due: '截止',
  asWritten: '原文',
  ownerMissing: '纪要中未写负责人',
  deadlineMissing: '纪要中未写完成时限',
  vagueDeadline: '完成时限不明确',
  source: '来源',
  decision: '决议',
  item: '事项',
  removed: '此事项已从会议纪要中删除；任务保留，该行恢复后会重新关联。',
  excluded: '此事项已不再同步（同步设置已排除它）。',
};

export const EN_LABELS: NotesLabels = {
  colon: ': ',
  owners: 'Owner',
  collaborators: 'With',
  due: 'Due',
  asWritten: 'as written',
  ownerMissing: 'No owner in the minutes',
  deadlineMissing: 'No deadline in the minutes',
  vagueDeadline: 'Vague deadline',
  source: 'From',
  decision: 'Decision',
  item: 'Item',
  removed: 'This item was removed from the minutes; the task is kept and re-linked if the row comes back.',
  excluded: 'This item is no longer synced (excluded by the sync settings).',
};

export interface DraftContext {
  capabilities: BackendCapabilities;
  docTitle?: string;
  docUrl?: string;
  labels?: NotesLabels;
}

export type DraftRenderer = (item: ActionItem, context: DraftContext) => TaskDraft;

function truncate(value: string, max: number): string {
  return value.length <= max ? value : value.slice(0, Math.max(0, max - 1)) + '…';
}

function dueLine(due: string | null, time: string | null): string {
  return due === null ? '' : time ? `${due} ${time}` : due;
}

/** One labelled line of the notes: 负责人：张三 / Owner: Zhang San. */
function labelled(labels: NotesLabels, label: string, value: string): string {
  return `${label}${labels.colon}${value}`;
}

function sourceLine(context: DraftContext, labels: NotesLabels): string | null {
  const parts = [context.docTitle ? `《${context.docTitle}》` : '', context.docUrl ?? ''].filter((p) => p.length > 0);
  return parts.length > 0 ? labelled(labels, labels.source, parts.join(' ')) : null;
}

/** Room left in notes for the backend's own lines (the sync key on Google). */
const NOTES_RESERVE = 256;

/**
 * The default rendering. Without real assignees the owner leads the title (【张三】…), as the Google
 * reference suggests; notes say who owns it, when it is due (with the time when the backend keeps
 * dates only), and what the minutes left out. Nothing volatile (row text, status, link) goes into the
 * notes, so writing the task link back does not change the task.
 */
export const renderDraft: DraftRenderer = (item, context) => {
  const caps = context.capabilities;
  const labels = context.labels ?? ZH_LABELS;
  const owners = ownerNames(item.owners);
  const ownerPrefix = !caps.assignees && owners ? `【${owners}】` : '';
  const kindPrefix = item.kind === 'decision' ? `[${labels.decision}] ` : '';
  const title = truncate(`${ownerPrefix}${kindPrefix}${item.title}`, caps.maxTitleLength);

  const lines: string[] = [];
  if (owners) lines.push(labelled(labels, labels.owners, owners));
  if (item.collaborators.length > 0) lines.push(labelled(labels, labels.collaborators, ownerNames(item.collaborators)));
  if (item.due !== null) {
    const asWritten = item.dueText ? `（${labelled(labels, labels.asWritten, item.dueText)}）` : '';
    lines.push(labelled(labels, labels.due, dueLine(item.due, item.dueTime) + asWritten));
  } else if (item.dueText) {
    lines.push(labelled(labels, labels.due, item.dueText));
  }
  if (item.owners.length === 0) lines.push(`⚠ ${labels.ownerMissing}`);
  if (item.due === null) lines.push(`⚠ ${item.dueText ? labels.vagueDeadline : labels.deadlineMissing}`);
  const src = sourceLine(context, labels);
  if (src) lines.push(src);
  const notes = truncate(lines.join('\n'), Math.max(0, caps.maxNotesLength - NOTES_RESERVE));

  const due: TaskDue | null = item.due === null ? null : { date: item.due, time: caps.dueTime ? item.dueTime : null };
  return { title, notes, due, assignees: caps.assignees ? item.owners.map((p) => ({ ...p })) : [] };
};

/** Notes for a task whose item left the document or the sync, from what the store remembers. */
export function renderUnlinkedNotes(sig: ContentSignature, reason: 'removed' | 'excluded', date: string, context: DraftContext): string {
  const labels = context.labels ?? ZH_LABELS;
  const lines = [`⚠ ${reason === 'removed' ? labels.removed : labels.excluded}（${date}）`, labelled(labels, labels.item, sig.title)];
  if (sig.owners) lines.push(labelled(labels, labels.owners, sig.owners));
  if (sig.due) lines.push(labelled(labels, labels.due, sig.due));
  const src = sourceLine(context, labels);
  if (src) lines.push(src);
  return truncate(lines.join('\n'), Math.max(0, context.capabilities.maxNotesLength - NOTES_RESERVE));
}

/** What the store keeps of a draft: one hash per task field. */
export function fieldHashes(draft: TaskDraft): FieldHashes {
  return {
    title: hashString(draft.title),
    notes: hashString(draft.notes),
    due: draft.due === null ? 'none' : hashParts([draft.due.date, draft.due.time]),
    assignees: hashParts(draft.assignees.map((p) => `${p.id ?? ''}/${p.email ?? ''}/${p.name}`).sort()),
  };
}

/** Fields whose hash differs: what an update must send. */
export function changedFields(before: FieldHashes, after: FieldHashes): TaskField[] {
  return TASK_FIELDS.filter((f) => before[f] !== after[f]);
}

/**
 * The fingerprint: a stable hash of everything task-relevant — title, owners, due date and time
 * (through the rendered fields, which also carry the kind) — and the status. Fingerprints are
 * stored: the parts and their order are fixed here, not taken from TASK_FIELDS.
 */
export function fingerprintOf(fields: FieldHashes, status: ItemStatus): string {
  return hashParts([fields.title, fields.notes, fields.due, fields.assignees, status]);
}

/** Only the fields listed, from a draft: the body of an update. */
export function pickFields(draft: TaskDraft, fields: readonly TaskField[]): Partial<TaskDraft> {
  return Object.fromEntries(fields.map((f) => [f, draft[f]]));
}
