import type { Block, Inline, MinutesDocument, TableBlock, TableCell } from '../model/document';
import { blockText } from '../model/text';

/**
 * Any minutes document as GitHub-flavoured Markdown: ATX headings, one paragraph per line, `-` / `1.`
 * lists with `[ ]` / `[x]`, pipe tables (merged cells are repeated as empty cells, `|` escaped, paragraphs
 * inside a cell joined by `<br>`). A person renders as @name and a date chip as its ISO date.
 */
export function documentToMarkdown(doc: MinutesDocument): string {
  const out: string[] = [];
  let counters: number[] = [];
  let previous: Block['type'] | null = null;
  for (const block of doc.blocks) {
    if (block.type === 'listItem') {
      counters = counters.slice(0, block.level + 1);
      while (counters.length <= block.level) counters.push(0);
      counters[block.level] = (counters[block.level] ?? 0) + 1;
      const lines = listItemMarkdown(block.level, block.ordered ? counters[block.level]! : null, block.checked, block.content);
      out.push(previous === 'listItem' ? lines : `\n${lines}`);
    } else {
      counters = [];
      const md = block.type === 'table' ? tableMarkdown(block) : block.type === 'heading' ? headingMarkdown(block.level, block.marker, block.content) : paragraphMarkdown(block.content);
      if (md.length > 0) out.push(`\n${md}`);
    }
    previous = block.type;
  }
  const body = out.join('\n').replace(/^\n+/u, '');
  return body.length > 0 ? `${body}\n` : '';
}

function headingMarkdown(level: number, marker: string | undefined, content: readonly Inline[]): string {
  const hashes = '#'.repeat(Math.min(Math.max(Math.round(level), 1), 6));
  return `${hashes} ${marker ?? ''}${singleLine(inlineMarkdown(content))}`.trimEnd();
}

function paragraphMarkdown(content: readonly Inline[]): string {
  return inlineMarkdown(content)
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map(escapeLineStart)
    .join('\n');
}

function listItemMarkdown(level: number, number: number | null, checked: boolean | undefined, content: readonly Inline[]): string {
  const marker = number === null ? '-' : `${number}.`;
  const box = checked === undefined ? '' : checked ? '[x] ' : '[ ] ';
  return `${'    '.repeat(Math.max(level, 0))}${marker} ${box}${singleLine(inlineMarkdown(content))}`.trimEnd();
}

function tableMarkdown(table: TableBlock): string {
  const grid = tableGrid(table);
  if (grid.length === 0) return '';
  const width = Math.max(...grid.map((row) => row.length), 1);
  const line = (cells: readonly string[]): string => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [header, ...rows] = grid;
  return [line(header!), line(Array.from({ length: width }, () => '---')), ...rows.map(line)].join('\n');
}

/** The table as a grid of cell texts, merged cells expanded (the text stays in the top-left cell). */
function tableGrid(table: TableBlock): string[][] {
  const grid: (string | undefined)[][] = [];
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c] !== undefined) c++;
      const rowSpan = Math.max(cell.rowSpan ?? 1, 1);
      const colSpan = Math.max(cell.colSpan ?? 1, 1);
      for (let dr = 0; dr < rowSpan && r + dr < table.rows.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cellMarkdown(cell) : '';
      }
      c += colSpan;
    }
  });
  return grid.map((row) => Array.from(row, (cell) => cell ?? ''));
}

function cellMarkdown(cell: TableCell): string {
  return cell.blocks
    .map((block) => (block.type === 'table' ? escapeText(blockText(block)) : inlineMarkdown(block.content)))
    .join('\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('<br>');
}

function inlineMarkdown(content: readonly Inline[]): string {
  let out = '';
  for (const run of content) {
    switch (run.type) {
      case 'text':
        out += run.bold ? bold(run.text) : escapeText(run.text);
        break;
      case 'person':
        out += `@${escapeText(run.name)}`;
        break;
      case 'date':
        out += run.time ? `${run.date} ${run.time}` : run.date;
        break;
      case 'link':
        out += `[${escapeText(run.text)}](${run.url.replace(/[\s()<>]/gu, encodeURIComponent)})`;
        break;
    }
  }
  return out.replace(/\t/gu, ' ');
}

/** **text**, with surrounding spaces kept outside the delimiters so the emphasis still parses. */
function bold(value: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/u.exec(value)!;
  if (m[2]!.length === 0) return value;
  return m[2]!
    .split('\n')
    .map((part) => (part.trim().length > 0 ? `**${escapeText(part)}**` : part))
    .join('\n')
    .replace(/^/u, m[1]!)
    .concat(m[3]!);
}

/** Backslash-escapes what Markdown would read as syntax; `|` always, so no line turns into a table row. */
function escapeText(value: string): string {
  return value
    .replace(/[\\`*[\]<|~]/gu, (ch) => `\\${ch}`)
    .replace(/&(?=#?\w+;)/gu, '&amp;')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match) => match.replace('_', '\\_'));
}

/** Line starts the readers would take for a heading, list item or rule are escaped. */
function escapeLineStart(line: string): string {
  if (/^\s*(?:#|>|[-+*]\s|[-_*]{3,}\s*$)/u.test(line)) return line.replace(/^(\s*)(\S)/u, '$1\\$2');
  if (/^\s*\d+[.)](?:\s|$)/u.test(line)) return line.replace(/^(\s*\d+)([.)])/u, '$1\\$2');
  // Non-ASCII markers cannot be backslash-escaped: write the first character as an entity.
  if (/^\s*(?:[·•●▪◦○■☐☑☒✅✔①-⑳]|\d+、|[一二三四五六七八九十]+、|[（(][\d一二三四五六七八九十]+[）)]|【[^】]*】$)/u.test(line)) {
    return line.replace(/^(\s*)(.)/u, (_m, space: string, ch: string) => `${space}&#${ch.codePointAt(0)!};`);
  }
  return line;
}

function singleLine(value: string): string {
  return value.replace(/\s*\n\s*/gu, ' ');
}
