import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Block, FeishuEmulator } from './emulator';
import { el, seed, startFeishuEmulator } from './emulator';
import { failure, sdkClient, unchecked } from './support/sdk';
import type { lark } from './support/sdk';

type Client = lark.Client;

async function listAll(client: Client, documentId: string, pageSize: number): Promise<{ items: Block[]; pages: number }> {
  const items: Block[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  for (;;) {
    const res = await client.docx.v1.documentBlock.list({
      path: { document_id: documentId },
      params: { page_size: pageSize, document_revision_id: -1, ...(pageToken ? { page_token: pageToken } : {}) },
    });
    expect(res.code).toBe(0);
    pages += 1;
    items.push(...((res.data?.items ?? []) as unknown as Block[]));
    if (!res.data?.has_more) break;
    pageToken = res.data.page_token;
  }
  return { items, pages };
}

function textOf(block: Block | undefined): string {
  const payload = block?.[{ 1: 'page', 2: 'text', 3: 'heading1' }[block.block_type] ?? 'text'] as { elements?: { text_run?: { content: string } }[] } | undefined;
  return (payload?.elements ?? []).map((e) => e.text_run?.content ?? '').join('');
}

describe('feishu emulator: docx', () => {
  let emu: FeishuEmulator;
  let client: Client;
  let zhang: { open_id: string; user_id: string };

  beforeEach(async () => {
    emu = await startFeishuEmulator();
    client = sdkClient(emu);
    zhang = emu.users.add({ name: '张三', email: 'zhang@example.com' });
  });
  afterEach(async () => {
    await emu.close();
  });

  it('lists blocks in pre-order with manual paging (page block first, ids 27 chars)', async () => {
    const doc = emu.docs.create({
      title: '跨部门沟通记录表',
      blocks: [seed.heading(1, '会议纪要'), seed.bullet('一', ), seed.table([['事项', '负责人'], ['联调', [el.mention(zhang.open_id)]]]), seed.text('结尾')],
    });
    expect(doc.documentId).toHaveLength(27);
    const { items, pages } = await listAll(client, doc.documentId, 3);
    const expected = emu.docs.blocks(doc.documentId);
    expect(items.map((b) => b.block_id)).toEqual(expected.map((b) => b.block_id));
    expect(items).toHaveLength(1 + 1 + 1 + 1 + 4 * 2 + 1);
    expect(pages).toBe(Math.ceil(items.length / 3));
    expect(items[0]).toMatchObject({ block_id: doc.documentId, block_type: 1, parent_id: '' });
    expect(textOf(items[0])).toBe('跨部门沟通记录表');
    // Pre-order: the table is followed by its first cell, then that cell's text.
    const tableAt = items.findIndex((b) => b.block_type === 31);
    expect(items[tableAt + 1]).toMatchObject({ block_type: 32, parent_id: items[tableAt]!.block_id });
    expect(items[tableAt + 2]).toMatchObject({ block_type: 2, parent_id: items[tableAt + 1]!.block_id });
    expect(textOf(items[tableAt + 2])).toBe('事项');
    // The owner cell holds a mention whose user_id is the open_id.
    const mention = items.find((b) => JSON.stringify(b).includes('mention_user'));
    expect(JSON.stringify(mention)).toContain(zhang.open_id);
  });

  it('rejects page_size over 500 and unknown page tokens', async () => {
    const doc = emu.docs.create();
    expect(await failure(client.docx.v1.documentBlock.list({ path: { document_id: doc.documentId }, params: { page_size: 501 } }))).toMatchObject({ status: 400, code: 1770001 });
    expect(await failure(client.docx.v1.documentBlock.list({ path: { document_id: doc.documentId }, params: { page_token: 'nope' } }))).toMatchObject({ code: 1770022 });
  });

  it('the SDK iterator silently truncates on an error, which is why manual paging is used', async () => {
    const doc = emu.docs.create({ blocks: [seed.text('a'), seed.text('b'), seed.text('c'), seed.text('d')] });
    const fault = emu.faults.inject({ route: 'docx.v1.documentBlock.list', skip: 1, fault: { type: 'documentEditLimit' } });
    // The first page succeeds, the second is rejected with 429: the iterator neither throws nor yields the rest.
    const seen: string[] = [];
    for await (const res of await client.docx.v1.documentBlock.listWithIterator({ path: { document_id: doc.documentId }, params: { page_size: 2 } })) {
      for (const item of res?.items ?? []) seen.push(item.block_id ?? '');
    }
    expect(fault.hits).toBe(1);
    expect(seen).toHaveLength(2);
    const manual = await listAll(client, doc.documentId, 2);
    expect(manual.items).toHaveLength(5);
  });

  it('creates a nested table in one descendant call and maps temporary ids to real ids', async () => {
    const doc = emu.docs.create({ title: 'Minutes' });
    const cells = ['c11', 'c12', 'c21', 'c22'];
    const res = await client.docx.v1.documentBlockDescendant.create({
      path: { document_id: doc.documentId, block_id: doc.documentId },
      params: { document_revision_id: -1, client_token: randomUUID() },
      data: {
        index: -1,
        children_id: ['h1', 'tbl'],
        descendants: [
          { block_id: 'h1', block_type: 3, heading1: { elements: [{ text_run: { content: '跨部门沟通记录表' } }] }, children: [] },
          { block_id: 'tbl', block_type: 31, table: { property: { row_size: 2, column_size: 2, column_width: [200, 300], header_row: true } }, children: cells },
          ...cells.map((c) => ({ block_id: c, block_type: 32, table_cell: {}, children: [`t${c}`] })),
          ...cells.map((c) => ({ block_id: `t${c}`, block_type: 2, text: { elements: [{ text_run: { content: c } }] }, children: [] })),
        ],
      },
    });
    expect(res.code).toBe(0);
    expect(res.data?.document_revision_id).toBe(2);
    const relations = res.data?.block_id_relations ?? [];
    expect(relations.map((r) => r.temporary_block_id).sort()).toEqual(['h1', 'tbl', ...cells, ...cells.map((c) => `t${c}`)].sort());
    const realTable = relations.find((r) => r.temporary_block_id === 'tbl')!.block_id!;
    expect(realTable).toHaveLength(27);
    const table = emu.docs.block(doc.documentId, realTable)!;
    expect(table.table).toMatchObject({ property: { row_size: 2, column_size: 2, column_width: [200, 300], header_row: true, merge_info: [{ row_span: 1, col_span: 1 }, {}, {}, {}] } });
    const rows = emu.docs.tableCells(doc.documentId, realTable);
    expect(rows.map((r) => r.map((cell) => emu.docs.text(doc.documentId, cell.block_id)))).toEqual([['c11', 'c12'], ['c21', 'c22']]);
    expect(emu.docs.info(doc.documentId).revisionId).toBe(2);
    expect(res.data?.children?.length).toBe(relations.length);
  });

  it('rejects merge_info on create, containers without children and non-UUID client tokens', async () => {
    const doc = emu.docs.create();
    const path = { document_id: doc.documentId, block_id: doc.documentId };
    const withMerge = failure(
      client.docx.v1.documentBlockDescendant.create({
        path,
        data: {
          children_id: ['t'],
          descendants: [
            { block_id: 't', block_type: 31, table: { property: { row_size: 1, column_size: 1, merge_info: [{ row_span: 1, col_span: 1 }] } }, children: ['c'] },
            { block_id: 'c', block_type: 32, table_cell: {}, children: ['x'] },
            { block_id: 'x', block_type: 2, text: { elements: [] } },
          ],
        },
      }),
    );
    expect(await withMerge).toMatchObject({ status: 400, code: 1770001 });
    const emptyCell = failure(
      client.docx.v1.documentBlockDescendant.create({
        path,
        data: {
          children_id: ['t'],
          descendants: [
            { block_id: 't', block_type: 31, table: { property: { row_size: 1, column_size: 1 } }, children: ['c'] },
            { block_id: 'c', block_type: 32, table_cell: {}, children: [] },
          ],
        },
      }),
    );
    expect(await emptyCell).toMatchObject({ status: 400, code: 1770001 });
    const badToken = failure(
      client.docx.v1.documentBlockDescendant.create({ path, params: { client_token: 'not-a-uuid' }, data: { children_id: ['a'], descendants: [{ block_id: 'a', block_type: 2, text: { elements: [] } }] } }),
    );
    expect(await badToken).toMatchObject({ code: 1770001 });
    // Nothing was written.
    expect(emu.docs.info(doc.documentId).revisionId).toBe(1);
  });

  it('children create: a table gets auto-created cells with empty text; cells cannot be created directly', async () => {
    const doc = emu.docs.create();
    const res = await client.docx.v1.documentBlockChildren.create({
      path: { document_id: doc.documentId, block_id: doc.documentId },
      params: { document_revision_id: -1 },
      data: { index: 0, children: [{ block_type: 31, table: { property: { row_size: 2, column_size: 3 } } }] },
    });
    const table = res.data?.children?.[0];
    expect(table?.children).toHaveLength(6);
    expect(table?.table?.cells).toEqual(table?.children);
    const cell = emu.docs.block(doc.documentId, table!.children![0]!)!;
    expect(cell.block_type).toBe(32);
    expect(emu.docs.block(doc.documentId, cell.children[0]!)).toMatchObject({ block_type: 2, text: { elements: [] } });
    expect(
      await failure(client.docx.v1.documentBlockChildren.create({ path: { document_id: doc.documentId, block_id: doc.documentId }, data: unchecked({ children: [{ block_type: 32, table_cell: {} }] }) })),
    ).toMatchObject({ code: 1770029 });
    expect(
      await failure(client.docx.v1.documentBlockChildren.create({ path: { document_id: doc.documentId, block_id: doc.documentId }, data: { children: [{ block_type: 19, callout: {} }] } })),
    ).toMatchObject({ code: 1770001 });
  });

  it('batch_update replaces text with mentions and reminders and bumps the revision once', async () => {
    const doc = emu.docs.create({ blocks: [seed.table([['负责人', '截止日期'], ['', '']])] });
    const [table] = emu.docs.tables(doc.documentId);
    const rows = emu.docs.tableCells(doc.documentId, table!.block_id);
    const ownerText = rows[1]![0]!.children[0]!;
    const dueText = rows[1]![1]!.children[0]!;
    const due = Date.UTC(2025, 0, 10);
    const res = await client.docx.v1.documentBlock.batchUpdate({
      path: { document_id: doc.documentId },
      params: { document_revision_id: -1 },
      data: {
        requests: [
          { block_id: ownerText, update_text_elements: { elements: [{ mention_user: { user_id: zhang.open_id } }] } },
          { block_id: dueText, update_text_elements: { elements: [{ reminder: { create_user_id: zhang.open_id, expire_time: String(due), notify_time: String(due), is_notify: false, is_whole_day: true } }] } },
        ],
      },
    });
    expect(res.code).toBe(0);
    expect(res.data?.document_revision_id).toBe(2);
    expect(res.data?.blocks).toHaveLength(2);
    expect(emu.docs.text(doc.documentId, ownerText)).toBe('@张三');
    expect(emu.docs.block(doc.documentId, dueText)?.text).toMatchObject({ elements: [{ reminder: { expire_time: String(due), is_whole_day: true } }] });

    // user_id_type=user_id renders the mention in that id type.
    const asUserId = await client.docx.v1.documentBlock.get({ path: { document_id: doc.documentId, block_id: ownerText }, params: { user_id_type: 'user_id' } });
    expect(asUserId.data?.block?.text?.elements?.[0]?.mention_user?.user_id).toBe(zhang.user_id);

    // Duplicate block ids → error, and the batch is atomic (no revision).
    const dup = await failure(
      client.docx.v1.documentBlock.batchUpdate({
        path: { document_id: doc.documentId },
        data: { requests: [{ block_id: ownerText, update_text_elements: { elements: [] } }, { block_id: ownerText, update_text_elements: { elements: [] } }] },
      }),
    );
    expect(dup).toMatchObject({ status: 400, code: 1770019 });
    const halfBad = await failure(
      client.docx.v1.documentBlock.batchUpdate({
        path: { document_id: doc.documentId },
        data: { requests: [{ block_id: ownerText, update_text_elements: { elements: [{ text_run: { content: 'x' } }] } }, { block_id: dueText, update_text_elements: { elements: [{ mention_user: { user_id: 'ou_nobody' } }] } }] },
      }),
    );
    expect(halfBad).toMatchObject({ code: 1770001 });
    expect(emu.docs.text(doc.documentId, ownerText)).toBe('@张三');
    expect(emu.docs.info(doc.documentId).revisionId).toBe(2);
  });

  it('replays a write with the same client_token without applying it twice', async () => {
    const doc = emu.docs.create();
    const token = randomUUID();
    const create = () =>
      client.docx.v1.documentBlockChildren.create({
        path: { document_id: doc.documentId, block_id: doc.documentId },
        params: { client_token: token },
        data: { children: [{ block_type: 2, text: { elements: [{ text_run: { content: 'once' } }] } }] },
      });
    const first = await create();
    const second = await create();
    expect(second.data).toEqual(first.data);
    expect(emu.docs.children(doc.documentId, doc.documentId)).toHaveLength(1);
    expect(emu.docs.info(doc.documentId).revisionId).toBe(2);
  });

  it('patches table structure: insert and delete rows, update style of a todo', async () => {
    const doc = emu.docs.create({ blocks: [seed.table([['a', 'b'], ['c', 'd']]), seed.todo(false, 'ship it')] });
    const [table] = emu.docs.tables(doc.documentId);
    const inserted = await client.docx.v1.documentBlock.patch({ path: { document_id: doc.documentId, block_id: table!.block_id }, data: { insert_table_row: { row_index: -1 } } });
    expect(inserted.data?.block?.table?.property?.row_size).toBe(3);
    expect(inserted.data?.block?.children).toHaveLength(6);
    const deleted = await client.docx.v1.documentBlock.patch({ path: { document_id: doc.documentId, block_id: table!.block_id }, data: { delete_table_rows: { row_start_index: 0, row_end_index: 1 } } });
    expect(deleted.data?.block?.table?.property?.row_size).toBe(2);
    const rows = emu.docs.tableCells(doc.documentId, table!.block_id);
    expect(rows.map((r) => r.map((c) => emu.docs.text(doc.documentId, c.block_id)))).toEqual([['c', 'd'], ['', '']]);
    expect(
      await failure(client.docx.v1.documentBlock.patch({ path: { document_id: doc.documentId, block_id: table!.block_id }, data: { delete_table_rows: { row_start_index: 1, row_end_index: 5 } } })),
    ).toMatchObject({ code: 1770026 });
    const todo = emu.docs.blocks(doc.documentId).find((b) => b.block_type === 17)!;
    await client.docx.v1.documentBlock.patch({ path: { document_id: doc.documentId, block_id: todo.block_id }, data: { update_text_style: { style: { done: true }, fields: [2] } } });
    expect(emu.docs.block(doc.documentId, todo.block_id)?.todo).toMatchObject({ style: { done: true } });
    expect(
      await failure(client.docx.v1.documentBlock.patch({ path: { document_id: doc.documentId, block_id: table!.block_id }, data: { update_text_elements: { elements: [] } } })),
    ).toMatchObject({ code: 1770025 });
    expect(emu.docs.info(doc.documentId).revisionId).toBe(4);
  });

  it('deletes children, serves raw content and reads an older revision', async () => {
    const doc = emu.docs.create({ title: 'T', blocks: [seed.text('one'), seed.text('two'), seed.text('three')] });
    await client.docx.v1.documentBlockChildren.batchDelete({ path: { document_id: doc.documentId, block_id: doc.documentId }, data: { start_index: 0, end_index: 2 } });
    const raw = await client.docx.v1.document.rawContent({ path: { document_id: doc.documentId } });
    expect(raw.data?.content).toBe('T\nthree\n');
    const old = await client.docx.v1.documentBlock.list({ path: { document_id: doc.documentId }, params: { document_revision_id: 1 } });
    expect(old.data?.items).toHaveLength(4);
    expect(await failure(client.docx.v1.documentBlock.list({ path: { document_id: doc.documentId }, params: { document_revision_id: 9 } }))).toMatchObject({ code: 1770001 });
  });

  it('answers 404 / 1770002 for unknown documents and 403 / 1770032 without access', async () => {
    expect(await failure(client.docx.v1.document.get({ path: { document_id: 'doxcnAAAAAAAAAAAAAAAAAAAAAA' } }))).toMatchObject({ status: 404, code: 1770002 });
    const hidden = emu.docs.create({ access: 'none' });
    expect(await failure(client.docx.v1.documentBlock.list({ path: { document_id: hidden.documentId } }))).toMatchObject({ status: 403, code: 1770032 });
    const readOnly = emu.docs.create({ access: 'view' });
    await expect(client.docx.v1.document.get({ path: { document_id: readOnly.documentId } })).resolves.toMatchObject({ code: 0 });
    expect(
      await failure(client.docx.v1.documentBlockChildren.create({ path: { document_id: readOnly.documentId, block_id: readOnly.documentId }, data: { children: [{ block_type: 22, divider: {} }] } })),
    ).toMatchObject({ status: 403, code: 1770032 });
  });

  it('user edits bump the revision; reading tolerates block types the API cannot create', async () => {
    const doc = emu.docs.create({ blocks: [seed.text('before'), seed.raw(44, 'agenda', {}, [seed.raw(45, 'agenda_item', {})])] });
    const text = emu.docs.blocks(doc.documentId)[1]!;
    const revision = emu.docs.editAsUser(doc.documentId, [{ block_id: text.block_id, update_text_elements: { elements: [el.text('after')] } }]);
    expect(revision).toBe(2);
    const got = await client.docx.v1.document.get({ path: { document_id: doc.documentId } });
    expect(got.data?.document?.revision_id).toBe(2);
    const { items } = await listAll(client, doc.documentId, 500);
    expect(items.map((b) => b.block_type)).toEqual([1, 2, 44, 45]);
    expect(textOf(items[1])).toBe('after');
  });
});
