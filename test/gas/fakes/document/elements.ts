/**
 * DocumentApp element wrappers. Every getter returns a fresh, counted wrapper over a model node, exactly as
 * live Apps Script returns new objects (never rely on `===`, §10). Methods are typed against
 * `@types/google-apps-script`; methods the fake does not model throw a clear "not supported" error.
 */
import type { CallCounter } from '../calls';
import { counted } from '../calls';
import type { ElementTypeName, GlyphTypeName, ParagraphHeadingName } from '../enums';
import { GlyphType, ParagraphHeading, asEnum } from '../enums';
import type { Runtime } from '../runtime';
import { fail, notSupported } from '../runtime';
import {
  DocNode, MESSAGES, appendTextChild, applyStyle, applyStyleAll, attributeIndices, canContain, checkRange, childAt,
  clearSection, deepCopy, descendants, detach, elementText, findElementIn, findTextIn, indexOfChild, insertChild,
  insertTextChild, isAtSectionEnd, isParagraphLike, isSection, makeCell, makeParagraph, makeTable, newKixId,
  removeChild, replaceInRuns, setParagraphText, setSectionText, styleValue, viewAppend, viewDelete, viewInsert,
  viewSetText, viewText,
} from './model';
import type { DocModel } from './tabs';

type D = typeof GoogleAppsScript.Document;
type GDoc = GoogleAppsScript.Document.Document;
type El = GoogleAppsScript.Document.Element;
type Container = GoogleAppsScript.Document.ContainerElement;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Table = GoogleAppsScript.Document.Table;
type TableRow = GoogleAppsScript.Document.TableRow;
type TableCell = GoogleAppsScript.Document.TableCell;
type Text = GoogleAppsScript.Document.Text;
type RangeElement = GoogleAppsScript.Document.RangeElement;
type ElementType = GoogleAppsScript.Document.ElementType;
type HorizontalAlignment = GoogleAppsScript.Document.HorizontalAlignment;
type TextAlignment = GoogleAppsScript.Document.TextAlignment;
type VerticalAlignment = GoogleAppsScript.Document.VerticalAlignment;
type Blob = GoogleAppsScript.Base.BlobSource;
type Integer = number;
export type { D, GDoc };

/** What every wrapper needs: the runtime, the call counter, the model and the session it was obtained in. */
export interface DocContext {
  rt: Runtime;
  counter: CallCounter;
  doc: DocModel;
  /** Closed by `saveAndClose()`; every later call through wrappers of that session throws. */
  session: { closed: boolean };
}

export const NODE = Symbol('node');
const CTX = Symbol('ctx');
const SELF = Symbol('self');

/** The model node behind a wrapper, or a clear error for foreign objects. */
export function nodeOf(value: unknown): DocNode {
  const n = (value as { [NODE]?: DocNode } | null | undefined)?.[NODE];
  if (!n) fail('Invalid argument: expected a DocumentApp element.');
  return n;
}

export function countedDoc<T extends object>(target: T, label: string, ctx: DocContext): T {
  return counted(target, label, ctx.counter, {
    before: () => {
      if (ctx.session.closed) fail(MESSAGES.closed);
    },
    translate: ctx.rt.translate,
  });
}

const TEXT_ATTRS = new Set([
  'BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'LINK_URL', 'FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'FONT_SIZE',
  'FONT_FAMILY', 'CODE',
]);

function nullAs<T>(): T {
  return null as unknown as T;
}

function checkEnum(value: unknown, names: Record<string, string>, what: string): string {
  if (typeof value !== 'string' || !(value in names)) fail(`Invalid argument: ${what}`);
  return value;
}

// ------------------------------------------------------------------------------------------- base

abstract class ElementImpl implements El {
  readonly [NODE]: DocNode;
  readonly [CTX]: DocContext;
  [SELF]!: this;

  constructor(node: DocNode, ctx: DocContext) {
    this[NODE] = node;
    this[CTX] = ctx;
  }

  protected get n(): DocNode {
    return this[NODE];
  }

  protected get ctx(): DocContext {
    return this[CTX];
  }

  /** The counted proxy of this wrapper: what methods hand back to the script. */
  protected self(): this {
    return this[SELF];
  }

  protected wrap(node: DocNode): El {
    return wrapNode(node, this.ctx);
  }

  protected cast<T>(type: ElementTypeName): T {
    if (this.n.type !== type) fail(MESSAGES.cast(this.n.type, type));
    return this.wrap(this.n) as unknown as T;
  }

