import type { ActionItem } from '../model/items';
import { isWhiteSpace } from './line';

/** Two titles this alike (Dice over character pairs) say the same thing. */
const SAME_TITLE = 0.5;
/** Character pairs shared by more table items than this say nothing about which one an item repeats. */
const COMMON_PAIR = 64;
/** What the exact pass knows of a key: a table row has it (not yet kept), or an item with it was kept. */
const IN_TABLE = 1;
const KEPT = 2;

/**
 * The same item read twice is reported once: an exact repeat, or a line that restates a row of the
 * 决议事项 / 待办事项 table (the recap at the end of a meeting). The table row is the one kept: it is where
 * owners, deadlines and status are maintained.
 */
export function dedupeItems(items: readonly ActionItem[], meetingDate: string): ActionItem[] {
  // An exact repeat of a table row is dropped even when the line comes first: the row is kept.
  const keys = exactKeys(items);
  const states = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) if (isRow(items[i]!)) states[keys[i]!] = IN_TABLE;
  const exact = items.filter((item, i) => {
    const key = keys[i]!;
    if (states[key] === KEPT || (states[key] === IN_TABLE && !isRow(item))) return false;
    states[key] = KEPT;
    return true;
  });
  const rows = exact.filter(isRow);
  if (rows.length === 0 || rows.length === exact.length) return exact;
  // One buffer holds the pairs of the title at hand: they are counted, never kept.
  let pairs = new Int32Array(128);
  const readPairs = (title: string): number => {
    if (pairs.length < title.length) pairs = new Int32Array(2 * title.length);
    return pairsOf(title, pairs);
  };
  const index = new Map<number, number[]>();
  const rowPairCounts = new Int32Array(rows.length);
  rows.forEach((row, r) => {
    const count = readPairs(row.title);
    for (let i = 0; i < count; i++) {
      const list = index.get(pairs[i]!);
      // A list past COMMON_PAIR is never read, only known to be that long: it stops growing.
      if (list) {
        if (list.length <= COMMON_PAIR) list.push(r);
      } else index.set(pairs[i]!, [r]);
    }
    rowPairCounts[r] = count;
  });
  // Pairs shared with each row, counted in one array; `touched` keeps the rows in the order first met (its
  // first `touchedCount`). Indexed loops: an iterator per pair and item was most of what deduplication allocated.
  const shared = new Int32Array(rows.length);
  const touched = new Int32Array(rows.length);
  return exact.filter((item) => {
    if (isRow(item)) return true;
    const count = readPairs(item.title);
    let touchedCount = 0;
    for (let i = 0; i < count; i++) {
      const list = index.get(pairs[i]!);
      if (!list || list.length > COMMON_PAIR) continue;
      for (let k = 0; k < list.length; k++) {
        const r = list[k]!;
        if (shared[r] === 0) touched[touchedCount++] = r;
        shared[r] = shared[r]! + 1;
      }
    }
    let repeats: number | null = null;
    for (let t = 0; t < touchedCount; t++) {
      const r = touched[t]!;
      const n = shared[r]!;
      shared[r] = 0;
      const row = rows[r]!;
      if (repeats !== null || row.kind !== item.kind || (2 * n) / (count + rowPairCounts[r]!) < SAME_TITLE) continue;
      repeats = r;
    }
    if (repeats === null) return true;
    updateRow(rows[repeats]!, item, meetingDate);
    return false;
  });
}

/** An item read from a row of a table. */
function isRow(item: ActionItem): boolean {
  return item.source.via === 'table';
}

/**
 * What makes two items the same item: kind, title (spaces aside), due date and owners. Each item gets the
 * index of the first item equal to it. Items are grouped by their title, the rest compared field by field:
 * no key string is built per item (a document of 100k items would otherwise hash 100k long strings).
 */
function exactKeys(items: readonly ActionItem[]): Int32Array {
  const keys = new Int32Array(items.length);
  // The first key item of each title; `nextOfTitle` chains the later ones in order (-1 ends a chain): no list per title.
  const firstOfTitle = new Map<string, number>();
  const nextOfTitle = new Int32Array(items.length).fill(-1);
  /** Titles whose chain grew long: their key items by a key of their fields, so no walk grows with the document. */
  let keyedTitles: Map<string, Map<string, number>> | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const title = spaceless(item.title);
    const first = firstOfTitle.get(title);
    if (first === undefined) {
      firstOfTitle.set(title, i);
      keys[i] = i;
      continue;
    }
    const keyed = keyedTitles?.get(title);
    if (keyed) {
      const fields = fieldsKey(item);
      const same = keyed.get(fields);
      if (same === undefined) keyed.set(fields, i);
      keys[i] = same ?? i;
      continue;
    }
    // Down the chain to an equal item, else the item becomes a key at its end.
    for (let j = first, steps = 1; ; j = nextOfTitle[j]!, steps++) {
      if (sameFields(items[j]!, item)) {
        keys[i] = j;
        break;
      }
      if (nextOfTitle[j]! < 0) {
        keys[i] = i;
        nextOfTitle[j] = i;
        if (steps >= LONG_CHAIN) (keyedTitles ??= new Map()).set(title, keyedChain(items, first, nextOfTitle));
        break;
      }
    }
  }
  return keys;
}

