/** The docx DocumentPort against the emulator: reading every block into the core model, and writing rows. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeishuDocument } from '../../src/feishu/docx/document';
import { createFeishuClient, redact } from '../../src/feishu/client';
import { KeyedPacer } from '../../src/feishu/retry';
import { FeishuDirectory } from '../../src/feishu/tasks/directory';
import { planItemRows } from '../../src/core/app/rows';
import type { ReviewItem } from '../../src/core/app/protocol';
import type { DirectoryUser, FeishuEmulator } from './emulator';
import { el, seed, startFeishuEmulator } from './emulator';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('feishu docx document port', () => {
  let emu: FeishuEmulator;
  let zhang: DirectoryUser;

  beforeEach(async () => {
    emu = await startFeishuEmulator();
    zhang = emu.users.add({ name: '张三' });
  });
  afterEach(async () => {
    await emu.close();
  });

  const port = (documentId: string): FeishuDocument => {
    const client = createFeishuClient({ appId: emu.app.appId, appSecret: emu.app.appSecret, baseUrl: emu.baseUrl });
    const directory = new FeishuDirectory({ client, sleep, now: Date.now });
    return new FeishuDocument({ client, documentId, timeZone: 'Asia/Shanghai', sleep, editPacer: new KeyedPacer(3, Date.now, sleep), names: (ids) => directory.namesOf(ids) });
  };

  it('reads headings, lists, todos, tables, mentions, reminders and links; tolerates unknown blocks', async () => {
    const doc = emu.docs.create({
      title: '周会',
      blocks: [
        seed.heading(1, '跨部门沟通记录表'),
        seed.bullet('背景'),
        seed.todo(true, el.text('发布说明'), el.mention(zhang.open_id)),
        seed.todo(false, '回归测试'),
        seed.raw(44, 'agenda', {}, [seed.text('议程内容')]),
        seed.callout([seed.text(el.link('设计稿', 'https://example.com/a b'))]),
        seed.table([['事项', '完成时限'], ['联调', [el.reminder(Date.parse('2031-01-02T09:30:00+08:00'), { wholeDay: false })]]], { headerRow: true }),
      ],
    });
    const model = await port(doc.documentId).read();
    const blocks = emu.docs.blocks(doc.documentId);
    expect(model.title).toBe('周会');
    expect(model.blocks[0]).toMatchObject({ type: 'heading', level: 1, anchor: blocks[1]!.block_id });
    expect(model.blocks[1]).toMatchObject({ type: 'listItem', ordered: false, level: 0 });
    expect(model.blocks[2]).toEqual({ type: 'listItem', level: 0, ordered: false, checked: true, anchor: expect.any(String), content: [{ type: 'text', text: '发布说明' }, { type: 'person', name: '张三', id: zhang.open_id }] });
    expect(model.blocks[3]).toMatchObject({ type: 'listItem', checked: false });
    expect(model.blocks[4]).toMatchObject({ type: 'paragraph', content: [{ type: 'text', text: '议程内容' }] });
    expect(model.blocks[5]).toMatchObject({ type: 'paragraph', content: [{ type: 'link', text: '设计稿', url: 'https://example.com/a b' }] });
    const table = model.blocks[6]!;
    if (table.type !== 'table') throw new Error('expected a table');
    const tableBlock = emu.docs.tables(doc.documentId)[0]!;
    const cells = emu.docs.tableCells(doc.documentId, tableBlock.block_id);
    expect(table.anchor).toBe(tableBlock.block_id);
    expect(table.rows.map((r) => r.anchor)).toEqual([cells[0]![0]!.block_id, cells[1]![0]!.block_id]);
    expect(table.rows[1]!.cells[1]!.blocks[0]).toMatchObject({ type: 'paragraph', content: [{ type: 'date', date: '2031-01-02', time: '09:30' }] });
  });

  it('pages through long documents manually and survives a rate limit on a later page', async () => {
    const doc = emu.docs.create({ blocks: Array.from({ length: 620 }, (_, i) => seed.text(`第${i}行`)) });
    emu.faults.inject({ route: 'docx.v1.documentBlock.list', skip: 1, fault: { type: 'rateLimit' } });
    const model = await port(doc.documentId).read();
    expect(model.blocks).toHaveLength(620);
    expect(emu.calls.count({ route: 'docx.v1.documentBlock.list' })).toBe(3);
  });

  it('writes confirmed items into blank template rows and appends the rest with mentions and reminders', async () => {
    const doc = emu.docs.create({ blocks: [seed.table([['事项', '负责人', '完成时限', '状态', '任务'], ['', '', '', '', '']], { headerRow: true })] });
    const p = port(doc.documentId);
    const item = (title: string, due: string): ReviewItem => ({ id: title, kind: 'todo', title, owners: ['张三'], collaborators: [], due, dueTime: null, status: 'open', warnings: [], sourceText: title, inTable: false, taskLink: null });
    const plan = planItemRows(await p.read(), [item('对齐口径', '2031-02-03'), item('发会议纪要', '2031-02-04')], 'zh');
    const mark = emu.calls.mark();
    await p.writeRows(plan);
    const table = emu.docs.tables(doc.documentId)[0]!;
    const rows = emu.docs.tableCells(doc.documentId, table.block_id);
    expect(rows).toHaveLength(3);
    expect(emu.docs.text(doc.documentId, rows[1]![0]!.block_id).trim()).toBe('对齐口径');
    expect(emu.docs.text(doc.documentId, rows[2]![0]!.block_id).trim()).toBe('发会议纪要');
    const dueText = emu.docs.blocks(doc.documentId).find((b) => b.block_id === rows[2]![2]!.children[0])!;
    expect(JSON.stringify(dueText)).toContain(`"expire_time":"${Date.parse('2031-02-04T00:00:00+08:00')}"`);
    // One row insert, one batch of cell updates.
    expect(emu.calls.count({ after: mark, kind: 'write' })).toBe(2);
  });

  it('redacts bearer tokens and secrets from log lines', () => {
    expect(redact('GET /x Authorization: Bearer t-abc123456789 failed', [])).not.toContain('t-abc123456789');
    expect(redact('{"app_secret":"s3cr3t-value"}', [])).toBe('{"app_secret":"[redacted]"}');
    expect(redact('secret is hunter22 here', ['hunter22'])).toBe('secret is [redacted] here');
  });
});
