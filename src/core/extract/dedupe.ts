import type { ActionItem } from '../model/items';

/** The same item read twice (a line repeated, a table pasted twice) is reported once. */
export function dedupeItems(items: readonly ActionItem[]): ActionItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = [item.kind, item.title.replace(/\s+/g, ''), item.due ?? '', item.owners.map((o) => o.name).join('、')].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
