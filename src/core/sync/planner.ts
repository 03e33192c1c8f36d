/**
 * The planner: a pure function of (items, store records, remote state) → SyncPlan. It decides every
 * create, update (changed fields only), complete, reopen, unlink and document write-back; the
 * executor only carries the plan out. An unchanged document gives an empty plan, decided from
 * fingerprints, so a re-sync costs no remote writes.
 *
 * planSync keeps the plan being built in local variables and its steps as local functions: they
 * share the input and the plan without a class's property lookups.
 */
import type { ActionItem } from '../model/items';
import type { BackendCapabilities, RemoteTask, TaskWrite } from './backend';
import type { DraftContext, DraftRenderer, NotesLabels } from './draft';
import { changedFields, fieldHashes, fingerprintOf, pickFields, renderDraft, renderUnlinkedNotes } from './draft';
import { hashString } from './hash';
import type { ItemIdentity } from './identity';
import { identityOf, matchItems, newKey } from './identity';
import { clientTokenOf, syncKeyOf } from './keys';
import { DETACHED_LINE, ITEM_WARNING_MESSAGES, TASK_DELETED_WARNING } from './messages';
import type { SyncPolicy } from './policy';
import { EXCLUSION_MESSAGES, exclusionReason, resolvePolicy } from './policy';
import { clean, knownFields, sameFields, sameRecord, sameSignature } from './records';
import type { RemoteState } from './remote';
import { resolveStatus } from './status';
import type { ReportLine, SyncAction, SyncPlan, SyncRecord, SyncWarningCode, UnlinkReason, WriteBack } from './types';

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

const EXCLUDED = 'left out by the sync settings';
const ALREADY_DONE = 'already done in the minutes; no new task';

type CellChange = Pick<WriteBack, 'status' | 'taskLink'>;

