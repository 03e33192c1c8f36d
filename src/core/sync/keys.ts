import { hashParts } from './hash';

/**
 * The sync key recorded on a task (Google: a notes line; Feishu: `extra`): document id + item key,
 * so a task created by a run that crashed before storing it is found before any new create.
 */
export function syncKeyOf(docId: string, key: string): string {
  return `mtt:${docId}:${key}`;
}

/** Idempotency token for a create (Feishu allows 10–100 characters); new for each create of a key. */
export function clientTokenOf(docId: string, key: string, creates: number): string {
  return `mtt${hashParts([docId, key, creates])}${hashParts([creates, key, docId]).slice(0, 7)}`;
}
