import { COLLECTIVE_PATTERNS, UNDECIDED_OWNER } from './vocabulary';

/** 大家, 各组, all department heads: a group, not an owner. */
export function isCollective(text: string): boolean {
  const t = text.trim().replace(/^@/, '');
  return COLLECTIVE_PATTERNS.some((re) => re.test(t));
}

/** 待定, TBD, —: no owner decided. */
export function isUndecided(text: string): boolean {
  return UNDECIDED_OWNER.test(text.trim());
}
