/**
 * The in-memory document tree behind the DocumentApp fake. Wrappers (elements.ts) are thin, fresh-per-getter
 * views over these nodes; every rule of the live containment model (§2.1) is enforced here.
 */
import type { ElementTypeName } from '../enums';
import { fail } from '../runtime';

export type Style = Readonly<Record<string, unknown>>;
export const EMPTY_STYLE: Style = Object.freeze({});

export interface PersonData {
  email: string;
  /** Live returns '' for non-directory emails, the docs say it may be null. */
  name: string | null;
}

export interface DateData {
  timestamp: number;
  locale: string;
  /** When absent the display text is derived from the timestamp (UTC, locale). */
  displayText: string | null;
}

export interface RichLinkData {
  url: string;
  title: string;
  mimeType: string;
}

let nextUid = 1;

export class DocNode {
  readonly uid = nextUid++;
  parent: DocNode | null = null;
  children: DocNode[] = [];
  /** TEXT only. */
  text = '';
  /** TEXT only: one style per character (shared frozen objects). */
  styles: Style[] = [];
  /** Element-level attributes (heading, glyph, list id, spans, colours…), keyed by Attribute name. */
  attrs: Record<string, unknown> = {};
  person?: PersonData;
  date?: DateData;
  richLink?: RichLinkData;
  /** Section roots only: the owner (a tab) of this body. */
  owner?: unknown;

  constructor(readonly type: ElementTypeName) {}
}

const INLINE: ReadonlySet<ElementTypeName> = new Set<ElementTypeName>([
  'TEXT', 'PERSON', 'DATE', 'RICH_LINK', 'INLINE_IMAGE', 'INLINE_DRAWING', 'HORIZONTAL_RULE', 'PAGE_BREAK',
  'FOOTNOTE', 'EQUATION', 'UNSUPPORTED',
]);
const SECTION_CHILDREN: ReadonlySet<ElementTypeName> = new Set<ElementTypeName>(['PARAGRAPH', 'LIST_ITEM', 'TABLE', 'TABLE_OF_CONTENTS']);

const ALLOWED_CHILDREN: Partial<Record<ElementTypeName, ReadonlySet<ElementTypeName>>> = {
  BODY_SECTION: SECTION_CHILDREN,
  HEADER_SECTION: SECTION_CHILDREN,
  FOOTER_SECTION: SECTION_CHILDREN,
  TABLE: new Set<ElementTypeName>(['TABLE_ROW']),
  TABLE_ROW: new Set<ElementTypeName>(['TABLE_CELL']),
  TABLE_CELL: new Set<ElementTypeName>(['PARAGRAPH', 'LIST_ITEM', 'TABLE']),
  PARAGRAPH: INLINE,
  LIST_ITEM: INLINE,
  TABLE_OF_CONTENTS: new Set<ElementTypeName>(['PARAGRAPH']),
};

export const MESSAGES = {
  childIndexInsert: (i: number, n: number): string =>
    `Child index (${i}) must be less than or equal to the number of child elements (${n}).`,
  childIndexGet: (i: number, n: number): string => `Child index (${i}) must be less than the number of child elements (${n}).`,
  lastParagraph: "Can't remove the last paragraph in a document section.",
  notDetached: 'Element must be detached.',
  notAChild: 'Element does not contain the specified child element.',
  cast: (from: string, to: string): string => `${from} can't be cast as ${to}`,
  containment: (child: string, parent: string): string => `Element of type ${child} can't be inserted into ${parent}.`,
  offset: (start: number, end: number, length: number): string =>
    `Invalid offsets: start (${start}) and end (${end}) must lie within the text length (${length}).`,
  closed: 'Document is closed, its contents cannot be updated.',
} as const;

export function isParagraphLike(n: DocNode): boolean {
  return n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM';
}

/** Containers that must always end with a paragraph ("Google Docs documents cannot end with a table"). */
export function isSection(n: DocNode): boolean {
  return n.type === 'BODY_SECTION' || n.type === 'HEADER_SECTION' || n.type === 'FOOTER_SECTION' || n.type === 'TABLE_CELL';
}

