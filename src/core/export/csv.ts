import type { ActionItem, Extraction } from '../model/items';
import { names } from './text';

/** RFC 4180 field: quoted when it holds a quote, comma or line break; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 records joined with CRLF, ending with CRLF. */
export function csvRecords(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const CSV_HEADER: readonly string[] = 'kind|title|owners|collaborators|due|due_time|status|warnings|source'.split('|');

/** The items as CSV: a header row, then one row per item. Several people are joined with '; '. */
export function formatItemsCsv(extraction: Extraction): string {
  return csvRecords([CSV_HEADER, ...extraction.items.map(itemRow)]);
}

function itemRow(item: ActionItem): string[] {
  return [
    item.kind,
    item.title,
    names(item.owners, '; '),
    names(item.collaborators, '; '),
    item.due ?? '',
    item.dueTime ?? '',
    item.status,
    item.warnings.join('; '),
    item.source.text,
  ];
}
