/**
 * Item identity: which stored record (and so which task) each current item is.
 *
 * Stages, strongest evidence first; a record is claimed at most once, so two rows never share a task:
 *  1. anchor — the row / block anchor the platform keeps across edits and reorders;
 *  2. task link — the 任务 cell holds the task's link (survives cut-and-paste that changes anchors);
 *  3. content — same title+owners+due, then same title, then a similar title (only where anchors
 *     cannot tell: an item or record without an anchor, or both in the same block);
 *  4. position — an unmatched item between the same matched neighbours as an unmatched record is the
 *     same item edited in place (Markdown and text have no anchors).
 * A duplicated row has a new anchor (or shares content with a row that already claimed the record),
 * so it finds no free record and becomes a new task.
 */
import type { ActionItem } from '../model/items';
import { hashString } from './hash';
import { dice, normalizeOwners, normalizeText, ownerNames } from './text';
import type { ContentSignature, SyncRecord } from './types';

export interface ItemIdentity {
  /** Row anchor for table items, else block anchor; null when the platform has none. */
  anchor: string | null;
  sig: ContentSignature;
  /** The task link in the document, trimmed; null when empty. */
  link: string | null;
  /** Position among the document's items. */
  ordinal: number;
  normTitle: string;
  normOwners: string;
}

export type MatchVia = 'anchor' | 'link' | 'content' | 'similar' | 'position';

export interface Matching {
  /** Per item: its record, or null for a new item. */
  records: (SyncRecord | null)[];
  via: (MatchVia | null)[];
  /** Records no item claimed, in store order. */
  unmatched: SyncRecord[];
}

/** Normalized forms are computed on first use: anchored items rarely need them. */
class Identity implements ItemIdentity {
  private title: string | undefined;
  private owners: string | undefined;

  constructor(
    readonly anchor: string | null,
    readonly sig: ContentSignature,
    readonly link: string | null,
    readonly ordinal: number,
    private readonly item: ActionItem,
  ) {}

  get normTitle(): string {
    return (this.title ??= normalizeText(this.item.title));
  }

  get normOwners(): string {
    return (this.owners ??= normalizeOwners(this.item.owners));
  }
}

export function identityOf(item: ActionItem, ordinal: number): ItemIdentity {
  const link = item.taskLink?.trim();
  return new Identity(
    item.source.rowAnchor ?? item.source.blockAnchor ?? null,
    { title: item.title, owners: ownerNames(item.owners), due: item.due },
    link ? link : null,
    ordinal,
    item,
  );
}