export function isContainer(n: DocNode): boolean {
  return ALLOWED_CHILDREN[n.type] !== undefined;
}

export function canContain(parent: DocNode, childType: ElementTypeName): boolean {
  return ALLOWED_CHILDREN[parent.type]?.has(childType) ?? false;
}

export function insertChild(parent: DocNode, index: number, child: DocNode): DocNode {
  if (!canContain(parent, child.type)) fail(MESSAGES.containment(child.type, parent.type));
  if (child.parent) fail(MESSAGES.notDetached);
  if (!Number.isInteger(index) || index < 0 || index > parent.children.length) {
    fail(MESSAGES.childIndexInsert(index, parent.children.length));
  }
  parent.children.splice(index, 0, child);
  child.parent = parent;
  return child;
}

export function appendChild(parent: DocNode, child: DocNode): DocNode {
  return insertChild(parent, parent.children.length, child);
}

export function childAt(parent: DocNode, index: number): DocNode {
  const child = Number.isInteger(index) ? parent.children[index] : undefined;
  if (!child) fail(MESSAGES.childIndexGet(index, parent.children.length));
  return child;
}

export function indexOfChild(parent: DocNode, child: DocNode): number {
  const i = parent.children.indexOf(child);
  if (i < 0) fail(MESSAGES.notAChild);
  return i;
}

/** Removes `child`; the last paragraph of a section can never go (live: "Can't remove the last paragraph…"). */
export function removeChild(parent: DocNode, child: DocNode): DocNode {
  const i = indexOfChild(parent, child);
  if (isSection(parent) && i === parent.children.length - 1) fail(MESSAGES.lastParagraph);
  parent.children.splice(i, 1);
  child.parent = null;
  return child;
}

/** Removes an inline child or a paragraph-level element without the section rule (used by clear()). */
export function detach(child: DocNode): void {
  const p = child.parent;
  if (!p) return;
  const i = p.children.indexOf(child);
  if (i >= 0) p.children.splice(i, 1);
  child.parent = null;
}

export function* descendants(node: DocNode): Generator<DocNode> {
  for (const c of node.children) {
    yield c;
    yield* descendants(c);
  }
}

export function isAttachedUnder(node: DocNode, root: DocNode): boolean {
  for (let n: DocNode | null = node; n; n = n.parent) if (n === root) return true;
  return false;
}

export function rootOf(node: DocNode): DocNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