/** Plans a sync of one document. Pure: same input, same plan. */
export function planSync(input: PlanInput): SyncPlan {
  const { docId, records, remote, now } = input;
  const caps = input.capabilities;
  const policy = resolvePolicy(input.policy);
  const ctx: DraftContext = { capabilities: caps, docTitle: input.docTitle, docUrl: input.docUrl, labels: input.labels };
  const render = input.render ?? renderDraft;
  const docChangedAt = input.docModifiedAt ?? now;
  const taken = new Set(records.map((r) => r.key));
  /** Task URLs of all records: links the sync wrote, to tell a copied link from a user's own. */
  const ourUrls = new Set(records.map((r) => r.taskUrl).filter((u): u is string => u !== null));
  const plan: SyncPlan = { docId, baseRecords: records, steps: [], writeBacks: [], lines: [], warnings: [], conflicts: [] };
  const { steps, warnings } = plan;

  // ---- per item -------------------------------------------------------------------------------

  function planItem(item: ActionItem, id: ItemIdentity, rec: SyncRecord | null): void {
    const reason = exclusionReason(item, policy);
    if (rec === null) {
      if (reason) return skip(item, id, null, EXCLUSION_MESSAGES[reason]);
      if (noNewTask(item)) return skip(item, id, null, ALREADY_DONE);
      return create(item, id, null);
    }
    switch (rec.state) {
      case 'pending':
        return planPending(item, id, rec, reason !== null);
      case 'detached':
        return planDetached(item, id, rec, reason !== null);
      default:
        if (reason) return planExcluded(item, id, rec, EXCLUSION_MESSAGES[reason]);
        return planLinked(item, id, rec, rec, null);
    }
  }

  function skip(item: ActionItem, id: ItemIdentity, key: string | null, message: string): void {
    line(key, item.title, ['skipped'], message);
    clearCopiedLink(item, id, key);
  }

  /** Finished work is no new task, unless the policy says so. */
  function noNewTask(item: ActionItem): boolean {
    return item.status === 'done' && !policy.createDoneItems;
  }

  /** The item's 任务 cell holds a link the sync wrote: the row was copied from another one. */
  function hasCopiedLink(id: ItemIdentity): boolean {
    return id.link !== null && ourUrls.has(id.link);
  }

  /**
   * For an item left without a task of its own: a link to one of our tasks came with a copied row.
   * Clear it, two rows never share a task.
   */
  function clearCopiedLink(item: ActionItem, id: ItemIdentity, key: string | null): void {
    if (!hasCopiedLink(id)) return;
    writeBack(item, id, key, { taskLink: null });
    warn('duplicate_link', key, item.title, 'This row carried the task link of another row; the link was removed.');
  }

  function create(item: ActionItem, id: ItemIdentity, prior: SyncRecord | null): void {
    const key = prior?.key ?? newKey(id, taken);
    const draft = render(item, ctx);
    const fields = fieldHashes(draft);
    // A retried pending create reuses its token (the platform may already hold the task);
    // any other create gets a fresh one.
    const retry = prior?.state === 'pending';
    const creates = retry ? prior.creates : (prior?.creates ?? 0) + 1;
    const clientToken = retry && prior.clientToken ? prior.clientToken : caps.clientToken ? clientTokenOf(docId, key, creates) : undefined;
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
      ...placeOf(id),
      syncedAt: now,
    });
    const isCopy = hasCopiedLink(id);
    const { actions } = line(key, item.title, ['created'], isCopy ? 'a copy of another row: it gets a task of its own' : undefined);
    // The copied link goes at once; the new task's link replaces it when the create succeeds.
    if (isCopy) writeBack(item, id, key, { taskLink: null });
    itemWarnings(item, key);
    steps.push({
      key,
      title: item.title,
      actions,
      write: { type: 'create', request: { draft, status: item.status, syncKey: syncKeyOf(docId, key), ...(clientToken ? { clientToken } : {}) } },
      intent,
      record: clean({ ...intent, state: 'linked' }),
      target: targetOf(item, id, key),
      changedFields: [],
    });
  }

  function planPending(item: ActionItem, id: ItemIdentity, rec: SyncRecord, excluded: boolean): void {
    const found = remote.found.get(rec.key);
    if (found) {
      // The crashed run did create the task: adopt it, then bring it up to date.
      const adopted = adopt(rec, found);
      if (excluded) return planExcluded(item, id, adopted, EXCLUDED, rec);
      return planLinked(item, id, adopted, rec, found, 'recovered');
    }
    if (!mayRetryCreate(rec)) {
      warn('unresolved_pending', rec.key, item.title, 'An interrupted create could not be checked; it is retried next time.');
      line(rec.key, item.title, ['deferred']);
      return;
    }
    if (!remote.canLookup && !tokenStillValid(rec)) {
      warn('possible_duplicate', rec.key, item.title, 'An earlier sync was interrupted while creating this task and the task app cannot be searched; check for a duplicate.');
    }
    if (excluded || noNewTask(item)) {
      storeStep(rec.key, item.title, ['skipped'], null);
      return skip(item, id, null, excluded ? EXCLUDED : ALREADY_DONE);
    }
    create(item, id, rec);
  }

  function planDetached(item: ActionItem, id: ItemIdentity, rec: SyncRecord, excluded: boolean): void {
    if (!excluded && changedFields(rec.fields, fieldHashes(render(item, ctx))).length > 0) return create(item, id, rec);
    storeIfChanged(clean({ ...rec, ...placeOf(id) }), rec, item.title);
    line(rec.key, item.title, ['skipped'], 'its task was deleted in the task app; edit the item to create a new one');
    clearCopiedLink(item, id, rec.key);
  }

  function planExcluded(item: ActionItem, id: ItemIdentity, rec: SyncRecord, message: string, stored: SyncRecord = rec): void {
    const moved = clean({ ...rec, fields: knownFields(rec), ...placeOf(id) });
    if (rec.state !== 'unlinked' && rec.taskId !== null) return unlink(moved, item.title, 'excluded', message);
    storeIfChanged(moved, stored, item.title);
    line(rec.key, item.title, ['skipped'], message);
  }

  function planLinked(item: ActionItem, id: ItemIdentity, rec: SyncRecord, stored: SyncRecord, found: RemoteTask | null, extra?: SyncAction): void {
    const taskId = rec.taskId;
    if (taskId === null) return create(item, id, null);
    const task = found ?? remote.tasks.get(taskId);
    if (task === null) return detach(item, id, rec);

    const draft = render(item, ctx);
    const fields = fieldHashes(draft);
    if (unchanged(item, id, rec, stored, task, fields)) return;
    // After an interrupted write the task may hold the old or the new values. Fields in doubt are
    // re-sent; the status is settled from what the task shows, which needs the task's state.
    const inflight = rec.inflight ?? stored.inflight;
    if (inflight && task === undefined) {
      warn('deferred', rec.key, item.title, 'An interrupted change to this task is checked once the task app can be read.');
      line(rec.key, item.title, ['deferred']);
      return;
    }
    const known = knownFields({ ...rec, ...(inflight ? { inflight } : {}) });
    const changed = changedFields(known, fields);
    let base = inflight?.status != null && task?.status === inflight.status ? inflight.status : rec.status;
    // The document shows a status we were writing back when the last run ended: agreed, not a change.
    const wbMark = rec.writeBackStatus ?? stored.writeBackStatus;
    if (wbMark !== undefined && item.status === wbMark) base = wbMark;
    const status = resolveStatus({
      base,
      document: item.status,
      task: task?.status,
      taskTouched: !inflight && task !== undefined && rec.remoteUpdatedAt !== null && task.updatedAt > rec.remoteUpdatedAt,
      taskChangedAt: task?.updatedAt ?? 0,
      documentChangedAt: docChangedAt,
    });
    const push = status.push;

    const actions: SyncAction[] = [];
    if (extra) actions.push(extra);
    if (rec.state === 'unlinked') actions.push('relinked');
    if (changed.length > 0) actions.push('updated');
    if (push) actions.push(push === 'done' ? 'completed' : 'reopened');

    let write: TaskWrite | null = null;
    if (changed.length > 0) write = { type: 'update', taskId, patch: { ...pickFields(draft, changed), ...(push ? { status: push } : {}) } };
    else if (push) write = { type: push === 'done' ? 'complete' : 'reopen', taskId };

    const taskUrl = task?.url ?? rec.taskUrl;
    const next = clean({
      ...rec,
      state: 'linked',
      taskUrl,
      fields,
      fingerprint: sameFields(fields, rec.fields) && status.settled === rec.status && !inflight ? rec.fingerprint : fingerprintOf(fields, status.settled),
      status: status.settled,
      remoteUpdatedAt: task?.updatedAt ?? rec.remoteUpdatedAt,
      ...placeOf(id),
    });

    const back: CellChange = {};
    if (status.writeBack) {
      back.status = status.writeBack;
      actions.push('status_to_document');
    }
    if (caps.links && taskUrl !== null && id.link !== taskUrl) {
      back.taskLink = taskUrl;
      actions.push('link_to_document');
    }
    if (back.status !== undefined || back.taskLink !== undefined) writeBack(item, id, rec.key, back);

    const conflict = status.conflict;
    if (conflict) {
      const taskStatus = task?.status ?? rec.status;
      plan.conflicts.push({ key: rec.key, title: item.title, document: item.status, task: taskStatus, winner: conflict.winner, documentChangedAt: docChangedAt, taskChangedAt: task?.updatedAt ?? 0 });
      const winner = conflict.winner === 'document' ? `the minutes (${item.status})` : `the task app (${taskStatus})`;
      warn('conflict', rec.key, item.title, `The status changed in both the minutes and the task app since the last sync; the later change wins: ${winner}.`);
    }

    if (actions.length === 0) actions.push('unchanged');
    line(rec.key, item.title, actions, undefined, changed.length > 0 ? changed : undefined);
    itemWarnings(item, rec.key);
    if (write !== null || !sameRecord(next, stored)) {
      steps.push({
        key: rec.key,
        title: item.title,
        actions,
        write,
        // What is known now (doubts settled above), plus the write about to be sent.
        intent: write ? { ...clean(rec), fields: known, status: base, fingerprint: fingerprintOf(known, base), inflight: { fields, status: push, at: now } } : null,
        record: { ...next, syncedAt: now },
        target: targetOf(item, id, rec.key),
        changedFields: changed,
      });
    }
  }

  /**
   * The fast path, the common case of a re-sync: the item's fields and status match what was last
   * synced (the fingerprint's parts), the task did not move, nothing is pending. No step at all.
   */
  function unchanged(item: ActionItem, id: ItemIdentity, rec: SyncRecord, stored: SyncRecord, task: RemoteTask | undefined, fields: SyncRecord['fields']): boolean {
    if (rec !== stored || rec.state !== 'linked' || rec.inflight || rec.writeBackStatus !== undefined) return false;
    if (!sameFields(fields, rec.fields) || item.status !== rec.status) return false;
    if (task && (task.status !== rec.status || task.updatedAt !== rec.remoteUpdatedAt || (task.url ?? rec.taskUrl) !== rec.taskUrl)) return false;
    if (id.anchor !== rec.anchor || id.ordinal !== rec.ordinal || !sameSignature(id.sig, rec.sig)) return false;
    if (caps.links && rec.taskUrl !== null && id.link !== rec.taskUrl) return false;
    line(rec.key, item.title, ['unchanged']);
    itemWarnings(item, rec.key);
    return true;
  }

  function detach(item: ActionItem, id: ItemIdentity, rec: SyncRecord): void {
    storeStep(rec.key, item.title, ['detached'], clean({ ...rec, state: 'detached', taskId: null, taskUrl: null, ...placeOf(id), syncedAt: now }));
    line(rec.key, item.title, ['detached'], DETACHED_LINE);
    warn('task_deleted', rec.key, item.title, TASK_DELETED_WARNING);
    if (id.link !== null && id.link === rec.taskUrl) writeBack(item, id, rec.key, { taskLink: null });
  }

  // ---- records no item claimed -----------------------------------------------------------------

  function planGone(rec: SyncRecord): void {
    const title = rec.sig.title;
    switch (rec.state) {
      case 'linked':
        if (!taskDeleted(rec)) return unlink(rec, title, 'removed', 'removed from the minutes: the task is kept and noted');
        storeStep(rec.key, title, ['removed'], null);
        line(rec.key, title, ['removed'], 'removed from the minutes; its task was deleted too');
        return;
      case 'pending': {
        const found = remote.found.get(rec.key);
        if (found) return unlink(adopt(rec, found), title, 'removed', 'an interrupted sync created this task; its item is gone from the minutes');
        if (!mayRetryCreate(rec)) return;
        if (!remote.canLookup) warn('possible_duplicate', rec.key, title, 'An interrupted sync may have created a task for this removed item.');
        return storeStep(rec.key, title, ['skipped'], null);
      }
      case 'detached':
        return storeStep(rec.key, title, ['skipped'], null);
      case 'unlinked':
        // Item and task both gone: nothing left to re-link.
        if (taskDeleted(rec)) storeStep(rec.key, title, ['skipped'], null);
    }
  }

  /** Marks the task as no longer fed by the minutes: a note on the task, the record kept for re-linking. */
  function unlink(rec: SyncRecord, title: string, reason: UnlinkReason, message: string): void {
    const notes = renderUnlinkedNotes(rec.sig, reason, new Date(now).toISOString().slice(0, 10), ctx);
    const fields = { ...knownFields(rec), notes: hashString(notes) };
    const { actions } = line(rec.key, title, [reason === 'removed' ? 'removed' : 'unlinked'], message);
    steps.push({
      key: rec.key,
      title,
      actions,
      write: { type: 'update', taskId: rec.taskId as string, patch: { notes } },
      intent: { ...clean(rec), fields: knownFields(rec), inflight: { fields, status: null, at: now } },
      record: clean({ ...rec, state: 'unlinked', unlinkReason: reason, fields, fingerprint: fingerprintOf(fields, rec.status), syncedAt: now }),
      target: null,
      changedFields: ['notes'],
    });
  }

  // ---- helpers -----------------------------------------------------------------------------------

  /** A pending record whose task the lookup found: linked to it. */
  function adopt(rec: SyncRecord, found: RemoteTask): SyncRecord {
    return clean({ ...rec, state: 'linked', taskId: found.id, taskUrl: found.url ?? null, remoteUpdatedAt: found.updatedAt });
  }

  /**
   * A pending record's create may be sent again: the lookup found no task for it, or the backend
   * cannot look tasks up at all. Otherwise the lookup failed this run and it waits.
   */
  function mayRetryCreate(rec: SyncRecord): boolean {
    return remote.searched.has(rec.key) || !remote.canLookup;
  }

  /** A repeated create with this pending record's token returns the task, if one was made. */
  function tokenStillValid(rec: SyncRecord): boolean {
    const ttl = caps.clientTokenTtlMs;
    return caps.clientToken && rec.clientToken !== undefined && (ttl === null || now - rec.syncedAt <= ttl);
  }

  /** The record's task is known to be deleted. */
  function taskDeleted(rec: SyncRecord): boolean {
    return rec.taskId !== null && remote.tasks.get(rec.taskId) === null;
  }

  /** Where the item is and what it says now, as its record remembers it. */
  function placeOf(id: ItemIdentity): Pick<SyncRecord, 'anchor' | 'sig' | 'ordinal'> {
    return { anchor: id.anchor, sig: id.sig, ordinal: id.ordinal };
  }

  /** A step that only stores `record` (null deletes it); steps with a write are pushed whole. */
  function storeStep(key: string, title: string, actions: SyncAction[], record: SyncRecord | null): void {
    steps.push({ key, title, actions, write: null, intent: null, record, target: null, changedFields: [] });
  }

  /** Stores a record that only moved or was re-read, when it differs from the stored one. */
  function storeIfChanged(next: SyncRecord, stored: SyncRecord, title: string): void {
    if (!sameRecord(next, stored)) storeStep(next.key, title, ['skipped'], { ...next, syncedAt: now });
  }

  function line(key: string | null, title: string, actions: SyncAction[], message?: string, fields?: ReportLine['fields']): ReportLine {
    const out: ReportLine = { key, title, actions };
    if (fields) out.fields = fields;
    if (message) out.message = message;
    plan.lines.push(out);
    return out;
  }

  /** Where a write-back for the item goes. */
  function targetOf(item: ActionItem, id: ItemIdentity, key: string | null): WriteBack {
    return { key, anchor: id.anchor, source: item.source, title: item.title };
  }

  function writeBack(item: ActionItem, id: ItemIdentity, key: string | null, change: CellChange): void {
    plan.writeBacks.push({ ...targetOf(item, id, key), ...change });
  }

  function warn(code: SyncWarningCode, key: string | null, title: string | null, message: string): void {
    warnings.push({ code, key, title, message });
  }

  /** Every warning the item carries, plus what the task cannot hold. */
  function itemWarnings(item: ActionItem, key: string): void {
    const codes = new Set(item.warnings);
    if (item.owners.length === 0) codes.add('owner_missing');
    if (item.due === null && !codes.has('vague_deadline')) codes.add('deadline_missing');
    for (const code of codes) warn(code, key, item.title, ITEM_WARNING_MESSAGES[code]);
    if (!caps.dueTime && item.due !== null && item.dueTime !== null) {
      warn('time_dropped', key, item.title, `The task app keeps the date only; the time (${item.dueTime}) is in the task notes.`);
    }
  }

  // ---- the plan ----------------------------------------------------------------------------------

  const ids = input.items.map((item, i) => identityOf(item, i));
  const { found, searched } = remote;
  // A pending create known never to have happened holds no task: it is no identity to match.
  const dead = (r: SyncRecord): boolean => r.state === 'pending' && searched.has(r.key) && !found.has(r.key);
  const matched = matchItems(
    ids,
    records.filter((r) => !dead(r)),
    (r) => r.taskId !== null || found.has(r.key),
  );
  input.items.forEach((item, i) => planItem(item, ids[i] as ItemIdentity, matched.records[i] ?? null));
  for (const rec of [...matched.unmatched, ...records.filter(dead)]) planGone(rec);
  warnings.unshift(...remote.warnings);
  return plan;
}

