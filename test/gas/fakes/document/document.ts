/**
 * Document, Tab, DocumentTab, Position, Range, RangeBuilder and NamedRange wrappers, and the DocumentApp
 * service itself. Context rules (§10.1.1): in trigger context there is no cursor, selection or active tab and
 * `getBody()` is the first tab's body; `getUi()` throws.
 */
import type { CallCounter } from '../calls';
import { counted } from '../calls';
import type { ElementTypeName } from '../enums';
import * as Enums from '../enums';
import { asEnum } from '../enums';
import type { Runtime } from '../runtime';
import { SCOPES, fail, notSupported } from '../runtime';
import type { DocContext } from './elements';
import { countedDoc, makeRangeElement, nodeOf, wrapBody, wrapNode, wrapText, wrapTextView } from './elements';
import type { DocNode } from './model';
import { descendants, elementText, insertIntoText, insertTextChild, isParagraphLike, newKixId, rootOf } from './model';
import type { DocModel, NamedRangeModel, PositionModel, RangePart, TabModel } from './tabs';

type El = GoogleAppsScript.Document.Element;
type Integer = number;

function nullAs<T>(): T {
  return null as unknown as T;
}

// --------------------------------------------------------------------------------- position

export class PositionImpl implements GoogleAppsScript.Document.Position {
  constructor(
    private readonly ctx: DocContext,
    private readonly pos: PositionModel,
  ) {}

  getElement(): El {
    return wrapNode(this.pos.node, this.ctx);
  }

  getOffset(): Integer {
    return this.pos.offset;
  }

  private paragraph(): DocNode | null {
    const n = this.pos.node;
    if (n.type === 'TEXT') return n.parent;
    return isParagraphLike(n) ? n : null;
  }

  /** "An artificial Text element that represents the text of the Paragraph or ListItem that contains the Position." */
  getSurroundingText(): GoogleAppsScript.Document.Text {
    const p = this.paragraph();
    return p ? wrapTextView(p, this.ctx) : nullAs<GoogleAppsScript.Document.Text>();
  }

  getSurroundingTextOffset(): Integer {
    const { node, offset } = this.pos;
    const p = this.paragraph();
    if (!p) return 0;
    const before = node.type === 'TEXT' ? p.children.slice(0, p.children.indexOf(node)) : p.children.slice(0, offset);
    const prefix = before.reduce((sum, c) => sum + (c.type === 'TEXT' ? c.text.length : 0), 0);
    return node.type === 'TEXT' ? prefix + offset : prefix;
  }

  /** Returns null where the element doesn't allow text (Table, TableRow, TableCell, Body…). */
  insertText(text: string): GoogleAppsScript.Document.Text {
    const { node, offset } = this.pos;
    if (node.type === 'TEXT') {
      insertIntoText(node, offset, text);
      return wrapText(node, this.ctx);
    }
    if (isParagraphLike(node)) return wrapText(insertTextChild(node, offset, text), this.ctx);
    return nullAs<GoogleAppsScript.Document.Text>();
  }

  insertBookmark(): GoogleAppsScript.Document.Bookmark {
    return notSupported('Position.insertBookmark');
  }

  insertInlineImage(_image: GoogleAppsScript.Base.BlobSource): GoogleAppsScript.Document.InlineImage {
    return notSupported('Position.insertInlineImage');
  }
}

export function makePosition(ctx: DocContext, pos: PositionModel): GoogleAppsScript.Document.Position {
  return countedDoc(new PositionImpl(ctx, pos), 'Position', ctx);
}

function checkedPosition(element: El, offset: number): PositionModel {
  const node = nodeOf(element);
  const max = node.type === 'TEXT' ? node.text.length : node.children.length;
  if (!Number.isInteger(offset) || offset < 0 || offset > max) fail(`Invalid offset (${offset}) for a position in ${node.type}: must be between 0 and ${max}.`);
  return { node, offset };
}

// ----------------------------------------------------------------------------------- ranges

export class RangeImpl implements GoogleAppsScript.Document.Range {
  constructor(
    private readonly ctx: DocContext,
    readonly parts: readonly RangePart[],
  ) {}

  getRangeElements(): GoogleAppsScript.Document.RangeElement[] {
    return this.parts.map((p) => makeRangeElement(this.ctx, p));
  }

