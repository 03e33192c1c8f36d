/** One docx document: the block tree, its revisions, write idempotency and per-app access. */
import { docxErrors } from '../errors';
import { docxId } from '../ids';
import type { JsonObject } from '../json';
import { clone, isObject } from '../json';
import type { Block, ElementContext } from './model';
import { BLOCK_KEYS, CONTAINER_TYPES, CREATABLE_TYPES, PARENT_TYPES, TEXT_TYPES, normalizeElements, payloadKey } from './model';

export type Access = 'none' | 'view' | 'edit' | 'manage';
const ACCESS_RANK: Record<Access, number> = { none: 0, view: 1, edit: 2, manage: 3 };

export function hasAccess(have: Access, need: Access): boolean {
  return ACCESS_RANK[have] >= ACCESS_RANK[need];
}

/** Input block of a create request / seed: a payload under its key, children ids (descendant) or nested seeds. */
export type BlockInput = JsonObject & { block_type: number };

/** How strictly block inputs are checked: 'api' follows the Open API rules; 'seed' builds anything. */
export type BuildMode = 'api' | 'seed';

const KEEP_HISTORY = 1000;

export class DocxDocument {
  readonly id: string;
  revision = 1;
  readonly blocks = new Map<string, Block>();
  /** Pre-order snapshots by revision, for document_revision_id reads. */
  private readonly history = new Map<number, Block[]>();
  /** (route, client_token) → the stored response data of the write it made. */
  readonly clientTokens = new Map<string, unknown>();
  readonly access = new Map<string, Access>();
  defaultAccess: Access;
  readonly subscribers = new Set<string>();

  constructor(options: { id?: string; title: string; defaultAccess: Access }) {
    this.id = options.id ?? docxId();
    this.defaultAccess = options.defaultAccess;
    this.blocks.set(this.id, {
      block_id: this.id,
      parent_id: '',
      children: [],
      block_type: 1,
      page: { elements: [{ text_run: { content: options.title, text_element_style: {} } }], style: { align: 1 } },
    });
    this.history.set(1, this.preorder());
  }

  accessOf(appId: string): Access {
    return this.access.get(appId) ?? this.defaultAccess;
  }

  get title(): string {
    const page = this.blocks.get(this.id);
    const payload = page?.page;
    if (!isObject(payload) || !Array.isArray(payload.elements)) return '';
    return payload.elements.map((e) => (isObject(e) && isObject(e.text_run) ? String(e.text_run.content ?? '') : '')).join('');
  }

  setTitle(title: string): void {
    const page = this.mustGet(this.id);
    const payload = isObject(page.page) ? page.page : {};
    page.page = { ...payload, elements: [{ text_run: { content: title, text_element_style: {} } }] };
  }

  get(blockId: string): Block | undefined {
    return this.blocks.get(blockId);
  }

  mustGet(blockId: string): Block {
    const block = this.blocks.get(blockId);
    if (!block) throw docxErrors.notFound(`block ${blockId} not found`);
    return block;
  }

  /** Blocks in pre-order from the page (or from `rootId`, inclusive). */
  preorder(rootId: string = this.id): Block[] {
    const out: Block[] = [];
    const visit = (id: string): void => {
      const block = this.blocks.get(id);
      if (!block) return;
      out.push(block);
      for (const child of block.children) visit(child);
    };
    visit(rootId);
    return out;
  }

  /** Pre-order blocks at a revision (deep copies), or undefined when no longer kept. */
  atRevision(revision: number): Block[] | undefined {
    if (revision === this.revision) return clone(this.preorder());
    const snap = this.history.get(revision);
    return snap ? clone(snap) : undefined;
  }

  /** Forget history (after seeding, the seeded content is revision 1). */
  resetHistory(): void {
    this.history.clear();
    this.history.set(this.revision, clone(this.preorder()));
  }

