import type { ActionItem } from '../model/items';

export interface SyncPolicy {
  /** Opt-in: decisions that have an owner and a deadline become tasks too. To-dos always do. */
  decisions: boolean;
  /** Only items with an owner and a deadline become tasks ("only complete items"). */
  onlyCompleteItems: boolean;
  /** Create tasks for items already marked done in the document (off: finished work is no new task). */
  createDoneItems: boolean;
  /** Adapter hook, e.g. Google's "only the items I own"; false excludes the item. */
  include: ((item: ActionItem) => boolean) | null;
}

export const DEFAULT_POLICY: SyncPolicy = {
  decisions: false,
  onlyCompleteItems: false,
  createDoneItems: false,
  include: null,
};

export type ExclusionReason = 'decision' | 'incomplete' | 'filtered';

export function resolvePolicy(policy: Partial<SyncPolicy> | undefined): SyncPolicy {
  return { ...DEFAULT_POLICY, ...policy };
}

function isComplete(item: ActionItem): boolean {
  return item.owners.length > 0 && item.due !== null;
}

/** Why the item does not sync under the policy, or null when it does. */
export function exclusionReason(item: ActionItem, policy: SyncPolicy): ExclusionReason | null {
  if (item.kind === 'decision' && !(policy.decisions && isComplete(item))) return 'decision';
  if (policy.onlyCompleteItems && !isComplete(item)) return 'incomplete';
  if (policy.include && !policy.include(item)) return 'filtered';
  return null;
}

export const EXCLUSION_MESSAGES: Readonly<Record<ExclusionReason, string>> = {
  decision: 'decisions become tasks only when opted in and when they have an owner and a deadline',
  incomplete: 'only items with an owner and a deadline are synced',
  filtered: 'left out by the sync filter',
};