  /** Deprecated alias of getRangeElements. */
  getSelectedElements(): GoogleAppsScript.Document.RangeElement[] {
    return this.getRangeElements();
  }
}

const PARTS = Symbol('parts');

function makeRange(ctx: DocContext, parts: readonly RangePart[]): GoogleAppsScript.Document.Range {
  const impl = new RangeImpl(ctx, parts);
  const proxy = countedDoc(impl, 'Range', ctx);
  rangeParts.set(proxy, parts);
  return proxy;
}

const rangeParts = new WeakMap<object, readonly RangePart[]>();

function partsOf(range: unknown): readonly RangePart[] {
  const parts = typeof range === 'object' && range !== null ? rangeParts.get(range) : undefined;
  if (!parts) fail('Invalid argument: expected a Range built with newRange().');
  return parts;
}

/** Elements between two elements in document order (top-most fully covered ones), ends included. */
function elementsBetween(start: DocNode, end: DocNode): DocNode[] {
  const root = rootOf(start);
  const order = [root, ...descendants(root)];
  const si = order.indexOf(start);
  let last = end;
  while (last.children.length) last = last.children[last.children.length - 1] as DocNode;
  const ei = order.indexOf(last);
  if (si < 0 || ei < 0 || ei < si) fail('Invalid argument: the end element must follow the start element.');
  const inSpan = new Set(order.slice(si, ei + 1));
  const covered = (n: DocNode): boolean => inSpan.has(n) && n.children.every(covered);
  return order.slice(si, ei + 1).filter((n) => covered(n) && !(n.parent && covered(n.parent) && inSpan.has(n.parent)));
}

export class RangeBuilderImpl implements GoogleAppsScript.Document.RangeBuilder {
  readonly [PARTS]: RangePart[] = [];
  self!: GoogleAppsScript.Document.RangeBuilder;

  constructor(private readonly ctx: DocContext) {}

  addElement(element: El | GoogleAppsScript.Document.Text, startOffset?: Integer, endOffsetInclusive?: Integer): GoogleAppsScript.Document.RangeBuilder {
    const node = nodeOf(element);
    if (startOffset === undefined) {
      this[PARTS].push({ node, start: -1, endInclusive: -1 });
    } else {
      if (node.type !== 'TEXT') fail('Invalid argument: partial ranges need a Text element.');
      const end = endOffsetInclusive ?? startOffset;
      if (startOffset < 0 || end < startOffset || end >= node.text.length) fail(`Invalid offsets (${startOffset}, ${end}) for a text of length ${node.text.length}.`);
      this[PARTS].push({ node, start: startOffset, endInclusive: end });
    }
    return this.self;
  }

  addElementsBetween(a: El, b: El | Integer, c?: GoogleAppsScript.Document.Text, d?: Integer): GoogleAppsScript.Document.RangeBuilder {
    if (typeof b === 'number') {
      const startNode = nodeOf(a);
      const endNode = nodeOf(c);
      const nodes = elementsBetween(startNode, endNode);
      for (const n of nodes) {
        if (n === startNode) this[PARTS].push({ node: n, start: b, endInclusive: n === endNode ? (d ?? n.text.length - 1) : n.text.length - 1 });
        else if (n === endNode) this[PARTS].push({ node: n, start: 0, endInclusive: d ?? n.text.length - 1 });
        else this[PARTS].push({ node: n, start: -1, endInclusive: -1 });
      }
    } else {
      for (const n of elementsBetween(nodeOf(a), nodeOf(b))) this[PARTS].push({ node: n, start: -1, endInclusive: -1 });
    }
    return this.self;
  }

  addRange(range: GoogleAppsScript.Document.Range): GoogleAppsScript.Document.RangeBuilder {
    this[PARTS].push(...partsOf(range));
    return this.self;
  }

  build(): GoogleAppsScript.Document.Range {
    return makeRange(this.ctx, [...this[PARTS]]);
  }

  getRangeElements(): GoogleAppsScript.Document.RangeElement[] {
    return this[PARTS].map((p) => makeRangeElement(this.ctx, p));
  }

  /** Deprecated alias of getRangeElements. */
  getSelectedElements(): GoogleAppsScript.Document.RangeElement[] {
    return this.getRangeElements();
  }
}

