/**
 * Writing into the document: the template at the cursor (or the end), confirmed items into the item tables
 * per the core's RowsPlan, and the sync's 状态 / 任务 cell edits. DocumentApp cannot create person or date
 * chips (that needs the Docs API and the broader `documents` scope), so people and dates are written as text,
 * which the reader and the extractor read back the same way.
 */
import type { RowsPlan } from '../../core/app/rows';
import type { CellEdit } from '../../core/app/writebacks';
import type { Inline, MinutesDocument, TableBlock } from '../../core/model/document';
import { cellText, inlineText } from '../../core/model/text';
import { HostFailure } from '../errors';
import { anchorRow } from './anchors';
import type { GBody, GDocument, GTable } from './elements';
import { headingOfLevel } from './elements';
import type { DocumentSnapshot } from './read';

/** Where the template goes: after the top-level element holding the cursor, else at the end. */
function insertionPoint(doc: GDocument): { body: GBody; index: number | null } {
  const cursor = doc.getCursor();
  if (cursor) {
    let el: GoogleAppsScript.Document.Element = cursor.getElement();
    let parent: GoogleAppsScript.Document.ContainerElement | null = el.getParent();
    while (parent && parent.getType() !== DocumentApp.ElementType.BODY_SECTION) {
      el = parent;
      parent = el.getParent();
    }
    if (parent) {
      const body = parent.asBody();
      const index = body.getChildIndex(el) + 1;
      return { body, index: index >= body.getNumChildren() ? null : index };
    }
  }
  return { body: doc.getBody(), index: null };
}

/** Inserts rendered template blocks; returns how many were inserted. */
export function insertBlocks(doc: GDocument, template: MinutesDocument): number {
  const point = insertionPoint(doc);
  const { body } = point;
  let index = point.index;
  const L = DocumentApp.GlyphType;
  for (const block of template.blocks) {
    // Each block goes at the end (null) or at the next position after the cursor.
    const at = index === null ? null : index++;
    if (block.type === 'table') {
      const cells = tableTexts(block);
      boldHeader(at === null ? body.appendTable(cells) : body.insertTable(at, cells));
      continue;
    }
    const text = inlineText(block.content);
    if (block.type === 'listItem') {
      const li = at === null ? body.appendListItem(text) : body.insertListItem(at, text);
      li.setGlyphType(block.ordered ? L.NUMBER : L.BULLET);
      if (block.level > 0) li.setNestingLevel(block.level);
    } else {
      const p = at === null ? body.appendParagraph(text) : body.insertParagraph(at, text);
      if (block.type === 'heading') p.setHeading(headingOfLevel(block.level));
    }
  }
  return template.blocks.length;
}

function tableTexts(table: TableBlock): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => cellText(cell)));
}

function boldHeader(table: GTable): void {
  if (table.getNumRows() > 0) table.getRow(0).editAsText().setBold(true);
}

function texts(cells: readonly Inline[][]): string[] {
  return cells.map((content) => inlineText(content));
}

/** Applies a RowsPlan read against `snapshot` (the same execution's latest read). */
export function writeRows(snapshot: DocumentSnapshot, plan: RowsPlan): void {
  for (const write of plan.tables) {
    if (write.table) {
      const table = snapshot.tables.get(write.table.blockIndex);
      const place = snapshot.places[write.table.blockIndex];
      if (!table || !place) throw new HostFailure('not_found', 'the table to write into is gone');
      const tab = snapshot.tabs[place.tab]!.tab;
      for (const fill of write.fill) {
        const row = table.getRow(fill.rowIndex);
        const width = row.getNumCells();
        texts(fill.cells).forEach((text, c) => {
          if (text !== '' && c < width) row.getCell(c).setText(text);
        });
        if (!fill.rowAnchor) anchorRow(tab, row);
      }
      for (const cells of write.append) {
        const row = table.appendTableRow();
        for (const text of texts(cells)) row.appendTableCell(text);
        anchorRow(tab, row);
      }
    } else {
      const first = snapshot.tabs[0]!;
      if (write.heading) first.body.appendParagraph(write.heading).setHeading(headingOfLevel(2));
      const rows = write.append.map(texts);
      const table = first.body.appendTable([write.header, ...rows]);
      boldHeader(table);
      for (let r = 1; r <= rows.length; r++) anchorRow(first.tab, table.getRow(r));
    }
  }
}

/** Writes 状态 / 任务 cells: 2 calls per status cell, 3 per task link. */
export function writeCells(snapshot: DocumentSnapshot, edits: readonly CellEdit[]): number {
  let written = 0;
  for (const edit of edits) {
    const table = snapshot.tables.get(edit.blockIndex);
    if (!table) continue;
    const cell = table.getCell(edit.rowIndex, edit.column);
    cell.setText(edit.text);
    if (edit.kind === 'task' && edit.url && edit.text !== '') cell.editAsText().setLinkUrl(0, edit.text.length - 1, edit.url);
    written++;
  }
  return written;
}