  asBody(): GoogleAppsScript.Document.Body {
    return this.cast('BODY_SECTION');
  }
  asDate(): GoogleAppsScript.Document.Date {
    return this.cast('DATE');
  }
  asEquation(): GoogleAppsScript.Document.Equation {
    return this.cast('EQUATION');
  }
  asEquationFunction(): GoogleAppsScript.Document.EquationFunction {
    return this.cast('EQUATION_FUNCTION');
  }
  asEquationFunctionArgumentSeparator(): GoogleAppsScript.Document.EquationFunctionArgumentSeparator {
    return this.cast('EQUATION_FUNCTION_ARGUMENT_SEPARATOR');
  }
  asEquationSymbol(): GoogleAppsScript.Document.EquationSymbol {
    return this.cast('EQUATION_SYMBOL');
  }
  asFooterSection(): GoogleAppsScript.Document.FooterSection {
    return this.cast('FOOTER_SECTION');
  }
  asFootnote(): GoogleAppsScript.Document.Footnote {
    return this.cast('FOOTNOTE');
  }
  asFootnoteSection(): GoogleAppsScript.Document.FootnoteSection {
    return this.cast('FOOTNOTE_SECTION');
  }
  asHeaderSection(): GoogleAppsScript.Document.HeaderSection {
    return this.cast('HEADER_SECTION');
  }
  asHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.cast('HORIZONTAL_RULE');
  }
  asInlineDrawing(): GoogleAppsScript.Document.InlineDrawing {
    return this.cast('INLINE_DRAWING');
  }
  asInlineImage(): GoogleAppsScript.Document.InlineImage {
    return this.cast('INLINE_IMAGE');
  }
  asListItem(): ListItem {
    return this.cast('LIST_ITEM');
  }
  asPageBreak(): GoogleAppsScript.Document.PageBreak {
    return this.cast('PAGE_BREAK');
  }
  asParagraph(): Paragraph {
    return this.cast('PARAGRAPH');
  }
  asPerson(): GoogleAppsScript.Document.Person {
    return this.cast('PERSON');
  }
  asRichLink(): GoogleAppsScript.Document.RichLink {
    return this.cast('RICH_LINK');
  }
  asTable(): Table {
    return this.cast('TABLE');
  }
  asTableCell(): TableCell {
    return this.cast('TABLE_CELL');
  }
  asTableOfContents(): GoogleAppsScript.Document.TableOfContents {
    return this.cast('TABLE_OF_CONTENTS');
  }
  asTableRow(): TableRow {
    return this.cast('TABLE_ROW');
  }
  asText(): Text {
    return this.cast('TEXT');
  }

  /** A detached deep copy (insertable with append…/insert…). */
  copy(): this {
    return this.wrap(deepCopy(this.n)) as unknown as this;
  }

  getType(): ElementType {
    return asEnum<ElementType>(this.n.type);
  }

  getParent(): Container {
    const p = this.n.parent;
    return p ? (this.wrap(p) as unknown as Container) : nullAs<Container>();
  }

  getNextSibling(): El {
    const p = this.n.parent;
    const next = p?.children[p.children.indexOf(this.n) + 1];
    return next ? this.wrap(next) : nullAs<El>();
  }

  getPreviousSibling(): El {
    const p = this.n.parent;
    const prev = p ? p.children[p.children.indexOf(this.n) - 1] : undefined;
    return prev ? this.wrap(prev) : nullAs<El>();
  }

  isAtDocumentEnd(): boolean {
    return isAtSectionEnd(this.n);
  }

  removeFromParent(): this {
    const p = this.n.parent;
    if (p) removeChild(p, this.n);
    return this.self();
  }

  merge(): this {
    return notSupported(`${this.n.type}.merge`);
  }

  getAttributes(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of ATTRIBUTE_NAMES) out[k] = this.n.attrs[k] ?? null;
    return out;
  }

  setAttributes(attributes: Record<string, unknown>): this {
    for (const [k, v] of Object.entries(attributes ?? {})) this.n.attrs[k] = v;
    return this.self();
  }
}

const ATTRIBUTE_NAMES = [
  'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR',
  'HEADING', 'HEIGHT', 'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE', 'INDENT_START', 'ITALIC',
  'GLYPH_TYPE', 'LEFT_TO_RIGHT', 'LINE_SPACING', 'LINK_URL', 'LIST_ID', 'MARGIN_BOTTOM', 'MARGIN_LEFT',
  'MARGIN_RIGHT', 'MARGIN_TOP', 'NESTING_LEVEL', 'MINIMUM_HEIGHT', 'PADDING_BOTTOM', 'PADDING_LEFT',
  'PADDING_RIGHT', 'PADDING_TOP', 'PAGE_HEIGHT', 'PAGE_WIDTH', 'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH',
  'UNDERLINE', 'VERTICAL_ALIGNMENT', 'WIDTH',
] as const;

/** Attributes of an element holding text: text styles come from its characters (null when mixed). */
function textualAttributes(node: DocNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ATTRIBUTE_NAMES) out[k] = TEXT_ATTRS.has(k) ? styleValue(node, k) : (node.attrs[k] ?? null);
  return out;
}

function setTextualAttributes(node: DocNode, attributes: Record<string, unknown>): void {
  const text: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attributes ?? {})) {
    if (TEXT_ATTRS.has(k)) text[k] = v;
    else node.attrs[k] = v;
  }
  if (Object.keys(text).length) applyStyleAll(node, text);
}

function toRangeElement(ctx: DocContext, node: DocNode, start = -1, endInclusive = -1): RangeElement {
  return makeRangeElement(ctx, { node, start, endInclusive });
}

// ----------------------------------------------------------------------------------- containers

abstract class ContainerImpl extends ElementImpl {
  getNumChildren(): Integer {
    return this.n.children.length;
  }

  getChild(childIndex: Integer): El {
    return this.wrap(childAt(this.n, childIndex));
  }

  getChildIndex(child: El): Integer {
    return indexOfChild(this.n, nodeOf(child));
  }

  getText(): string {
    return elementText(this.n);
  }

  editAsText(): Text {
    return wrapTextView(this.n, this.ctx);
  }

  findElement(elementType: ElementType, from?: RangeElement | null): RangeElement {
    const type = checkEnum(elementType, ELEMENT_TYPES, 'elementType') as ElementTypeName;
    const found = findElementIn(this.n, type, from ? nodeOf(from.getElement()) : null);
    return found ? toRangeElement(this.ctx, found) : nullAs<RangeElement>();
  }

  findText(searchPattern: string, from?: RangeElement | null): RangeElement {
    const prev = from ? { node: nodeOf(from.getElement()), start: from.getStartOffset(), endInclusive: from.getEndOffsetInclusive() } : null;
    const m = findTextIn(this.n, searchPattern, prev);
    return m ? toRangeElement(this.ctx, m.node, m.start, m.endInclusive) : nullAs<RangeElement>();
  }

  replaceText(searchPattern: string, replacement: string): El {
    replaceInRuns(this.n, searchPattern, replacement);
    return this.self() as unknown as El;
  }

  getLinkUrl(): string {
    return styleValue(this.n, 'LINK_URL') as string;
  }

  setLinkUrl(url: string): this {
    applyStyleAll(this.n, { LINK_URL: url });
    return this.self();
  }

