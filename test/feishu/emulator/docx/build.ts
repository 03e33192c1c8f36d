/** Creating blocks: children create (flat, tables get cells), descendant (temporary ids), and test seeds. */
import { docxErrors } from '../errors';
import { isObject } from '../json';
import type { BuildMode, DocxDocument } from './document';
import type { Block, ElementContext } from './model';

/** POST …/children: 1–50 blocks without children; a table gets its cells, each with an empty text block. */
export function createChildren(doc: DocxDocument, parentId: string, index: number, inputs: unknown, ectx: ElementContext): Block[] {
  if (!Array.isArray(inputs) || inputs.length === 0) throw docxErrors.invalidParam('children must hold 1..50 blocks');
  if (inputs.length > 50) throw docxErrors.invalidParam('children must hold at most 50 blocks');
  const types = inputs.map((i) => (isObject(i) ? Number(i.block_type) : Number.NaN));
  doc.checkParent(parentId, types, 'api');
  const created = inputs.map((input, i) => {
    if (isObject(input) && input.block_type === 32) throw docxErrors.notCreatable('table cells cannot be created directly: use insert_table_row / insert_table_column');
    if (isObject(input) && Array.isArray(input.children) && input.children.length > 0) {
      throw docxErrors.invalidParam(`children[${i}].children: nested blocks need the descendant API`);
    }
    const block = doc.buildBlock(input, parentId, 'api', ectx, `children[${i}]`);
    doc.blocks.set(block.block_id, block);
    if (block.block_type === 31) doc.fillTable(block);
    doc.checkStructure(block, 'api');
    return block;
  });
  doc.insertChildren(parentId, index, created.map((b) => b.block_id));
  return created;
}

export interface DescendantResult {
  /** Every created block, pre-order. */
  created: Block[];
  relations: { temporary_block_id: string; block_id: string }[];
}

/** POST …/descendant: a nested tree in one call, temporary ids mapped to real ones. */
export function createDescendants(
  doc: DocxDocument,
  parentId: string,
  index: number,
  childrenId: unknown,
  descendants: unknown,
  ectx: ElementContext,
): DescendantResult {
  if (!Array.isArray(descendants) || descendants.length === 0) throw docxErrors.invalidParam('descendants must hold 1..1000 blocks');
  if (descendants.length > 1000) throw docxErrors.invalidParam('descendants must hold at most 1000 blocks');
  if (!Array.isArray(childrenId) || childrenId.length === 0 || !childrenId.every((c) => typeof c === 'string')) {
    throw docxErrors.invalidParam('children_id must list the top-level temporary block ids');
  }
  const byTemp = new Map<string, Record<string, unknown>>();
  descendants.forEach((d, i) => {
    if (!isObject(d) || typeof d.block_id !== 'string' || d.block_id === '') throw docxErrors.invalidParam(`descendants[${i}].block_id is required`);
    if (byTemp.has(d.block_id)) throw docxErrors.repeatedBlockId(`temporary block id ${d.block_id} repeated`);
    if (d.children !== undefined && (!Array.isArray(d.children) || !d.children.every((c) => typeof c === 'string'))) {
      throw docxErrors.invalidParam(`descendants[${i}].children must list temporary ids`);
    }
    byTemp.set(d.block_id, d);
  });
  const referenced = new Set<string>();
  for (const d of byTemp.values()) {
    for (const c of (d.children as string[] | undefined) ?? []) {
      if (!byTemp.has(c)) throw docxErrors.invalidRelation(`child ${c} is not in descendants`);
      if (referenced.has(c)) throw docxErrors.invalidRelation(`block ${c} has two parents`);
      referenced.add(c);
    }
  }
  for (const top of childrenId as string[]) {
    if (!byTemp.has(top)) throw docxErrors.invalidRelation(`children_id ${top} is not in descendants`);
    if (referenced.has(top)) throw docxErrors.invalidRelation(`children_id ${top} is also a child of another block`);
  }
  if (new Set(childrenId).size !== childrenId.length) throw docxErrors.repeatedBlockId('children_id repeats an id');
  const topTypes = (childrenId as string[]).map((id) => Number(byTemp.get(id)!.block_type));
  doc.checkParent(parentId, topTypes, 'api');

  const relations: DescendantResult['relations'] = [];
  const visited = new Set<string>();
  const build = (tempId: string, realParent: string, field: string): Block => {
    if (visited.has(tempId)) throw docxErrors.invalidRelation(`cycle at ${tempId}`);
    visited.add(tempId);
    const input = byTemp.get(tempId)!;
    const block = doc.buildBlock(input, realParent, 'api', ectx, field);
    doc.blocks.set(block.block_id, block);
    relations.push({ temporary_block_id: tempId, block_id: block.block_id });
    const kids = (input.children as string[] | undefined) ?? [];
    block.children = kids.map((kid) => build(kid, block.block_id, `descendants[${kid}]`).block_id);
    if (block.block_type === 31 && block.children.length === 0) doc.fillTable(block);
    doc.checkStructure(block, 'api');
    return block;
  };
  const tops = (childrenId as string[]).map((id) => build(id, parentId, `descendants[${id}]`));
  if (visited.size !== byTemp.size) {
    const orphan = [...byTemp.keys()].find((k) => !visited.has(k));
    throw docxErrors.invalidRelation(`descendant ${orphan} is not reachable from children_id`);
  }
  doc.insertChildren(parentId, index, tops.map((b) => b.block_id));
  const created = tops.flatMap((b) => doc.preorder(b.block_id));
  return { created, relations };
}

/** A nested block for seeding documents in tests: payload under its key, children as nested seeds. */
export interface SeedBlock {
  block_type: number;
  children?: SeedBlock[];
  [payload: string]: unknown;
}

/** Build seeds (any block type; tables without children get empty cells). Returns the top-level ids. */
export function createSeed(doc: DocxDocument, parentId: string, index: number, seeds: readonly SeedBlock[], ectx: ElementContext): string[] {
  const mode: BuildMode = 'seed';
  const build = (seed: SeedBlock, parent: string, field: string): Block => {
    const block = doc.buildBlock(seed, parent, mode, ectx, field);
    doc.blocks.set(block.block_id, block);
    block.children = (seed.children ?? []).map((child, i) => build(child, block.block_id, `${field}.children[${i}]`).block_id);
    if (block.block_type === 31 && block.children.length === 0) doc.fillTable(block);
    doc.checkStructure(block, mode);
    return block;
  };
  const ids = seeds.map((s, i) => build(s, parentId, `seed[${i}]`).block_id);
  doc.insertChildren(parentId, index, ids);
  return ids;
}
