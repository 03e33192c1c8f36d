/**
 * Test-only API of the DocumentApp fake: build tabs, paragraphs, lists and tables, seed the chips DocumentApp
 * itself cannot create (§2.6), place the cursor, read the document back as plain data and count calls.
 * Nothing here is reachable from the script's globals.
 */
import { CallCounter } from '../calls';
import type { ElementTypeName, GlyphTypeName, ParagraphHeadingName } from '../enums';
import type { Runtime } from '../runtime';
import type { DocContext } from './elements';
import { dateChipDisplayText, nodeOf, wrapBody, wrapNode } from './elements';
import type { DocNode } from './model';
import {
  DocNode as Node, appendChild, clearSection, descendants, detach, elementText, insertChild, isParagraphLike, makeText,
  newKixId,
} from './model';
import type { TabModel } from './tabs';
import { DocModel } from './tabs';

type El = GoogleAppsScript.Document.Element;

export interface PersonSpec {
  email: string;
  /** '' or null model the live "no directory name" cases. Defaults to ''. */
  name?: string | null;
}

export interface DateSpec {
  timestamp: Date | string | number;
  /** Defaults to 'en'. */
  locale?: string;
  /** Overrides the derived UTC display text. */
  displayText?: string;
}

export interface RichLinkSpec {
  url: string;
  title?: string;
  mimeType?: string;
}

export type InlineSpec =
  | string
  | { text: string; bold?: boolean; linkUrl?: string }
  | { person: PersonSpec }
  | { date: DateSpec }
  | { richLink: RichLinkSpec }
  | { element: 'HORIZONTAL_RULE' | 'PAGE_BREAK' | 'UNSUPPORTED' | 'INLINE_IMAGE' };

export type CellSpec =
  | string
  | InlineSpec[]
  | { content?: string | InlineSpec[]; blocks?: BlockSpec[]; colSpan?: number; rowSpan?: number; background?: string };

export type BlockSpec =
  | string
  | { paragraph: string | InlineSpec[]; heading?: ParagraphHeadingName }
  /** A checklist is seeded as BULLET: its checked state is unreadable through Apps Script (§2.2). */
  | { listItem: string | InlineSpec[]; glyph?: GlyphTypeName; nesting?: number; listId?: string }
  | { table: CellSpec[][] };

export type PlainInline =
  | { text: string; bold?: true; linkUrl?: string }
  | { person: { email: string; name: string | null } }
  | { date: { iso: string; locale: string; displayText: string } }
  | { richLink: RichLinkSpec }
  | { element: ElementTypeName };

export interface PlainCell {
  text: string;
  blocks: PlainBlock[];
  colSpan: number;
  rowSpan: number;
  background: string | null;
}

export type PlainBlock =
  | { type: 'PARAGRAPH'; text: string; heading: string; inlines: PlainInline[] }
  | { type: 'LIST_ITEM'; text: string; glyph: string; nesting: number; listId: string; inlines: PlainInline[] }
  | { type: 'TABLE'; rows: PlainCell[][] }
  | { type: 'OTHER'; elementType: ElementTypeName };

export interface PlainTab {
  id: string;
  title: string;
  blocks: PlainBlock[];
  namedRanges: Array<{ id: string; name: string; elementTypes: ElementTypeName[] }>;
  children: PlainTab[];
}