  getTextAlignment(): TextAlignment {
    return (styleValue(this.n, 'TEXT_ALIGNMENT') ?? nullAs<TextAlignment>()) as TextAlignment;
  }

  setTextAlignment(textAlignment: TextAlignment): this {
    applyStyleAll(this.n, { TEXT_ALIGNMENT: textAlignment });
    return this.self();
  }

  removeChild(child: El): this {
    removeChild(this.n, nodeOf(child));
    return this.self();
  }

  override getAttributes(): Record<string, unknown> {
    return textualAttributes(this.n);
  }

  override setAttributes(attributes: Record<string, unknown>): this {
    setTextualAttributes(this.n, attributes);
    return this.self();
  }

  clear(): this {
    for (const c of [...this.n.children]) detach(c);
    return this.self();
  }

  asBlock<T>(node: DocNode): T {
    return this.wrap(node) as unknown as T;
  }
}

const ELEMENT_TYPES: Record<string, string> = Object.fromEntries(
  [
    'BODY_SECTION', 'COMMENT_SECTION', 'DATE', 'DOCUMENT', 'EQUATION', 'EQUATION_FUNCTION',
    'EQUATION_FUNCTION_ARGUMENT_SEPARATOR', 'EQUATION_SYMBOL', 'FOOTER_SECTION', 'FOOTNOTE', 'FOOTNOTE_SECTION',
    'HEADER_SECTION', 'HORIZONTAL_RULE', 'INLINE_DRAWING', 'INLINE_IMAGE', 'LIST_ITEM', 'PAGE_BREAK', 'PARAGRAPH',
    'PERSON', 'RICH_LINK', 'TABLE', 'TABLE_CELL', 'TABLE_OF_CONTENTS', 'TABLE_ROW', 'TEXT', 'UNSUPPORTED',
  ].map((k) => [k, k]),
);

/** An element argument: a detached element to insert, or text to build a new one from. */
function blockFrom(arg: unknown, type: 'PARAGRAPH' | 'LIST_ITEM'): DocNode {
  if (typeof arg === 'object' && arg !== null) {
    const node = nodeOf(arg);
    if (node.type !== type) fail(MESSAGES.containment(node.type, type));
    if (node.parent) fail(MESSAGES.notDetached);
    return node;
  }
  return makeParagraph(type, arg === undefined ? '' : String(arg));
}

function tableFrom(arg: unknown): DocNode {
  if (arg === undefined || arg === null) return makeTable(undefined);
  if (Array.isArray(arg)) {
    for (const row of arg) if (!Array.isArray(row)) fail('Invalid argument: cells must be a two-dimensional array of strings.');
    return makeTable(arg as string[][]);
  }
  const node = nodeOf(arg);
  if (node.type !== 'TABLE') fail(MESSAGES.containment(node.type, 'TABLE'));
  if (node.parent) fail(MESSAGES.notDetached);
  return node;
}

/** "Consecutive list items are added as part of the same list." */
function joinList(item: DocNode): void {
  if (item.type !== 'LIST_ITEM' || item.attrs.LIST_ID) return;
  const p = item.parent;
  const i = p ? p.children.indexOf(item) : -1;
  const prev = p && i > 0 ? p.children[i - 1] : undefined;
  const next = p ? p.children[i + 1] : undefined;
  const neighbour = prev?.type === 'LIST_ITEM' ? prev : next?.type === 'LIST_ITEM' ? next : undefined;
  item.attrs.LIST_ID = (neighbour?.attrs.LIST_ID as string | undefined) ?? newKixId();
  if (item.attrs.GLYPH_TYPE === undefined) item.attrs.GLYPH_TYPE = neighbour?.attrs.GLYPH_TYPE ?? 'BULLET';
}

/** Body and TableCell: hold paragraphs, list items and tables; always end with a paragraph. */
abstract class SectionImpl extends ContainerImpl {
  protected insertBlock(index: number, node: DocNode): DocNode {
    insertChild(this.n, index, node);
    joinList(node);
    return node;
  }

  appendParagraph(paragraph: Paragraph | string): Paragraph {
    return this.asBlock(this.insertBlock(this.n.children.length, blockFrom(paragraph, 'PARAGRAPH')));
  }

  insertParagraph(childIndex: Integer, paragraph: Paragraph | string): Paragraph {
    return this.asBlock(this.insertBlock(childIndex, blockFrom(paragraph, 'PARAGRAPH')));
  }

  appendListItem(listItem: ListItem | string): ListItem {
    return this.asBlock(this.insertBlock(this.n.children.length, blockFrom(listItem, 'LIST_ITEM')));
  }

  insertListItem(childIndex: Integer, listItem: ListItem | string): ListItem {
    return this.asBlock(this.insertBlock(childIndex, blockFrom(listItem, 'LIST_ITEM')));
  }

  /**
   * "Will also append an empty paragraph after the table, since Google Docs documents cannot end with a table."
   * `appendTable()` creates a 0-row table.
   */
  appendTable(cellsOrTable?: string[][] | Table | null): Table {
    const table = this.insertBlock(this.n.children.length, tableFrom(cellsOrTable));
    this.insertBlock(this.n.children.length, makeParagraph('PARAGRAPH', ''));
    return this.asBlock(table);
  }

