/**
 * The model behind the sync property test: a minutes table whose rows have identities (uids) the
 * sync never sees, user actions on both sides, syncs with injected failures, and the checks.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ItemStatus } from '../../../src/core/model/items';
import type { FaultKind } from '../../../src/core/sync/memory/faults';
import { SimulatedCrash } from '../../../src/core/sync/memory/faults';
import { syncKeyOf } from '../../../src/core/sync/keys';
import type { HarnessOptions, Row } from './helpers';
import { DOC, Doc, GOOGLE_CAPS, Harness } from './helpers';

const OWNERS = [['张三'], ['李四'], ['王芳', '张三'], []] as const;
const DUES = ['2025-06-20', '2025-06-27', '2025-07-01', null] as const;
const FAULTS: FaultKind[] = ['rate_limit', 'server_error', 'refuse', 'timeout_before', 'timeout_after', 'crash_before', 'crash_after'];

export type Command =
  | { t: 'editTitle'; i: number; big: boolean }
  | { t: 'editOwner'; i: number; o: number }
  | { t: 'editDue'; i: number; d: number }
  | { t: 'move'; i: number; j: number }
  | { t: 'insert'; i: number }
  | { t: 'duplicate'; i: number; j: number; copyLink: boolean }
  | { t: 'delete'; i: number }
  | { t: 'readd'; g: number; i: number; sameAnchor: boolean }
  | { t: 'docStatus'; i: number; done: boolean }
  | { t: 'remoteToggle'; i: number }
  | { t: 'bothSides'; i: number; docFirst: boolean }
  | { t: 'sync'; faults: { at: number; kind: FaultKind }[]; commitEvery: number };

const idx = fc.nat(40);
export const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ t: fc.constant('editTitle' as const), i: idx, big: fc.boolean() }),
  fc.record({ t: fc.constant('editOwner' as const), i: idx, o: fc.nat(OWNERS.length - 1) }),
  fc.record({ t: fc.constant('editDue' as const), i: idx, d: fc.nat(DUES.length - 1) }),
  fc.record({ t: fc.constant('move' as const), i: idx, j: idx }),
  fc.record({ t: fc.constant('insert' as const), i: idx }),
  fc.record({ t: fc.constant('duplicate' as const), i: idx, j: idx, copyLink: fc.boolean() }),
  fc.record({ t: fc.constant('delete' as const), i: idx }),
  fc.record({ t: fc.constant('readd' as const), g: idx, i: idx, sameAnchor: fc.boolean() }),
  fc.record({ t: fc.constant('docStatus' as const), i: idx, done: fc.boolean() }),
  fc.record({ t: fc.constant('remoteToggle' as const), i: idx }),
  fc.record({ t: fc.constant('bothSides' as const), i: idx, docFirst: fc.boolean() }),
  {
    arbitrary: fc.record({
      t: fc.constant('sync' as const),
      faults: fc.array(fc.record({ at: fc.nat(30), kind: fc.constantFrom(...FAULTS) }), { maxLength: 4 }),
      commitEvery: fc.constantFrom(1, 3, 10),
    }),
    weight: 3,
  },
);

export type Flavor = 'google' | 'feishu' | 'batched';
const FLAVORS: Record<Flavor, HarnessOptions> = {
  google: { backend: { capabilities: GOOGLE_CAPS } },
  feishu: { backend: { syncKeyIn: 'extra' } },
  batched: { backend: { capabilities: { ...GOOGLE_CAPS, maxBatch: 4 } } },
};

/** The model around the harness: row identities (uids) and deleted rows that may come back. */
export class World {
  readonly h: Harness;
  readonly uid = new Map<Row, number>();
  readonly graveyard: Row[] = [];
  /** uid → the task link it got; identity must hold while the row stays in the document. */
  readonly linkOf = new Map<number, string>();
  readonly broken = new Set<number>();
  /** Status changes since the last failure-free sync, by uid; conflict = both sides changed it. */
  readonly pending = new Map<number, { status: ItemStatus; side: 'doc' | 'remote'; conflict: boolean }>();
  /** When the minutes were last edited, passed to the sync so "the later change wins" can be decided. */
  private docModifiedAt: number | undefined;
  private nextUid = 0;
  private nextAnchor = 0;
  private edits = 0;

  constructor(
    readonly anchored: boolean,
    flavor: Flavor,
    size: number,
  ) {
    this.h = new Harness(new Doc([]), FLAVORS[flavor]);
    for (let i = 0; i < size; i++) this.h.doc.rows.push(this.newRow());
  }

