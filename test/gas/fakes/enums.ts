/**
 * Frozen enums whose values are their own names, the way the fakes model every Apps Script enum
 * (`DocumentApp.ElementType.PARAGRAPH === 'PARAGRAPH'`). Production code must compare only against the
 * service's enum (`DocumentApp.ElementType.X`), never against the ambient `GoogleAppsScript.*` namespace,
 * which does not exist at runtime.
 */

export type EnumOf<K extends string> = Readonly<{ [P in K]: P }>;

export function enumOf<const K extends string>(...names: K[]): EnumOf<K> {
  const out: Record<string, string> = {};
  for (const n of names) out[n] = n;
  return Object.freeze(out) as EnumOf<K>;
}

/** The @types enums are numeric TS enums; the fakes hand out strings. One cast, in one place. */
export function asEnum<T>(value: string): T {
  return value as unknown as T;
}

export const ElementType = enumOf(
  'BODY_SECTION', 'COMMENT_SECTION', 'DATE', 'DOCUMENT', 'EQUATION', 'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR', 'EQUATION_SYMBOL', 'FOOTER_SECTION', 'FOOTNOTE', 'FOOTNOTE_SECTION',
  'HEADER_SECTION', 'HORIZONTAL_RULE', 'INLINE_DRAWING', 'INLINE_IMAGE', 'LIST_ITEM', 'PAGE_BREAK', 'PARAGRAPH',
  'PERSON', 'RICH_LINK', 'TABLE', 'TABLE_CELL', 'TABLE_OF_CONTENTS', 'TABLE_ROW', 'TEXT', 'UNSUPPORTED',
);
export type ElementTypeName = keyof typeof ElementType;

export const GlyphType = enumOf(
  'BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER',
);
export type GlyphTypeName = keyof typeof GlyphType;

export const ParagraphHeading = enumOf(
  'NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE',
);
export type ParagraphHeadingName = keyof typeof ParagraphHeading;

export const Attribute = enumOf(
  'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR',
  'HEADING', 'HEIGHT', 'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE', 'INDENT_START', 'ITALIC',
  'GLYPH_TYPE', 'LEFT_TO_RIGHT', 'LINE_SPACING', 'LINK_URL', 'LIST_ID', 'MARGIN_BOTTOM', 'MARGIN_LEFT',
  'MARGIN_RIGHT', 'MARGIN_TOP', 'NESTING_LEVEL', 'MINIMUM_HEIGHT', 'PADDING_BOTTOM', 'PADDING_LEFT',
  'PADDING_RIGHT', 'PADDING_TOP', 'PAGE_HEIGHT', 'PAGE_WIDTH', 'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH',
  'UNDERLINE', 'VERTICAL_ALIGNMENT', 'WIDTH',
);
export type AttributeName = keyof typeof Attribute;

export const HorizontalAlignment = enumOf('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
export const VerticalAlignment = enumOf('BOTTOM', 'CENTER', 'TOP');
export const TextAlignment = enumOf('NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT');
export const PositionedLayout = enumOf('ABOVE_TEXT', 'BREAK_BOTH', 'BREAK_LEFT', 'BREAK_RIGHT', 'WRAP_TEXT');
export const TabType = enumOf('DOCUMENT_TAB');
export const FontFamily = enumOf(
  'AMARANTH', 'ARIAL', 'ARIAL_BLACK', 'ARIAL_NARROW', 'ARVO', 'CALIBRI', 'CAMBRIA', 'COMIC_SANS_MS', 'CONSOLAS',
  'CORSIVA', 'COURIER_NEW', 'DANCING_SCRIPT', 'DROID_SANS', 'DROID_SERIF', 'GARAMOND', 'GEORGIA',
  'GLORIA_HALLELUJAH', 'GREAT_VIBES', 'LOBSTER', 'MERRIWEATHER', 'PACIFICO', 'PHILOSOPHER', 'POIRET_ONE',
  'QUATTROCENTO', 'ROBOTO', 'SHADOWS_INTO_LIGHT', 'SYNCOPATE', 'TAHOMA', 'TIMES_NEW_ROMAN', 'TREBUCHET_MS', 'UBUNTU',
  'VERDANA',
);

export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export type AuthModeName = keyof typeof AuthMode;
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
export const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export type EventTypeName = keyof typeof EventType;
export const InstallationSource = enumOf('APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON');
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export type TriggerSourceName = keyof typeof TriggerSource;
export const Weekday = enumOf('SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY');

export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export type ButtonName = keyof typeof Button;
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
export type ButtonSetName = keyof typeof ButtonSet;

export const Charset = enumOf('US_ASCII', 'UTF_8');
export const DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
export type DigestAlgorithmName = keyof typeof DigestAlgorithm;
export const MacAlgorithm = enumOf('HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512');
export type MacAlgorithmName = keyof typeof MacAlgorithm;
export const RsaAlgorithm = enumOf('RSA_SHA_1', 'RSA_SHA_256');

export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');
