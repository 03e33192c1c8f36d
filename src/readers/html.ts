import { Parser } from 'htmlparser2';
import type { Block, Inline, MinutesDocument, TableCell, TableRow } from '../core/model/document';
import { inlineText } from '../core/model/text';
import { mergeText } from './markdown/inline';
import { classifyLine } from './markdown/lines';
import { normalizeText } from './markdown/normalize';
import { ListNesting, promoteLeadHeadings } from './structure';

type Pending =
  | { kind: 'paragraph' }
  | { kind: 'heading'; level: number }
  | { kind: 'listItem'; level: number; ordered: boolean; checked?: boolean; fresh: boolean };

/** A place blocks go: the document, or a table cell. */
interface Container {
  blocks: Block[];
  runs: Inline[];
  pending: Pending;
  colSpan?: number;
  rowSpan?: number;
}

interface TableFrame {
  rows: TableRow[];
  row: TableCell[] | null;
}

interface OpenElement {
  name: string;
  bold?: boolean;
  link?: { href: string; start: number };
}

const PARAGRAPH_TAGS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'blockquote', 'center',
  'dd', 'dt', 'dl', 'figure', 'figcaption', 'address', 'caption', 'body', 'html',
]);
const SKIPPED_TAGS = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'math', 'object', 'iframe']);
const HEADING = /^h([1-6])$/u;

/**
 * HTML (mammoth's .docx output, or HTML pasted from a document) as the minutes model: headings,
 * paragraphs (one per line: <br> splits them), nested lists with checkboxes, tables with colspan/rowspan,
 * links and bold. Typed numbering and bullets in plain paragraphs (1、 一、 • ☐) are read as in Markdown.
 */
