/** Pipe (`|`) and tab-separated rows of pasted minutes, split into raw cell texts. */

const SEPARATOR_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/u;
const LIST_START = /^\s*(?:[-*+]\s|\d{1,3}[.)]\s|#)/u;

/** Positions of `|` not escaped by a backslash. */
function pipePositions(line: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') out.push(i);
  }
  return out;
}

/** A line that can belong to a pipe table: it starts with `|`, or holds a `|` and is not a list item. */
export function isPipeLine(line: string): boolean {
  const t = line.trim();
  if (t.startsWith('|')) return true;
  return !LIST_START.test(t) && pipePositions(t).length > 0;
}

/** `| --- | :---: |` (it needs a `|`, so a lone `---` stays a rule). */
export function isSeparatorRow(line: string): boolean {
  return line.includes('|') && SEPARATOR_ROW.test(line);
}

/**
 * Whether consecutive pipe lines, from the first, form a table: they start with `|` (pasted rows often
 * lose the separator row), or the second line is a GFM separator. "Date: … | 10:00 | Zoom" stays text.
 */
export function isPipeTable(lines: readonly string[]): boolean {
  const first = lines[0];
  if (first === undefined) return false;
  return first.trim().startsWith('|') || (lines[1] !== undefined && isSeparatorRow(lines[1]));
}

/** Cell texts of a pipe row; `\|` becomes `|`, other escapes are left to the inline reader. */
export function splitPipeRow(line: string): string[] {
  let t = line.trim();
  const pipes = pipePositions(t);
  let from = 0;
  let to = t.length;
  if (t.startsWith('|')) from = 1;
  if (pipes.length > 0 && pipes[pipes.length - 1] === t.length - 1 && t.length - 1 >= from) to = t.length - 1;
  t = t.slice(from, to);
  const cells: string[] = [];
  let last = 0;
  for (const p of pipePositions(t)) {
    cells.push(t.slice(last, p));
    last = p + 1;
  }
  cells.push(t.slice(last));
  return cells.map((c) => c.trim().replace(/\\\|/gu, '|'));
}

/** A line with a tab between two pieces of text (leading indentation does not count). */
export function isTabLine(line: string): boolean {
  return line.trim().includes('\t');
}

/**
 * Cell texts of a tab-separated row; empty cells in between are kept, trailing ones dropped. A row that
 * starts with a tab (not spaces) has an empty first cell, as a document's table pastes it.
 */
export function splitTabRow(line: string): string[] {
  const body = line.replace(/^ +/, '').replace(/\s+$/, '');
  const cells = body.split('\t').map((c) => c.trim());
  if (cells.length > 1 && cells[0] === '' && !line.startsWith('\t')) cells.shift();
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

const SENTENCE_PUNCTUATION = /[。！？!?；;]/u;
const MAX_KEY_LENGTH = 20;

/** A single tab line reads as a table only when it is clearly "key<TAB>value". */
export function isKeyValueTabLine(line: string): boolean {
  const cells = splitTabRow(line).filter((c) => c.length > 0);
  if (cells.length !== 2) return false;
  const key = cells[0]!;
  return key.length <= MAX_KEY_LENGTH && !SENTENCE_PUNCTUATION.test(key) && !LIST_START.test(key);
}