export interface FakeDocumentHandle {
  readonly id: string;
  readonly url: string;
  name: string;
  /** How many times the script called `saveAndClose()`. */
  readonly saveCount: number;
  /** A Body wrapper for seeding (its calls are not counted as product calls). Default: the first tab. */
  body(tabId?: string): GoogleAppsScript.Document.Body;
  /** Replaces the body content with the given blocks (a trailing empty paragraph is added after a final table). */
  build(blocks: BlockSpec[], opts?: { tabId?: string }): void;
  addTab(title: string, opts?: { parentTabId?: string; blocks?: BlockSpec[] }): string;
  setActiveTab(tabId: string): void;
  seedPerson(target: El, person: PersonSpec, childIndex?: number): GoogleAppsScript.Document.Person;
  seedDate(target: El, date: DateSpec, childIndex?: number): GoogleAppsScript.Document.Date;
  seedRichLink(target: El, link: RichLinkSpec, childIndex?: number): GoogleAppsScript.Document.RichLink;
  /** Merges a block of cells as the editor does: the head keeps its content, the others read as empty. */
  mergeCells(table: El, row: number, col: number, span: { rowSpan?: number; colSpan?: number }): void;
  /** Places the user's cursor (visible only in user context, in the active tab). */
  setCursor(element: El, offset: number): void;
  clearCursor(): void;
  setSelection(elements: Array<El | { element: El; start: number; endInclusive: number }>): void;
  /** The whole document as plain data. */
  read(): PlainTab[];
  /** Blocks of one tab (default: the first). */
  blocks(tabId?: string): PlainBlock[];
  /** Cell texts of every table of a tab, in document order (nested tables included). */
  tables(tabId?: string): string[][][];
  text(tabId?: string): string;
  /** DocumentApp calls made by the script, keyed `Class.method`. */
  calls(): Record<string, number>;
  totalCalls(): number;
  resetCalls(): void;
}

export interface DocumentState {
  model: DocModel;
  counter: CallCounter;
}

function toMs(t: Date | string | number): number {
  const ms = t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`seedDate: bad timestamp ${String(t)}`);
  return ms;
}

function inlineNode(spec: InlineSpec): DocNode {
  if (typeof spec === 'string') return makeText(spec);
  if ('text' in spec) {
    const style: Record<string, unknown> = {};
    if (spec.bold) style.BOLD = true;
    if (spec.linkUrl) style.LINK_URL = spec.linkUrl;
    return makeText(spec.text, Object.freeze(style));
  }
  if ('person' in spec) {
    const n = new Node('PERSON');
    n.person = { email: spec.person.email, name: spec.person.name === undefined ? '' : spec.person.name };
    return n;
  }
  if ('date' in spec) {
    const n = new Node('DATE');
    n.date = { timestamp: toMs(spec.date.timestamp), locale: spec.date.locale ?? 'en', displayText: spec.date.displayText ?? null };
    return n;
  }
  if ('richLink' in spec) {
    const n = new Node('RICH_LINK');
    n.richLink = { url: spec.richLink.url, title: spec.richLink.title ?? spec.richLink.url, mimeType: spec.richLink.mimeType ?? '' };
    return n;
  }
  return new Node(spec.element);
}

function fillParagraph(p: DocNode, content: string | InlineSpec[]): void {
  const parts = typeof content === 'string' ? (content === '' ? [] : [content]) : content;
  for (const part of parts) {
    const n = inlineNode(part);
    const last = p.children[p.children.length - 1];
    if (n.type === 'TEXT' && last?.type === 'TEXT') {
      last.text += n.text;
      last.styles.push(...n.styles);
    } else if (!(n.type === 'TEXT' && n.text === '')) {
      appendChild(p, n);
    }
  }
}

function blockNode(spec: BlockSpec): DocNode {
  if (typeof spec === 'string') spec = { paragraph: spec };
  if ('paragraph' in spec) {
    const p = new Node('PARAGRAPH');
    if (spec.heading) p.attrs.HEADING = spec.heading;
    fillParagraph(p, spec.paragraph);
    return p;
  }
  if ('listItem' in spec) {
    const li = new Node('LIST_ITEM');
    li.attrs.GLYPH_TYPE = spec.glyph ?? 'BULLET';
    li.attrs.NESTING_LEVEL = spec.nesting ?? 0;
    if (spec.listId) li.attrs.LIST_ID = spec.listId;
    fillParagraph(li, spec.listItem);
    return li;
  }
  const t = new Node('TABLE');
  for (const row of spec.table) {
    const r = appendChild(t, new Node('TABLE_ROW'));
    for (const cell of row) appendChild(r, cellNode(cell));
  }
  applySpans(t, spec.table);
  return t;
}

function cellNode(spec: CellSpec): DocNode {
  const c = new Node('TABLE_CELL');
  if (typeof spec === 'string' || Array.isArray(spec)) {
    const p = appendChild(c, new Node('PARAGRAPH'));
    fillParagraph(p, spec);
    return c;
  }
  if (spec.background) c.attrs.BACKGROUND_COLOR = spec.background;
  if (spec.blocks) {
    fillSection(c, spec.blocks);
  } else {
    fillParagraph(appendChild(c, new Node('PARAGRAPH')), spec.content ?? '');
  }
  return c;
}

