/**
 * A DocumentPort over a MinutesDocument held in memory: the local workspace keeps its documents in this
 * model, and tests use it as the reference behaviour the platform adapters must match.
 */
import type { Block, Inline, MinutesDocument, TableBlock, TableCell, TableRow } from '../model/document';
import type { DocumentPort } from './service';
import type { RowsPlan } from './rows';
import type { CellEdit } from './writebacks';

export class ModelDocument implements DocumentPort {
  private nextAnchor = 1;
  private doc: MinutesDocument;

  constructor(
    readonly id: string,
    doc: MinutesDocument,
    readonly title: string = doc.title ?? id,
    readonly url?: string,
  ) {
    this.doc = structuredCloneSafe(doc);
    this.skipUsedAnchors();
  }

  /** The current document (a copy). */
  snapshot(): MinutesDocument {
    return structuredCloneSafe(this.doc);
  }

  /** Replace the document, as when the user edits and saves. */
  replace(doc: MinutesDocument): void {
    this.doc = structuredCloneSafe(doc);
    this.skipUsedAnchors();
  }

  /** New anchors must not repeat ones the document already holds (it may have been saved and reloaded). */
  private skipUsedAnchors(): void {
    const visit = (blocks: readonly Block[]): void => {
      for (const block of blocks) {
        this.noteAnchor(block.anchor);
        if (block.type !== 'table') continue;
        for (const row of block.rows) {
          this.noteAnchor(row.anchor);
          for (const cell of row.cells) visit(cell.blocks);
        }
      }
    };
    visit(this.doc.blocks);
  }

  private noteAnchor(anchor: string | undefined): void {
    const n = anchor ? /^[br](\d+)$/.exec(anchor) : null;
    if (n) this.nextAnchor = Math.max(this.nextAnchor, Number(n[1]) + 1);
  }

  async read(): Promise<MinutesDocument> {
    return this.snapshot();
  }

  async insert(template: MinutesDocument): Promise<void> {
    this.doc.blocks.push(...template.blocks.map((b) => this.anchored(structuredCloneSafe(b))));
  }

  async writeRows(plan: RowsPlan): Promise<void> {
    for (const write of plan.tables) {
      let table: TableBlock;
      if (write.table) {
        const block = this.doc.blocks[write.table.blockIndex];
        if (!block || block.type !== 'table') throw new Error('The table to write into is gone; extract again.');
        table = block;
      } else {
        if (write.heading) this.doc.blocks.push(this.anchored({ type: 'heading', level: 2, content: [{ type: 'text', text: write.heading }] }));
        table = this.anchored({ type: 'table', rows: [rowOf(write.header.map((h) => [{ type: 'text', text: h }]))] }) as TableBlock;
        this.doc.blocks.push(table);
      }
      for (const fill of write.fill) {
        const row = table.rows[fill.rowIndex];
        if (!row) continue;
        fill.cells.forEach((content, c) => {
          if (row.cells[c]) row.cells[c] = cellOf(content);
        });
      }
      for (const cells of write.append) table.rows.push({ ...rowOf(cells), anchor: this.newAnchor('r') });
    }
  }

  async writeCells(edits: readonly CellEdit[]): Promise<void> {
    for (const edit of edits) {
      const block = this.doc.blocks[edit.blockIndex];
      if (!block || block.type !== 'table') continue;
      const row = block.rows[edit.rowIndex];
      if (!row || !row.cells[edit.column]) continue;
      const content: Inline[] = edit.url ? [{ type: 'link', text: edit.text, url: edit.url }] : edit.text ? [{ type: 'text', text: edit.text }] : [];
      row.cells[edit.column] = cellOf(content);
    }
  }

  private anchored<T extends Block>(block: T): T {
    block.anchor ??= this.newAnchor('b');
    if (block.type === 'table') for (const row of block.rows) row.anchor ??= this.newAnchor('r');
    return block;
  }

  private newAnchor(prefix: string): string {
    return `${prefix}${this.nextAnchor++}`;
  }
}

function rowOf(cells: Inline[][]): TableRow {
  return { cells: cells.map(cellOf) };
}

function cellOf(content: Inline[]): TableCell {
  return { blocks: [{ type: 'paragraph', content }] };
}

/** structuredClone is missing in some runtimes (older Apps Script); the model is plain JSON. */
function structuredCloneSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
