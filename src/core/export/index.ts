export { alignTable, formatItemsTable } from './table';
export type { AlignOptions } from './table';
export { csvField, csvRecords, formatItemsCsv, CSV_HEADER } from './csv';
export { formatItemsIcs, escapeText, foldLine, itemUid } from './ics';
export type { IcsOptions } from './ics';
export { displayWidth, truncateToWidth, padEndToWidth, codePointWidth } from './width';
