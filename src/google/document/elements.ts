/**
 * Small typed helpers over DocumentApp elements. Enums are always read from `DocumentApp.*` at runtime (the
 * `GoogleAppsScript.*` namespaces exist only for the type checker).
 */
export type GElement = GoogleAppsScript.Document.Element;
export type GBody = GoogleAppsScript.Document.Body;
export type GTable = GoogleAppsScript.Document.Table;
export type GTableRow = GoogleAppsScript.Document.TableRow;
export type GTableCell = GoogleAppsScript.Document.TableCell;
export type GParagraph = GoogleAppsScript.Document.Paragraph;
export type GListItem = GoogleAppsScript.Document.ListItem;
export type GDocument = GoogleAppsScript.Document.Document;
export type GDocumentTab = GoogleAppsScript.Document.DocumentTab;

/** Every element of `type` inside `container`, in document order, found one call at a time. */
export function* elementsOfType(
  container: GBody | GTable,
  type: GoogleAppsScript.Document.ElementType,
): Generator<GElement, void, undefined> {
  for (let found = container.findElement(type); found; found = container.findElement(type, found)) yield found.getElement();
}

/** The timestamp of a date chip (the typings resolve `Date` to Document.Date inside the namespace). */
export function chipTimestamp(el: GElement): Date {
  return el.asDate().getTimestamp() as unknown as Date;
}

type ParagraphHeading = GoogleAppsScript.Document.ParagraphHeading;

/**
 * The heading styles of levels 1..6; TITLE and SUBTITLE read as levels 1 and 2. Built on first use, since
 * DocumentApp's enums exist only at run time.
 */
let headings: { levels: ReadonlyMap<ParagraphHeading, number>; written: readonly ParagraphHeading[] } | null = null;

function headingTable(): NonNullable<typeof headings> {
  if (headings === null) {
    const H = DocumentApp.ParagraphHeading;
    const written = [H.HEADING1, H.HEADING2, H.HEADING3, H.HEADING4, H.HEADING5, H.HEADING6];
    const levels = new Map<ParagraphHeading, number>(written.map((style, i) => [style, i + 1]));
    levels.set(H.TITLE, 1);
    levels.set(H.SUBTITLE, 2);
    headings = { levels, written };
  }
  return headings;
}

/** 1..6, or 0 for body text. */
export function headingLevel(heading: ParagraphHeading): number {
  return headingTable().levels.get(heading) ?? 0;
}

/** The style the writer uses for a heading of `level` (clamped to 1..6). */
export function headingOfLevel(level: number): ParagraphHeading {
  return headingTable().written[Math.min(5, Math.max(0, level - 1))]!;
}

export function isOrderedGlyph(glyph: GoogleAppsScript.Document.GlyphType): boolean {
  const G = DocumentApp.GlyphType;
  return glyph === G.NUMBER || glyph === G.LATIN_LOWER || glyph === G.LATIN_UPPER || glyph === G.ROMAN_LOWER || glyph === G.ROMAN_UPPER;
}