  /** Inserts only the table (a paragraph is added only if the table would otherwise end the section). */
  insertTable(childIndex: Integer, cellsOrTable?: string[][] | Table | null): Table {
    const table = this.insertBlock(childIndex, tableFrom(cellsOrTable));
    if (this.n.children[this.n.children.length - 1] === table) this.insertBlock(this.n.children.length, makeParagraph('PARAGRAPH', ''));
    return this.asBlock(table);
  }

  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.insertHorizontalRule(this.n.children.length);
  }

  insertHorizontalRule(childIndex: Integer): GoogleAppsScript.Document.HorizontalRule {
    const p = this.insertBlock(childIndex, new DocNode('PARAGRAPH'));
    return this.asBlock(insertChild(p, 0, new DocNode('HORIZONTAL_RULE')));
  }

  appendImage(_image: Blob | GoogleAppsScript.Document.InlineImage): GoogleAppsScript.Document.InlineImage {
    return notSupported('appendImage');
  }

  insertImage(_childIndex: Integer, _image: Blob | GoogleAppsScript.Document.InlineImage): GoogleAppsScript.Document.InlineImage {
    return notSupported('insertImage');
  }

  /** All paragraphs of the section, nested ones and list items included (wrapped as their own class). */
  getParagraphs(): Paragraph[] {
    return [...descendants(this.n)].filter(isParagraphLike).map((n) => this.asBlock<Paragraph>(n));
  }

  getTables(): Table[] {
    return [...descendants(this.n)].filter((n) => n.type === 'TABLE').map((n) => this.asBlock<Table>(n));
  }

  getListItems(): ListItem[] {
    return [...descendants(this.n)].filter((n) => n.type === 'LIST_ITEM').map((n) => this.asBlock<ListItem>(n));
  }

  getImages(): GoogleAppsScript.Document.InlineImage[] {
    return [...descendants(this.n)].filter((n) => n.type === 'INLINE_IMAGE').map((n) => this.asBlock<GoogleAppsScript.Document.InlineImage>(n));
  }

  setText(text: string): this {
    setSectionText(this.n, text);
    return this.self();
  }

  override clear(): this {
    clearSection(this.n);
    return this.self();
  }
}

export class BodyImpl extends SectionImpl implements GoogleAppsScript.Document.Body {
  appendPageBreak(pageBreak?: GoogleAppsScript.Document.PageBreak): GoogleAppsScript.Document.PageBreak {
    return this.insertPageBreak(this.n.children.length, pageBreak);
  }

  insertPageBreak(childIndex: Integer, pageBreak?: GoogleAppsScript.Document.PageBreak | null): GoogleAppsScript.Document.PageBreak {
    const p = this.insertBlock(childIndex, new DocNode('PARAGRAPH'));
    const pb = pageBreak ? nodeOf(pageBreak) : new DocNode('PAGE_BREAK');
    return this.asBlock(insertChild(p, 0, pb));
  }

  getHeadingAttributes(paragraphHeading: GoogleAppsScript.Document.ParagraphHeading): Record<string, unknown> {
    const key = `heading:${String(paragraphHeading)}`;
    return { ...((this.n.attrs[key] as Record<string, unknown> | undefined) ?? {}) };
  }

  setHeadingAttributes(paragraphHeading: GoogleAppsScript.Document.ParagraphHeading, attributes: Record<string, unknown>): this {
    this.n.attrs[`heading:${String(paragraphHeading)}`] = { ...attributes };
    return this.self();
  }

  private num(key: string, fallback: number): number {
    return (this.n.attrs[key] as number | undefined) ?? fallback;
  }

  private setNum(key: string, v: number): this {
    this.n.attrs[key] = v;
    return this.self();
  }

  getMarginBottom(): number {
    return this.num('MARGIN_BOTTOM', 72);
  }
  getMarginLeft(): number {
    return this.num('MARGIN_LEFT', 72);
  }
  getMarginRight(): number {
    return this.num('MARGIN_RIGHT', 72);
  }
  getMarginTop(): number {
    return this.num('MARGIN_TOP', 72);
  }
  getPageHeight(): number {
    return this.num('PAGE_HEIGHT', 792);
  }
  getPageWidth(): number {
    return this.num('PAGE_WIDTH', 612);
  }
  setMarginBottom(v: number): this {
    return this.setNum('MARGIN_BOTTOM', v);
  }
  setMarginLeft(v: number): this {
    return this.setNum('MARGIN_LEFT', v);
  }
  setMarginRight(v: number): this {
    return this.setNum('MARGIN_RIGHT', v);
  }
  setMarginTop(v: number): this {
    return this.setNum('MARGIN_TOP', v);
  }
  setPageHeight(v: number): this {
    return this.setNum('PAGE_HEIGHT', v);
  }
  setPageWidth(v: number): this {
    return this.setNum('PAGE_WIDTH', v);
  }

  getFootnotes(): GoogleAppsScript.Document.Footnote[] {
    return [];
  }

  /** A body has no parent element. */
  override getParent(): Container {
    return nullAs<Container>();
  }

  override removeFromParent(): this {
    return notSupported('Body.removeFromParent');
  }
}

export class TableCellImpl extends SectionImpl implements TableCell {
  private prop<T>(key: string, fallback: T): T {
    return (this.n.attrs[key] as T | undefined) ?? fallback;
  }

  private setProp(key: string, v: unknown): this {
    this.n.attrs[key] = v;
    return this.self();
  }

  getBackgroundColor(): string {
    return this.prop<string>('BACKGROUND_COLOR', nullAs<string>());
  }
  setBackgroundColor(color: string): this {
    return this.setProp('BACKGROUND_COLOR', color);
  }
  /** 1 for a normal cell, n for the head of a merge, 0 for a cell merged away **[verify]**. */
  getColSpan(): Integer {
    return this.prop<number>('COL_SPAN', 1);
  }
  getRowSpan(): Integer {
    return this.prop<number>('ROW_SPAN', 1);
  }
  getPaddingBottom(): number {
    return this.prop<number>('PADDING_BOTTOM', 5);
  }
  getPaddingLeft(): number {
    return this.prop<number>('PADDING_LEFT', 5);
  }
  getPaddingRight(): number {
    return this.prop<number>('PADDING_RIGHT', 5);
  }
  getPaddingTop(): number {
    return this.prop<number>('PADDING_TOP', 5);
  }
  setPaddingBottom(v: number): this {
    return this.setProp('PADDING_BOTTOM', v);
  }
  setPaddingLeft(v: number): this {
    return this.setProp('PADDING_LEFT', v);
  }
  setPaddingRight(v: number): this {
    return this.setProp('PADDING_RIGHT', v);
  }
  setPaddingTop(v: number): this {
    return this.setProp('PADDING_TOP', v);
  }
  getVerticalAlignment(): VerticalAlignment {
    return this.prop<VerticalAlignment>('VERTICAL_ALIGNMENT', asEnum<VerticalAlignment>('TOP'));
  }
  setVerticalAlignment(alignment: VerticalAlignment): this {
    return this.setProp('VERTICAL_ALIGNMENT', alignment);
  }
  getWidth(): number {
    return this.prop<number>('WIDTH', nullAs<number>());
  }
  setWidth(width: number): this {
    return this.setProp('WIDTH', width);
  }

