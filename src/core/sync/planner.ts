/**
 * The planner: a pure function of (items, store records, remote state) → SyncPlan. It decides every
 * create, update (changed fields only), complete, reopen, unlink and document write-back; the
 * executor only carries the plan out. An unchanged document gives an empty plan, decided from
 * fingerprints, so a re-sync costs no remote writes.
 */
import type { ActionItem, ItemStatus } from '../model/items';
import type { BackendCapabilities, RemoteTask, TaskPatch, TaskWrite } from './backend';
import type { DraftContext, DraftRenderer, NotesLabels } from './draft';
import { changedFields, fieldHashes, fingerprintOf, pickFields, renderDraft, renderUnlinkedNotes } from './draft';
import type { ItemIdentity } from './identity';
import { identityOf, matchItems, newKey } from './identity';
import { clientTokenOf, syncKeyOf } from './keys';
import type { SyncPolicy } from './policy';
import { EXCLUSION_MESSAGES, exclusionReason, resolvePolicy } from './policy';
import type { RemoteState } from './remote';
import { resolveStatus } from './status';
import type { FieldHashes, PlanStep, ReportLine, StatusConflict, SyncAction, SyncPlan, SyncRecord, SyncWarning, WriteBack } from './types';
import { hashString } from './hash';

export interface PlanInput {
  docId: string;
  /** The document's items, in document order, as the extractor produced them. */
  items: readonly ActionItem[];
  records: readonly SyncRecord[];
  remote: RemoteState;
  capabilities: BackendCapabilities;
  /** The current time, ms since the epoch. */
  now: number;
  policy?: Partial<SyncPolicy>;
  /** When the document was last modified, if the platform says; else "now" (the document change is the latest). */
  docModifiedAt?: number;
  docTitle?: string;
  docUrl?: string;
  labels?: NotesLabels;
  render?: DraftRenderer;
}

/** Whether a plan has nothing to do: no steps, no write-backs. */
export function isEmptyPlan(plan: SyncPlan): boolean {
  return plan.steps.length === 0 && plan.writeBacks.length === 0;
}

