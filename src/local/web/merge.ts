/**
 * When the host changed the document while the user kept typing (a sync wrote 状态 / 任务 cells), the
 * editor merges: the user's version, plus every table cell the host changed since the last save, found by
 * row anchor. Without unsaved edits the host's version simply wins.
 */
import type { Block, MinutesDocument, TableCell, TableRow } from '../../core/model/document';

export function mergeRemote(base: MinutesDocument, local: MinutesDocument, remote: MinutesDocument): MinutesDocument {
  if (same(base, local)) return remote;
  const baseRows = rowsByAnchor(base.blocks);
  const remoteRows = rowsByAnchor(remote.blocks);
  const merged = JSON.parse(JSON.stringify(local)) as MinutesDocument;
  for (const [anchor, row] of rowsByAnchor(merged.blocks)) {
    const before = baseRows.get(anchor);
    const after = remoteRows.get(anchor);
    if (!before || !after) continue;
    row.cells = row.cells.map((cell, c): TableCell => {
      const b = before.cells[c];
      const a = after.cells[c];
      return b && a && !same(b, a) ? (JSON.parse(JSON.stringify(a)) as TableCell) : cell;
    });
  }
  return merged;
}

function rowsByAnchor(blocks: readonly Block[], into = new Map<string, TableRow>()): Map<string, TableRow> {
  for (const block of blocks) {
    if (block.type !== 'table') continue;
    for (const row of block.rows) {
      if (row.anchor) into.set(row.anchor, row);
      for (const cell of row.cells) rowsByAnchor(cell.blocks, into);
    }
  }
  return into;
}

/** Equal as data: key order does not matter (the server and the editor build objects differently). */
export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