  /** Check a request's document_revision_id (writes: −1 or up to 1000 behind the latest). */
  checkBaseRevision(revision: number): void {
    if (revision === -1) return;
    if (!Number.isInteger(revision) || revision < 1 || revision > this.revision) {
      throw docxErrors.invalidParam(`document_revision_id ${revision} does not exist`);
    }
    if (revision < this.revision - KEEP_HISTORY) throw docxErrors.tooOldDocument();
  }

  /** Run a write atomically: on error the tree is restored; on success the revision increments. */
  write<T>(apply: () => T): T {
    const before = new Map([...this.blocks].map(([id, b]) => [id, clone(b)]));
    try {
      const result = apply();
      this.revision += 1;
      this.history.set(this.revision, clone(this.preorder()));
      this.history.delete(this.revision - KEEP_HISTORY - 1);
      return result;
    } catch (error) {
      this.blocks.clear();
      for (const [id, b] of before) this.blocks.set(id, b);
      throw error;
    }
  }

  /** Delete a block and its subtree from the map (the caller fixes the parent's children). */
  dropSubtree(blockId: string): void {
    for (const block of this.preorder(blockId)) this.blocks.delete(block.block_id);
  }

  /** Insert built blocks under a parent at an index (−1 = append). */
  insertChildren(parentId: string, index: number, ids: string[]): void {
    const parent = this.mustGet(parentId);
    const at = index === -1 ? parent.children.length : index;
    if (!Number.isInteger(at) || at < 0 || at > parent.children.length) throw docxErrors.invalidParam(`index ${index} out of range 0..${parent.children.length}`);
    parent.children.splice(at, 0, ...ids);
  }

  checkParent(parentId: string, childTypes: number[], mode: BuildMode): Block {
    const parent = this.mustGet(parentId);
    if (!PARENT_TYPES.has(parent.block_type) || (mode === 'api' && parent.block_type === 31)) {
      throw docxErrors.noChildren(`block ${parentId} (type ${parent.block_type}) cannot take children`);
    }
    if (parent.block_type === 32 && childTypes.some((t) => t === 31 || t === 18 || t === 30)) {
      throw docxErrors.invalidRelation('table cells cannot contain tables, sheets or bitables');
    }
    return parent;
  }

  /** Build a block from an input (no children wired yet). Tables without given cells get empty cells. */
  buildBlock(input: unknown, parentId: string, mode: BuildMode, ectx: ElementContext, field: string): Block {
    if (!isObject(input)) throw docxErrors.invalidParam(`${field} must be an object`);
    const type = input.block_type;
    if (typeof type !== 'number' || !Number.isInteger(type) || BLOCK_KEYS[type] === undefined) {
      throw docxErrors.invalidParam(`${field}.block_type ${String(type)} is not a block type`);
    }
    if (mode === 'api' && !CREATABLE_TYPES.has(type)) throw docxErrors.notCreatable(`${field}: block type ${type} cannot be created`);
    const key = payloadKey(type)!;
    const block: Block = { block_id: docxId(), parent_id: parentId, children: [], block_type: type };
    const payload = input[key];
    if (TEXT_TYPES.has(type)) {
      if (!isObject(payload)) throw docxErrors.invalidParam(`${field}.${key} is required for block_type ${type}`);
      const style: JsonObject = isObject(payload.style) ? { ...payload.style } : {};
      if (type === 17 && style.done === undefined) style.done = false;
      block[key] = { style, elements: normalizeElements(payload.elements ?? [], `${field}.${key}.elements`, ectx) };
    } else if (type === 31) {
      block.table = this.buildTableProperty(payload, mode, `${field}.table`);
    } else if (payload !== undefined) {
      if (!isObject(payload)) throw docxErrors.invalidParam(`${field}.${key} must be an object`);
      block[key] = clone(payload);
    } else {
      block[key] = {};
    }
    if (Array.isArray(input.comment_ids) && mode === 'seed') block.comment_ids = clone(input.comment_ids);
    return block;
  }