function makeRangeBuilder(ctx: DocContext): GoogleAppsScript.Document.RangeBuilder {
  const impl = new RangeBuilderImpl(ctx);
  impl.self = countedDoc(impl, 'RangeBuilder', ctx);
  return impl.self;
}

export class NamedRangeImpl implements GoogleAppsScript.Document.NamedRange {
  constructor(
    private readonly ctx: DocContext,
    private readonly tab: TabModel,
    private readonly model: NamedRangeModel,
  ) {}

  getId(): string {
    return this.model.id;
  }
  getName(): string {
    return this.model.name;
  }
  getRange(): GoogleAppsScript.Document.Range {
    return makeRange(this.ctx, this.model.parts);
  }
  remove(): void {
    const i = this.tab.namedRanges.findIndex((r) => r.id === this.model.id);
    if (i >= 0) this.tab.namedRanges.splice(i, 1);
  }
}

function makeNamedRange(ctx: DocContext, tab: TabModel, model: NamedRangeModel): GoogleAppsScript.Document.NamedRange {
  return countedDoc(new NamedRangeImpl(ctx, tab, model), 'NamedRange', ctx);
}

// -------------------------------------------------------------------------------------- tabs

/** Named-range and range operations shared by Document (on its default tab) and DocumentTab. */
abstract class TabScoped {
  constructor(protected readonly ctx: DocContext) {}

  protected abstract scopeTab(): TabModel;

  addNamedRange(name: string, range: GoogleAppsScript.Document.Range): GoogleAppsScript.Document.NamedRange {
    const n = String(name);
    if (n.length < 1 || n.length > 256) fail('Invalid argument: name must be between 1 and 256 characters.');
    const tab = this.scopeTab();
    const parts = partsOf(range);
    if (parts.length === 0) fail('Invalid argument: the range is empty.');
    for (const p of parts) {
      if (this.ctx.doc.tabOf(p.node) !== tab) fail('Invalid argument: the range must lie inside this tab of the document.');
    }
    const model: NamedRangeModel = { id: newKixId(), name: n, parts: [...parts] };
    tab.namedRanges.push(model);
    return makeNamedRange(this.ctx, tab, model);
  }

  /** Fresh arrays and wrappers each call; names may repeat. */
  getNamedRanges(name?: string | null): GoogleAppsScript.Document.NamedRange[] {
    const tab = this.scopeTab();
    return tab
      .liveNamedRanges()
      .filter((r) => name === undefined || name === null || r.name === name)
      .map((r) => makeNamedRange(this.ctx, tab, r));
  }

  getNamedRangeById(id: string): GoogleAppsScript.Document.NamedRange {
    const tab = this.scopeTab();
    const r = tab.liveNamedRanges().find((x) => x.id === id);
    return r ? makeNamedRange(this.ctx, tab, r) : nullAs<GoogleAppsScript.Document.NamedRange>();
  }

  newPosition(element: El, offset: Integer): GoogleAppsScript.Document.Position {
    return makePosition(this.ctx, checkedPosition(element, offset));
  }

  newRange(): GoogleAppsScript.Document.RangeBuilder {
    return makeRangeBuilder(this.ctx);
  }

  addBookmark(_position: GoogleAppsScript.Document.Position): GoogleAppsScript.Document.Bookmark {
    return notSupported('addBookmark');
  }
  getBookmark(_id: string): GoogleAppsScript.Document.Bookmark {
    return nullAs<GoogleAppsScript.Document.Bookmark>();
  }
  getBookmarks(): GoogleAppsScript.Document.Bookmark[] {
    return [];
  }
  addFooter(): GoogleAppsScript.Document.FooterSection {
    return notSupported('addFooter');
  }
  addHeader(): GoogleAppsScript.Document.HeaderSection {
    return notSupported('addHeader');
  }
  getFooter(): GoogleAppsScript.Document.FooterSection {
    return nullAs<GoogleAppsScript.Document.FooterSection>();
  }
  getHeader(): GoogleAppsScript.Document.HeaderSection {
    return nullAs<GoogleAppsScript.Document.HeaderSection>();
  }
  getFootnotes(): GoogleAppsScript.Document.Footnote[] {
    return [];
  }
}

export class DocumentTabImpl extends TabScoped implements GoogleAppsScript.Document.DocumentTab {
  constructor(
    ctx: DocContext,
    private readonly tab: TabModel,
  ) {
    super(ctx);
  }

