/**
 * A bounded memo for the extractor's repeated look-ups (deadline cells, owner cells, labels, table headers):
 * it remembers up to `size` answers and forgets them all when full, so it never grows across documents.
 * A look-up and a store rather than a get with a compute callback: no closure per look-up (labels and cells are
 * looked up line after line). Answers must not be undefined.
 */
export interface BoundedMemo<K, V> {
  /** The answer remembered for `key`, if any. */
  get(key: K): V | undefined;
  /** Remember `value` as the answer for `key`; returns it. */
  set(key: K, value: V): V;
}

/** A memo of up to `size` answers (a closure: its state minifies, a class's fields do not). */
export function boundedMemo<K, V>(size: number): BoundedMemo<K, V> {
  const known = new Map<K, V>();
  return {
    get: (key) => known.get(key),
    set(key, value) {
      if (known.size >= size) known.clear();
      known.set(key, value);
      return value;
    },
  };
}

/** The memo kept for one owner (a date context, a roster: one per extraction), made on first use. */
export function memoFor<O extends object, K, V>(memos: WeakMap<O, BoundedMemo<K, V>>, owner: O, size: number): BoundedMemo<K, V> {
  let memo = memos.get(owner);
  if (memo === undefined) memos.set(owner, (memo = boundedMemo<K, V>(size)));
  return memo;
}
