import type { Block, Inline, TableBlock, TableCell } from './document';

/** The plain text of inline runs; a person shows as its name, a date chip as its ISO date. */
export function inlineText(content: readonly Inline[]): string {
  // Most blocks are one text run: no string building.
  if (content.length === 1 && content[0]!.type === 'text') return content[0]!.text;
  let out = '';
  for (const run of content) {
    switch (run.type) {
      case 'text':
      case 'link':
        out += run.text;
        break;
      case 'person':
        out += run.name;
        break;
      case 'date':
        out += run.time ? `${run.date} ${run.time}` : run.date;
        break;
    }
  }
  return out;
}

/** Plain text of a block; table cells are joined with ' | ' and rows with newlines. */
export function blockText(block: Block): string {
  if (block.type === 'table') return tableText(block);
  return inlineText(block.content);
}

/** Built with one string, not an array per row: tables are most of the text of a long record. */
function tableText(table: TableBlock): string {
  let out = '';
  for (let r = 0; r < table.rows.length; r++) {
    if (r > 0) out += '\n';
    const cells = table.rows[r]?.cells ?? [];
    for (let c = 0; c < cells.length; c++) {
      if (c > 0) out += ' | ';
      const cell = cells[c];
      if (cell) out += cellText(cell);
    }
  }
  return out;
}

/** Plain text of a table cell: its blocks joined by newlines. */
export function cellText(cell: TableCell): string {
  if (cell.blocks.length === 1) return blockText(cell.blocks[0]!);
  if (cell.blocks.length === 0) return '';
  return cell.blocks.map(blockText).join('\n');
}

/** All inline runs of a table cell, paragraphs separated by a newline run. */
export function cellInlines(cell: TableCell): Inline[] {
  const out: Inline[] = [];
  cell.blocks.forEach((block, i) => {
    if (i > 0) out.push({ type: 'text', text: '\n' });
    if (block.type === 'table') out.push({ type: 'text', text: blockText(block) });
    else out.push(...block.content);
  });
  return out;
}

/** A text run, for building documents in readers and templates. */
export function text(value: string): Inline {
  return { type: 'text', text: value };
}
