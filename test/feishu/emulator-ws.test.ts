import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryUser, FeishuEmulator } from './emulator';
import { el, seed, startFeishuEmulator } from './emulator';
import { lark, sdkClient, silentLogger, until } from './support/sdk';

type Received = Record<string, unknown>;

describe('feishu emulator: long connection (WSClient)', () => {
  let emu: FeishuEmulator;
  let ws: lark.WSClient | undefined;
  let zhang: DirectoryUser;
  const received: Received[] = [];

  const startClient = async (handlers: Record<string, (data: Received) => unknown>): Promise<lark.WSClient> => {
    const dispatcher = new lark.EventDispatcher({ logger: silentLogger, loggerLevel: lark.LoggerLevel.error }).register(handlers);
    const client = new lark.WSClient({ appId: emu.app.appId, appSecret: emu.app.appSecret, domain: emu.baseUrl, logger: silentLogger, loggerLevel: lark.LoggerLevel.error });
    ws = client;
    await client.start({ eventDispatcher: dispatcher });
    await emu.events.waitForConnection({ timeoutMs: 5000 });
    return client;
  };

  beforeEach(async () => {
    received.length = 0;
    emu = await startFeishuEmulator({ ws: { ReconnectNonce: 0, ReconnectInterval: 1 } });
    zhang = emu.users.add({ name: '张三' });
  });
  afterEach(async () => {
    ws?.close({ force: true });
    ws = undefined;
    await emu.close();
  });

  it('delivers drive.file.edit_v1 for a user edit of a subscribed document and receives the ack', async () => {
    await startClient({
      'drive.file.edit_v1': (data) => {
        received.push(data);
        return 'done';
      },
    });
    expect(emu.events.connections(emu.app.appId)).toBe(1);
    const endpoint = emu.calls.last({ route: 'callback.ws.endpoint' });
    expect(endpoint?.body).toEqual({ AppID: emu.app.appId, AppSecret: '[redacted]' });

    const doc = emu.docs.create({ blocks: [seed.text('draft')] });
    await sdkClient(emu).drive.v1.file.subscribe({ path: { file_token: doc.documentId }, params: { file_type: 'docx' } });
    const text = emu.docs.blocks(doc.documentId)[1]!;
    emu.docs.editAsUser(doc.documentId, [{ block_id: text.block_id, update_text_elements: { elements: [el.text('final'), el.mention(zhang.open_id)] } }], { operatorOpenId: zhang.open_id });

    await emu.events.waitFor((all) => all.some((d) => d.status === 'delivered'));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      schema: '2.0',
      event_type: 'drive.file.edit_v1',
      app_id: emu.app.appId,
      file_token: doc.documentId,
      file_type: 'docx',
      operator_id_list: [{ open_id: zhang.open_id, union_id: zhang.union_id, user_id: zhang.user_id }],
    });
    const [delivery] = emu.events.deliveries({ eventType: 'drive.file.edit_v1' });
    expect(delivery?.eventId).toBe(received[0]!.event_id);
    expect(delivery?.attempts).toHaveLength(1);
    expect(delivery?.attempts[0]).toMatchObject({ via: 'ws', outcome: 'acked', ack: { code: 200, data: 'done' } });
    expect(delivery?.attempts[0]?.ack?.bizRt).toBeDefined();
  });

  it("marks the app's own API writes with its bot as operator", async () => {
    await startClient({ 'drive.file.edit_v1': (data) => void received.push(data) });
    const doc = emu.docs.create();
    const client = sdkClient(emu);
    await client.drive.v1.file.subscribe({ path: { file_token: doc.documentId }, params: { file_type: 'docx' } });
    await client.docx.v1.documentBlockChildren.create({ path: { document_id: doc.documentId, block_id: doc.documentId }, data: { children: [{ block_type: 22, divider: {} }] } });
    await emu.events.waitFor((all) => all.some((d) => d.status === 'delivered'));
    expect(received[0]).toMatchObject({ operator_id_list: [{ open_id: emu.app.botOpenId }] });
    // A handler returning nothing is still acked with code 200.
    expect(emu.events.deliveries()[0]?.attempts[0]?.ack).toEqual({ code: 200, bizRt: expect.any(String) });
  });

  it('pushes task.task.update_user_access_v2 after task_subscription when a task is completed in the Tasks app', async () => {
    await startClient({ 'task.task.update_user_access_v2': (data) => void received.push(data) });
    const client = sdkClient(emu);
    const guid = (await client.task.v2.task.create({ data: { summary: 's', members: [{ id: zhang.open_id, type: 'user', role: 'assignee' }] } })).data!.task!.guid!;
    await client.task.v2.taskV2.taskSubscription({});
    emu.tasks.completeAsUser(guid, { by: zhang.open_id });
    await emu.events.waitFor((all) => all.some((d) => d.status === 'delivered'));
    expect(received).toEqual([expect.objectContaining({ event_type: 'task.task.update_user_access_v2', task_guid: guid, event_types: ['task_completed_update'] })]);
    // The create happened before the subscription: no event for it.
    expect(emu.events.deliveries()).toHaveLength(1);
  });

  it('reassembles events split over several frames (sum/seq)', async () => {
    await startClient({ 'drive.file.edit_v1': (data) => void received.push(data) });
    emu.events.configure({ fragmentSize: 40 });
    const delivery = await emu.events.pushDriveFileEdit('doxcnFragmentedFragmented01', { operatorOpenId: zhang.open_id });
    expect(delivery.status).toBe('delivered');
    expect(received[0]).toMatchObject({ file_token: 'doxcnFragmentedFragmented01' });
  });

  it('redelivers the same event when the handler does not answer in time', async () => {
    emu.events.configure({ handlerTimeoutMs: 300, retryDelaysMs: [10] });
    let calls = 0;
    await startClient({
      'drive.file.edit_v1': async (data) => {
        received.push(data);
        calls += 1;
        if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 600));
        return 'ok';
      },
    });
    const first = await emu.events.pushDriveFileEdit('doxcnSlowSlowSlowSlowSlow01');
    expect(first.attempts[0]?.outcome).toBe('timeout');
    await emu.events.waitFor((all) => all[0]?.status === 'delivered', 3000);
    expect(received).toHaveLength(2);
    expect(received[1]!.event_id).toBe(received[0]!.event_id);
  });

  it('the client reconnects after the server drops the connection', async () => {
    await startClient({ 'drive.file.edit_v1': (data) => void received.push(data) });
    expect(emu.events.disconnectAll()).toBe(1);
    await until(() => emu.calls.count({ route: 'callback.ws.endpoint' }) === 2);
    await emu.events.waitForConnection({ timeoutMs: 5000 });
    expect(emu.events.connections()).toBe(1);
    const delivery = await emu.events.pushDriveFileEdit('doxcnAfterReconnectAfterRe1');
    expect(delivery.status).toBe('delivered');
    expect(received).toHaveLength(1);
  });

  it('an app without a connection or webhook gets nothing (recorded as undelivered)', async () => {
    const delivery = await emu.events.pushDriveFileEdit('doxcnNobodyNobodyNobodyNo01');
    expect(delivery.status).toBe('undelivered');
    expect(delivery.attempts).toHaveLength(0);
  });
});
