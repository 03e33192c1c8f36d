import type { ActionItem, Extraction } from '../model/items';
import { dueDateTime, meetingLine, names } from './text';
import { displayWidth, padEndToWidth, truncateToWidth } from './width';

export interface AlignOptions {
  /** Maximum columns per column index; longer cells are cut with '…'. */
  maxWidths?: readonly (number | undefined)[];
  /** Text between columns; two spaces by default. */
  gap?: string;
}

/** One line per row, columns padded to the widest cell (CJK characters count two columns). */
export function alignTable(header: readonly string[], rows: readonly (readonly string[])[], options: AlignOptions = {}): string[] {
  const gap = options.gap ?? '  ';
  const all = [header, ...rows].map((row) =>
    header.map((_, col) => {
      const cell = oneLine(row[col] ?? '');
      const max = options.maxWidths?.[col];
      return max !== undefined ? truncateToWidth(cell, max) : cell;
    }),
  );
  const widths = header.map((_, col) => Math.max(...all.map((row) => displayWidth(row[col]!))));
  return all.map((row) => row.map((cell, col) => padEndToWidth(cell, widths[col]!)).join(gap).trimEnd());
}

/** Cells are single lines: newlines and tabs become spaces. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t\v\f]+/g, ' ').trim();
}

const TITLE_MAX = 60;
const PEOPLE_MAX = 24;

/** The items of an extraction as an aligned text table, with the meeting line above and warnings below. */
export function formatItemsTable(extraction: Extraction): string {
  const lines: string[] = [];
  const meeting = meetingLine(extraction);
  if (meeting) lines.push(`Meeting: ${meeting}`);
  if (extraction.items.length === 0) {
    lines.push('No decisions or to-dos found.');
  } else {
    const header = ['#', 'Kind', 'Title', 'Owners', 'Due', 'Status', 'Warnings'];
    const rows = extraction.items.map((item, i) => [
      String(i + 1),
      item.kind,
      item.title,
      peopleCell(item),
      dueDateTime(item),
      item.status,
      item.warnings.join(', '),
    ]);
    lines.push(...alignTable(header, rows, { maxWidths: [undefined, undefined, TITLE_MAX, PEOPLE_MAX] }));
  }
  if (extraction.warnings.length > 0) {
    lines.push(`Warnings: ${extraction.warnings.map((w) => w.code).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

function peopleCell(item: ActionItem): string {
  const owners = names(item.owners, '、');
  if (item.collaborators.length === 0) return owners;
  const helpers = names(item.collaborators, '、');
  return owners ? `${owners} (+${helpers})` : `(+${helpers})`;
}