  getParentRow(): TableRow {
    return this.getParent() as unknown as TableRow;
  }

  getParentTable(): Table {
    const row = this.n.parent;
    return row?.parent ? this.asBlock<Table>(row.parent) : nullAs<Table>();
  }

  override getAttributes(): Record<string, unknown> {
    const out = textualAttributes(this.n);
    out.BACKGROUND_COLOR = this.n.attrs.BACKGROUND_COLOR ?? null;
    return out;
  }

  override setAttributes(attributes: Record<string, unknown>): this {
    for (const [k, v] of Object.entries(attributes ?? {})) this.n.attrs[k] = v;
    return this.self();
  }

  /** A cell leaves the table only with its row. */
  override removeFromParent(): this {
    const row = this.n.parent;
    if (row) detach(this.n);
    return this.self();
  }
}

// ------------------------------------------------------------------------------- paragraphs

abstract class ParagraphBaseImpl extends ContainerImpl {
  appendText(text: string | Text): Text {
    return wrapText(appendTextChild(this.n, textArg(text)), this.ctx);
  }

  insertText(childIndex: Integer, text: string | Text): Text {
    return wrapText(insertTextChild(this.n, childIndex, textArg(text)), this.ctx);
  }

  /** "Existing contents are cleared"; `\n` becomes `\r`. Typed `void` in @types. */
  setText(text: string): void {
    setParagraphText(this.n, text);
  }

  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.insertHorizontalRule(this.n.children.length);
  }

  insertHorizontalRule(childIndex: Integer): GoogleAppsScript.Document.HorizontalRule {
    return this.asBlock(insertChild(this.n, childIndex, new DocNode('HORIZONTAL_RULE')));
  }

  appendPageBreak(pageBreak?: GoogleAppsScript.Document.PageBreak | null): GoogleAppsScript.Document.PageBreak {
    return this.insertPageBreak(this.n.children.length, pageBreak);
  }

  insertPageBreak(childIndex: Integer, pageBreak?: GoogleAppsScript.Document.PageBreak | null): GoogleAppsScript.Document.PageBreak {
    return this.asBlock(insertChild(this.n, childIndex, pageBreak ? nodeOf(pageBreak) : new DocNode('PAGE_BREAK')));
  }

  addPositionedImage(_image: Blob): GoogleAppsScript.Document.PositionedImage {
    return notSupported('addPositionedImage');
  }
  appendInlineImage(_image: Blob | GoogleAppsScript.Document.InlineImage): GoogleAppsScript.Document.InlineImage {
    return notSupported('appendInlineImage');
  }
  insertInlineImage(_childIndex: Integer, _image: Blob | GoogleAppsScript.Document.InlineImage): GoogleAppsScript.Document.InlineImage {
    return notSupported('insertInlineImage');
  }
  getPositionedImage(_id: string): GoogleAppsScript.Document.PositionedImage {
    return nullAs<GoogleAppsScript.Document.PositionedImage>();
  }
  getPositionedImages(): GoogleAppsScript.Document.PositionedImage[] {
    return [];
  }
  removePositionedImage(_id: string): boolean {
    return false;
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return asEnum((this.n.attrs.HEADING as string | undefined) ?? 'NORMAL');
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): this {
    this.n.attrs.HEADING = checkEnum(heading, ParagraphHeading, 'heading') as ParagraphHeadingName;
    return this.self();
  }

  getAlignment(): HorizontalAlignment {
    return asEnum((this.n.attrs.HORIZONTAL_ALIGNMENT as string | undefined) ?? 'LEFT');
  }

  setAlignment(alignment: HorizontalAlignment): this {
    this.n.attrs.HORIZONTAL_ALIGNMENT = alignment;
    return this.self();
  }

  private num(key: string): number {
    return (this.n.attrs[key] as number | undefined) ?? nullAs<number>();
  }

  private setNum(key: string, v: unknown): this {
    this.n.attrs[key] = v;
    return this.self();
  }

  getIndentEnd(): number {
    return this.num('INDENT_END');
  }
  getIndentFirstLine(): number {
    return this.num('INDENT_FIRST_LINE');
  }
  getIndentStart(): number {
    return this.num('INDENT_START');
  }
  getLineSpacing(): number {
    return this.num('LINE_SPACING');
  }
  getSpacingAfter(): number {
    return this.num('SPACING_AFTER');
  }
  getSpacingBefore(): number {
    return this.num('SPACING_BEFORE');
  }
  isLeftToRight(): boolean {
    return (this.n.attrs.LEFT_TO_RIGHT as boolean | undefined) ?? true;
  }
  setIndentEnd(v: number): this {
    return this.setNum('INDENT_END', v);
  }
  setIndentFirstLine(v: number): this {
    return this.setNum('INDENT_FIRST_LINE', v);
  }
  setIndentStart(v: number): this {
    return this.setNum('INDENT_START', v);
  }
  setLineSpacing(v: number): this {
    return this.setNum('LINE_SPACING', v);
  }
  setSpacingAfter(v: number): this {
    return this.setNum('SPACING_AFTER', v);
  }
  setSpacingBefore(v: number): this {
    return this.setNum('SPACING_BEFORE', v);
  }
  setLeftToRight(v: boolean): this {
    return this.setNum('LEFT_TO_RIGHT', v);
  }

  override getAttributes(): Record<string, unknown> {
    const out = textualAttributes(this.n);
    out.HEADING = this.getHeading();
    return out;
  }

  /** Merges this paragraph into the previous sibling of the same type; returns the merged element. */
  override merge(): this {
    const p = this.n.parent;
    const i = p ? p.children.indexOf(this.n) : -1;
    const prev = p && i > 0 ? p.children[i - 1] : undefined;
    if (!p || !prev || prev.type !== this.n.type) fail(`Element cannot be merged: no previous ${this.n.type} sibling.`);
    for (const c of [...this.n.children]) {
      detach(c);
      if (c.type === 'TEXT') appendTextChild(prev, c.text);
      else insertChild(prev, prev.children.length, c);
    }
    removeChild(p, this.n);
    return this.wrap(prev) as unknown as this;
  }
}