  private buildTableProperty(payload: unknown, mode: BuildMode, field: string): JsonObject {
    if (!isObject(payload) || !isObject(payload.property)) throw docxErrors.invalidParam(`${field}.property is required`);
    const p = payload.property;
    if (mode === 'api' && p.merge_info !== undefined) throw docxErrors.invalidParam(`${field}.property.merge_info is read-only`);
    const rows = p.row_size;
    const cols = p.column_size;
    if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 1) throw docxErrors.invalidParam(`${field}.property.row_size must be ≥ 1`);
    if (typeof cols !== 'number' || !Number.isInteger(cols) || cols < 1) throw docxErrors.invalidParam(`${field}.property.column_size must be ≥ 1`);
    if (cols > 100) throw docxErrors.invalidParam(`${field}.property.column_size must be ≤ 100`);
    let widths: number[];
    if (p.column_width === undefined) widths = Array.from({ length: cols }, () => 100);
    else if (Array.isArray(p.column_width) && p.column_width.length === cols && p.column_width.every((w) => typeof w === 'number' && w >= 50)) widths = [...(p.column_width as number[])];
    else throw docxErrors.invalidParam(`${field}.property.column_width must list ${cols} widths ≥ 50`);
    const merge = mode === 'seed' && Array.isArray(p.merge_info) ? clone(p.merge_info) : Array.from({ length: rows * cols }, () => ({ row_span: 1, col_span: 1 }));
    return {
      cells: [],
      property: { row_size: rows, column_size: cols, column_width: widths, header_row: p.header_row === true, header_column: p.header_column === true, merge_info: merge },
    };
  }

  /** A new table cell holding one empty text block; returns the cell id. */
  newCell(tableId: string): string {
    const cell: Block = { block_id: docxId(), parent_id: tableId, children: [], block_type: 32, table_cell: {} };
    const text: Block = { block_id: docxId(), parent_id: cell.block_id, children: [], block_type: 2, text: { style: {}, elements: [] } };
    cell.children.push(text.block_id);
    this.blocks.set(cell.block_id, cell);
    this.blocks.set(text.block_id, text);
    return cell.block_id;
  }

  /** Give a freshly built table its row-major cells. */
  fillTable(table: Block): void {
    const t = table.table as { cells: string[]; property: { row_size: number; column_size: number } };
    const ids = Array.from({ length: t.property.row_size * t.property.column_size }, () => this.newCell(table.block_id));
    t.cells = ids;
    table.children = [...ids];
  }

  /** Check container/children rules once a block's children are wired. */
  checkStructure(block: Block, mode: BuildMode): void {
    if (CONTAINER_TYPES.has(block.block_type) && block.children.length === 0 && mode === 'api') {
      throw docxErrors.invalidParam(`field validation failed (children: the min len is 1) for ${BLOCK_KEYS[block.block_type]} ${block.block_id}`);
    }
    if (block.children.length > 0 && !PARENT_TYPES.has(block.block_type)) {
      throw docxErrors.noChildren(`block type ${block.block_type} cannot have children`);
    }
    if (block.block_type === 31) {
      const t = block.table as { cells: string[]; property: { row_size: number; column_size: number } };
      if (block.children.length !== t.property.row_size * t.property.column_size) {
        throw docxErrors.invalidRelation(`table needs ${t.property.row_size * t.property.column_size} cells, got ${block.children.length}`);
      }
      for (const id of block.children) {
        if (this.blocks.get(id)?.block_type !== 32) throw docxErrors.invalidRelation('table children must be table cells');
      }
      t.cells = [...block.children];
    } else if (block.block_type === 32) {
      const parent = this.blocks.get(block.parent_id);
      if (parent?.block_type !== 31) throw docxErrors.invalidRelation('table cells must be children of a table');
    }
    if (mode === 'api' && block.children.length > 0) {
      for (const id of block.children) {
        const child = this.blocks.get(id);
        if (block.block_type === 32 && child && (child.block_type === 31 || child.block_type === 18 || child.block_type === 30)) {
          throw docxErrors.invalidRelation('table cells cannot contain tables, sheets or bitables');
        }
      }
    }
  }
}
