/**
 * Stable row anchors: one named range per table row, named ROW_RANGE, whose id is the anchor.
 *
 * Why named ranges: they are invisible (no id column for users to break or wonder about), they belong to
 * the document (every collaborator's sync sees the same anchor), and Docs moves them with their content, so
 * inserting, deleting or reordering *other* rows keeps a row's anchor. A row that is cut and pasted, or
 * copied, gets no range (or loses it): the sync core then falls back to the task link in the 任务 cell and to
 * the row's content, which is exactly the evidence a copy should be judged by. An id column would survive
 * cut-and-paste, but a copied row would carry a duplicate id and the column would change the template.
 */
import type { GDocumentTab, GElement, GTableRow } from './elements';

export const ROW_RANGE = 'mtt.row';

/** `${bodyChildIndex}:${rowIndex}` → anchor, for the rows of top-level tables of one tab. */
export type RowAnchors = Map<string, string>;

export function rowKey(child: number, row: number): string {
  return `${child}:${row}`;
}

/** Reads the row anchors of one tab (7 calls per anchored row; nothing when the tab has none). */
export function readRowAnchors(tab: GDocumentTab, body: GoogleAppsScript.Document.Body): RowAnchors {
  const out: RowAnchors = new Map();
  for (const range of tab.getNamedRanges(ROW_RANGE)) {
    const element: GElement | undefined = range.getRange().getRangeElements()[0]?.getElement();
    if (!element || element.getType() !== DocumentApp.ElementType.TABLE_ROW) continue;
    const table = element.getParent();
    let key: string;
    try {
      key = rowKey(body.getChildIndex(table), table.getChildIndex(element));
    } catch {
      continue; // a nested table's row: not addressed by the core's model
    }
    if (!out.has(key)) out.set(key, range.getId());
  }
  return out;
}

/** Marks a row with a new anchor and returns it (4 calls). */
export function anchorRow(tab: GDocumentTab, row: GTableRow): string {
  const range = tab.newRange().addElement(row).build();
  return tab.addNamedRange(ROW_RANGE, range).getId();
}