  get rows(): Row[] {
    return this.h.doc.rows;
  }

  private newRow(): Row {
    const uid = this.nextUid++;
    const r: Row = { anchor: this.anchored ? `row${this.nextAnchor++}` : null, title: `事项${uid}号`, owners: ['张三'], due: '2025-06-20', status: 'open', link: null };
    this.uid.set(r, uid);
    return r;
  }

  private at(i: number): Row | undefined {
    return this.rows.length === 0 ? undefined : this.rows[i % this.rows.length];
  }

  async run(c: Command): Promise<void> {
    // Each user action takes a second, so the two sides' changes are ordered in time.
    this.h.clock.advance(1000);
    if (c.t !== 'sync' && c.t !== 'remoteToggle') this.docModifiedAt = this.h.clock.now();
    const r = c.t === 'sync' || c.t === 'readd' || c.t === 'insert' ? undefined : this.at(c.i);
    switch (c.t) {
      case 'editTitle':
        if (r) r.title = c.big ? `完全改写的内容${this.edits++}` : `${r.title}改`;
        return;
      case 'editOwner':
        if (r) r.owners = [...(OWNERS[c.o] ?? [])];
        return;
      case 'editDue':
        if (r) r.due = DUES[c.d] ?? null;
        return;
      case 'move': {
        if (!r) return;
        this.rows.splice(c.i % this.rows.length, 1);
        this.rows.splice(c.j % (this.rows.length + 1), 0, r);
        return;
      }
      case 'insert':
        this.rows.splice(c.i % (this.rows.length + 1), 0, this.newRow());
        return;
      case 'duplicate': {
        if (!r) return;
        const copy: Row = { ...r, owners: [...r.owners], anchor: this.anchored ? `row${this.nextAnchor++}` : null, link: c.copyLink ? r.link : null };
        this.uid.set(copy, this.nextUid++);
        this.rows.splice(c.j % (this.rows.length + 1), 0, copy);
        return;
      }
      case 'delete': {
        if (!r) return;
        this.rows.splice(c.i % this.rows.length, 1);
        this.graveyard.push(r);
        const uid = this.uid.get(r) as number;
        this.broken.add(uid);
        // Whatever was expected of it: once gone, its task may go to a copy.
        const p = this.pending.get(uid);
        if (p) p.conflict = true;
        return;
      }
      case 'readd': {
        if (this.graveyard.length === 0) return;
        const [back] = this.graveyard.splice(c.g % this.graveyard.length, 1);
        if (!back) return;
        // Undo restores the anchor; pasting the row back gives it a new one.
        if (this.anchored && !c.sameAnchor) back.anchor = `row${this.nextAnchor++}`;
        this.rows.splice(c.i % (this.rows.length + 1), 0, back);
        return;
      }
      case 'docStatus': {
        if (!r) return;
        const status: ItemStatus = c.done ? 'done' : 'open';
        if (r.status !== status) this.note([r], 'doc', status);
        r.status = status;
        return;
      }
      case 'remoteToggle': {
        const task = r?.link ? this.h.backend.taskByUrl(r.link) : undefined;
        if (!task) return;
        const status: ItemStatus = task.status === 'done' ? 'open' : 'done';
        if (status === 'done') this.h.backend.userComplete(task.id);
        else this.h.backend.userReopen(task.id);
        this.note(
          this.rows.filter((x) => x.link === task.url),
          'remote',
          status,
        );
        return;
      }
      case 'bothSides': {
        if (!r) return;
        // The same item's status changes in the minutes and in the task app between two syncs.
        const docStep: Command = { t: 'docStatus', i: c.i, done: r.status === 'open' };
        const remoteStep: Command = { t: 'remoteToggle', i: c.i };
        await this.run(c.docFirst ? docStep : remoteStep);
        await this.run(c.docFirst ? remoteStep : docStep);
        return;
      }
      case 'sync': {
        this.h.faults.reset(new Map(c.faults.map((f) => [f.at, f.kind])));
        let crashed = false;
        try {
          await this.h.sync({ commitEvery: c.commitEvery, ...(this.docModifiedAt !== undefined ? { docModifiedAt: this.docModifiedAt } : {}) });
        } catch (error) {
          if (!(error instanceof SimulatedCrash)) throw error;
          crashed = true;
        }
        this.h.faults.reset();
        this.checkNoSharedTask();
        if (!crashed && c.faults.length === 0) this.checkStatusKept();
        // Links are learnt only from clean runs: after a failed write-back a row may show a stale one.
        if (!crashed) this.checkIdentity(c.faults.length === 0);
        return;
      }
    }
  }