  protected scopeTab(): TabModel {
    return this.tab;
  }

  getBody(): GoogleAppsScript.Document.Body {
    return wrapBody(this.tab.body, this.ctx);
  }
}

export class TabImpl implements GoogleAppsScript.Document.Tab {
  constructor(
    private readonly ctx: DocContext,
    private readonly tab: TabModel,
  ) {}

  getId(): string {
    return this.tab.id;
  }
  getTitle(): string {
    return this.tab.title;
  }
  getIndex(): number {
    const siblings = this.tab.parent ? this.tab.parent.children : this.ctx.doc.tabs;
    return siblings.indexOf(this.tab);
  }
  getType(): GoogleAppsScript.Document.TabType {
    return asEnum('DOCUMENT_TAB');
  }
  getChildTabs(): GoogleAppsScript.Document.Tab[] {
    return this.tab.children.map((t) => makeTab(this.ctx, t));
  }
  asDocumentTab(): GoogleAppsScript.Document.DocumentTab {
    return countedDoc(new DocumentTabImpl(this.ctx, this.tab), 'DocumentTab', this.ctx);
  }
}

export function makeTab(ctx: DocContext, tab: TabModel): GoogleAppsScript.Document.Tab {
  return countedDoc(new TabImpl(ctx, tab), 'Tab', ctx);
}

// ---------------------------------------------------------------------------------- document

export class DocumentImpl extends TabScoped implements GoogleAppsScript.Document.Document {
  private get doc(): DocModel {
    return this.ctx.doc;
  }

  private get userContext(): boolean {
    return this.ctx.rt.context === 'user';
  }

  /** Bound + user present → the active tab; otherwise the first tab (§2.8). */
  protected scopeTab(): TabModel {
    return this.userContext ? this.doc.activeTab() : this.doc.firstTab();
  }

