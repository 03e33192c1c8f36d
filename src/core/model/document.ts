/**
 * The minutes document as the core sees it: ordered blocks with inline runs.
 * Every platform adapter (Google Docs, Feishu docx, Markdown/text/.docx readers, the local editor)
 * translates its document into this model, and renders this model back for the template.
 */

/** A platform anchor: Feishu block id, a Google named-range id, a local node id… Opaque to the core. */
export type Anchor = string;

export interface TextRun {
  type: 'text';
  text: string;
  bold?: boolean;
}

/** A person chip (Google) or @mention (Feishu). The name is what the document shows. */
export interface PersonRun {
  type: 'person';
  name: string;
  email?: string;
  /** Platform user id, e.g. a Feishu open_id. */
  id?: string;
}

/** A date chip (Google) or reminder (Feishu). */
export interface DateRun {
  type: 'date';
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  /** Time of day, HH:MM, when the chip carries one. */
  time?: string;
}

export interface LinkRun {
  type: 'link';
  text: string;
  url: string;
}

export type Inline = TextRun | PersonRun | DateRun | LinkRun;

export interface HeadingBlock {
  type: 'heading';
  level: number;
  content: Inline[];
  /** The section numbering as written (一、, （二）), which is not part of `content`. */
  marker?: string;
  anchor?: Anchor;
}

export interface ParagraphBlock {
  type: 'paragraph';
  content: Inline[];
  anchor?: Anchor;
}

export interface ListItemBlock {
  type: 'listItem';
  /** Nesting depth, 0 for a top-level item. */
  level: number;
  ordered: boolean;
  /** true/false for a checkbox item, undefined for a plain bullet or number. */
  checked?: boolean;
  content: Inline[];
  /** The bullet, number or checkbox as written (•, 1、, （1）, - [x]), which is not part of `content`. */
  marker?: string;
  anchor?: Anchor;
}

export interface TableCell {
  blocks: Block[];
  /** Columns this cell spans (merged cells); 1 when absent. */
  colSpan?: number;
  /** Rows this cell spans (merged cells); 1 when absent. */
  rowSpan?: number;
}

export interface TableRow {
  cells: TableCell[];
  anchor?: Anchor;
}

export interface TableBlock {
  type: 'table';
  rows: TableRow[];
  anchor?: Anchor;
}

export type Block = HeadingBlock | ParagraphBlock | ListItemBlock | TableBlock;

export interface MinutesDocument {
  /** The document's own title (file name, doc title), when the platform has one. */
  title?: string;
  blocks: Block[];
}
