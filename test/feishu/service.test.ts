/**
 * The Feishu sync service end to end: the real SDK over HTTP against the emulator, events over the
 * long connection, state in SQLite. Template → rows with mentions and reminders → edit event → one
 * sync after the quiet period → tasks with assignees, dues and links → edit → same task → complete in
 * the Tasks app → 状态 changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryUser, FeishuEmulator } from './emulator';
import { el, startFeishuEmulator } from './emulator';
import { startIdentityServer, type IdentityServer } from './support/identity';
import { startService, tempDbPath, type StartedService } from './support/service';
import { api, fillRow, openSession, todoTable, cellText, rowAnchors } from './support/flow';

async function waitSyncs(svc: StartedService, emu: FeishuEmulator, predicate: Parameters<StartedService['service']['waitForSyncs']>[0]): Promise<void> {
  try {
    await svc.service.waitForSyncs(predicate);
  } catch (error) {
    console.log('sync state when the wait failed:', JSON.stringify(svc.service.syncs.map((s) => [s.reason, s.skipped, s.summary?.counts, s.summary?.message])), svc.logs, JSON.stringify(emu.events.deliveries().map((d) => [d.eventType, d.status, d.attempts.map((a) => a.outcome)])));
    throw error;
  }
}

describe('feishu service: sync on save', () => {
  let emu: FeishuEmulator;
  let idp: IdentityServer;
  let svc: StartedService | undefined;
  let db: { path: string; cleanup(): void };
  let zhang: DirectoryUser;
  let li: DirectoryUser;

  beforeEach(async () => {
    emu = await startFeishuEmulator({ ws: { ReconnectNonce: 0, ReconnectInterval: 1 } });
    idp = await startIdentityServer();
    db = tempDbPath();
    zhang = emu.users.add({ name: '张三', email: 'zhang@example.com' });
    li = emu.users.add({ name: '李四', email: 'li@example.com' });
    emu.users.add({ name: '王五', email: 'wang@example.com', inScope: false });
  });
  afterEach(async () => {
    await svc?.stop();
    svc = undefined;
    await emu.close();
    await idp.close();
    db.cleanup();
  });

  it('template → rows → one sync after the quiet period → tasks; edit → same task; complete → 状态', async () => {
    svc = await startService(emu, db.path, { env: { FEISHU_AUTH_BASE_URL: idp.baseUrl } });
    const doc = emu.docs.create({ title: '跨部门周会' });
    const session = await openSession(svc, idp, doc.documentId, zhang);
    expect(emu.docs.subscribers(doc.documentId)).toContain(emu.app.appId);

    const mark = emu.calls.mark();
    expect(await api(svc, session, 'insertTemplate', { scenario: 'general', lang: 'zh' })).toEqual({ inserted: true });
    expect(emu.calls.count({ after: mark, kind: 'write' })).toBe(1);
    expect(emu.calls.count({ after: mark, route: 'docx.v1.documentBlockDescendant.create' })).toBe(1);

    const table = todoTable(emu, doc.documentId);
    expect(table.header).toEqual(['事项', '负责人', '完成时限', '状态', '任务']);
    const due1 = Date.parse('2031-03-14T00:00:00+08:00');
    const due2 = Date.parse('2031-03-20T15:30:00+08:00');
    const syncsBefore = svc.service.syncs.length;
    fillRow(emu, doc.documentId, table, 1, [[el.text('确认接口联调排期')], [el.mention(zhang.open_id)], [el.reminder(due1, { wholeDay: true })], [el.text('未开始')]], zhang.open_id);
    fillRow(emu, doc.documentId, table, 2, [[el.text('整理需求文档')], [el.text('李四、王五')], [el.reminder(due2, { wholeDay: false })], [el.text('进行中')]], zhang.open_id);

    await waitSyncs(svc, emu, (s) => s.slice(syncsBefore).some((x) => !x.skipped));
    // Our own write-backs raise edit events too; they must not cause another sync.
    await new Promise((resolve) => setTimeout(resolve, 900));
    const edits = svc.service.syncs.slice(syncsBefore).filter((x) => !x.skipped);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.reason).toBe('edit');

    const tasks = emu.tasks.all();
    expect(tasks).toHaveLength(2);
    const t1 = tasks.find((t) => t.summary === '确认接口联调排期')!;
    const t2 = tasks.find((t) => t.summary === '整理需求文档')!;
    expect(t1.members).toEqual([{ id: zhang.open_id, type: 'user', role: 'assignee' }]);
    expect(t1.due).toEqual({ timestamp: String(Date.parse('2031-03-14T00:00:00Z')), is_all_day: true });
    // 李四 by name through the directory; 王五 is outside the contact scope: no assignee, name kept, a warning.
    expect(t2.members).toEqual([{ id: li.open_id, type: 'user', role: 'assignee' }]);
    expect(t2.description).toContain('王五');
    expect(t2.due).toEqual({ timestamp: String(due2), is_all_day: false });
    const anchors = rowAnchors(emu, doc.documentId, table.tableId);
    expect((t1.origin as { href: { url: string } }).href.url).toBe(`https://example.feishu.cn/docx/${doc.documentId}#${anchors[1]}`);
    expect(JSON.parse(t1.extra)).toEqual({ k: expect.stringContaining(`mtt:${doc.documentId}:`) });
    const lastSync = svc.service.store.document(doc.documentId).lastSync!;
    expect(lastSync.counts.created).toBe(2);
    expect(lastSync.warnings.some((w) => w.message.includes('王五'))).toBe(true);

    // The 任务 cells link the tasks.
    const linkCell = emu.docs.tableCells(doc.documentId, table.tableId)[1]![4]!;
    const linkText = emu.docs.blocks(doc.documentId).find((b) => b.block_id === linkCell.children[0])!;
    expect(JSON.stringify(linkText)).toContain(encodeURIComponent(t1.url));

    // Edit a row: the same task is updated, nothing new is created.
    const beforeEdit = svc.service.syncs.length;
    fillRow(emu, doc.documentId, table, 1, [[el.text('确认接口联调排期和测试环境')]], zhang.open_id);
    await waitSyncs(svc, emu, (s) => s.slice(beforeEdit).some((x) => !x.skipped));
    expect(emu.tasks.count()).toBe(2);
    expect(emu.tasks.get(t1.guid)!.summary).toBe('确认接口联调排期和测试环境');

    // Complete the task in the Tasks app: 状态 in the document changes.
    const beforeDone = svc.service.syncs.length;
    emu.tasks.completeAsUser(t1.guid, { by: zhang.open_id });
    await waitSyncs(svc, emu, (s) => s.slice(beforeDone).some((x) => !x.skipped && x.reason === 'task'));
    expect(cellText(emu, doc.documentId, table.tableId, 1, 3)).toBe('已完成');
    expect(cellText(emu, doc.documentId, table.tableId, 2, 3)).toBe('进行中');
    expect(emu.tasks.count()).toBe(2);
  });
});