/**
 * A title written with this many different owners or dates (a decision restated meeting after meeting) has its
 * items looked up by a key of their fields from then on.
 */
const LONG_CHAIN = 8;

/** The key items of a title's chain by the key of their fields (all different: that is what the chain holds). */
function keyedChain(items: readonly ActionItem[], first: number, nextOfTitle: Int32Array): Map<string, number> {
  const keyed = new Map<string, number>();
  for (let j = first; j >= 0; j = nextOfTitle[j]!) keyed.set(fieldsKey(items[j]!), j);
  return keyed;
}

/** What sameFields compares, as one string: kind, due date and owner names. */
function fieldsKey(item: ActionItem): string {
  let key = `${item.kind}\u0000${item.due ?? ''}`;
  for (const owner of item.owners) key += `\u0000${owner.name}`;
  return key;
}

const SPACES = /\s+/g;

/** A title without its spaces; most titles (Chinese) have none, and skip the global replace (a runtime call). */
function spaceless(title: string): string {
  return hasWhiteSpace(title) ? title.replace(SPACES, '') : title;
}

function hasWhiteSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isWhiteSpace(text.charCodeAt(i))) return true;
  return false;
}

/** The same kind, due date and owners (titles are compared by the caller). */
function sameFields(a: ActionItem, b: ActionItem): boolean {
  if (a.kind !== b.kind || a.due !== b.due || a.owners.length !== b.owners.length) return false;
  for (let i = 0; i < a.owners.length; i++) if (a.owners[i]!.name !== b.owners[i]!.name) return false;
  return true;
}

/**
 * "PDA 补采改为 4 月 24 日前到货": a line that gives an open row whose deadline is missing or passed a new
 * deadline updates the row (the row is what sync and the minutes keep).
 */
function updateRow(row: ActionItem, line: ActionItem, meetingDate: string): void {
  if (row.status !== 'open' || line.due === null || line.due < meetingDate) return;
  if (row.due !== null && row.due >= meetingDate) return;
  row.due = line.due;
  row.dueTime = line.dueTime;
  if (line.dueText) row.dueText = line.dueText;
  row.warnings = row.warnings.filter((w) => w !== 'past_due' && w !== 'deadline_missing' && w !== 'vague_deadline');
  if (row.owners.length === 0 && line.owners.length > 0) {
    row.owners = line.owners;
    row.warnings = row.warnings.filter((w) => w !== 'owner_missing');
  }
}

/** Longer titles (a decision read from prose) check pairs against a Set, not the array. */
const LONG_TITLE = 64;

/**
 * The distinct character pairs of a title, in order of first appearance, as numbers (no string per pair),
 * written into `out` (at least as long as the title); returns how many. Letters, digits and CJK only,
 * case-folded. A scan of what is written so far, not a Set: titles are short.
 */
function pairsOf(title: string, out: Int32Array): number {
  let count = 0;
  const seen = title.length > LONG_TITLE ? new Set<number>() : null;
  let prev = -1;
  for (let i = 0; i < title.length; i++) {
    let c = title.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xc0 && c <= 0x24f);
    if (!word) continue;
    // Squeeze CJK (U+3400–U+9FFF) down next to Latin (below U+0250) so a pair fits a small integer (V8's
    // Smi): a pair of raw code points is a heap-allocated double, slow as a Map key.
    if (c >= 0x3400) c = c - 0x3400 + 0x250;
    if (prev >= 0) {
      const pair = prev * 32768 + c;
      if (seen ? !seen.has(pair) : !holds(out, count, pair)) {
        out[count++] = pair;
        seen?.add(pair);
      }
    }
    prev = c;
  }
  return count;
}

/** Whether the first `count` values of a buffer hold `value`. */
function holds(values: Int32Array, count: number, value: number): boolean {
  for (let i = 0; i < count; i++) if (values[i] === value) return true;
  return false;
}
