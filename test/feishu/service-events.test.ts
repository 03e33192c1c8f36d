/**
 * Event paths of the service besides the long connection: webhook mode (signature check and encrypted
 * bodies through the SDK's EventDispatcher), redelivered event ids, own edits, and the polling fallback
 * for documents whose edit events never arrive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/feishu/config';
import type { DirectoryUser, FeishuEmulator } from './emulator';
import { el, seed, startFeishuEmulator } from './emulator';
import { appId as newAppId, hex } from './emulator/ids';
import { startService, tempDbPath, type StartedService } from './support/service';

const todoTable = (owner: string) =>
  seed.table(
    [
      ['事项', '负责人', '完成时限', '状态', '任务'],
      [[el.text('发布会彩排')], [el.mention(owner)], [el.reminder(Date.parse('2031-06-01T00:00:00+08:00'))], '未开始', ''],
    ],
    { headerRow: true },
  );

describe('feishu service: webhook, dedupe and polling', () => {
  let emu: FeishuEmulator | undefined;
  let svc: StartedService | undefined;
  let zhang: DirectoryUser;
  const dbs: { path: string; cleanup(): void }[] = [];
  const dbPath = (): string => {
    const db = tempDbPath();
    dbs.push(db);
    return db.path;
  };

  afterEach(async () => {
    await svc?.stop();
    svc = undefined;
    await emu?.close();
    emu = undefined;
    for (const db of dbs.splice(0)) db.cleanup();
  });

  it('webhook mode: signed, encrypted edit events sync the document; forged signatures and replays do nothing', async () => {
    const encryptKey = hex(24);
    const verificationToken = hex(32);
    emu = await startFeishuEmulator({ apps: [{ appId: newAppId(), appSecret: `s-${hex(20)}`, encryptKey, verificationToken }] });
    zhang = emu.users.add({ name: '张三' });
    svc = await startService(emu, dbPath(), { env: { FEISHU_EVENTS: 'webhook', FEISHU_ENCRYPT_KEY: encryptKey, FEISHU_VERIFICATION_TOKEN: verificationToken } });
    const url = `${svc.apiUrl}/webhook/event`;
    expect((await emu.events.verifyWebhookUrl({ url })).ok).toBe(true);
    emu.events.setWebhook({ url, encryptKey, encrypt: true });
    const doc = emu.docs.create({ title: '发布会', blocks: [todoTable(zhang.open_id)] });
    await svc.service.ensureKnown(doc.documentId);

    // A forged signature is answered (HTTP 200, empty) without reaching the handler.
    const forged = emu.events.build('drive.file.edit_v1', { file_token: doc.documentId, file_type: 'docx', operator_id_list: [{ open_id: zhang.open_id }] });
    const answer = await emu.events.postWebhook({ url, payload: forged, encryptKey, encrypt: false, signature: 'forged' });
    expect(answer.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(svc.service.syncs).toHaveLength(0);

    // A real edit: delivered signed and encrypted; one sync; the task exists.
    emu.docs.touchAsUser(doc.documentId, { operatorOpenId: zhang.open_id });
    await svc.service.waitForSyncs((s) => s.some((x) => !x.skipped));
    expect(emu.tasks.count()).toBe(1);
    expect(emu.events.deliveries({ eventType: 'drive.file.edit_v1' }).every((d) => d.attempts.every((a) => a.via === 'webhook'))).toBe(true);

    // The same event id again (Feishu's redelivery): ignored.
    const count = svc.service.syncs.length;
    const replay = emu.events.build('drive.file.edit_v1', { file_token: doc.documentId, file_type: 'docx', operator_id_list: [{ open_id: zhang.open_id }] }, { eventId: 'evt-replayed-1' });
    await emu.events.postWebhook({ url, payload: replay, encryptKey });
    await emu.events.postWebhook({ url, payload: replay, encryptKey });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(svc.service.syncs.length).toBeLessThanOrEqual(count + 1);
    expect(emu.tasks.count()).toBe(1);
  });

  it("ignores the service's own edits and redelivered event ids over the long connection", async () => {
    emu = await startFeishuEmulator({ ws: { ReconnectNonce: 0, ReconnectInterval: 1 } });
    zhang = emu.users.add({ name: '张三' });
    svc = await startService(emu, dbPath());
    const doc = emu.docs.create({ title: '发布会', blocks: [todoTable(zhang.open_id)] });
    await svc.service.ensureKnown(doc.documentId);
    await emu.events.pushDriveFileEdit(doc.documentId, { operatorOpenId: emu.app.botOpenId });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(svc.service.syncs).toHaveLength(0);
    emu.docs.touchAsUser(doc.documentId, { operatorOpenId: zhang.open_id });
    await emu.events.pushDriveFileEdit(doc.documentId, { operatorOpenId: zhang.open_id, eventId: 'same-1' });
    await emu.events.pushDriveFileEdit(doc.documentId, { operatorOpenId: zhang.open_id, eventId: 'same-1' });
    await svc.service.waitForSyncs((s) => s.some((x) => !x.skipped));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(svc.service.syncs.filter((x) => !x.skipped)).toHaveLength(1);
    expect(emu.tasks.count()).toBe(1);
  });

  it('polling fallback: a document the app cannot subscribe to is synced when its revision moves', async () => {
    emu = await startFeishuEmulator();
    zhang = emu.users.add({ name: '张三' });
    svc = await startService(emu, dbPath(), { env: { FEISHU_EVENTS: 'none' } });
    const doc = emu.docs.create({ title: '发布会', blocks: [seed.text('开场')] });
    emu.docs.setAccess(doc.documentId, emu.app.appId, 'edit');
    await svc.service.ensureKnown(doc.documentId);
    expect(svc.service.store.document(doc.documentId).subscribed).toBe(false);
    expect(svc.logs.some((l) => l.includes('polling instead'))).toBe(true);
    await svc.service.poll();
    await svc.service.waitForSyncs((s) => s.length > 0);
    const first = svc.service.syncs.length;
    // Nothing moved: no sync.
    await svc.service.poll();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(svc.service.syncs.length).toBe(first);
    // A user adds a row (no event arrives): the poll notices the new revision.
    const para = emu.docs.blocks(doc.documentId)[1]!;
    emu.docs.editAsUser(doc.documentId, [{ block_id: para.block_id, update_text_elements: { elements: [el.text('待办：张三负责在 2031-06-02 前完成彩排')] } }], { operatorOpenId: zhang.open_id, notify: false });
    await svc.service.poll();
    await svc.service.waitForSyncs((s) => s.slice(first).some((x) => !x.skipped));
    expect(emu.tasks.count()).toBe(1);
  });
});

describe('feishu service: configuration', () => {
  it('missing or malformed settings give one clear sentence', () => {
    const missing = loadConfig({});
    expect(missing).toEqual({ ok: false, message: expect.stringContaining('FEISHU_APP_ID and FEISHU_APP_SECRET') });
    expect(loadConfig({ FEISHU_APP_ID: 'app', FEISHU_APP_SECRET: 'x' })).toMatchObject({ ok: false, message: expect.stringContaining('cli_') });
    expect(loadConfig({ FEISHU_APP_ID: 'cli_0123456789abcdef', FEISHU_APP_SECRET: 'x', QUIET_MS: 'soon' })).toMatchObject({ ok: false, message: expect.stringContaining('QUIET_MS') });
    expect(loadConfig({ FEISHU_APP_ID: 'cli_0123456789abcdef', FEISHU_APP_SECRET: 'x', FEISHU_EVENTS: 'webhook' })).toMatchObject({ ok: false, message: expect.stringContaining('FEISHU_ENCRYPT_KEY') });
    const ok = loadConfig({ FEISHU_APP_ID: 'cli_0123456789abcdef', FEISHU_APP_SECRET: 'x' });
    expect(ok).toMatchObject({ ok: true, config: { baseUrl: 'https://open.feishu.cn', dbPath: './data/minutes.sqlite', events: 'ws', quietMs: 15_000 } });
  });

  it('wrong credentials stop the start with one line that names the variables', async () => {
    const emu2 = await startFeishuEmulator();
    const { FeishuSyncService } = await import('../../src/feishu/service/service');
    const config = loadConfig({ FEISHU_APP_ID: emu2.app.appId, FEISHU_APP_SECRET: 'wrong-secret', FEISHU_BASE_URL: emu2.baseUrl, MINUTES_DB: ':memory:', PORT: '0' });
    if (!config.ok) throw new Error(config.message);
    const service = new FeishuSyncService({ config: config.config, log: () => undefined });
    await expect(service.start()).rejects.toThrow(/FEISHU_APP_ID \/ FEISHU_APP_SECRET/);
    await service.stop();
    await emu2.close();
  });
});
