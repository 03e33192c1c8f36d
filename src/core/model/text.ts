import type { Block, Inline, TableCell } from './document';

/** The plain text of inline runs; a person shows as its name, a date chip as its ISO date. */
export function inlineText(content: readonly Inline[]): string {
  let out = '';
  for (const run of content) {
    switch (run.type) {
      case 'text':
        out += run.text;
        break;
      case 'person':
        out += run.name;
        break;
      case 'date':
        out += run.time ? `${run.date} ${run.time}` : run.date;
        break;
      case 'link':
        out += run.text;
        break;
    }
  }
  return out;
}

/** Plain text of a block; table cells are joined with ' | ' and rows with newlines. */
export function blockText(block: Block): string {
  if (block.type === 'table') {
    return block.rows.map((row) => row.cells.map(cellText).join(' | ')).join('\n');
  }
  return inlineText(block.content);
}

/** Plain text of a table cell: its blocks joined by newlines. */
export function cellText(cell: TableCell): string {
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