function applySpans(table: DocNode, rows: CellSpec[][]): void {
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell === 'object' && !Array.isArray(cell) && (cell.colSpan ?? 1) * (cell.rowSpan ?? 1) > 1) {
        mergeNodes(table, r, c, cell.rowSpan ?? 1, cell.colSpan ?? 1);
      }
    }),
  );
}

function mergeNodes(table: DocNode, row: number, col: number, rowSpan: number, colSpan: number): void {
  const cellAt = (r: number, c: number): DocNode => {
    const cell = table.children[r]?.children[c];
    if (!cell) throw new Error(`mergeCells: no cell at (${r}, ${c})`);
    return cell;
  };
  const head = cellAt(row, col);
  head.attrs.COL_SPAN = colSpan;
  head.attrs.ROW_SPAN = rowSpan;
  for (let r = row; r < row + rowSpan; r++) {
    for (let c = col; c < col + colSpan; c++) {
      if (r === row && c === col) continue;
      const covered = cellAt(r, c);
      // A merged-away cell still exists and reads as an empty cell with span 0 [verify].
      clearSection(covered);
      covered.attrs.COL_SPAN = 0;
      covered.attrs.ROW_SPAN = 0;
    }
  }
}

function fillSection(section: DocNode, blocks: BlockSpec[]): void {
  for (const c of [...section.children]) detach(c);
  for (const b of blocks) {
    const n = blockNode(b);
    appendChild(section, n);
    if (n.type === 'LIST_ITEM' && !n.attrs.LIST_ID) {
      const prev = section.children[section.children.length - 2];
      n.attrs.LIST_ID = prev?.type === 'LIST_ITEM' ? prev.attrs.LIST_ID : newKixId();
    }
  }
  const last = section.children[section.children.length - 1];
  if (!last || !isParagraphLike(last)) appendChild(section, new Node('PARAGRAPH'));
}

function plainInlines(p: DocNode): PlainInline[] {
  return p.children.map((c): PlainInline => {
    if (c.type === 'TEXT') {
      const out: { text: string; bold?: true; linkUrl?: string } = { text: c.text };
      if (c.styles.length && c.styles.every((s) => s.BOLD === true)) out.bold = true;
      const link = c.styles[0]?.LINK_URL;
      if (typeof link === 'string' && c.styles.every((s) => s.LINK_URL === link)) out.linkUrl = link;
      return out;
    }
    if (c.person) return { person: { ...c.person } };
    if (c.date) {
      return {
        date: { iso: new Date(c.date.timestamp).toISOString(), locale: c.date.locale, displayText: c.date.displayText ?? dateChipDisplayText(c.date.timestamp, c.date.locale) },
      };
    }
    if (c.richLink) return { richLink: { ...c.richLink } };
    return { element: c.type };
  });
}

export function plainBlock(n: DocNode): PlainBlock {
  switch (n.type) {
    case 'PARAGRAPH':
      return { type: 'PARAGRAPH', text: elementText(n), heading: (n.attrs.HEADING as string | undefined) ?? 'NORMAL', inlines: plainInlines(n) };
    case 'LIST_ITEM':
      return {
        type: 'LIST_ITEM',
        text: elementText(n),
        glyph: (n.attrs.GLYPH_TYPE as string | undefined) ?? 'BULLET',
        nesting: (n.attrs.NESTING_LEVEL as number | undefined) ?? 0,
        listId: (n.attrs.LIST_ID as string | undefined) ?? '',
        inlines: plainInlines(n),
      };
    case 'TABLE':
      return {
        type: 'TABLE',
        rows: n.children.map((r) =>
          r.children.map((c) => ({
            text: elementText(c),
            blocks: c.children.map(plainBlock),
            colSpan: (c.attrs.COL_SPAN as number | undefined) ?? 1,
            rowSpan: (c.attrs.ROW_SPAN as number | undefined) ?? 1,
            background: (c.attrs.BACKGROUND_COLOR as string | undefined) ?? null,
          })),
        ),
      };
    default:
      return { type: 'OTHER', elementType: n.type };
  }
}

