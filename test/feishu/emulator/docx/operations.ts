/** Block update operations (PATCH one block / batch_update): text, text style, table structure, task binding. */
import { docxErrors } from '../errors';
import type { JsonObject } from '../json';
import { isObject } from '../json';
import type { DocxDocument } from './document';
import type { Block, ElementContext } from './model';
import { TEXT_TYPES, normalizeElements, payloadKey } from './model';

export const OPERATIONS = [
  'update_text_elements', 'update_text_style', 'update_text', 'update_table_property', 'insert_table_row',
  'insert_table_column', 'delete_table_rows', 'delete_table_columns', 'merge_table_cells', 'unmerge_table_cells',
  'update_task', 'insert_grid_column', 'delete_grid_column', 'update_grid_column_width_ratio', 'replace_image', 'replace_file',
] as const;

const NOT_EMULATED = new Set(['insert_grid_column', 'delete_grid_column', 'update_grid_column_width_ratio', 'replace_image', 'replace_file']);
const STYLE_FIELDS: Record<number, string> = { 1: 'align', 2: 'done', 3: 'folded', 4: 'language', 5: 'wrap', 6: 'background_color', 7: 'indentation_level' };

interface TablePayload {
  cells: string[];
  property: { row_size: number; column_size: number; column_width: number[]; header_row: boolean; header_column: boolean; merge_info: { row_span: number; col_span: number }[] };
}

/** The single operation key of a request body (besides block_id). */
export function operationOf(request: JsonObject, field: string): string {
  const ops = Object.keys(request).filter((k) => k !== 'block_id' && request[k] !== undefined && request[k] !== null);
  if (ops.length !== 1) throw docxErrors.invalidParam(`${field} must hold exactly one operation, got [${ops.join(', ')}]`);
  const op = ops[0]!;
  if (!(OPERATIONS as readonly string[]).includes(op)) throw docxErrors.invalidParam(`${field}: unknown operation ${op}`);
  return op;
}

/** Apply one operation to a block; returns the block the response reports (the table for table operations). */
export function applyOperation(doc: DocxDocument, blockId: string, request: JsonObject, ectx: ElementContext, field: string): Block {
  const op = operationOf(request, field);
  const block = doc.mustGet(blockId);
  const body = request[op];
  if (!isObject(body)) throw docxErrors.invalidParam(`${field}.${op} must be an object`);
  if (NOT_EMULATED.has(op)) throw docxErrors.invalidOperation(`${op} is not emulated`);
  switch (op) {
    case 'update_text_elements':
      textPayload(block, op).elements = normalizeElements(body.elements, `${field}.${op}.elements`, ectx);
      return block;
    case 'update_text_style':
      applyStyle(textPayload(block, op), body, `${field}.${op}`);
      return block;
    case 'update_text': {
      const payload = textPayload(block, op);
      const elements = normalizeElements(body.elements, `${field}.${op}.elements`, ectx);
      if (body.style !== undefined) applyStyle(payload, body, `${field}.${op}`);
      payload.elements = elements;
      return block;
    }
    case 'update_task':
      if (block.block_type !== 35) throw docxErrors.operationBlockMismatch(`${op} needs a task block`);
      bindTask(block, body);
      return block;
    default:
      return tableOperation(doc, block, op, body, `${field}.${op}`);
  }
}

function textPayload(block: Block, op: string): { style: JsonObject; elements: JsonObject[] } {
  if (!TEXT_TYPES.has(block.block_type)) throw docxErrors.operationBlockMismatch(`${op} needs a text block, block ${block.block_id} is type ${block.block_type}`);
  const key = payloadKey(block.block_type)!;
  const payload = isObject(block[key]) ? (block[key] as JsonObject) : {};
  const normalized = { style: isObject(payload.style) ? payload.style : {}, elements: Array.isArray(payload.elements) ? (payload.elements as JsonObject[]) : [] };
  block[key] = normalized;
  return normalized;
}

function applyStyle(payload: { style: JsonObject }, body: JsonObject, field: string): void {
  if (!isObject(body.style)) throw docxErrors.invalidParam(`${field}.style is required`);
  const fields = body.fields;
  if (!Array.isArray(fields) || fields.length === 0) throw docxErrors.invalidParam(`${field}.fields must list the style fields to update`);
  const style = { ...payload.style };
  for (const f of fields) {
    const name = typeof f === 'number' ? STYLE_FIELDS[f] : undefined;
    if (!name) throw docxErrors.invalidParam(`${field}.fields: unknown field ${String(f)}`);
    if (body.style[name] === undefined) delete style[name];
    else style[name] = body.style[name];
  }
  payload.style = style;
}

function bindTask(block: Block, body: JsonObject): void {
  const task = isObject(block.task) ? { ...block.task } : {};
  // task_id takes effect only on the first update of a task block.
  if (typeof body.task_id === 'string' && (typeof task.task_id !== 'string' || task.task_id === '')) task.task_id = body.task_id;
  if (typeof body.folded === 'boolean') task.folded = body.folded;
  block.task = task;
}

function intField(body: JsonObject, name: string, field: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw docxErrors.invalidParam(`${field}.${name} must be an integer`);
  return value;
}

