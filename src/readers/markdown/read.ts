import type { Block, Inline, MinutesDocument, TableBlock, TableCell } from '../../core/model/document';
import { readHtml } from '../html';
import { ListNesting, promoteLeadHeadings } from '../structure';
import { parseInline } from './inline';
import { classifyLine } from './lines';
import { normalizeText } from './normalize';
import { isKeyValueTabLine, isPipeLine, isPipeTable, isSeparatorRow, isTabLine, splitPipeRow, splitTabRow } from './tables';

const BR = /<br\s*\/?>/giu;
const FENCE = /^\s*(```|~~~)/u;
const HTML_TABLE_START = /^\s*<table[\s>]/iu;

/**
 * Markdown-like minutes as pasted from a document (.md, .txt, stdin). Line-oriented: every non-empty
 * line is its own block. `|` rows (with or without a separator row) and tab rows are tables; bullets,
 * numbering (1. 1、（1）① …) and checkboxes are list items without their marker; 一、 sections, 【…】 and
 * short lead lines ("决议：") are headings. Never throws: anything unreadable becomes paragraphs.
 */
export function readMarkdown(text: string): MinutesDocument {
  let lines: string[];
  try {
    lines = normalizeText(text).split('\n');
  } catch {
    return { blocks: [] };
  }
  try {
    return { blocks: promoteLeadHeadings(readLines(lines)) };
  } catch {
    return { blocks: plainParagraphs(lines) };
  }
}

function readLines(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  const nesting = new ListNesting();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;

    if (FENCE.test(line)) {
      i = readFence(lines, i, blocks);
      nesting.reset();
      continue;
    }
    if (HTML_TABLE_START.test(line)) {
      i = readHtmlTable(lines, i, blocks);
      nesting.reset();
      continue;
    }
    if (isTabLine(line) && !line.trim().startsWith('|')) {
      const end = runEnd(lines, i, isTabLine);
      if (end - i >= 2 || isKeyValueTabLine(line)) {
        blocks.push(tableOf(lines.slice(i, end).map(splitTabRow)));
        nesting.reset();
        i = end;
        continue;
      }
    } else if (isPipeLine(line)) {
      const end = runEnd(lines, i, (l) => isPipeLine(l) && !(isTabLine(l) && !l.trim().startsWith('|')));
      const group = lines.slice(i, end);
      if (isPipeTable(group)) {
        blocks.push(tableOf(group.filter((l) => !isSeparatorRow(l)).map(splitPipeRow)));
        nesting.reset();
        i = end;
        continue;
      }
    }
    for (const part of line.split(BR)) readLine(part, blocks, nesting);
    i++;
  }
  return blocks;
}

function runEnd(lines: readonly string[], start: number, test: (line: string) => boolean): number {
  let end = start;
  while (end < lines.length && test(lines[end]!)) end++;
  return end;
}

function readLine(line: string, blocks: Block[], nesting: ListNesting): void {
  const cls = classifyLine(line, { markdown: true });
  switch (cls.kind) {
    case 'blank':
    case 'rule':
      return;
    case 'heading':
      nesting.reset();
      blocks.push({
        type: 'heading',
        level: cls.level,
        content: parseInline(line.slice(cls.contentStart, cls.contentEnd)),
        ...(cls.marker ? { marker: cls.marker } : {}),
      });
      return;
    case 'listItem':
      blocks.push({
        type: 'listItem',
        level: nesting.level(cls.indent),
        ordered: cls.ordered,
        ...(cls.checked !== undefined ? { checked: cls.checked } : {}),
        content: parseInline(line.slice(cls.contentStart, cls.contentEnd)),
        marker: cls.marker,
      });
      return;
    case 'paragraph':
      if (cls.indent === 0) nesting.reset();
      blocks.push({ type: 'paragraph', content: parseInline(line.slice(cls.contentStart, cls.contentEnd)) });
      return;
  }
}

/** Fenced code: its lines are kept as plain paragraphs (no Markdown inside). */
function readFence(lines: readonly string[], start: number, blocks: Block[]): number {
  const fence = FENCE.exec(lines[start]!)![1]!;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim().startsWith(fence)) return i + 1;
    if (line.trim().length > 0) blocks.push({ type: 'paragraph', content: [{ type: 'text', text: line.trim() }] });
  }
  return i;
}

/** An HTML <table> pasted into Markdown (some exports write merged tables that way). */
function readHtmlTable(lines: readonly string[], start: number, blocks: Block[]): number {
  let end = start;
  while (end < lines.length && !/<\/table\s*>/iu.test(lines[end]!)) end++;
  // Unclosed: read only this line as HTML, so the text after it keeps its lines.
  end = end < lines.length ? end + 1 : start + 1;
  blocks.push(...readHtml(lines.slice(start, end).join('\n')).blocks);
  return end;
}

function tableOf(rows: readonly (readonly string[])[]): TableBlock {
  return { type: 'table', rows: rows.map((cells) => ({ cells: cells.map(cellOf) })) };
}

/** A cell's text: one paragraph per `<br>`-separated part; an empty cell has no blocks. */
function cellOf(source: string): TableCell {
  const blocks: Block[] = [];
  for (const part of source.includes('<') ? source.split(BR) : [source]) {
    const t = part.trim();
    if (t.length === 0) continue;
    const content: Inline[] = parseInline(t);
    if (content.length > 0) blocks.push({ type: 'paragraph', content });
  }
  return { blocks };
}

function plainParagraphs(lines: readonly string[]): Block[] {
  return lines.filter((l) => l.trim().length > 0).map((l) => ({ type: 'paragraph', content: [{ type: 'text', text: l.trim() }] }));
}
