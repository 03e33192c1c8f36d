import type { ActionItem, Extraction } from '../model/items';
import { hashString } from '../sync/hash';
import type { ExtractResult, ReviewItem } from './protocol';

/** The extraction as the sidebar's review list. */
export function toExtractResult(extraction: Extraction): ExtractResult {
  const seen = new Map<string, number>();
  return {
    meeting: extraction.meeting,
    items: extraction.items.map((item) => toReviewItem(item, seen)),
    warnings: extraction.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}

function toReviewItem(item: ActionItem, seen: Map<string, number>): ReviewItem {
  // An id from where the item stands and what it says; repeats get a counter so ids stay unique.
  const base = hashString(`${item.source.rowAnchor ?? item.source.blockAnchor ?? item.source.blockIndex}|${item.source.rowIndex ?? ''}|${item.kind}|${item.title}`);
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return {
    id: n === 0 ? base : `${base}-${n}`,
    kind: item.kind,
    title: item.title,
    owners: item.owners.map((o) => o.name),
    collaborators: item.collaborators.map((c) => c.name),
    due: item.due,
    dueTime: item.dueTime,
    status: item.status,
    warnings: [...item.warnings],
    sourceText: item.source.text,
    inTable: item.source.via === 'table',
    taskLink: item.taskLink ?? null,
  };
}