export function deepCopy(node: DocNode): DocNode {
  const out = new DocNode(node.type);
  out.text = node.text;
  out.styles = node.styles.slice();
  out.attrs = { ...node.attrs };
  if (node.person) out.person = { ...node.person };
  if (node.date) out.date = { ...node.date };
  if (node.richLink) out.richLink = { ...node.richLink };
  for (const c of node.children) {
    const cc = deepCopy(c);
    cc.parent = out;
    out.children.push(cc);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- text

/** "Paragraphs may not contain new-line characters. New-line characters ("\n") are converted to "\r"." */
export function toParagraphText(text: string): string {
  return String(text).replace(/\n/g, '\r');
}

export function makeText(text: string, style: Style = EMPTY_STYLE): DocNode {
  const n = new DocNode('TEXT');
  n.text = toParagraphText(text);
  n.styles = new Array<Style>(n.text.length).fill(style);
  return n;
}

export function makeParagraph(type: 'PARAGRAPH' | 'LIST_ITEM', text: string): DocNode {
  const p = new DocNode(type);
  if (text !== '') appendChild(p, makeText(text));
  return p;
}

export function makeCell(text: string): DocNode {
  const c = new DocNode('TABLE_CELL');
  appendChild(c, makeParagraph('PARAGRAPH', text));
  return c;
}

export function makeTable(cells: readonly (readonly string[])[] | undefined): DocNode {
  const t = new DocNode('TABLE');
  for (const row of cells ?? []) {
    const r = appendChild(t, new DocNode('TABLE_ROW'));
    for (const text of row) appendChild(r, makeCell(String(text)));
  }
  return t;
}

/** Element `getText()` semantics (§2.3): chips add '', rows skip empty rows, everything else joins with '\n'. */
export function elementText(n: DocNode): string {
  switch (n.type) {
    case 'TEXT':
      return n.text;
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return n.children.map((c) => (c.type === 'TEXT' ? c.text : '')).join('');
    case 'TABLE':
      return n.children.map(elementText).filter((t) => t !== '').join('\n');
    case 'TABLE_ROW':
    case 'TABLE_CELL':
    case 'BODY_SECTION':
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION':
    case 'TABLE_OF_CONTENTS':
      return n.children.map(elementText).join('\n');
    default:
      return '';
  }
}

/** A span of the flattened text of a container, as `editAsText()` sees it. */
export type Segment =
  | { kind: 'text'; node: DocNode; start: number; len: number }
  | { kind: 'sep'; start: number; len: 1 }
  | { kind: 'empty'; para: DocNode; start: number; len: 0 };

export function segmentsOf(root: DocNode): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  const walk = (n: DocNode): void => {
    if (n.type === 'TEXT') {
      out.push({ kind: 'text', node: n, start: pos, len: n.text.length });
      pos += n.text.length;
      return;
    }
    if (isParagraphLike(n)) {
      const texts = n.children.filter((c) => c.type === 'TEXT');
      if (texts.length === 0) out.push({ kind: 'empty', para: n, start: pos, len: 0 });
      for (const t of texts) walk(t);
      return;
    }
    n.children.forEach((c, i) => {
      if (i > 0) {
        out.push({ kind: 'sep', start: pos, len: 1 });
        pos += 1;
      }
      walk(c);
    });
  };
  walk(root);
  return out;
}

export function viewText(root: DocNode): string {
  return segmentsOf(root)
    .map((s) => (s.kind === 'text' ? s.node.text : s.kind === 'sep' ? '\n' : ''))
    .join('');
}

export function viewLength(root: DocNode): number {
  return viewText(root).length;
}

export function checkRange(root: DocNode, start: number, endInclusive: number): void {
  const len = viewLength(root);
  if (!Number.isInteger(start) || !Number.isInteger(endInclusive) || start < 0 || endInclusive < start || endInclusive >= len) {
    fail(MESSAGES.offset(start, endInclusive, len));
  }
}

/** Calls `fn(node, from, toExclusive)` for each text node slice covered by [start, endInclusive]. */
function forEachSlice(root: DocNode, start: number, endInclusive: number, fn: (node: DocNode, from: number, to: number) => void): void {
  for (const s of segmentsOf(root)) {
    if (s.kind !== 'text') continue;
    const from = Math.max(start, s.start) - s.start;
    const to = Math.min(endInclusive + 1, s.start + s.len) - s.start;
    if (from < to) fn(s.node, from, to);
  }
}

export function applyStyle(root: DocNode, start: number, endInclusive: number, patch: Style): void {
  checkRange(root, start, endInclusive);
  forEachSlice(root, start, endInclusive, (node, from, to) => {
    for (let i = from; i < to; i++) node.styles[i] = Object.freeze({ ...node.styles[i], ...patch });
  });
}

export function applyStyleAll(root: DocNode, patch: Style): void {
  const len = viewLength(root);
  if (len > 0) applyStyle(root, 0, len - 1, patch);
}

/** Style at `offset`, or the common value of `attr` over the whole view (null when mixed or empty). */
export function styleValue(root: DocNode, attr: string, offset?: number | null): unknown {
  const segs = segmentsOf(root).filter((s): s is Extract<Segment, { kind: 'text' }> => s.kind === 'text');
  if (offset !== undefined && offset !== null) {
    for (const s of segs) if (offset >= s.start && offset < s.start + s.len) return s.node.styles[offset - s.start]?.[attr] ?? null;
    return null;
  }
  let seen = false;
  let value: unknown = null;
  for (const s of segs) {
    for (const st of s.node.styles) {
      const v = st[attr] ?? null;
      if (!seen) {
        value = v;
        seen = true;
      } else if (v !== value) return null;
    }
  }
  return value;
}

export function attributeIndices(root: DocNode): number[] {
  const out: number[] = [];
  let prev: Style | undefined;
  let pos = 0;
  for (const s of segmentsOf(root)) {
    if (s.kind !== 'text') {
      pos += s.len;
      continue;
    }
    s.node.styles.forEach((st, i) => {
      if (prev === undefined || JSON.stringify(st) !== JSON.stringify(prev)) out.push(pos + i);
      prev = st;
    });
    pos += s.len;
  }
  return out.length ? out : [0];
}

/** Inserts into a single text node; new characters inherit the style of the preceding one. */
export function insertIntoText(node: DocNode, offset: number, text: string): void {
  const t = toParagraphText(text);
  if (!Number.isInteger(offset) || offset < 0 || offset > node.text.length) fail(MESSAGES.offset(offset, offset, node.text.length));
  const style = node.styles[offset - 1] ?? node.styles[offset] ?? EMPTY_STYLE;
  node.text = node.text.slice(0, offset) + t + node.text.slice(offset);
  node.styles.splice(offset, 0, ...new Array<Style>(t.length).fill(style));
}

/** Inserts text as child `index` of a paragraph, merging with a neighbouring Text run (Docs keeps one run). */
export function insertTextChild(para: DocNode, index: number, text: string): DocNode {
  if (!Number.isInteger(index) || index < 0 || index > para.children.length) fail(MESSAGES.childIndexInsert(index, para.children.length));
  const before = para.children[index - 1];
  if (before?.type === 'TEXT') {
    insertIntoText(before, before.text.length, text);
    return before;
  }
  const after = para.children[index];
  if (after?.type === 'TEXT') {
    insertIntoText(after, 0, text);
    return after;
  }
  return insertChild(para, index, makeText(text));
}

export function appendTextChild(para: DocNode, text: string): DocNode {
  return insertTextChild(para, para.children.length, text);
}

/** Paragraph/ListItem `setText`: "existing contents are cleared" (chips included); keeps the first style. */
export function setParagraphText(para: DocNode, text: string): void {
  const firstText = para.children.find((c) => c.type === 'TEXT');
  const style = firstText?.styles[0] ?? EMPTY_STYLE;
  for (const c of [...para.children]) detach(c);
  const t = toParagraphText(text);
  if (t !== '') appendChild(para, makeText(t, style));
}

/** Section/cell `setText`: one paragraph holding the text (the first paragraph's attributes survive). */
export function setSectionText(section: DocNode, text: string): void {
  const first = section.children.find(isParagraphLike);
  const keep = first ?? new DocNode('PARAGRAPH');
  for (const c of [...section.children]) detach(c);
  appendChild(section, keep);
  setParagraphText(keep, text);
}

/** Section/cell `clear()`: leaves one empty paragraph. */
export function clearSection(section: DocNode): void {
  for (const c of [...section.children]) detach(c);
  appendChild(section, new DocNode('PARAGRAPH'));
}

export function viewInsert(root: DocNode, offset: number, text: string): DocNode {
  const len = viewLength(root);
  if (!Number.isInteger(offset) || offset < 0 || offset > len) fail(MESSAGES.offset(offset, offset, len));
  if (root.type === 'TEXT') {
    insertIntoText(root, offset, text);
    return root;
  }
  let target: Segment | undefined;
  for (const s of segmentsOf(root)) {
    if (s.kind === 'sep') continue;
    if (offset >= s.start && offset <= s.start + s.len) {
      target = s;
      if (offset < s.start + s.len) break;
    }
  }
  if (target?.kind === 'text') {
    insertIntoText(target.node, offset - target.start, text);
    return target.node;
  }
  if (target?.kind === 'empty') return appendTextChild(target.para, text);
  const para = isParagraphLike(root) ? root : [...descendants(root)].find(isParagraphLike);
  if (!para) fail(MESSAGES.offset(offset, offset, len));
  return appendTextChild(para, text);
}

export function viewDelete(root: DocNode, start: number, endInclusive: number): void {
  checkRange(root, start, endInclusive);
  forEachSlice(root, start, endInclusive, (node, from, to) => {
    node.text = node.text.slice(0, from) + node.text.slice(to);
    node.styles.splice(from, to - from);
  });
}

export function viewSetText(root: DocNode, text: string): void {
  if (root.type === 'TEXT') {
    const style = root.styles[0] ?? EMPTY_STYLE;
    root.text = toParagraphText(text);
    root.styles = new Array<Style>(root.text.length).fill(style);
  } else if (isParagraphLike(root)) {
    setParagraphText(root, text);
  } else if (isSection(root)) {
    setSectionText(root, text);
  } else {
    fail(`setText is not available on ${root.type}.`);
  }
}

export function viewAppend(root: DocNode, text: string): DocNode {
  return viewInsert(root, viewLength(root), text);
}

/** Global regex replace inside every text run (runs never span chips, as in Docs). */
export function replaceInRuns(root: DocNode, pattern: string, replacement: string): void {
  const re = new RegExp(pattern, 'g');
  const runs = root.type === 'TEXT' ? [root] : [...descendants(root)].filter((n) => n.type === 'TEXT');
  for (const run of runs) {
    const styles: Style[] = [];
    let out = '';
    let last = 0;
    for (const m of run.text.matchAll(re)) {
      const at = m.index;
      out += run.text.slice(last, at);
      styles.push(...run.styles.slice(last, at));
      const rep = toParagraphText(m[0].replace(new RegExp(pattern), replacement));
      styles.push(...new Array<Style>(rep.length).fill(run.styles[at] ?? run.styles[at - 1] ?? EMPTY_STYLE));
      out += rep;
      last = at + m[0].length;
      if (m[0].length === 0) break;
    }
    out += run.text.slice(last);
    styles.push(...run.styles.slice(last));
    run.text = out;
    run.styles = styles;
  }
}

export interface TextMatch {
  node: DocNode;
  start: number;
  endInclusive: number;
}

/** Finds the next match in document order, after `from` when given (matches never span runs). */
export function findTextIn(root: DocNode, pattern: string, from?: TextMatch | null): TextMatch | null {
  const re = new RegExp(pattern, 'g');
  const runs = root.type === 'TEXT' ? [root] : [...descendants(root)].filter((n) => n.type === 'TEXT');
  let started = !from;
  for (const run of runs) {
    if (!started && run !== from?.node) continue;
    const minStart = !started && from ? from.endInclusive + 1 : 0;
    started = true;
    for (const m of run.text.matchAll(re)) {
      if (m.index < minStart || m[0].length === 0) continue;
      return { node: run, start: m.index, endInclusive: m.index + m[0].length - 1 };
    }
  }
  return null;
}

export function findElementIn(root: DocNode, type: ElementTypeName, from?: DocNode | null): DocNode | null {
  let started = !from;
  for (const n of descendants(root)) {
    if (!started) {
      if (n === from) started = true;
      continue;
    }
    if (n.type === type) return n;
  }
  return null;
}

/** True when `node` is, or ends, the last content of its section (`isAtDocumentEnd`). */
export function isAtSectionEnd(node: DocNode): boolean {
  for (let n: DocNode = node; n.parent; n = n.parent) {
    if (n.parent.children[n.parent.children.length - 1] !== n) return false;
    if (n.parent.type === 'BODY_SECTION') return true;
  }
  return false;
}

let kixCounter = 0;
/** Deterministic 'kix.xxxxxxxxxxxx' ids (named ranges, list ids), unique within the process. */
export function newKixId(): string {
  kixCounter += 1;
  let h = (kixCounter * 2654435761) >>> 0;
  let s = '';
  for (let i = 0; i < 12; i++) {
    s += 'abcdefghijklmnopqrstuvwxyz0123456789'[h % 36];
    h = Math.floor(h / 36) + (i + 1) * 7919 + kixCounter;
  }
  return `kix.${s}`;
}
