import { extractMinutes } from '../../../src/core/extract/index';
import type { MinutesDocument } from '../../../src/core/model/document';
import type { ActionItem, Extraction } from '../../../src/core/model/items';
import { readMarkdown } from '../../../src/readers/index';

export interface Brief {
  kind: ActionItem['kind'];
  title: string;
  owners: string[];
  due: string | null;
}

/** Extract from Markdown-like minutes against a meeting date. */
export function extract(text: string, meetingDate?: string, today = '2025-06-11'): Extraction {
  return extractMinutes(readMarkdown(text), meetingDate ? { meetingDate, today } : { today });
}

export function extractDoc(doc: MinutesDocument, meetingDate: string): Extraction {
  return extractMinutes(doc, { meetingDate, today: meetingDate });
}

/** The item whose title contains `keyword`; fails the test when there is not exactly one. */
export function itemWith(ex: Extraction, keyword: string): ActionItem {
  const found = ex.items.filter((i) => i.title.includes(keyword));
  if (found.length !== 1) throw new Error(`expected one item with "${keyword}", got ${found.length}: ${ex.items.map((i) => i.title).join(' / ')}`);
  return found[0]!;
}

export function brief(item: ActionItem): Brief {
  return { kind: item.kind, title: item.title, owners: item.owners.map((o) => o.name), due: item.due };
}