export function readHtml(html: string): MinutesDocument {
  const builder = new HtmlBuilder();
  const parser = new Parser(
    {
      onopentag: (name, attribs) => builder.open(name, attribs),
      onclosetag: (name) => builder.close(name),
      ontext: (data) => builder.text(data),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return builder.finish();
}

class HtmlBuilder {
  private readonly root: Container = { blocks: [], runs: [], pending: { kind: 'paragraph' } };
  private containers: Container[] = [this.root];
  private tables: TableFrame[] = [];
  private lists: boolean[] = [];
  private elements: OpenElement[] = [];
  private skipDepth = 0;
  private preDepth = 0;
  private title = '';
  private inTitle = false;

  private get container(): Container {
    return this.containers[this.containers.length - 1]!;
  }

  private get bold(): boolean {
    for (let i = this.elements.length - 1; i >= 0; i--) {
      const b = this.elements[i]!.bold;
      if (b !== undefined) return b;
    }
    return false;
  }

  open(name: string, attribs: Readonly<Record<string, string>>): void {
    const element: OpenElement = { name };
    this.elements.push(element);
    if (name === 'title') this.inTitle = true;
    if (SKIPPED_TAGS.has(name) || this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    const heading = HEADING.exec(name);
    if (heading) return this.startBlock({ kind: 'heading', level: Number(heading[1]) });
    if (PARAGRAPH_TAGS.has(name)) return this.startParagraph();
    switch (name) {
      case 'br':
      case 'hr':
        return this.flush();
      case 'pre':
        this.preDepth++;
        return this.startParagraph();
      case 'ul':
      case 'ol':
        this.flush();
        this.lists.push(name === 'ol');
        return;
      case 'li':
        return this.startBlock(this.listItem(attribs));
      case 'input':
        return this.checkbox(attribs);
      case 'table':
        this.flush();
        this.tables.push({ rows: [], row: null });
        return;
      case 'tr':
        return this.startRow();
      case 'td':
      case 'th':
        return this.startCell(attribs);
      case 'a':
        if (attribs['href'] && !/^(?:#|javascript:)/iu.test(attribs['href'])) {
          element.link = { href: attribs['href'], start: this.container.runs.length };
        }
        return;
      case 'b':
      case 'strong':
        element.bold = !/font-weight\s*:\s*(?:normal|[1-4]00)\b/iu.test(attribs['style'] ?? '');
        return;
      default:
        if (/font-weight\s*:\s*(?:bold|[6-9]00)\b/iu.test(attribs['style'] ?? '')) element.bold = true;
    }
  }

  close(name: string): void {
    // Pop to the matching element; unclosed inner elements close with it.
    let index = this.elements.length - 1;
    while (index >= 0 && this.elements[index]!.name !== name) index--;
    if (index < 0) return;
    while (this.elements.length > index) this.closeElement(this.elements.pop()!);
  }

  private closeElement(element: OpenElement): void {
    const name = element.name;
    if (name === 'title') this.inTitle = false;
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (element.link) return this.closeLink(element.link);
    if (HEADING.test(name) || PARAGRAPH_TAGS.has(name) || name === 'li') {
      this.flush();
      this.container.pending = { kind: 'paragraph' };
      return;
    }
    switch (name) {
      case 'pre':
        this.flush();
        this.preDepth = Math.max(this.preDepth - 1, 0);
        return;
      case 'ul':
      case 'ol':
        this.flush();
        this.lists.pop();
        return;
      case 'td':
      case 'th':
        return this.endCell();
      case 'tr':
        return this.endRow();
      case 'table':
        return this.endTable();
    }
  }

  text(data: string): void {
    if (this.inTitle) this.title += data;
    if (this.skipDepth > 0) return;
    const clean = normalizeText(data).replace(/\u00A0/gu, ' ');
    if (this.preDepth > 0) {
      clean.split('\n').forEach((line, i) => {
        if (i > 0) this.flush();
        this.push(line);
      });
      return;
    }
    this.push(clean.replace(/[ \t\n]+/gu, ' '));
  }

  finish(): MinutesDocument {
    while (this.elements.length > 0) this.closeElement(this.elements.pop()!);
    while (this.tables.length > 0) this.endTable();
    this.flush();
    const blocks = promoteLeadHeadings(readTypedMarkers(this.root.blocks));
    const title = normalizeText(this.title).replace(/\s+/gu, ' ').trim();
    return title ? { title, blocks } : { blocks };
  }

  private push(value: string): void {
    if (value.length === 0) return;
    this.container.runs.push(this.bold ? { type: 'text', text: value, bold: true } : { type: 'text', text: value });
  }

  private startParagraph(): void {
    const pending = this.container.pending;
    // <li><p>text</p></li>: the paragraph is the item's own text.
    if (pending.kind === 'listItem' && pending.fresh && this.container.runs.length === 0) return;
    this.startBlock({ kind: 'paragraph' });
  }

  private startBlock(pending: Pending): void {
    this.flush();
    this.container.pending = pending;
  }

  private listItem(attribs: Readonly<Record<string, string>>): Pending {
    const ariaLevel = Number.parseInt(attribs['aria-level'] ?? '', 10);
    const level = Number.isFinite(ariaLevel) && ariaLevel > 0 ? ariaLevel - 1 : Math.max(this.lists.length - 1, 0);
    const ordered = this.lists[this.lists.length - 1] ?? false;
    const aria = attribs['aria-checked'];
    const item: Pending = { kind: 'listItem', level, ordered, fresh: true };
    if (aria === 'true' || aria === 'false') item.checked = aria === 'true';
    return item;
  }

  private checkbox(attribs: Readonly<Record<string, string>>): void {
    if ((attribs['type'] ?? '').toLowerCase() !== 'checkbox') return;
    const checked = 'checked' in attribs;
    const pending = this.container.pending;
    if (pending.kind === 'listItem') pending.checked = checked;
    else this.container.pending = { kind: 'listItem', level: 0, ordered: false, checked, fresh: true };
  }

  private closeLink(link: { href: string; start: number }): void {
    const runs = this.container.runs;
    const inner = runs.splice(link.start);
    const label = inlineText(inner).replace(/\s+/gu, ' ');
    if (label.trim().length === 0) return;
    runs.push({ type: 'link', text: label, url: link.href });
  }

  /** Emits the runs collected so far as the pending block; text after it continues as a paragraph. */
  private flush(): void {
    const c = this.container;
    const content = trimRuns(mergeText(c.runs));
    c.runs = [];
    const pending = c.pending;
    if (content.length === 0) return;
    switch (pending.kind) {
      case 'paragraph':
        c.blocks.push({ type: 'paragraph', content });
        break;
      case 'heading':
        c.blocks.push({ type: 'heading', level: pending.level, content });
        c.pending = { kind: 'paragraph' };
        break;
      case 'listItem':
        c.blocks.push({
          type: 'listItem',
          level: pending.level,
          ordered: pending.ordered,
          ...(pending.checked !== undefined ? { checked: pending.checked } : {}),
          content,
        });
        c.pending = { kind: 'paragraph' };
        break;
    }
  }

  private startRow(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table) return this.startParagraph();
    this.endRow();
    table.row = [];
  }

  private endRow(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table?.row) return;
    table.rows.push({ cells: table.row });
    table.row = null;
  }

  private startCell(attribs: Readonly<Record<string, string>>): void {
    const table = this.tables[this.tables.length - 1];
    if (!table) return this.startParagraph();
    if (!table.row) table.row = [];
    this.flush();
    const cell: Container = { blocks: [], runs: [], pending: { kind: 'paragraph' } };
    const colSpan = span(attribs['colspan']);
    const rowSpan = span(attribs['rowspan']);
    if (colSpan > 1) cell.colSpan = colSpan;
    if (rowSpan > 1) cell.rowSpan = rowSpan;
    this.containers.push(cell);
  }

  private endCell(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table || this.containers.length <= 1) return;
    this.flush();
    const cell = this.containers.pop()!;
    const out: TableCell = { blocks: cell.blocks };
    if (cell.colSpan) out.colSpan = cell.colSpan;
    if (cell.rowSpan) out.rowSpan = cell.rowSpan;
    (table.row ??= []).push(out);
  }

  private endTable(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table) return;
    this.endRow();
    this.tables.pop();
    this.flush();
    if (table.rows.length > 0) this.container.blocks.push({ type: 'table', rows: table.rows });
  }
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

/** Drops leading and trailing white space of a block's runs. */
function trimRuns(runs: readonly Inline[]): Inline[] {
  const out = [...runs];
  while (out.length > 0) {
    const first = out[0]!;
    if (first.type !== 'text') break;
    const text = first.text.replace(/^[ \t\n]+/u, '');
    if (text.length > 0) {
      out[0] = { ...first, text };
      break;
    }
    out.shift();
  }
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    if (last.type !== 'text') break;
    const text = last.text.replace(/[ \t\n]+$/u, '');
    if (text.length > 0) {
      out[out.length - 1] = { ...last, text };
      break;
    }
    out.pop();
  }
  return out;
}

