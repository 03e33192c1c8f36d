import type { Block, MinutesDocument, TableBlock } from '../../../src/core/model/document';
import { blockText, cellText, inlineText } from '../../../src/core/model/text';

/** A document reduced to what the round trip must keep: block kinds, levels, texts and table cells. */
export type Shape =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'listItem'; level: number; ordered: boolean; checked?: boolean; text: string }
  | { type: 'table'; rows: string[][] };

export function shape(doc: MinutesDocument): Shape[] {
  return doc.blocks.map(blockShape);
}

export function blockShape(block: Block): Shape {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', level: block.level, text: inlineText(block.content) };
    case 'paragraph':
      return { type: 'paragraph', text: inlineText(block.content) };
    case 'listItem':
      return {
        type: 'listItem',
        level: block.level,
        ordered: block.ordered,
        ...(block.checked !== undefined ? { checked: block.checked } : {}),
        text: inlineText(block.content),
      };
    case 'table':
      return { type: 'table', rows: tableTexts(block) };
  }
}

export function tableTexts(table: TableBlock): string[][] {
  return table.rows.map((row) => row.cells.map(cellText));
}

export function tables(doc: MinutesDocument): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.type === 'table');
}

/** The table right after the heading with this text. */
export function tableAfter(doc: MinutesDocument, heading: string): TableBlock {
  const i = doc.blocks.findIndex((b) => b.type === 'heading' && blockText(b) === heading);
  const next = doc.blocks[i + 1];
  if (i < 0 || next?.type !== 'table') throw new Error(`no table after heading ${heading}`);
  return next;
}

export function headings(doc: MinutesDocument): string[] {
  return doc.blocks.filter((b) => b.type === 'heading').map(blockText);
}
