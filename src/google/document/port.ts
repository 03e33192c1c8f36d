/** The core's DocumentPort over DocumentApp (one instance per execution; wrappers live as long as it). */
import type { DocumentPort } from '../../core/app/service';
import { itemColumns, tableGrid } from '../../core/extract/tables';
import { cellText } from '../../core/model/text';
import { hashString } from '../../core/sync/hash';
import { anchorRow } from './anchors';
import { chipTimestamp, elementsOfType, type GDocument } from './elements';
import { documentTabs, readDocument, type DocumentSnapshot } from './read';
import { insertBlocks, writeCells, writeRows } from './write';

/** The DocumentPort of one document, with synchronous access to its latest read for the host. */
export interface GoogleDocument extends DocumentPort {
  readonly url: string;
  /** The last snapshot read in this execution, if no write happened since. */
  current(): DocumentSnapshot | null;
  /** Synchronous read; keeps the wrappers for the writes that follow in this execution. */
  readNow(): DocumentSnapshot;
}

/**
 * The port over a document. `anchors`: 'read' reads row anchors, 'ensure' also gives item rows that have
 * none a new one (sync runs), 'none' skips them. Its state lives in the closure (one port per execution);
 * every method answers at once, as DocumentApp does.
 */
export function googleDocument(doc: GDocument, anchors: 'none' | 'read' | 'ensure' = 'read'): GoogleDocument {
  let snapshot: DocumentSnapshot | null = null;
  /** The snapshot was read by read() and not reused yet. */
  let reusable = false;

  const readNow = (): DocumentSnapshot => {
    const next = readDocument(doc, { anchors: anchors !== 'none' });
    if (anchors === 'ensure') ensureAnchors(next);
    snapshot = next;
    reusable = false;
    return next;
  };

  /** Any write invalidates the snapshot. */
  const written = (): void => {
    snapshot = null;
  };

  return {
    id: doc.getId(),
    title: doc.getName(),
    url: doc.getUrl(),
    current: () => snapshot,
    readNow,
    /**
     * The sync reads twice in one execution: to extract, then to place the write-backs. The second read
     * reuses the first when the structure (children per tab, rows per table) is unchanged, which costs a
     * few calls instead of a full read: positions only move when elements or rows are added or removed.
     */
    read() {
      if (snapshot && reusable && sameStructure(snapshot)) {
        reusable = false;
        return snapshot.doc;
      }
      const read = readNow();
      reusable = true;
      return read.doc;
    },
    insert(blocks) {
      insertBlocks(doc, blocks);
      written();
    },
    writeRows(plan) {
      writeRows(snapshot ?? readNow(), plan);
      written();
    },
    writeCells(edits) {
      writeCells(snapshot ?? readNow(), edits);
      written();
    },
  };
}

function sameStructure(snapshot: DocumentSnapshot): boolean {
  if (snapshot.tabs.some((tab, t) => tab.body.getNumChildren() !== snapshot.expectedChildren[t])) return false;
  for (const [b, table] of snapshot.tables) {
    const block = snapshot.doc.blocks[b];
    if (block?.type !== 'table' || table.getNumRows() !== block.rows.length) return false;
  }
  return true;
}

/** Gives every filled row of an item table an anchor before the sync keys its items by anchor. */
function ensureAnchors(snapshot: DocumentSnapshot): void {
  snapshot.doc.blocks.forEach((block, b) => {
    if (block.type !== 'table') return;
    const columns = itemColumns(tableGrid(block));
    const table = snapshot.tables.get(b);
    const place = snapshot.places[b];
    if (!columns || !table || !place) return;
    const tab = snapshot.tabs[place.tab]!.tab;
    block.rows.forEach((row, r) => {
      if (r <= columns.header || row.anchor) return;
      if (row.cells.every((c) => cellText(c).trim() === '')) return;
      row.anchor = anchorRow(tab, table.getRow(r));
    });
  });
}

/**
 * A cheap fingerprint for polling: every tab's text plus its person and date chips (which add nothing to
 * getText()), hashed. About 2 calls per tab and 4 per chip, against ~30 per table row for a full read.
 */
export function fingerprintDocument(doc: GDocument): string {
  const T = DocumentApp.ElementType;
  const parts: string[] = [];
  for (const { body } of documentTabs(doc)) {
    parts.push(body.getText());
    for (const type of [T.PERSON, T.DATE]) {
      for (const el of elementsOfType(body, type)) parts.push(type === T.PERSON ? `@${el.asPerson().getEmail()}` : `#${chipTimestamp(el).getTime()}`);
    }
  }
  return hashString(parts.join('\u0000'));
}