function tableOperation(doc: DocxDocument, block: Block, op: string, body: JsonObject, field: string): Block {
  if (block.block_type !== 31 || !isObject(block.table)) throw docxErrors.operationBlockMismatch(`${op} needs a table block`);
  const table = block.table as unknown as TablePayload;
  const p = table.property;
  const cellAt = (r: number, c: number): number => r * p.column_size + c;
  const setCells = (cells: string[]): void => {
    table.cells = cells;
    block.children = [...cells];
  };
  switch (op) {
    case 'update_table_property': {
      if (body.column_width !== undefined) {
        const index = intField(body, 'column_index', field);
        const width = intField(body, 'column_width', field);
        if (index < 0 || index >= p.column_size) throw docxErrors.columnOverRange();
        if (width < 50) throw docxErrors.invalidParam(`${field}.column_width must be ≥ 50`);
        p.column_width[index] = width;
      }
      if (typeof body.header_row === 'boolean') p.header_row = body.header_row;
      if (typeof body.header_column === 'boolean') p.header_column = body.header_column;
      return block;
    }
    case 'insert_table_row': {
      const index = intField(body, 'row_index', field);
      const at = index === -1 ? p.row_size : index;
      if (at < 0 || at > p.row_size) throw docxErrors.rowOverRange();
      const fresh = Array.from({ length: p.column_size }, () => doc.newCell(block.block_id));
      const cells = [...table.cells];
      cells.splice(at * p.column_size, 0, ...fresh);
      p.merge_info.splice(at * p.column_size, 0, ...fresh.map(() => ({ row_span: 1, col_span: 1 })));
      p.row_size += 1;
      setCells(cells);
      return block;
    }
    case 'insert_table_column': {
      const index = intField(body, 'column_index', field);
      const at = index === -1 ? p.column_size : index;
      if (at < 0 || at > p.column_size) throw docxErrors.columnOverRange();
      const cells: string[] = [];
      const merge: TablePayload['property']['merge_info'] = [];
      for (let r = 0; r < p.row_size; r++) {
        for (let c = 0; c <= p.column_size; c++) {
          if (c === at) {
            cells.push(doc.newCell(block.block_id));
            merge.push({ row_span: 1, col_span: 1 });
          }
          if (c < p.column_size) {
            cells.push(table.cells[cellAt(r, c)]!);
            merge.push(p.merge_info[cellAt(r, c)] ?? { row_span: 1, col_span: 1 });
          }
        }
      }
      p.column_size += 1;
      p.column_width.splice(at, 0, 100);
      p.merge_info = merge;
      setCells(cells);
      return block;
    }
    case 'delete_table_rows': {
      const start = intField(body, 'row_start_index', field);
      const end = intField(body, 'row_end_index', field);
      if (start < 0 || end <= start || end > p.row_size || end - start >= p.row_size) throw docxErrors.rowOverRange();
      const removed = table.cells.slice(start * p.column_size, end * p.column_size);
      for (const id of removed) doc.dropSubtree(id);
      const cells = [...table.cells];
      cells.splice(start * p.column_size, removed.length);
      p.merge_info.splice(start * p.column_size, removed.length);
      p.row_size -= end - start;
      setCells(cells);
      return block;
    }
    case 'delete_table_columns': {
      const start = intField(body, 'column_start_index', field);
      const end = intField(body, 'column_end_index', field);
      if (start < 0 || end <= start || end > p.column_size || end - start >= p.column_size) throw docxErrors.columnOverRange();
      const cells: string[] = [];
      const merge: TablePayload['property']['merge_info'] = [];
      for (let r = 0; r < p.row_size; r++) {
        for (let c = 0; c < p.column_size; c++) {
          const id = table.cells[cellAt(r, c)]!;
          if (c >= start && c < end) doc.dropSubtree(id);
          else {
            cells.push(id);
            merge.push(p.merge_info[cellAt(r, c)] ?? { row_span: 1, col_span: 1 });
          }
        }
      }
      p.column_size -= end - start;
      p.column_width.splice(start, end - start);
      p.merge_info = merge;
      setCells(cells);
      return block;
    }
    case 'merge_table_cells': {
      const rs = intField(body, 'row_start_index', field);
      const re = intField(body, 'row_end_index', field);
      const cs = intField(body, 'column_start_index', field);
      const ce = intField(body, 'column_end_index', field);
      if (rs < 0 || re <= rs || re > p.row_size) throw docxErrors.rowOverRange();
      if (cs < 0 || ce <= cs || ce > p.column_size) throw docxErrors.columnOverRange();
      p.merge_info[cellAt(rs, cs)] = { row_span: re - rs, col_span: ce - cs };
      return block;
    }
    case 'unmerge_table_cells': {
      const r = intField(body, 'row_index', field);
      const c = intField(body, 'column_index', field);
      if (r < 0 || r >= p.row_size) throw docxErrors.rowOverRange();
      if (c < 0 || c >= p.column_size) throw docxErrors.columnOverRange();
      p.merge_info[cellAt(r, c)] = { row_span: 1, col_span: 1 };
      return block;
    }
    default:
      throw docxErrors.invalidOperation(`${op} is not emulated`);
  }
}

/** DELETE …/children/batch_delete: remove children [start, end) of a block. */
export function deleteChildren(doc: DocxDocument, parentId: string, start: unknown, end: unknown): void {
  const parent = doc.mustGet(parentId);
  if (parent.block_type === 31) throw docxErrors.noDeleteChildren();
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) {
    throw docxErrors.invalidParam('start_index and end_index must be integers');
  }
  if (start < 0 || end <= start || end > parent.children.length) {
    throw docxErrors.invalidParam(`range [${start}, ${end}) is outside 0..${parent.children.length}`);
  }
  if (parent.block_type === 32 && end - start === parent.children.length) {
    throw docxErrors.invalidParam('a table cell must keep at least one child');
  }
  const removed = parent.children.splice(start, end - start);
  for (const id of removed) doc.dropSubtree(id);
}
