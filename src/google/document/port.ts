/** The core's DocumentPort over DocumentApp (one instance per execution; wrappers live as long as it). */
import type { RowsPlan } from '../../core/app/rows';
import type { DocumentPort } from '../../core/app/service';
import type { CellEdit } from '../../core/app/writebacks';
import { itemColumns, tableGrid } from '../../core/extract/tables';
import type { MinutesDocument } from '../../core/model/document';
import { cellText } from '../../core/model/text';
import { hashString } from '../../core/sync/hash';
import { anchorRow } from './anchors';
import { chipTimestamp, elementsOfType, type GDocument } from './elements';
import { documentTabs, readDocument, type DocumentSnapshot } from './read';
import { insertBlocks, writeCells, writeRows } from './write';

export interface GoogleDocumentOptions {
  /** Read row anchors, and give item rows that have none a new one (sync runs). */
  anchors: 'none' | 'read' | 'ensure';
}

export class GoogleDocument implements DocumentPort {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  private snapshot: DocumentSnapshot | null = null;
  private reusable = false;

  constructor(
    private readonly doc: GDocument,
    private readonly options: GoogleDocumentOptions = { anchors: 'read' },
  ) {
    this.id = doc.getId();
    this.title = doc.getName();
    this.url = doc.getUrl();
  }

  /**
   * The sync reads twice in one execution: to extract, then to place the write-backs. The second read reuses
   * the first when the structure (children per tab, rows per table) is unchanged, which costs a few calls
   * instead of a full read: positions only move when elements or rows are added or removed.
   */
  async read(): Promise<MinutesDocument> {
    if (this.snapshot && this.reusable && sameStructure(this.snapshot)) {
      this.reusable = false;
      return this.snapshot.doc;
    }
    const snapshot = this.readNow();
    this.reusable = true;
    return snapshot.doc;
  }

  /** The last snapshot read in this execution, if no write happened since. */
  current(): DocumentSnapshot | null {
    return this.snapshot;
  }

  /** Synchronous read; keeps the wrappers for the writes that follow in this execution. */
  readNow(): DocumentSnapshot {
    const snapshot = readDocument(this.doc, { anchors: this.options.anchors !== 'none' });
    if (this.options.anchors === 'ensure') ensureAnchors(snapshot);
    this.snapshot = snapshot;
    this.reusable = false;
    return snapshot;
  }

  async insert(blocks: MinutesDocument): Promise<void> {
    insertBlocks(this.doc, blocks);
    this.snapshot = null;
  }

  async writeRows(plan: RowsPlan): Promise<void> {
    writeRows(this.snapshot ?? this.readNow(), plan);
    this.snapshot = null;
  }

  async writeCells(edits: readonly CellEdit[]): Promise<void> {
    writeCells(this.snapshot ?? this.readNow(), edits);
    this.snapshot = null;
  }
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
