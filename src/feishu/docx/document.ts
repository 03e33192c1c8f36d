/**
 * The Feishu docx DocumentPort: reads every block (manual paging; the SDK's iterators swallow 429s),
 * inserts the template with one nested-blocks (descendant) call, fills rows and status/link cells with
 * batch_update, and paces edits to 3 per second per document (and per app).
 */
import { randomUUID } from 'node:crypto';
import type { Block, Inline, MinutesDocument } from '../../core/model/document';
import type { DocumentPort } from '../../core/app/service';
import type { RowsPlan, TableWrite } from '../../core/app/rows';
import type { CellEdit } from '../../core/app/writebacks';
import type { Sleep } from '../../core/sync/retry';
import { call, type FeishuClient } from '../client';
import { withBackoff, type KeyedPacer } from '../retry';
import { BLOCK, tableGrid, textPayload, treeOf, type BlockTree, type DocxBlock, type TextElement } from './blocks';
import { toElements } from './elements';
import { mentionedUsers, toMinutesDocument } from './model';

export interface FeishuDocumentDeps {
  client: FeishuClient;
  documentId: string;
  title?: string;
  /** Link base for the document, e.g. https://example.feishu.cn/docx/ (the id is appended). */
  docUrlBase?: string;
  timeZone: string;
  sleep: Sleep;
  /** Shared by every document of the service: 3 edits/s per document and per app. */
  editPacer: KeyedPacer;
  /** Names of mentioned users (open_id → name). */
  names(openIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

const PAGE_SIZE = 500;
const MAX_DESCENDANTS = 1000;
const MAX_BATCH = 200;

export class FeishuDocument implements DocumentPort {
  readonly id: string;
  readonly url: string | undefined;
  title: string;
  /** The blocks of the last read: write-backs computed from that read address its positions. */
  private last: BlockTree | null = null;
  private lastAnchors: string[] = [];

  constructor(private readonly deps: FeishuDocumentDeps) {
    this.id = deps.documentId;
    this.title = deps.title ?? deps.documentId;
    this.url = deps.docUrlBase ? `${deps.docUrlBase}${deps.documentId}` : undefined;
  }

  /** Revisions produced by this port's own writes, in order. */
  readonly writeRevisions: number[] = [];

  /** Every block, pre-order, page by page, all at one revision (read first, so content and revision agree). */
  async readTree(): Promise<BlockTree> {
    const { client, documentId } = this.deps;
    const revision = await this.currentRevision();
    const items: DocxBlock[] = [];
    let pageToken: string | undefined;
    do {
      const token = pageToken;
      const data = await this.retry(() =>
        call<{ items?: DocxBlock[]; has_more?: boolean; page_token?: string }>('docx.documentBlock.list', () =>
          client.docx.v1.documentBlock.list({
            path: { document_id: documentId },
            params: { page_size: PAGE_SIZE, document_revision_id: revision > 0 ? revision : -1, user_id_type: 'open_id', ...(token ? { page_token: token } : {}) },
          }),
        ),
      );
      items.push(...(data.items ?? []));
      pageToken = data.has_more ? data.page_token : undefined;
    } while (pageToken);
    this.last = treeOf(items, documentId, revision);
    return this.last;
  }

  /** The document's current revision id (one cheap read, for polling); refreshes the title. */
  async currentRevision(): Promise<number> {
    const doc = await this.retry(() =>
      call<{ document?: { revision_id?: number; title?: string } }>('docx.document.get', () => this.deps.client.docx.v1.document.get({ path: { document_id: this.id } })),
    );
    if (doc.document?.title) this.title = doc.document.title;
    return doc.document?.revision_id ?? 0;
  }

  async read(): Promise<MinutesDocument> {
    const tree = await this.readTree();
    const names = await this.deps.names(mentionedUsers(tree));
    const doc = toMinutesDocument(tree, { names, timeZone: this.deps.timeZone });
    this.lastAnchors = doc.blocks.flatMap((b) => [...(b.anchor ? [b.anchor] : []), ...(b.type === 'table' ? b.rows.flatMap((r) => (r.anchor ? [r.anchor] : [])) : [])]);
    return { ...doc, title: this.title };
  }

  /** Block and row anchors of the last read. */
  anchors(): string[] {
    return this.lastAnchors;
  }

  async insert(template: MinutesDocument): Promise<void> {
    const builder = new DescendantBuilder(this.deps.timeZone);
    const tops = template.blocks.map((b) => builder.block(b));
    await this.createDescendants(builder, tops);
  }

  async writeRows(plan: RowsPlan): Promise<void> {
    const fills: { tableId: string; rowIndex: number; rowAnchor?: string; cells: Inline[][] }[] = [];
    for (const write of plan.tables) {
      if (!write.table) {
        await this.createTable(write);
        continue;
      }
      const tree = this.last ?? (await this.readTree());
      const table = this.findTable(tree, write.table.anchor, write.table.blockIndex);
      if (!table) throw new Error('The table to write into is gone; extract again.');
      for (const f of write.fill) fills.push({ tableId: table.block_id, rowIndex: f.rowIndex, ...(f.rowAnchor ? { rowAnchor: f.rowAnchor } : {}), cells: f.cells });
      // Rows are appended one insert_table_row per call (one table block may appear once per batch).
      let rows = tableGrid(table).length;
      for (const cells of write.append) {
        await this.edit('batch_update', (token) =>
          this.deps.client.docx.v1.documentBlock.batchUpdate({
            path: { document_id: this.id },
            params: { document_revision_id: -1, client_token: token, user_id_type: 'open_id' },
            data: { requests: [{ block_id: table.block_id, insert_table_row: { row_index: -1 } }] },
          }),
        );
        fills.push({ tableId: table.block_id, rowIndex: rows++, cells });
      }
    }
    if (fills.length === 0) return;
    const tree = await this.readTree();
    const requests: { block_id: string; update_text_elements: { elements: TextElement[] } }[] = [];
    for (const fill of fills) {
      const table = tree.byId.get(fill.tableId);
      if (!table) continue;
      const grid = tableGrid(table);
      const row = (fill.rowAnchor ? grid.find((r) => r[0] === fill.rowAnchor) : undefined) ?? grid[fill.rowIndex];
      if (!row) continue;
      fill.cells.forEach((content, c) => {
        const textId = this.cellText(tree, row[c]);
        if (textId && content.length > 0) requests.push({ block_id: textId, update_text_elements: { elements: toElements(content, this.deps.timeZone) } });
      });
    }
    await this.batchUpdate(requests);
  }

  async writeCells(edits: readonly CellEdit[]): Promise<void> {
    const tree = this.last ?? (await this.readTree());
    const byBlock = new Map<string, TextElement[]>();
    for (const edit of edits) {
      const table = this.findTable(tree, edit.tableAnchor, edit.blockIndex);
      if (!table) continue;
      const grid = tableGrid(table);
      const row = (edit.rowAnchor ? grid.find((r) => r[0] === edit.rowAnchor) : undefined) ?? grid[edit.rowIndex];
      const textId = this.cellText(tree, row?.[edit.column]);
      if (!textId) continue;
      const content: Inline[] = edit.url ? [{ type: 'link', text: edit.text, url: edit.url }] : edit.text ? [{ type: 'text', text: edit.text }] : [];
      byBlock.set(textId, toElements(content, this.deps.timeZone));
    }
    await this.batchUpdate([...byBlock].map(([block_id, elements]) => ({ block_id, update_text_elements: { elements } })));
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private async batchUpdate(requests: { block_id: string; update_text_elements: { elements: TextElement[] } }[]): Promise<void> {
    for (let i = 0; i < requests.length; i += MAX_BATCH) {
      const chunk = requests.slice(i, i + MAX_BATCH);
      await this.edit('batch_update', (token) =>
        this.deps.client.docx.v1.documentBlock.batchUpdate({
          path: { document_id: this.id },
          params: { document_revision_id: -1, client_token: token, user_id_type: 'open_id' },
          data: { requests: chunk as never },
        }),
      );
    }
  }

  private async createTable(write: TableWrite): Promise<void> {
    const builder = new DescendantBuilder(this.deps.timeZone);
    const tops: string[] = [];
    if (write.heading) tops.push(builder.block({ type: 'heading', level: 2, content: [{ type: 'text', text: write.heading }] }));
    const header = write.header.map((h): Inline[] => [{ type: 'text', text: h }]);
    tops.push(builder.block({ type: 'table', rows: [header, ...write.append].map((cells) => ({ cells: cells.map((content) => ({ blocks: content.length ? [{ type: 'paragraph', content }] : [] })) })) }));
    await this.createDescendants(builder, tops);
  }

  private async createDescendants(builder: DescendantBuilder, tops: string[]): Promise<void> {
    // One call when it fits (≤ 1000 blocks); otherwise whole top-level blocks per call, in order.
    const groups: string[][] = [];
    let current: string[] = [];
    let size = 0;
    for (const top of tops) {
      const n = builder.size(top);
      if (current.length > 0 && size + n > MAX_DESCENDANTS) {
        groups.push(current);
        current = [];
        size = 0;
      }
      current.push(top);
      size += n;
    }
    if (current.length > 0) groups.push(current);
    for (const group of groups) {
      const descendants = group.flatMap((top) => builder.subtree(top));
      await this.edit('descendant', (token) =>
        this.deps.client.docx.v1.documentBlockDescendant.create({
          path: { document_id: this.id, block_id: this.id },
          params: { document_revision_id: -1, client_token: token, user_id_type: 'open_id' },
          data: { children_id: group, index: -1, descendants: descendants as never },
        }),
      );
    }
    this.last = null;
  }

  /** One paced document edit, retried with the same client_token (idempotent on Feishu's side). */
  private async edit(operation: string, run: (clientToken: string) => Promise<{ code?: number; msg?: string; data?: { document_revision_id?: number } }>): Promise<void> {
    const token = randomUUID();
    const data = await this.retry(async () => {
      await this.deps.editPacer.take(`doc:${this.id}`, 'app');
      return call<{ document_revision_id?: number }>(`docx.${operation}`, () => run(token));
    });
    this.last = null;
    if (typeof data.document_revision_id === 'number') this.writeRevisions.push(data.document_revision_id);
  }

  private retry<T>(run: () => Promise<T>): Promise<T> {
    return withBackoff(run, { sleep: this.deps.sleep });
  }

  private findTable(tree: BlockTree, anchor: string | undefined, blockIndex: number): DocxBlock | null {
    if (anchor) {
      const byAnchor = tree.byId.get(anchor);
      if (byAnchor?.block_type === BLOCK.table) return byAnchor;
    }
    // Positions count the core model's blocks, which flattens containers: rebuild that order.
    const order: DocxBlock[] = [];
    const walk = (id: string): void => {
      const b = tree.byId.get(id);
      if (!b) return;
      if (b.block_type === BLOCK.table) {
        order.push(b);
        return;
      }
      if (textPayload(b) && b.block_type !== BLOCK.page) order.push(b);
      for (const c of b.children ?? []) walk(c);
    };
    for (const c of tree.page.children ?? []) walk(c);
    const found = order[blockIndex];
    return found?.block_type === BLOCK.table ? found : null;
  }

  /** The first text block inside a table cell. */
  private cellText(tree: BlockTree, cellId: string | undefined): string | null {
    if (!cellId) return null;
    for (const child of tree.byId.get(cellId)?.children ?? []) {
      const b = tree.byId.get(child);
      if (b && textPayload(b)) return b.block_id;
    }
    return null;
  }
}

interface Descendant {
  block_id: string;
  block_type: number;
  children: string[];
  [payload: string]: unknown;
}

/** Core blocks → temporary-id descendants for one nested-blocks call. */
class DescendantBuilder {
  private readonly all = new Map<string, Descendant>();
  private next = 1;

  constructor(private readonly timeZone: string) {}

  block(block: Block): string {
    switch (block.type) {
      case 'heading': {
        const level = Math.min(9, Math.max(1, block.level));
        return this.add(2 + level, `heading${level}`, { elements: toElements(block.content, this.timeZone) });
      }
      case 'paragraph':
        return this.add(BLOCK.text, 'text', { elements: toElements(block.content, this.timeZone) });
      case 'listItem': {
        if (block.checked !== undefined) return this.add(BLOCK.todo, 'todo', { elements: toElements(block.content, this.timeZone), style: { done: block.checked } });
        return block.ordered
          ? this.add(BLOCK.ordered, 'ordered', { elements: toElements(block.content, this.timeZone) })
          : this.add(BLOCK.bullet, 'bullet', { elements: toElements(block.content, this.timeZone) });
      }
      case 'table': {
        const columns = Math.max(1, ...block.rows.map((r) => r.cells.length));
        const cells: string[] = [];
        for (const row of block.rows) {
          for (let c = 0; c < columns; c++) {
            const cell = row.cells[c];
            const inner = (cell?.blocks ?? []).filter((b) => b.type !== 'table').map((b) => this.block(b));
            if (inner.length === 0) inner.push(this.add(BLOCK.text, 'text', { elements: [] }));
            cells.push(this.add(BLOCK.tableCell, 'table_cell', {}, inner));
          }
        }
        const property = { row_size: block.rows.length, column_size: columns, column_width: Array.from({ length: columns }, () => (columns > 4 ? 140 : 200)), header_row: true };
        return this.add(BLOCK.table, 'table', { property }, cells);
      }
    }
  }

  size(id: string): number {
    const d = this.all.get(id);
    return d ? 1 + d.children.reduce((n, c) => n + this.size(c), 0) : 0;
  }

  subtree(id: string): Descendant[] {
    const d = this.all.get(id);
    return d ? [d, ...d.children.flatMap((c) => this.subtree(c))] : [];
  }

  private add(blockType: number, key: string, payload: object, children: string[] = []): string {
    const id = `tmp_${this.next++}`;
    this.all.set(id, { block_id: id, block_type: blockType, [key]: payload, children });
    return id;
  }
}