/** Records equal in everything but the time they were written. */
export function sameRecord(a: SyncRecord, b: SyncRecord): boolean {
  return (
    a.key === b.key &&
    a.state === b.state &&
    a.unlinkReason === b.unlinkReason &&
    a.taskId === b.taskId &&
    a.taskUrl === b.taskUrl &&
    a.clientToken === b.clientToken &&
    a.creates === b.creates &&
    a.fingerprint === b.fingerprint &&
    a.fields.title === b.fields.title &&
    a.fields.notes === b.fields.notes &&
    a.fields.due === b.fields.due &&
    a.fields.assignees === b.fields.assignees &&
    a.status === b.status &&
    a.remoteUpdatedAt === b.remoteUpdatedAt &&
    a.anchor === b.anchor &&
    a.ordinal === b.ordinal &&
    a.sig.title === b.sig.title &&
    a.sig.owners === b.sig.owners &&
    a.sig.due === b.sig.due &&
    a.inflight === undefined &&
    b.inflight === undefined &&
    a.writeBackStatus === undefined &&
    b.writeBackStatus === undefined
  );
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A record without the optional fields that do not apply to its state. */
function clean(r: SyncRecord): SyncRecord {
  const out: SyncRecord = { ...r };
  // Only delete keys that are there: deleting turns hot objects into slow dictionaries.
  if ('inflight' in out) delete out.inflight;
  if ('writeBackStatus' in out) delete out.writeBackStatus;
  if ('unlinkReason' in out && out.state !== 'unlinked') delete out.unlinkReason;
  if ('clientToken' in out && (out.state !== 'pending' || out.clientToken === undefined)) delete out.clientToken;
  return out;
}

/** A field hash that matches no content: the field is re-sent on the next write. */
const UNKNOWN_FIELD = '?';

/**
 * The record's fields as far as they are known: a field that an interrupted write may or may not
 * have changed (see SyncRecord.inflight) is unknown, so whatever the task holds, it gets re-sent.
 */
export function knownFields(r: SyncRecord): FieldHashes {
  const f = r.inflight?.fields;
  if (!f) return r.fields;
  const pick = (a: string, b: string): string => (a === b ? a : UNKNOWN_FIELD);
  return { title: pick(r.fields.title, f.title), notes: pick(r.fields.notes, f.notes), due: pick(r.fields.due, f.due), assignees: pick(r.fields.assignees, f.assignees) };
}

function sameFields(a: FieldHashes, b: FieldHashes): boolean {
  return a.title === b.title && a.notes === b.notes && a.due === b.due && a.assignees === b.assignees;
}

class PlanBuilder {
  readonly steps: PlanStep[] = [];
  readonly writeBacks: WriteBack[] = [];
  readonly lines: ReportLine[] = [];
  readonly warnings: SyncWarning[] = [];
  readonly conflicts: StatusConflict[] = [];
  private readonly policy: SyncPolicy;
  private readonly caps: BackendCapabilities;
  private readonly ctx: DraftContext;
  private readonly render: DraftRenderer;
  private readonly taken: Set<string>;
  /** Task URLs of all records: links the sync wrote, to tell a copied link from a user's own. */
  private readonly ourUrls: Set<string>;

  constructor(private readonly input: PlanInput) {
    this.policy = resolvePolicy(input.policy);
    this.caps = input.capabilities;
    this.ctx = { capabilities: input.capabilities, docTitle: input.docTitle, docUrl: input.docUrl, labels: input.labels };
    this.render = input.render ?? renderDraft;
    this.taken = new Set(input.records.map((r) => r.key));
    this.ourUrls = new Set(input.records.map((r) => r.taskUrl).filter((u): u is string => u !== null));
  }

  build(): SyncPlan {
    const ids = this.input.items.map((item, i) => identityOf(item, i));
    const { found, searched } = this.input.remote;
    // A pending create known never to have happened holds no task: it is no identity to match.
    const dead = (r: SyncRecord): boolean => r.state === 'pending' && searched.has(r.key) && !found.has(r.key);
    const live = this.input.records.filter((r) => !dead(r));
    const matching = matchItems(ids, live, (r) => r.taskId !== null || found.has(r.key));
    this.input.items.forEach((item, i) => this.planItem(item, ids[i] as ItemIdentity, matching.records[i] ?? null));
    for (const rec of [...matching.unmatched, ...this.input.records.filter(dead)]) this.planGone(rec);
    this.warnings.unshift(...this.input.remote.warnings);
    return {
      docId: this.input.docId,
      baseRecords: this.input.records,
      steps: this.steps,
      writeBacks: this.writeBacks,
      lines: this.lines,
      warnings: this.warnings,
      conflicts: this.conflicts,
    };
  }

  // ---- per item -------------------------------------------------------------------------------

  private planItem(item: ActionItem, id: ItemIdentity, rec: SyncRecord | null): void {
    const reason = exclusionReason(item, this.policy);
    if (rec === null) {
      if (reason) return this.skip(item, id, null, EXCLUSION_MESSAGES[reason]);
      if (item.status === 'done' && !this.policy.createDoneItems) return this.skip(item, id, null, 'already done in the minutes; no new task');
      return this.create(item, id, null);
    }
    switch (rec.state) {
      case 'pending':
        return this.planPending(item, id, rec, reason !== null);
      case 'detached':
        return this.planDetached(item, id, rec, reason !== null);
      default:
        if (reason) return this.planExcluded(item, id, rec, EXCLUSION_MESSAGES[reason]);
        return this.planLinked(item, id, rec, rec, null);
    }
  }

  private skip(item: ActionItem, id: ItemIdentity, key: string | null, message: string): void {
    this.lines.push({ key, title: item.title, actions: ['skipped'], message });
    this.clearCopiedLink(item, id, key);
  }

  /**
   * For an item left without a task of its own: a link to one of our tasks came with a copied row.
   * Clear it, two rows never share a task.
   */
  private clearCopiedLink(item: ActionItem, id: ItemIdentity, key: string | null): void {
    if (id.link === null || !this.ourUrls.has(id.link)) return;
    this.writeBack(item, id, key, { taskLink: null });
    this.warn('duplicate_link', key, item.title, 'This row carried the task link of another row; the link was removed.');
  }

  private create(item: ActionItem, id: ItemIdentity, prior: SyncRecord | null): void {
    const key = prior?.key ?? newKey(id, this.taken);
    const draft = this.render(item, this.ctx);
    const fields = fieldHashes(draft);
    // A retried pending create reuses its token (the platform may already hold the task);
    // any other create gets a fresh one.
    const retry = prior?.state === 'pending';
    const creates = retry ? prior.creates : (prior?.creates ?? 0) + 1;
    const clientToken = retry && prior.clientToken ? prior.clientToken : this.caps.clientToken ? clientTokenOf(this.input.docId, key, creates) : undefined;
    const intent: SyncRecord = clean({
      key,
      state: 'pending',
      taskId: null,
      taskUrl: null,
      clientToken,
      creates,
      fields,
      fingerprint: fingerprintOf(fields, item.status),
      status: item.status,
      remoteUpdatedAt: null,
      anchor: id.anchor,
      sig: id.sig,
      ordinal: id.ordinal,
      syncedAt: this.input.now,
    });
    const write: TaskWrite = {
      type: 'create',
      request: { draft, status: item.status, syncKey: syncKeyOf(this.input.docId, key), ...(clientToken ? { clientToken } : {}) },
    };
    const isCopy = id.link !== null && this.ourUrls.has(id.link);
    const line = this.line(key, item.title, ['created'], isCopy ? 'a copy of another row: it gets a task of its own' : undefined);
    // The copied link goes at once; the new task's link replaces it when the create succeeds.
    if (isCopy) this.writeBack(item, id, key, { taskLink: null });
    this.itemWarnings(item, key);
    this.steps.push({
      key,
      title: item.title,
      actions: line.actions,
      write,
      intent,
      record: clean({ ...intent, state: 'linked' }),
      target: { key, anchor: id.anchor, source: item.source, title: item.title },
      changedFields: [],
    });
  }

  private planPending(item: ActionItem, id: ItemIdentity, rec: SyncRecord, excluded: boolean): void {
    const remote = this.input.remote;
    const found = remote.found.get(rec.key);
    if (found) {
      // The crashed run did create the task: adopt it, then bring it up to date.
      const adopted: SyncRecord = clean({ ...rec, state: 'linked', taskId: found.id, taskUrl: found.url ?? null, remoteUpdatedAt: found.updatedAt });
      if (excluded) return this.planExcluded(item, id, adopted, 'left out by the sync settings', rec);
      return this.planLinked(item, id, adopted, rec, found, 'recovered');
    }
    if (remote.searched.has(rec.key) || !remote.canLookup) {
      if (!remote.canLookup && !this.tokenStillValid(rec)) {
        this.warn('possible_duplicate', rec.key, item.title, 'An earlier sync was interrupted while creating this task and the task app cannot be searched; check for a duplicate.');
      }
      if (excluded || (item.status === 'done' && !this.policy.createDoneItems)) {
        this.steps.push(this.storeStep(rec.key, item.title, ['skipped'], null));
        this.skip(item, id, null, excluded ? 'left out by the sync settings' : 'already done in the minutes; no new task');
        return;
      }
      return this.create(item, id, rec);
    }
    this.warn('unresolved_pending', rec.key, item.title, 'An interrupted create could not be checked; it is retried next time.');
    this.line(rec.key, item.title, ['deferred']);
  }

  private planDetached(item: ActionItem, id: ItemIdentity, rec: SyncRecord, excluded: boolean): void {
    const fields = excluded ? rec.fields : fieldHashes(this.render(item, this.ctx));
    if (!excluded && changedFields(rec.fields, fields).length > 0) return this.create(item, id, rec);
    const next = clean({ ...rec, anchor: id.anchor, sig: id.sig, ordinal: id.ordinal });
    if (!sameRecord(next, rec)) this.steps.push(this.storeStep(rec.key, item.title, ['skipped'], { ...next, syncedAt: this.input.now }));
    this.line(rec.key, item.title, ['skipped'], 'its task was deleted in the task app; edit the item to create a new one');
    this.clearCopiedLink(item, id, rec.key);
  }

  private planExcluded(item: ActionItem, id: ItemIdentity, rec: SyncRecord, message: string, stored: SyncRecord = rec): void {
    const moved = clean({ ...rec, fields: knownFields(rec), anchor: id.anchor, sig: id.sig, ordinal: id.ordinal });
    if (rec.state === 'unlinked' || rec.taskId === null) {
      if (!sameRecord(moved, stored)) this.steps.push(this.storeStep(rec.key, item.title, ['skipped'], { ...moved, syncedAt: this.input.now }));
      this.line(rec.key, item.title, ['skipped'], message);
      return;
    }
    this.unlink(moved, item.title, 'excluded', message);
  }

  private planLinked(item: ActionItem, id: ItemIdentity, rec: SyncRecord, stored: SyncRecord, found: RemoteTask | null, extra?: SyncAction): void {
    const taskId = rec.taskId;
    if (taskId === null) return this.create(item, id, null);
    const remote = found ?? this.input.remote.tasks.get(taskId);
    if (remote === null) return this.detach(item, id, rec);

    const draft = this.render(item, this.ctx);
    const fields = fieldHashes(draft);
    if (this.unchanged(item, id, rec, stored, remote, fields)) return;
    // After an interrupted write the task may hold the old or the new values. Fields in doubt are
    // re-sent; the status is settled from what the task shows, which needs the task's state.
    const inflight = rec.inflight ?? stored.inflight;
    if (inflight && remote === undefined) {
      this.warn('deferred', rec.key, item.title, 'An interrupted change to this task is checked once the task app can be read.');
      this.line(rec.key, item.title, ['deferred']);
      return;
    }
    const known = knownFields({ ...rec, ...(inflight ? { inflight } : {}) });
    const changed = changedFields(known, fields);
    let base = inflight?.status != null && remote?.status === inflight.status ? inflight.status : rec.status;
    // The document shows a status we were writing back when the last run ended: agreed, not a change.
    const wbMark = rec.writeBackStatus ?? stored.writeBackStatus;
    if (wbMark !== undefined && item.status === wbMark) base = wbMark;
    const status = resolveStatus({
      base,
      document: item.status,
      task: remote?.status,
      taskTouched: !inflight && remote !== undefined && rec.remoteUpdatedAt !== null && remote.updatedAt > rec.remoteUpdatedAt,
      taskChangedAt: remote?.updatedAt ?? 0,
      documentChangedAt: this.input.docModifiedAt ?? this.input.now,
    });

    const actions: SyncAction[] = [];
    if (extra) actions.push(extra);
    if (rec.state === 'unlinked') actions.push('relinked');
    if (changed.length > 0) actions.push('updated');
    if (status.push === 'done') actions.push('completed');
    if (status.push === 'open') actions.push('reopened');

    let write: TaskWrite | null = null;
    if (changed.length > 0) {
      const patch: TaskPatch = pickFields(draft, changed);
      if (status.push) patch.status = status.push;
      write = { type: 'update', taskId, patch };
    } else if (status.push) {
      write = status.push === 'done' ? { type: 'complete', taskId } : { type: 'reopen', taskId };
    }

    const taskUrl = remote?.url ?? rec.taskUrl;
    const next = clean({
      ...rec,
      state: 'linked',
      taskUrl,
      fields,
      fingerprint: sameFields(fields, rec.fields) && status.settled === rec.status && !inflight ? rec.fingerprint : fingerprintOf(fields, status.settled),
      status: status.settled,
      remoteUpdatedAt: remote?.updatedAt ?? rec.remoteUpdatedAt,
      anchor: id.anchor,
      sig: id.sig,
      ordinal: id.ordinal,
    });

    const back: { status?: ItemStatus; taskLink?: string | null } = {};
    if (status.writeBack) {
      back.status = status.writeBack;
      actions.push('status_to_document');
    }
    if (this.caps.links && taskUrl !== null && id.link !== taskUrl) {
      back.taskLink = taskUrl;
      actions.push('link_to_document');
    }
    if (back.status !== undefined || back.taskLink !== undefined) this.writeBack(item, id, rec.key, back);

    if (status.conflict) {
      const c: StatusConflict = {
        key: rec.key,
        title: item.title,
        document: item.status,
        task: remote?.status ?? rec.status,
        winner: status.conflict.winner,
        documentChangedAt: this.input.docModifiedAt ?? this.input.now,
        taskChangedAt: remote?.updatedAt ?? 0,
      };
      this.conflicts.push(c);
      const winner = c.winner === 'document' ? `the minutes (${c.document})` : `the task app (${c.task})`;
      this.warn('conflict', rec.key, item.title, `The status changed in both the minutes and the task app since the last sync; the later change wins: ${winner}.`);
    }

    if (actions.length === 0) actions.push('unchanged');
    this.line(rec.key, item.title, actions, undefined, changed.length > 0 ? changed : undefined);
    this.itemWarnings(item, rec.key);
    if (write !== null || !sameRecord(next, stored)) {
      this.steps.push({
        key: rec.key,
        title: item.title,
        actions,
        write,
        // What is known now (doubts settled above), plus the write about to be sent.
        intent: write
          ? { ...clean(rec), fields: known, status: base, fingerprint: fingerprintOf(known, base), inflight: { fields, status: status.push, at: this.input.now } }
          : null,
        record: { ...next, syncedAt: this.input.now },
        target: { key: rec.key, anchor: id.anchor, source: item.source, title: item.title },
        changedFields: changed,
      });
    }
  }

  /**
   * The fast path, the common case of a re-sync: the item's fields and status match what was last
   * synced (the fingerprint's parts), the task did not move, nothing is pending. No step at all.
   */
  private unchanged(item: ActionItem, id: ItemIdentity, rec: SyncRecord, stored: SyncRecord, remote: RemoteTask | undefined, fields: FieldHashes): boolean {
    if (rec !== stored || rec.state !== 'linked' || rec.inflight || rec.writeBackStatus !== undefined) return false;
    if (!sameFields(fields, rec.fields) || item.status !== rec.status) return false;
    if (remote && (remote.status !== rec.status || remote.updatedAt !== rec.remoteUpdatedAt || (remote.url ?? rec.taskUrl) !== rec.taskUrl)) return false;
    if (id.anchor !== rec.anchor || id.ordinal !== rec.ordinal || id.sig.title !== rec.sig.title || id.sig.owners !== rec.sig.owners || id.sig.due !== rec.sig.due) return false;
    if (this.caps.links && rec.taskUrl !== null && id.link !== rec.taskUrl) return false;
    this.line(rec.key, item.title, ['unchanged']);
    this.itemWarnings(item, rec.key);
    return true;
  }

  private detach(item: ActionItem, id: ItemIdentity, rec: SyncRecord): void {
    const next = clean({ ...rec, state: 'detached', taskId: null, taskUrl: null, anchor: id.anchor, sig: id.sig, ordinal: id.ordinal, syncedAt: this.input.now });
    this.steps.push(this.storeStep(rec.key, item.title, ['detached'], next));
    this.line(rec.key, item.title, ['detached'], 'its task was deleted in the task app; it is not re-created unless the item changes');
    this.warn('task_deleted', rec.key, item.title, 'The task was deleted in the task app.');
    if (id.link !== null && id.link === rec.taskUrl) this.writeBack(item, id, rec.key, { taskLink: null });
  }

  // ---- records no item claimed -----------------------------------------------------------------

  private planGone(rec: SyncRecord): void {
    const title = rec.sig.title;
    switch (rec.state) {
      case 'linked': {
        if (rec.taskId !== null && this.input.remote.tasks.get(rec.taskId) === null) {
          this.steps.push(this.storeStep(rec.key, title, ['removed'], null));
          this.line(rec.key, title, ['removed'], 'removed from the minutes; its task was deleted too');
          return;
        }
        this.unlink(rec, title, 'removed', 'removed from the minutes: the task is kept and noted');
        return;
      }
      case 'pending': {
        const remote = this.input.remote;
        const found = remote.found.get(rec.key);
        if (found) {
          const adopted = clean({ ...rec, state: 'linked', taskId: found.id, taskUrl: found.url ?? null, remoteUpdatedAt: found.updatedAt });
          this.unlink(adopted, title, 'removed', 'an interrupted sync created this task; its item is gone from the minutes');
          return;
        }
        if (remote.searched.has(rec.key) || !remote.canLookup) {
          if (!remote.canLookup) this.warn('possible_duplicate', rec.key, title, 'An interrupted sync may have created a task for this removed item.');
          this.steps.push(this.storeStep(rec.key, title, ['skipped'], null));
        }
        return;
      }
      case 'detached':
        this.steps.push(this.storeStep(rec.key, title, ['skipped'], null));
        return;
      case 'unlinked':
        // Item and task both gone: nothing left to re-link.
        if (rec.taskId !== null && this.input.remote.tasks.get(rec.taskId) === null) this.steps.push(this.storeStep(rec.key, title, ['skipped'], null));
        return;
    }
  }

  /** Marks the task as no longer fed by the minutes: a note on the task, the record kept for re-linking. */
  private unlink(rec: SyncRecord, title: string, reason: 'removed' | 'excluded', message: string): void {
    const notes = renderUnlinkedNotes(rec.sig, reason, isoDate(this.input.now), this.ctx);
    const fields = { ...knownFields(rec), notes: hashString(notes) };
    const next: SyncRecord = clean({ ...rec, state: 'unlinked', unlinkReason: reason, fields, fingerprint: fingerprintOf(fields, rec.status), syncedAt: this.input.now });
    const action: SyncAction = reason === 'removed' ? 'removed' : 'unlinked';
    const line = this.line(rec.key, title, [action], message);
    this.steps.push({
      key: rec.key,
      title,
      actions: line.actions,
      write: { type: 'update', taskId: rec.taskId as string, patch: { notes } },
      intent: { ...clean(rec), fields: knownFields(rec), inflight: { fields, status: null, at: this.input.now } },
      record: next,
      target: null,
      changedFields: ['notes'],
    });
  }

  // ---- helpers -----------------------------------------------------------------------------------

  /** A repeated create with this pending record's token returns the task, if one was made. */
  private tokenStillValid(rec: SyncRecord): boolean {
    const ttl = this.caps.clientTokenTtlMs;
    return this.caps.clientToken && rec.clientToken !== undefined && (ttl === null || this.input.now - rec.syncedAt <= ttl);
  }

  private storeStep(key: string, title: string, actions: SyncAction[], record: SyncRecord | null): PlanStep {
    return { key, title, actions, write: null, intent: null, record, target: null, changedFields: [] };
  }

  private line(key: string | null, title: string, actions: SyncAction[], message?: string, fields?: ReportLine['fields']): ReportLine {
    const line: ReportLine = { key, title, actions };
    if (fields) line.fields = fields;
    if (message) line.message = message;
    this.lines.push(line);
    return line;
  }

  private writeBack(item: ActionItem, id: ItemIdentity, key: string | null, change: { status?: ItemStatus; taskLink?: string | null }): void {
    this.writeBacks.push({ key, anchor: id.anchor, source: item.source, title: item.title, ...change });
  }

  private warn(code: SyncWarning['code'], key: string | null, title: string | null, message: string): void {
    this.warnings.push({ code, key, title, message });
  }

  /** Every warning the item carries, plus what the task cannot hold. */
  private itemWarnings(item: ActionItem, key: string): void {
    const codes = new Set(item.warnings);
    if (item.owners.length === 0) codes.add('owner_missing');
    if (item.due === null && !codes.has('vague_deadline')) codes.add('deadline_missing');
    for (const code of codes) this.warn(code, key, item.title, ITEM_WARNING_MESSAGES[code]);
    if (!this.caps.dueTime && item.due !== null && item.dueTime !== null) {
      this.warn('time_dropped', key, item.title, `The task app keeps the date only; the time (${item.dueTime}) is in the task notes.`);
    }
  }
}

const ITEM_WARNING_MESSAGES: Readonly<Record<ActionItem['warnings'][number], string>> = {
  owner_missing: 'No owner: the task says so; add a 负责人 to the minutes.',
  vague_deadline: 'The deadline is vague; the task has no due date.',
  past_due: 'The deadline is before the meeting date.',
  deadline_missing: 'No deadline: the task says so; add a 完成时限 to the minutes.',
  relative_to_event: 'The deadline depends on an event; check the date.',
  ambiguous_next_weekday: '"Next <weekday>" is ambiguous; check the date.',
  conflicting_dates: 'The item names several dates; check the due date.',
};

/** Plans a sync of one document. Pure: same input, same plan. */
export function planSync(input: PlanInput): SyncPlan {
  return new PlanBuilder(input).build();
}