/**
 * Numbering, bullets and checkboxes typed into plain paragraphs (common in Word minutes: "1、…", "一、…",
 * "• …", "☐ …") are read as in Markdown; the marker leaves the content.
 */
function readTypedMarkers(blocks: readonly Block[]): Block[] {
  const nesting = new ListNesting();
  return blocks.map((block): Block => {
    if (block.type === 'heading' || block.type === 'table') nesting.reset();
    if (block.type !== 'paragraph' && block.type !== 'listItem') return block;
    const text = inlineText(block.content);
    const cls = classifyLine(text, { markdown: false });
    if (block.type === 'listItem') {
      // A list item may still start with a typed checkbox glyph.
      if (cls.kind === 'listItem' && cls.checked !== undefined && block.checked === undefined && /^[☐☑☒⬜🔲□[]/u.test(text)) {
        return { ...block, checked: cls.checked, content: sliceRuns(block.content, cls.contentStart, cls.contentEnd), marker: cls.marker };
      }
      return block;
    }
    if (cls.kind === 'heading') {
      nesting.reset();
      return {
        type: 'heading',
        level: cls.level,
        content: sliceRuns(block.content, cls.contentStart, cls.contentEnd),
        ...(cls.marker ? { marker: cls.marker } : {}),
        ...(block.anchor ? { anchor: block.anchor } : {}),
      };
    }
    if (cls.kind === 'listItem') {
      return {
        type: 'listItem',
        level: nesting.level(cls.indent),
        ordered: cls.ordered,
        ...(cls.checked !== undefined ? { checked: cls.checked } : {}),
        content: sliceRuns(block.content, cls.contentStart, cls.contentEnd),
        marker: cls.marker,
        ...(block.anchor ? { anchor: block.anchor } : {}),
      };
    }
    nesting.reset();
    return block;
  });
}

/** The runs between two character offsets of their text (the marker and bracket are all in text runs). */
function sliceRuns(runs: readonly Inline[], start: number, end: number): Inline[] {
  const out: Inline[] = [];
  let offset = 0;
  for (const run of runs) {
    const length = run.type === 'text' || run.type === 'link' ? run.text.length : inlineText([run]).length;
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, length);
    offset += length;
    if (to <= 0 || from >= length || from >= to) continue;
    if (run.type === 'text') out.push({ ...run, text: run.text.slice(from, to) });
    else out.push(run);
  }
  return out;
}
