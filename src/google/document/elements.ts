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
export type GContainer = GoogleAppsScript.Document.ContainerElement;
export type GDocument = GoogleAppsScript.Document.Document;
export type GDocumentTab = GoogleAppsScript.Document.DocumentTab;

/** The timestamp of a date chip (the typings resolve `Date` to Document.Date inside the namespace). */
export function chipTimestamp(el: GElement): Date {
  return el.asDate().getTimestamp() as unknown as Date;
}

export function headingLevel(heading: GoogleAppsScript.Document.ParagraphHeading): number {
  const H = DocumentApp.ParagraphHeading;
  switch (heading) {
    case H.TITLE:
    case H.HEADING1:
      return 1;
    case H.SUBTITLE:
    case H.HEADING2:
      return 2;
    case H.HEADING3:
      return 3;
    case H.HEADING4:
      return 4;
    case H.HEADING5:
      return 5;
    case H.HEADING6:
      return 6;
    default:
      return 0;
  }
}

export function headingOfLevel(level: number): GoogleAppsScript.Document.ParagraphHeading {
  const H = DocumentApp.ParagraphHeading;
  return [H.HEADING1, H.HEADING2, H.HEADING3, H.HEADING4, H.HEADING5, H.HEADING6][Math.min(5, Math.max(0, level - 1))]!;
}

export function isOrderedGlyph(glyph: GoogleAppsScript.Document.GlyphType): boolean {
  const G = DocumentApp.GlyphType;
  return glyph === G.NUMBER || glyph === G.LATIN_LOWER || glyph === G.LATIN_UPPER || glyph === G.ROMAN_LOWER || glyph === G.ROMAN_UPPER;
}