  private note(rows: Row[], side: 'doc' | 'remote', status: ItemStatus): void {
    for (const r of rows) {
      const uid = this.uid.get(r) as number;
      const p = this.pending.get(uid);
      // A change made in the task app says something about a row only if the link the user followed
      // is known to be that row's own (not one that came with a copied row, nor shown by two rows).
      // The same for an edit in the minutes: a row whose identity the sync may still settle otherwise
      // (a copy that takes over a removed row's task) tells nothing certain.
      const unverified = rows.length > 1 || this.broken.has(uid) || r.link === null || this.linkOf.get(uid) !== r.link;
      const conflict = unverified || (p?.conflict ?? false) || (p !== undefined && p.side !== side);
      this.pending.set(uid, { status, side, conflict });
    }
  }

  /**
   * A status changed on one side only (the 状态 cell, or the task app) is what both show after a
   * failure-free sync: never reverted, even when earlier runs failed halfway. Anchored rows only,
   * where a row's task is known for sure.
   */
  checkStatusKept(): void {
    if (this.anchored) {
      for (const r of this.rows) {
        const uid = this.uid.get(r) as number;
        const p = this.pending.get(uid);
        if (!p || p.conflict || this.broken.has(uid) || r.link === null) continue;
        expect(r.status, `row "${r.title}" shows the status set in the ${p.side === 'doc' ? 'minutes' : 'task app'}`).toBe(p.status);
        expect(this.h.backend.taskByUrl(r.link)?.status).toBe(p.status);
      }
    }
    this.pending.clear();
  }

  /** Never one task for two records, at any moment, crash or not. */
  checkNoSharedTask(): void {
    const ids = this.h.records().flatMap((r) => (r.taskId ? [r.taskId] : []));
    expect(new Set(ids).size).toBe(ids.length);
  }

  /** An anchored row that stayed in the document keeps its task. */
  checkIdentity(learn: boolean): void {
    if (!this.anchored) return;
    const shared = new Set(this.rows.map((r) => r.link).filter((l, i, all) => l !== null && all.indexOf(l) !== i));
    for (const r of this.rows) {
      const uid = this.uid.get(r) as number;
      // A link copied with a row is not that row's task (yet): skip it while two rows show it.
      if (r.link === null || shared.has(r.link)) continue;
      const known = this.linkOf.get(uid);
      if (known !== undefined && !this.broken.has(uid)) expect(r.link, `row ${r.title} kept its task`).toBe(known);
      else if (learn) {
        this.linkOf.set(uid, r.link);
        this.broken.delete(uid);
      }
    }
  }

  /** After failure-free runs: no duplicates, no lost items, document and tasks agree. */
  checkConverged(): void {
    const { backend } = this.h;
    const live = backend.liveTasks();
    const records = this.h.records();
    // Every task belongs to exactly one record, and carries that record's sync key: no duplicates.
    const byTask = new Map(records.filter((r) => r.taskId).map((r) => [r.taskId as string, r]));
    expect(byTask.size).toBe(records.filter((r) => r.taskId).length);
    for (const t of live) {
      const rec = byTask.get(t.id);
      expect(rec, `task "${t.title}" has a record (no orphan)`).toBeDefined();
      expect(backend.syncKeyOf(t)).toBe(syncKeyOf(DOC, rec?.key as string));
    }
    expect(records.filter((r) => r.state === 'pending')).toEqual([]);
    // Every open row has its own task; no two rows share one: no lost item.
    const links = this.rows.flatMap((r) => (r.link ? [r.link] : []));
    expect(new Set(links).size).toBe(links.length);
    for (const r of this.rows) if (r.status === 'open') expect(r.link, `open row "${r.title}" has a task`).not.toBeNull();
    expect(records.filter((r) => r.state === 'linked')).toHaveLength(links.length);
    // Document and task agree.
    for (const r of this.rows) {
      if (!r.link) continue;
      const t = backend.taskByUrl(r.link);
      expect(t, `row "${r.title}" links to a live task`).toBeDefined();
      const owners = r.owners.join('、');
      const title = this.h.backend.capabilities.assignees || !owners ? r.title : `【${owners}】${r.title}`;
      expect({ title: t?.title, status: t?.status as ItemStatus, due: t?.due?.date ?? null }).toEqual({ title, status: r.status, due: r.due });
    }
  }
}

