/**
 * DocumentApp → the core's MinutesDocument, with as few service calls as the API allows. Each DocumentApp
 * call is a round trip to the document model, so the reader:
 * - reads a paragraph with getText() alone unless it has several children (chips add 0 characters to
 *   getText(), so a paragraph made of one non-empty child is plain text);
 * - reads a table row with one getText() (cells joined by '\n'; soft breaks inside a cell are '\r'/'\v')
 *   and walks only the cells holding chips, found per table with findElement, or the 任务 cell's link;
 * - falls back to walking every element when a row's text does not split into its cells.
 * Merged cells: DocumentApp keeps the covered cells as empty cells, so rows stay as wide as the header and
 * the core sees a rectangular grid without reading spans.
 */
import type { Block, Inline, MinutesDocument, TableBlock, TableCell, TableRow } from '../../core/model/document';
import { classifyColumns } from '../../core/template/index';
import { readRowAnchors, rowKey } from './anchors';
import type { GBody, GDocument, GDocumentTab, GElement, GListItem, GParagraph, GTable, GTableCell } from './elements';
import { chipTimestamp, elementsOfType, headingLevel, isOrderedGlyph } from './elements';
import { chipDate, normalizeText, personName } from './text';

export interface TabRef {
  tab: GDocumentTab;
  body: GBody;
}

/** Where a model block lives: the tab and the body child index. */
export interface BlockPlace {
  tab: number;
  child: number;
}

export interface DocumentSnapshot {
  doc: MinutesDocument;
  tabs: TabRef[];
  places: BlockPlace[];
  /** Model block index → the table's wrapper (valid for the rest of the execution). */
  tables: Map<number, GTable>;
  /** Body children per tab when read. */
  expectedChildren: number[];
}

export interface ReadOptions {
  /** Read the row anchors (named ranges). */
  anchors: boolean;
}

/** Every tab, depth first (child tabs after their parent), as the reader sees the document. */
export function documentTabs(doc: GDocument): TabRef[] {
  const out: TabRef[] = [];
  const walk = (tabs: GoogleAppsScript.Document.Tab[]): void => {
    for (const t of tabs) {
      const tab = t.asDocumentTab();
      out.push({ tab, body: tab.getBody() });
      const children = t.getChildTabs();
      if (children.length > 0) walk(children);
    }
  };
  walk(doc.getTabs());
  return out;
}

export function readDocument(doc: GDocument, options: ReadOptions): DocumentSnapshot {
  const tabs = documentTabs(doc);
  const blocks: Block[] = [];
  const places: BlockPlace[] = [];
  const tables = new Map<number, GTable>();
  const expectedChildren: number[] = [];
  tabs.forEach(({ tab, body }, t) => {
    const anchors = options.anchors ? readRowAnchors(tab, body) : new Map<string, string>();
    const n = body.getNumChildren();
    expectedChildren.push(n);
    for (let i = 0; i < n; i++) {
      const el = body.getChild(i);
      const block = readBlock(el, (r) => anchors.get(rowKey(i, r)), true);
      if (!block) continue;
      if (block.type === 'table') tables.set(blocks.length, el.asTable());
      blocks.push(block);
      places.push({ tab: t, child: i });
    }
  });
  return { doc: { title: doc.getName(), blocks }, tabs, places, tables, expectedChildren };
}

/**
 * A paragraph, list item or table of a body or a cell; null for empty paragraphs and other elements.
 * Headings are read only at the top level (a cell's paragraphs are plain paragraphs to the core).
 */
function readBlock(el: GElement, anchorOf: (row: number) => string | undefined, headings: boolean): Block | null {
  const type = el.getType();
  const T = DocumentApp.ElementType;
  if (type === T.TABLE) return readTable(el.asTable(), anchorOf);
  if (type !== T.PARAGRAPH && type !== T.LIST_ITEM) return null;
  const p = type === T.PARAGRAPH ? el.asParagraph() : el.asListItem();
  const content = readInlines(p);
  if (content.length === 0) return null;
  if (type === T.LIST_ITEM) {
    const li = p as GListItem;
    return { type: 'listItem', level: li.getNestingLevel(), ordered: isOrderedGlyph(li.getGlyphType()), content };
  }
  const level = headings ? headingLevel((p as GParagraph).getHeading()) : 0;
  return level > 0 ? { type: 'heading', level, content } : { type: 'paragraph', content };
}