function textArg(text: string | Text): string {
  return typeof text === 'string' ? text : typeof text === 'object' && text !== null ? viewText(nodeOf(text)) : String(text);
}

export class ParagraphImpl extends ParagraphBaseImpl implements Paragraph {}

export class ListItemImpl extends ParagraphBaseImpl implements ListItem {
  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return asEnum((this.n.attrs.GLYPH_TYPE as string | undefined) ?? 'BULLET');
  }

  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): this {
    this.n.attrs.GLYPH_TYPE = checkEnum(glyphType, GlyphType, 'glyphType') as GlyphTypeName;
    return this.self();
  }

  getListId(): string {
    if (!this.n.attrs.LIST_ID) joinList(this.n);
    return this.n.attrs.LIST_ID as string;
  }

  setListId(listItem: ListItem): this {
    const other = nodeOf(listItem);
    if (!other.attrs.LIST_ID) joinList(other);
    this.n.attrs.LIST_ID = other.attrs.LIST_ID;
    return this.self();
  }

  getNestingLevel(): Integer {
    return (this.n.attrs.NESTING_LEVEL as number | undefined) ?? 0;
  }

  setNestingLevel(nestingLevel: Integer): this {
    if (!Number.isInteger(nestingLevel) || nestingLevel < 0 || nestingLevel > 8) fail('Invalid argument: nestingLevel');
    this.n.attrs.NESTING_LEVEL = nestingLevel;
    return this.self();
  }

  override getAttributes(): Record<string, unknown> {
    const out = super.getAttributes();
    out.GLYPH_TYPE = this.getGlyphType();
    out.LIST_ID = this.getListId();
    out.NESTING_LEVEL = this.getNestingLevel();
    return out;
  }
}

// ------------------------------------------------------------------------------------ tables

function rowFrom(arg: unknown): DocNode {
  if (arg === undefined || arg === null) return new DocNode('TABLE_ROW');
  const node = nodeOf(arg);
  if (node.type !== 'TABLE_ROW') fail(MESSAGES.containment(node.type, 'TABLE'));
  if (node.parent) fail(MESSAGES.notDetached);
  return node;
}

function cellFrom(arg: unknown): DocNode {
  if (typeof arg === 'object' && arg !== null) {
    const node = nodeOf(arg);
    if (node.type !== 'TABLE_CELL') fail(MESSAGES.containment(node.type, 'TABLE_ROW'));
    if (node.parent) fail(MESSAGES.notDetached);
    return node;
  }
  return makeCell(arg === undefined || arg === null ? '' : String(arg));
}

export class TableImpl extends ContainerImpl implements Table {
  getNumRows(): Integer {
    return this.n.children.length;
  }

  getRow(rowIndex: Integer): TableRow {
    return this.asBlock(childAt(this.n, rowIndex));
  }

  getCell(rowIndex: Integer, cellIndex: Integer): TableCell {
    return this.asBlock(childAt(childAt(this.n, rowIndex), cellIndex));
  }

  /** A new row has no cells until `appendTableCell` adds them. */
  appendTableRow(tableRow?: TableRow): TableRow {
    return this.asBlock(insertChild(this.n, this.n.children.length, rowFrom(tableRow)));
  }

  insertTableRow(childIndex: Integer, tableRow?: TableRow | null): TableRow {
    return this.asBlock(insertChild(this.n, childIndex, rowFrom(tableRow)));
  }

  removeRow(rowIndex: Integer): TableRow {
    const row = childAt(this.n, rowIndex);
    detach(row);
    return this.asBlock(row);
  }

  override removeChild(child: El): this {
    const node = nodeOf(child);
    indexOfChild(this.n, node);
    detach(node);
    return this.self();
  }

  /** Tables are not sections: removing one never hits the last-paragraph rule unless it ends the section. */
  override removeFromParent(): this {
    const p = this.n.parent;
    if (p) {
      indexOfChild(p, this.n);
      detach(this.n);
    }
    return this.self();
  }

  getBorderColor(): string {
    return (this.n.attrs.BORDER_COLOR as string | undefined) ?? '#000000';
  }
  setBorderColor(color: string): this {
    this.n.attrs.BORDER_COLOR = color;
    return this.self();
  }
  getBorderWidth(): number {
    return (this.n.attrs.BORDER_WIDTH as number | undefined) ?? 1;
  }
  setBorderWidth(width: number): this {
    this.n.attrs.BORDER_WIDTH = width;
    return this.self();
  }
  getColumnWidth(columnIndex: Integer): number {
    return ((this.n.attrs.COLUMN_WIDTHS as Record<number, number> | undefined) ?? {})[columnIndex] ?? nullAs<number>();
  }
  setColumnWidth(columnIndex: Integer, width: number): this {
    this.n.attrs.COLUMN_WIDTHS = { ...((this.n.attrs.COLUMN_WIDTHS as Record<number, number> | undefined) ?? {}), [columnIndex]: width };
    return this.self();
  }
}

