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

/** The normalized forms content matching compares. */
interface Comparable {
  normTitle: string;
  normOwners: string;
}

export interface ItemIdentity extends Comparable {
  /** Row anchor for table items, else block anchor; null when the platform has none. */
  anchor: string | null;
  sig: ContentSignature;
  /** The task link in the document, trimmed; null when empty. */
  link: string | null;
  /** Position among the document's items. */
  ordinal: number;
}

export interface Matching {
  /** Per item: its record, or null for a new item. */
  records: (SyncRecord | null)[];
  /** Records no item claimed, in store order. */
  unmatched: SyncRecord[];
}

/**
 * Normalized forms are computed on first use: anchored items rarely need them. Classes, not object
 * literals with getters: those would give every identity its own hidden class and slow every lookup.
 */
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

/** A stored record an item may claim. */
class Candidate implements Comparable {
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
 * which records are known to have a task (default: a task id), e.g. pending ones found by lookup;
 * among equally good records, those whose task exists win: an item never goes to an empty one.
 */
export function matchItems(items: readonly ItemIdentity[], records: readonly SyncRecord[], hasTask: (rec: SyncRecord) => boolean = (r) => r.taskId !== null): Matching {
  const cands = records.map((rec) => new Candidate(rec));
  const matched: (SyncRecord | null)[] = items.map(() => null);
  const indices = items.map((_, i) => i);
  const itemAt = (i: number): ItemIdentity => items[i] as ItemIdentity;
  const free = (i: number): boolean => matched[i] === null;
  const assign = (i: number, c: Candidate): void => {
    matched[i] = c.rec;
    c.used = true;
  };

  /** Exact passes, then similar titles, among the given items and candidates. */
  function byContent(idx: readonly number[], among: readonly Candidate[], sameBlock: boolean): void {
    if (!idx.some(free) || !among.some((c) => !c.used)) return;
    exact(idx, among, (x, due) => `${x.normTitle}\u0001${x.normOwners}\u0001${due ?? ''}`);
    exact(idx, among, (x) => x.normTitle);
    similar(idx, among, sameBlock);
  }

  function exact(idx: readonly number[], among: readonly Candidate[], keyOf: (x: Comparable, due: string | null) => string): void {
    const buckets = groupBy(
      among.filter((c) => !c.used),
      (c) => keyOf(c, c.rec.sig.due),
    );
    if (buckets.size === 0) return;
    for (const i of idx) {
      if (!free(i)) continue;
      const it = itemAt(i);
      const bucket = buckets.get(keyOf(it, it.sig.due));
      if (!bucket) continue;
      let best: Candidate | null = null;
      for (const c of bucket) {
        if (c.used) continue;
        if (!best || better(c, best, it.ordinal)) best = c;
      }
      if (best) assign(i, best);
    }
  }

  function better(a: Candidate, b: Candidate, ordinal: number): boolean {
    const ta = hasTask(a.rec);
    if (ta !== hasTask(b.rec)) return ta;
    return Math.abs(a.rec.ordinal - ordinal) < Math.abs(b.rec.ordinal - ordinal);
  }

  function similar(idx: readonly number[], among: readonly Candidate[], sameBlock: boolean): void {
    const open = idx.filter(free);
    const unused = among.filter((c) => !c.used);
    if (open.length === 0 || unused.length === 0) return;
    const windowed = open.length * unused.length > FUZZY_PAIR_BUDGET;
    const pairs: { i: number; c: Candidate; score: number; task: number; dist: number }[] = [];
    for (const i of open) {
      const it = itemAt(i);
      for (const c of unused) {
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
        pairs.push({ i, c, score: t + (owners ? 0.1 : 0) + (due ? 0.1 : 0), task: hasTask(c.rec) ? 1 : 0, dist });
      }
    }
    pairs.sort((a, b) => b.score - a.score || b.task - a.task || a.dist - b.dist || a.i - b.i);
    for (const p of pairs) if (free(p.i) && !p.c.used) assign(p.i, p.c);
  }

  // 1. Anchors. Several items under one anchor (sentences of a paragraph, rows of a table without
  //    row anchors) are told apart by content.
  const recsByAnchor = groupBy(
    cands.filter((c) => c.rec.anchor !== null),
    (c) => c.rec.anchor as string,
  );
  const itemsByAnchor = groupBy(
    indices.filter((i) => itemAt(i).anchor !== null),
    (i) => itemAt(i).anchor as string,
  );
  for (const [anchor, idx] of itemsByAnchor) {
    const rs = recsByAnchor.get(anchor);
    if (!rs) continue;
    const first = idx[0];
    const only = rs[0];
    if (idx.length === 1 && rs.length === 1 && first !== undefined && only !== undefined) assign(first, only);
    else byContent(idx, rs, true);
  }

  // 2. Task links. A copied row carries the same link: the copy closest in content and position keeps the task.
  const byUrl = new Map<string, Candidate>();
  for (const c of cands) if (!c.used && c.rec.taskUrl) byUrl.set(c.rec.taskUrl, c);
  const closeness = (i: number, c: Candidate): number => {
    const it = itemAt(i);
    const same = it.normTitle === c.normTitle ? 2 : 0;
    const owners = it.normOwners === c.normOwners ? 1 : 0;
    return same + owners - Math.abs(it.ordinal - c.rec.ordinal) / 1e6;
  };
  const claims = groupBy(
    indices.filter((i) => free(i) && itemAt(i).link),
    (i) => itemAt(i).link as string,
  );
  for (const [link, idx] of claims) {
    const c = byUrl.get(link);
    if (!c || c.used) continue;
    const best = [...idx].sort((a, b) => closeness(b, c) - closeness(a, c))[0];
    if (best !== undefined) assign(best, c);
  }

  // 3. Content, everywhere.
  byContent(indices, cands, false);

  // 4. Position: an unmatched item alone between two matched neighbours, facing an unmatched record
  //    alone between those neighbours' records, is that record edited in place.
  const open = cands.filter((c) => !c.used && (c.rec.state === 'linked' || c.rec.state === 'pending')).sort((a, b) => a.rec.ordinal - b.rec.ordinal);
  if (open.length > 0) {
    let prev = -1;
    for (let next = 0; next <= items.length; next++) {
      if (next < items.length && free(next)) continue;
      // Exactly one unmatched item between the two matched ones.
      if (next - prev === 2) {
        const lo = prev >= 0 ? (matched[prev] as SyncRecord).ordinal : -Infinity;
        const hi = next < items.length ? (matched[next] as SyncRecord).ordinal : Infinity;
        const between = lo < hi ? open.filter((c) => !c.used && c.rec.ordinal > lo && c.rec.ordinal < hi) : [];
        const i = prev + 1;
        const it = itemAt(i);
        const c = between[0];
        if (between.length === 1 && c && (it.anchor === null || c.rec.anchor === null || it.anchor === c.rec.anchor)) assign(i, c);
      }
      prev = next;
    }
  }

  return { records: matched, unmatched: cands.filter((c) => !c.used).map((c) => c.rec) };
}