  getId(): string {
    return this.doc.id;
  }
  getName(): string {
    return this.doc.name;
  }
  setName(name: string): GoogleAppsScript.Document.Document {
    this.doc.name = String(name);
    return this.selfDoc();
  }
  getUrl(): string {
    return this.doc.url;
  }
  getLanguage(): string {
    return this.doc.language;
  }
  setLanguage(languageCode: string): GoogleAppsScript.Document.Document {
    this.doc.language = languageCode;
    return this.selfDoc();
  }
  getSupportedLanguageCodes(): string[] {
    return ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'fr', 'de', 'es'];
  }

  private selfDoc(): GoogleAppsScript.Document.Document {
    return this.self;
  }

  self!: GoogleAppsScript.Document.Document;

  getBody(): GoogleAppsScript.Document.Body {
    return wrapBody(this.scopeTab().body, this.ctx);
  }

  getTabs(): GoogleAppsScript.Document.Tab[] {
    return this.doc.tabs.map((t) => makeTab(this.ctx, t));
  }

  getTab(tabId: string): GoogleAppsScript.Document.Tab {
    const t = this.doc.findTab(tabId);
    return t ? makeTab(this.ctx, t) : nullAs<GoogleAppsScript.Document.Tab>();
  }

  /** Only in user context (bound script with a user at the keyboard). */
  getActiveTab(): GoogleAppsScript.Document.Tab {
    return this.userContext ? makeTab(this.ctx, this.doc.activeTab()) : nullAs<GoogleAppsScript.Document.Tab>();
  }

  setActiveTab(tabId: string): void {
    if (!this.doc.findTab(tabId)) fail(`Invalid argument: no tab with id ${tabId}.`);
    this.doc.activeTabId = tabId;
  }

  /** "A script can only access the cursor of the user who is running the script": null in triggers. */
  getCursor(): GoogleAppsScript.Document.Position | null {
    const c = this.doc.cursor;
    if (!this.userContext || !c || this.doc.tabOf(c.node) !== this.doc.activeTab()) return null;
    return makePosition(this.ctx, c);
  }

  setCursor(position: GoogleAppsScript.Document.Position): GoogleAppsScript.Document.Document {
    const el = position.getElement();
    this.doc.cursor = checkedPosition(el, position.getOffset());
    return this.selfDoc();
  }

  getSelection(): GoogleAppsScript.Document.Range {
    const s = this.doc.selection;
    const live = s?.filter((p) => this.doc.tabOf(p.node) === this.doc.activeTab()) ?? [];
    if (!this.userContext || live.length === 0) return nullAs<GoogleAppsScript.Document.Range>();
    return makeRange(this.ctx, live);
  }

  setSelection(range: GoogleAppsScript.Document.Range): GoogleAppsScript.Document.Document {
    this.doc.selection = [...partsOf(range)];
    return this.selfDoc();
  }

  /** Flushes and closes: later calls through this document (and its elements) throw. */
  saveAndClose(): void {
    this.doc.saveCount += 1;
    this.ctx.session.closed = true;
  }

  getAs(_contentType: string): GoogleAppsScript.Base.Blob {
    return notSupported('Document.getAs');
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return notSupported('Document.getBlob');
  }
  addEditor(_user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Document.Document {
    return notSupported('Document.addEditor');
  }
  addEditors(_emailAddresses: string[]): GoogleAppsScript.Document.Document {
    return notSupported('Document.addEditors');
  }
  addViewer(_user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Document.Document {
    return notSupported('Document.addViewer');
  }
  addViewers(_emailAddresses: string[]): GoogleAppsScript.Document.Document {
    return notSupported('Document.addViewers');
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return [];
  }
  getViewers(): GoogleAppsScript.Base.User[] {
    return [];
  }
  removeEditor(_user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Document.Document {
    return notSupported('Document.removeEditor');
  }
  removeViewer(_user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Document.Document {
    return notSupported('Document.removeViewer');
  }
}

export function makeDocument(ctx: DocContext): GoogleAppsScript.Document.Document {
  const impl = new DocumentImpl(ctx);
  impl.self = countedDoc(impl, 'Document', ctx);
  return impl.self;
}

// ------------------------------------------------------------------------------- DocumentApp

export interface DocumentAppDeps {
  rt: Runtime;
  counter: CallCounter;
  /** A fresh session context over the active document, or null when no document is open. */
  openSession: () => DocContext | null;
  getUi: () => GoogleAppsScript.Base.Ui;
}

export function createDocumentApp(deps: DocumentAppDeps): GoogleAppsScript.Document.DocumentApp {
  const { rt } = deps;
  const app = {
    Attribute: Enums.Attribute,
    ElementType: Enums.ElementType,
    GlyphType: Enums.GlyphType,
    HorizontalAlignment: Enums.HorizontalAlignment,
    ParagraphHeading: Enums.ParagraphHeading,
    PositionedLayout: Enums.PositionedLayout,
    TextAlignment: Enums.TextAlignment,
    VerticalAlignment: Enums.VerticalAlignment,
    FontFamily: Enums.FontFamily,
    TabType: Enums.TabType,
    getActiveDocument(): GoogleAppsScript.Document.Document {
      rt.requireAuth('LIMITED', 'DocumentApp.getActiveDocument', SCOPES.documents);
      const ctx = deps.openSession();
      return ctx ? makeDocument(ctx) : nullAs<GoogleAppsScript.Document.Document>();
    },
    /** "Cannot call DocumentApp.getUi() from this context." in triggers (UI belongs to an open editor). */
    getUi(): GoogleAppsScript.Base.Ui {
      if (rt.context !== 'user' || !rt.bound) fail('Cannot call DocumentApp.getUi() from this context.');
      return deps.getUi();
    },
    openById(id: string): GoogleAppsScript.Document.Document {
      rt.requireAuth('FULL', 'DocumentApp.openById', 'https://www.googleapis.com/auth/documents');
      const ctx = deps.openSession();
      if (!ctx || ctx.doc.id !== id) fail('No item with the given ID could be found, or you do not have permission to access it.');
      return makeDocument(ctx);
    },
    openByUrl(url: string): GoogleAppsScript.Document.Document {
      const m = /\/d\/([^/]+)/.exec(url);
      return app.openById(m?.[1] ?? url);
    },
    create(_name: string): GoogleAppsScript.Document.Document {
      return notSupported('DocumentApp.create');
    },
  };
  const typed = app as unknown as GoogleAppsScript.Document.DocumentApp;
  return counted(typed, 'DocumentApp', deps.counter, { translate: rt.translate });
}

export { elementText, wrapNode };
export type { ElementTypeName };
