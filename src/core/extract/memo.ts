/**
 * A bounded memo for the extractor's repeated look-ups (deadline cells, owner cells, labels, table headers):
 * it remembers up to `size` answers and forgets them all when full, so it never grows across documents.
 * Answers must not be undefined.
 */
export class BoundedMemo<K, V> {
  private readonly known = new Map<K, V>();
  private readonly size: number;

  constructor(size: number) {
    this.size = size;
  }

  /** The remembered answer for `key`, else compute()'s, remembered. */
  get(key: K, compute: () => V): V {
    let value = this.known.get(key);
    if (value === undefined) {
      if (this.known.size >= this.size) this.known.clear();
      value = compute();
      this.known.set(key, value);
    }
    return value;
  }
}

/** The memo kept for one owner (a date context, a roster: one per extraction), made on first use. */
export function memoFor<O extends object, K, V>(memos: WeakMap<O, BoundedMemo<K, V>>, owner: O, size: number): BoundedMemo<K, V> {
  let memo = memos.get(owner);
  if (memo === undefined) memos.set(owner, (memo = new BoundedMemo<K, V>(size)));
  return memo;
}