function isPartial(e: unknown): e is { element: El; start: number; endInclusive: number } {
  return typeof e === 'object' && e !== null && 'element' in e && 'start' in e;
}

/** Creates the handle; `ctx` is a private session whose calls go to a throwaway counter. */
export function createDocumentHandle(rt: Runtime, state: DocumentState): FakeDocumentHandle {
  const model = state.model;
  const seedCtx: DocContext = { rt, counter: new CallCounter(), doc: model, session: { closed: false } };

  const tab = (tabId?: string): TabModel => {
    const t = tabId === undefined ? model.firstTab() : model.findTab(tabId);
    if (!t) throw new Error(`no tab with id ${String(tabId)}`);
    return t;
  };

  const targetParagraph = (target: El): DocNode => {
    const n = nodeOf(target);
    if (isParagraphLike(n)) return n;
    if (n.type === 'TABLE_CELL') {
      const p = n.children.find(isParagraphLike);
      if (p) return p;
    }
    throw new Error(`chips can only be seeded into a Paragraph, ListItem or TableCell, not ${n.type}`);
  };

  const seed = <T>(target: El, node: DocNode, childIndex?: number): T => {
    const p = targetParagraph(target);
    insertChild(p, childIndex ?? p.children.length, node);
    return wrapNode(node, seedCtx) as unknown as T;
  };

  const plainTab = (t: TabModel): PlainTab => ({
    id: t.id,
    title: t.title,
    blocks: t.body.children.map(plainBlock),
    namedRanges: t.liveNamedRanges().map((r) => ({ id: r.id, name: r.name, elementTypes: r.parts.map((p) => p.node.type) })),
    children: t.children.map(plainTab),
  });

  return {
    get id() {
      return model.id;
    },
    get url() {
      return model.url;
    },
    get name() {
      return model.name;
    },
    set name(v: string) {
      model.name = v;
    },
    get saveCount() {
      return model.saveCount;
    },
    body: (tabId) => wrapBody(tab(tabId).body, seedCtx),
    build: (blocks, opts) => fillSection(tab(opts?.tabId).body, blocks),
    addTab: (title, opts) => {
      const parent = opts?.parentTabId ? tab(opts.parentTabId) : null;
      const t = model.addTab(title, parent);
      if (opts?.blocks) fillSection(t.body, opts.blocks);
      return t.id;
    },
    setActiveTab: (tabId) => {
      model.activeTabId = tab(tabId).id;
    },
    seedPerson: (target, person, childIndex) => seed(target, inlineNode({ person }), childIndex),
    seedDate: (target, date, childIndex) => seed(target, inlineNode({ date }), childIndex),
    seedRichLink: (target, richLink, childIndex) => seed(target, inlineNode({ richLink }), childIndex),
    mergeCells: (table, row, col, span) => {
      const t = nodeOf(table);
      if (t.type !== 'TABLE') throw new Error('mergeCells needs a Table');
      mergeNodes(t, row, col, span.rowSpan ?? 1, span.colSpan ?? 1);
    },
    setCursor: (element, offset) => {
      model.cursor = { node: nodeOf(element), offset };
    },
    clearCursor: () => {
      model.cursor = null;
    },
    setSelection: (elements) => {
      model.selection = elements.map((e) =>
        isPartial(e) ? { node: nodeOf(e.element), start: e.start, endInclusive: e.endInclusive } : { node: nodeOf(e), start: -1, endInclusive: -1 },
      );
    },
    read: () => model.tabs.map(plainTab),
    blocks: (tabId) => tab(tabId).body.children.map(plainBlock),
    tables: (tabId) =>
      [...descendants(tab(tabId).body)]
        .filter((n) => n.type === 'TABLE')
        .map((t) => t.children.map((r) => r.children.map(elementText))),
    text: (tabId) => elementText(tab(tabId).body),
    calls: () => state.counter.snapshot(),
    totalCalls: () => state.counter.total(),
    resetCalls: () => state.counter.reset(),
  };
}

export function createDocumentState(id: string, name: string): DocumentState {
  return { model: new DocModel(id, name), counter: new CallCounter() };
}