export class TableRowImpl extends ContainerImpl implements TableRow {
  getNumCells(): Integer {
    return this.n.children.length;
  }

  getCell(cellIndex: Integer): TableCell {
    return this.asBlock(childAt(this.n, cellIndex));
  }

  appendTableCell(textContentsOrCell?: string | TableCell | null): TableCell {
    return this.asBlock(insertChild(this.n, this.n.children.length, cellFrom(textContentsOrCell)));
  }

  insertTableCell(childIndex: Integer, textContentsOrCell?: string | TableCell | null): TableCell {
    return this.asBlock(insertChild(this.n, childIndex, cellFrom(textContentsOrCell)));
  }

  removeCell(cellIndex: Integer): TableCell {
    const cell = childAt(this.n, cellIndex);
    detach(cell);
    return this.asBlock(cell);
  }

  override removeChild(child: El): this {
    const node = nodeOf(child);
    indexOfChild(this.n, node);
    detach(node);
    return this.self();
  }

  override removeFromParent(): this {
    if (this.n.parent) detach(this.n);
    return this.self();
  }

  getParentTable(): Table {
    return this.n.parent ? this.asBlock<Table>(this.n.parent) : nullAs<Table>();
  }

  getMinimumHeight(): number {
    return (this.n.attrs.MINIMUM_HEIGHT as number | undefined) ?? 0;
  }
  setMinimumHeight(minHeight: number): this {
    this.n.attrs.MINIMUM_HEIGHT = minHeight;
    return this.self();
  }
}

// ------------------------------------------------------------------------------------- text

/**
 * A Text element (a run inside a paragraph) or the artificial Text of `editAsText()` over a container.
 * Offsets are 0-based and end-inclusive; out-of-range offsets throw.
 */
export class TextImpl extends ElementImpl implements Text {
  override getType(): ElementType {
    return asEnum<ElementType>('TEXT');
  }

  override asText(): Text {
    return this.self() as unknown as Text;
  }

  getText(): string {
    return viewText(this.n);
  }

  setText(text: string): this {
    viewSetText(this.n, text);
    return this.self();
  }

  appendText(text: string): this {
    viewAppend(this.n, text);
    return this.self();
  }

  insertText(offset: Integer, text: string): this {
    viewInsert(this.n, offset, text);
    return this.self();
  }

  deleteText(startOffset: Integer, endOffsetInclusive: Integer): this {
    viewDelete(this.n, startOffset, endOffsetInclusive);
    return this.self();
  }

  editAsText(): this {
    return this.self();
  }

  findText(searchPattern: string, from?: RangeElement | null): RangeElement {
    const prev = from ? { node: nodeOf(from.getElement()), start: from.getStartOffset(), endInclusive: from.getEndOffsetInclusive() } : null;
    const m = findTextIn(this.n, searchPattern, prev);
    return m ? toRangeElement(this.ctx, m.node, m.start, m.endInclusive) : nullAs<RangeElement>();
  }

  replaceText(searchPattern: string, replacement: string): El {
    replaceInRuns(this.n, searchPattern, replacement);
    return this.self() as unknown as El;
  }

  getTextAttributeIndices(): Integer[] {
    return attributeIndices(this.n);
  }

  /** Overloads: (value) applies to all text, (start, endInclusive, value) to a range. */
  private style(attr: string, args: unknown[]): this {
    if (args.length >= 3) {
      applyStyle(this.n, args[0] as number, args[1] as number, { [attr]: args[2] });
    } else {
      applyStyleAll(this.n, { [attr]: args[0] });
    }
    return this.self();
  }

  override getAttributes(offset?: Integer | null): Record<string, unknown> {
    const out = textualAttributes(this.n);
    if (offset !== undefined && offset !== null) {
      checkRange(this.n, offset, offset);
      for (const k of TEXT_ATTRS) out[k] = styleValue(this.n, k, offset);
    }
    return out;
  }

  override setAttributes(a: unknown, b?: unknown, c?: unknown): this {
    if (typeof a === 'number') {
      const patch: Record<string, unknown> = {};
      for (const [k, v] of Object.entries((c as Record<string, unknown>) ?? {})) if (TEXT_ATTRS.has(k)) patch[k] = v;
      applyStyle(this.n, a, b as number, patch);
    } else {
      setTextualAttributes(this.n, a as Record<string, unknown>);
    }
    return this.self();
  }

  isBold(offset?: Integer | null): boolean {
    return styleValue(this.n, 'BOLD', offset) as boolean;
  }
  isItalic(offset?: Integer | null): boolean {
    return styleValue(this.n, 'ITALIC', offset) as boolean;
  }
  isStrikethrough(offset?: Integer | null): boolean {
    return styleValue(this.n, 'STRIKETHROUGH', offset) as boolean;
  }
  isUnderline(offset?: Integer | null): boolean {
    return styleValue(this.n, 'UNDERLINE', offset) as boolean;
  }
  getLinkUrl(offset?: Integer | null): string {
    return styleValue(this.n, 'LINK_URL', offset) as string;
  }
  getBackgroundColor(offset?: Integer | null): string {
    return styleValue(this.n, 'BACKGROUND_COLOR', offset) as string;
  }
  getForegroundColor(offset?: Integer | null): string {
    return styleValue(this.n, 'FOREGROUND_COLOR', offset) as string;
  }
  getFontFamily(offset?: Integer | null): string {
    return styleValue(this.n, 'FONT_FAMILY', offset) as string;
  }
  getFontSize(offset?: Integer | null): Integer {
    return styleValue(this.n, 'FONT_SIZE', offset) as number;
  }
  getTextAlignment(offset?: Integer | null): TextAlignment {
    return styleValue(this.n, 'TEXT_ALIGNMENT', offset) as TextAlignment;
  }

