import type { Person } from '../model/items';

/** Whitespace, punctuation and symbols: ignored when comparing item texts. */
const NOISE = /[\s\p{P}\p{S}]+/gu;

/** A comparable form of a title: width-folded, lower case, without spaces and punctuation. */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(NOISE, '');
}

/** Owners as one comparable string: normalized names, sorted, joined. */
export function normalizeOwners(owners: readonly Person[] | readonly string[]): string {
  return owners
    .map((o) => normalizeText(typeof o === 'string' ? o : o.name))
    .filter((s) => s.length > 0)
    .sort()
    .join(',');
}

/** Display form of owners, as the task notes and the sync report show them. */
export function ownerNames(owners: readonly Person[]): string {
  return owners.map((o) => o.name).join('、');
}

/**
 * Sørensen–Dice coefficient over character bigrams (0..1). Character bigrams work for Chinese,
 * where words are not separated by spaces, as well as for English.
 */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const c = counts.get(g);
    if (c !== undefined && c > 0) {
      shared++;
      counts.set(g, c - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