/** A new identity key: from the anchor when there is one, else from the title; unique within `taken`. */
export function newKey(identity: ItemIdentity, taken: Set<string>): string {
  const base = identity.anchor !== null ? 'a' + hashString(identity.anchor).slice(0, 8) : 'c' + hashString(identity.normTitle).slice(0, 8);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

class Candidate {
  used = false;
  private title: string | undefined;
  private owners: string | undefined;

  constructor(readonly rec: SyncRecord) {}

  get normTitle(): string {
    return (this.title ??= normalizeText(this.rec.sig.title));
  }

  get normOwners(): string {
    return (this.owners ??= normalizeOwners(this.rec.sig.owners.split('、')));
  }
}

/** A similar title alone, or a fairly similar one with the same owners and due date. */
const FUZZY_ACCEPT = 0.5;
const FUZZY_WITH_CONTEXT = 0.4;
/** A record whose item left the document comes back by (nearly) the same title only. */
const FUZZY_RETURNING = 0.8;
/** Above this many item × record pairs, fuzzy matching only compares nearby positions. */
const FUZZY_PAIR_BUDGET = 40_000;
const FUZZY_WINDOW = 64;

class Matcher {
  readonly records: (SyncRecord | null)[];
  readonly via: (MatchVia | null)[];
  private readonly byRecord = new Map<SyncRecord, number>();

  constructor(
    private readonly items: readonly ItemIdentity[],
    private readonly cands: Candidate[],
    /** Among equally good records, those whose task exists win: an item never goes to an empty one. */
    private readonly hasTask: (rec: SyncRecord) => boolean,
  ) {
    this.records = items.map(() => null);
    this.via = items.map(() => null);
  }

  assign(i: number, c: Candidate, via: MatchVia): void {
    this.records[i] = c.rec;
    this.via[i] = via;
    c.used = true;
    this.byRecord.set(c.rec, i);
  }

  free(i: number): boolean {
    return this.records[i] === null;
  }

  byAnchor(): void {
    const recs = groupBy(this.cands.filter((c) => c.rec.anchor !== null), (c) => c.rec.anchor as string);
    const items = groupBy(
      this.items.map((_, i) => i).filter((i) => this.items[i]?.anchor !== null),
      (i) => this.items[i]?.anchor as string,
    );
    for (const [anchor, idx] of items) {
      const rs = recs.get(anchor);
      if (!rs) continue;
      const first = idx[0];
      const only = rs[0];
      if (idx.length === 1 && rs.length === 1 && first !== undefined && only !== undefined) {
        this.assign(first, only, 'anchor');
        continue;
      }
      // Several items share one block (sentences of a paragraph, rows of a table without row anchors).
      this.byContent(idx, rs, 'anchor', true);
    }
  }

  byLink(): void {
    const recs = new Map<string, Candidate>();
    for (const c of this.cands) if (!c.used && c.rec.taskUrl) recs.set(c.rec.taskUrl, c);
    const claims = groupBy(
      this.items.map((_, i) => i).filter((i) => this.free(i) && this.items[i]?.link),
      (i) => this.items[i]?.link as string,
    );
    for (const [link, idx] of claims) {
      const c = recs.get(link);
      if (!c || c.used) continue;
      // A copied row carries the same link: the copy closest in content and position keeps the task.
      const best = [...idx].sort((a, b) => this.closeness(b, c) - this.closeness(a, c))[0];
      if (best !== undefined) this.assign(best, c, 'link');
    }
  }

  private closeness(i: number, c: Candidate): number {
    const it = this.items[i] as ItemIdentity;
    const same = it.normTitle === c.normTitle ? 2 : 0;
    const owners = it.normOwners === c.normOwners ? 1 : 0;
    return same + owners - Math.abs(it.ordinal - c.rec.ordinal) / 1e6;
  }

  /** Exact passes, then similar titles, among the given items and candidates. */
  byContent(idx: readonly number[], cands: readonly Candidate[], via: MatchVia | null, sameBlock: boolean): void {
    if (!idx.some((i) => this.free(i)) || !cands.some((c) => !c.used)) return;
    this.exact(idx, cands, (x) => `${x.normTitle}\u0001${x.normOwners}\u0001${x.due ?? ''}`, via ?? 'content');
    this.exact(idx, cands, (x) => x.normTitle, via ?? 'content');
    this.similar(idx, cands, via ?? 'similar', sameBlock);
  }

  private exact(idx: readonly number[], cands: readonly Candidate[], keyOf: (x: { normTitle: string; normOwners: string; due: string | null }) => string, via: MatchVia): void {
    const buckets = groupBy(
      cands.filter((c) => !c.used),
      (c) => keyOf({ normTitle: c.normTitle, normOwners: c.normOwners, due: c.rec.sig.due }),
    );
    if (buckets.size === 0) return;
    for (const i of idx) {
      if (!this.free(i)) continue;
      const it = this.items[i] as ItemIdentity;
      const bucket = buckets.get(keyOf({ normTitle: it.normTitle, normOwners: it.normOwners, due: it.sig.due }));
      if (!bucket) continue;
      let best: Candidate | null = null;
      for (const c of bucket) {
        if (c.used) continue;
        if (!best || this.better(c, best, it.ordinal)) best = c;
      }
      if (best) this.assign(i, best, via);
    }
  }

  private better(a: Candidate, b: Candidate, ordinal: number): boolean {
    const ta = this.hasTask(a.rec);
    if (ta !== this.hasTask(b.rec)) return ta;
    return Math.abs(a.rec.ordinal - ordinal) < Math.abs(b.rec.ordinal - ordinal);
  }

  private similar(idx: readonly number[], cands: readonly Candidate[], via: MatchVia, sameBlock: boolean): void {
    const items = idx.filter((i) => this.free(i));
    const free = cands.filter((c) => !c.used);
    if (items.length === 0 || free.length === 0) return;
    const windowed = items.length * free.length > FUZZY_PAIR_BUDGET;
    const pairs: { i: number; c: Candidate; score: number; task: number; dist: number }[] = [];
    for (const i of items) {
      const it = this.items[i] as ItemIdentity;
      for (const c of free) {
        const dist = Math.abs(c.rec.ordinal - it.ordinal);
        if (windowed && dist > FUZZY_WINDOW) continue;
        // Two different anchors are two different rows; only exact content may bridge them.
        if (!sameBlock && it.anchor !== null && c.rec.anchor !== null && it.anchor !== c.rec.anchor) continue;
        const t = dice(it.normTitle, c.normTitle);
        if (t < FUZZY_WITH_CONTEXT) continue;
        const returning = c.rec.state === 'unlinked' || c.rec.state === 'detached';
        if (returning && t < FUZZY_RETURNING) continue;
        const owners = it.normOwners !== '' && it.normOwners === c.normOwners;
        const due = it.sig.due !== null && it.sig.due === c.rec.sig.due;
        if (t < FUZZY_ACCEPT && !(owners && due)) continue;
        pairs.push({ i, c, score: t + (owners ? 0.1 : 0) + (due ? 0.1 : 0), task: this.hasTask(c.rec) ? 1 : 0, dist });
      }
    }
    pairs.sort((a, b) => b.score - a.score || b.task - a.task || a.dist - b.dist || a.i - b.i);
    for (const p of pairs) if (this.free(p.i) && !p.c.used) this.assign(p.i, p.c, via);
  }

  /**
   * An unmatched item alone between two matched neighbours, facing an unmatched record alone
   * between those neighbours' records, is that record edited in place.
   */
  byPosition(): void {
    const open = this.cands
      .filter((c) => !c.used && (c.rec.state === 'linked' || c.rec.state === 'pending'))
      .sort((a, b) => a.rec.ordinal - b.rec.ordinal);
    if (open.length === 0) return;
    let prev = -1;
    for (let next = 0; next <= this.items.length; next++) {
      if (next < this.items.length && this.free(next)) continue;
      const gap: number[] = [];
      for (let i = prev + 1; i < next; i++) gap.push(i);
      if (gap.length === 1) {
        const lo = prev >= 0 ? (this.records[prev] as SyncRecord).ordinal : -Infinity;
        const hi = next < this.items.length ? (this.records[next] as SyncRecord).ordinal : Infinity;
        const between = lo < hi ? open.filter((c) => !c.used && c.rec.ordinal > lo && c.rec.ordinal < hi) : [];
        const i = gap[0] as number;
        const it = this.items[i] as ItemIdentity;
        const c = between[0];
        if (between.length === 1 && c && (it.anchor === null || c.rec.anchor === null || it.anchor === c.rec.anchor)) {
          this.assign(i, c, 'position');
        }
      }
      prev = next;
    }
  }
}

function groupBy<T>(values: readonly T[], keyOf: (v: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const v of values) {
    const k = keyOf(v);
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

/**
 * Matches current items to stored records; see the module comment for the rules. `hasTask` tells
 * which records are known to have a task (default: a task id), e.g. pending ones found by lookup.
 */
export function matchItems(items: readonly ItemIdentity[], records: readonly SyncRecord[], hasTask: (rec: SyncRecord) => boolean = (r) => r.taskId !== null): Matching {
  const cands = records.map((rec) => new Candidate(rec));
  const m = new Matcher(items, cands, hasTask);
  m.byAnchor();
  m.byLink();
  m.byContent(
    items.map((_, i) => i),
    cands,
    null,
    false,
  );
  m.byPosition();
  return { records: m.records, via: m.via, unmatched: cands.filter((c) => !c.used).map((c) => c.rec) };
}