/** The inline runs of a paragraph or list item. */
export function readInlines(p: GParagraph | GListItem): Inline[] {
  const text = p.getText();
  const n = p.getNumChildren();
  if (n === 0) return [];
  if (n === 1 && text !== '') return [{ type: 'text', text: normalizeText(text) }];
  const out: Inline[] = [];
  for (let i = 0; i < n; i++) {
    const run = readInline(p.getChild(i));
    if (!run) continue;
    const last = out[out.length - 1];
    if (run.type === 'text' && last?.type === 'text') last.text += run.text;
    else out.push(run);
  }
  return out.filter((r) => r.type !== 'text' || r.text !== '');
}

function readInline(el: GElement): Inline | null {
  const T = DocumentApp.ElementType;
  const type = el.getType();
  if (type === T.TEXT) return { type: 'text', text: normalizeText(el.asText().getText()) };
  return chipRun(el, type);
}

function chipRun(el: GElement, type: GoogleAppsScript.Document.ElementType): Inline | null {
  const T = DocumentApp.ElementType;
  if (type === T.PERSON) {
    const person = el.asPerson();
    const email = person.getEmail();
    return { type: 'person', name: personName(person.getName() as string | null, email), email };
  }
  if (type === T.DATE) return { type: 'date', date: chipDate(chipTimestamp(el)) };
  if (type === T.RICH_LINK) {
    const link = el.asRichLink();
    const url = link.getUrl();
    return { type: 'link', text: link.getTitle() || url, url };
  }
  return null;
}

interface ChipHit {
  element: GElement;
  type: GoogleAppsScript.Document.ElementType;
}

/** Chips of a table by `${row}:${col}`, or null when one sits in a nested table (walk everything then). */
function tableChips(table: GTable): Map<string, ChipHit[]> | null {
  const T = DocumentApp.ElementType;
  const out = new Map<string, ChipHit[]>();
  for (const type of [T.PERSON, T.DATE, T.RICH_LINK]) {
    for (const element of elementsOfType(table, type)) {
      const cell = element.getParent().getParent();
      const row = cell.getParent();
      let key: string;
      try {
        key = `${table.getChildIndex(row)}:${row.getChildIndex(cell)}`;
      } catch {
        return null;
      }
      const list = out.get(key) ?? [];
      list.push({ element, type });
      out.set(key, list);
    }
  }
  return out;
}

export function readTable(table: GTable, anchorOf: (row: number) => string | undefined): TableBlock {
  const chips = tableChips(table);
  const numRows = table.getNumRows();
  const rows: TableRow[] = [];
  let taskCol = -1;
  for (let r = 0; r < numRows; r++) {
    const row = table.getRow(r);
    const numCells = row.getNumCells();
    const parts = chips ? row.getText().split('\n') : [];
    const cells: TableCell[] = [];
    for (let c = 0; c < numCells; c++) {
      const hits = chips?.get(`${r}:${c}`);
      const text = parts.length === numCells ? normalizeText(parts[c]!) : null;
      if (text === null) {
        cells.push(walkCell(row.getCell(c)));
      } else if (hits && hits.length === 1 && text === '') {
        const run = chipRun(hits[0]!.element, hits[0]!.type);
        cells.push(paragraphCell(run ? [run] : []));
      } else if (hits) {
        cells.push(walkCell(row.getCell(c)));
      } else if (c === taskCol && text !== '') {
        const url = row.getCell(c).editAsText().getLinkUrl(0);
        cells.push(paragraphCell([url ? { type: 'link', text, url } : { type: 'text', text }]));
      } else {
        cells.push(textCell(text));
      }
    }
    const anchor = anchorOf(r);
    rows.push(anchor ? { cells, anchor } : { cells });
    // The header (first or second row) names the 任务 column, whose cells carry the task link.
    if (r <= 1 && taskCol < 0) taskCol = classifyColumns(cells.map(cellPlainText)).indexOf('task');
  }
  return { type: 'table', rows };
}

function paragraphCell(content: Inline[]): TableCell {
  return { blocks: [{ type: 'paragraph', content }] };
}

function textCell(text: string): TableCell {
  return text === '' ? { blocks: [] } : paragraphCell([{ type: 'text', text }]);
}

function cellPlainText(cell: TableCell): string {
  return cell.blocks
    .map((b) => (b.type === 'table' ? '' : b.content.map((i) => (i.type === 'person' ? i.name : i.type === 'date' ? i.date : i.text)).join('')))
    .join('\n')
    .trim();
}

/** Nested tables have no row anchors. */
const NO_ANCHOR = (): undefined => undefined;

function walkCell(cell: GTableCell): TableCell {
  const blocks: Block[] = [];
  const n = cell.getNumChildren();
  for (let i = 0; i < n; i++) {
    const block = readBlock(cell.getChild(i), NO_ANCHOR, false);
    if (block) blocks.push(block);
  }
  return { blocks };
}