  setBold(...args: [boolean] | [Integer, Integer, boolean]): this {
    return this.style('BOLD', args);
  }
  setItalic(...args: [boolean] | [Integer, Integer, boolean]): this {
    return this.style('ITALIC', args);
  }
  setUnderline(...args: [boolean] | [Integer, Integer, boolean]): this {
    return this.style('UNDERLINE', args);
  }
  setStrikethrough(...args: [boolean] | [Integer, Integer, boolean]): this {
    return this.style('STRIKETHROUGH', args);
  }
  setLinkUrl(...args: [string] | [Integer, Integer, string]): this {
    return this.style('LINK_URL', args);
  }
  setBackgroundColor(...args: [string] | [Integer, Integer, string]): this {
    return this.style('BACKGROUND_COLOR', args);
  }
  setForegroundColor(...args: [string] | [Integer, Integer, string]): this {
    return this.style('FOREGROUND_COLOR', args);
  }
  setFontFamily(...args: [string] | [Integer, Integer, string]): this {
    return this.style('FONT_FAMILY', args);
  }
  setFontSize(...args: [Integer] | [Integer, Integer, Integer]): this {
    return this.style('FONT_SIZE', args);
  }
  setTextAlignment(...args: [TextAlignment] | [Integer, Integer, TextAlignment]): this {
    return this.style('TEXT_ALIGNMENT', args);
  }

  override merge(): this {
    return notSupported('Text.merge');
  }
}

// ------------------------------------------------------------------------------------ chips

export class PersonImpl extends ElementImpl implements GoogleAppsScript.Document.Person {
  getEmail(): string {
    return this.n.person?.email ?? '';
  }

  /** May be '' (non-directory email) or null; typed `string` in @types. */
  getName(): string {
    return (this.n.person?.name ?? null) as string;
  }
}

export class DateImpl extends ElementImpl implements GoogleAppsScript.Document.Date {
  /** A JS Date of the script's realm (typed as the Document.Date namespace clash in @types, §8). */
  getTimestamp(): GoogleAppsScript.Document.Date {
    return this.ctx.rt.realm.date(this.n.date?.timestamp ?? 0) as unknown as GoogleAppsScript.Document.Date;
  }

  /** "The display value uses the UTC timezone and the date's locale. For example, Jul 16, 2021." */
  getDisplayText(): string {
    const d = this.n.date;
    if (!d) return '';
    return d.displayText ?? dateChipDisplayText(d.timestamp, d.locale);
  }

  getLocale(): string {
    return this.n.date?.locale ?? 'en';
  }
}

export function dateChipDisplayText(timestamp: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(timestamp));
}

export class RichLinkImpl extends ElementImpl implements GoogleAppsScript.Document.RichLink {
  getUrl(): string {
    return this.n.richLink?.url ?? '';
  }
  getTitle(): string {
    return this.n.richLink?.title ?? '';
  }
  getMimeType(): string {
    return this.n.richLink?.mimeType ?? '';
  }
}

export class HorizontalRuleImpl extends ElementImpl implements GoogleAppsScript.Document.HorizontalRule {}
export class PageBreakImpl extends ElementImpl implements GoogleAppsScript.Document.PageBreak {}
export class UnsupportedElementImpl extends ElementImpl implements GoogleAppsScript.Document.UnsupportedElement {}

// ---------------------------------------------------------------------------- range elements

export class RangeElementImpl implements RangeElement {
  constructor(
    private readonly ctx: DocContext,
    private readonly part: { node: DocNode; start: number; endInclusive: number },
  ) {}

  getElement(): El {
    return wrapNode(this.part.node, this.ctx);
  }
  getStartOffset(): Integer {
    return this.part.start;
  }
  getEndOffsetInclusive(): Integer {
    return this.part.endInclusive;
  }
  isPartial(): boolean {
    return this.part.start >= 0;
  }
}

export function makeRangeElement(ctx: DocContext, part: { node: DocNode; start: number; endInclusive: number }): RangeElement {
  return countedDoc(new RangeElementImpl(ctx, part), 'RangeElement', ctx);
}

// ----------------------------------------------------------------------------------- factory

const CLASSES: Partial<Record<ElementTypeName, [new (n: DocNode, c: DocContext) => ElementImpl, string]>> = {
  BODY_SECTION: [BodyImpl, 'Body'],
  PARAGRAPH: [ParagraphImpl, 'Paragraph'],
  LIST_ITEM: [ListItemImpl, 'ListItem'],
  TABLE: [TableImpl, 'Table'],
  TABLE_ROW: [TableRowImpl, 'TableRow'],
  TABLE_CELL: [TableCellImpl, 'TableCell'],
  TEXT: [TextImpl, 'Text'],
  PERSON: [PersonImpl, 'Person'],
  DATE: [DateImpl, 'Date'],
  RICH_LINK: [RichLinkImpl, 'RichLink'],
  HORIZONTAL_RULE: [HorizontalRuleImpl, 'HorizontalRule'],
  PAGE_BREAK: [PageBreakImpl, 'PageBreak'],
};

function finish<T extends ElementImpl>(impl: T, label: string, ctx: DocContext): T {
  const proxy = countedDoc(impl, label, ctx);
  impl[SELF] = proxy;
  return proxy;
}

/** A fresh counted wrapper of the class matching the node's type. */
export function wrapNode(node: DocNode, ctx: DocContext): El {
  const [Cls, label] = CLASSES[node.type] ?? [UnsupportedElementImpl, 'UnsupportedElement'];
  return finish(new Cls(node, ctx), label, ctx) as unknown as El;
}

export function wrapText(node: DocNode, ctx: DocContext): Text {
  return finish(new TextImpl(node, ctx), 'Text', ctx);
}

/** `editAsText()`: an artificial Text over a container (or the run itself). */
export function wrapTextView(node: DocNode, ctx: DocContext): Text {
  return wrapText(node, ctx);
}

export function wrapBody(node: DocNode, ctx: DocContext): GoogleAppsScript.Document.Body {
  return wrapNode(node, ctx) as unknown as GoogleAppsScript.Document.Body;
}

export { canContain, isSection };
