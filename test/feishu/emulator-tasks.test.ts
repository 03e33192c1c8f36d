import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryUser, FeishuEmulator } from './emulator';
import { startFeishuEmulator } from './emulator';
import { failure, lark, sdkClient, unchecked, until } from './support/sdk';

describe('feishu emulator: task v2', () => {
  let clock = Date.UTC(2025, 0, 8, 2, 0, 0);
  let emu: FeishuEmulator;
  let client: lark.Client;
  let zhang: DirectoryUser;
  let li: DirectoryUser;

  const due = { timestamp: String(Date.UTC(2025, 0, 10)), is_all_day: true };
  const createBody = (extra: Record<string, unknown> = {}) => ({
    summary: '确认接口联调排期',
    description: '来源：跨部门沟通记录表 第3条',
    due,
    members: [{ id: zhang.open_id, type: 'user', role: 'assignee' }],
    origin: { platform_i18n_name: { zh_cn: '跨部门沟通记录', en_us: 'Meeting record' }, href: { url: 'https://x.feishu.cn/docx/doxcnA#b', title: '纪要' } },
    extra: '{"doc":"doxcnA","row":"r3"}',
    ...extra,
  });

  beforeEach(async () => {
    clock = Date.UTC(2025, 0, 8, 2, 0, 0);
    emu = await startFeishuEmulator({ now: () => clock });
    client = sdkClient(emu);
    zhang = emu.users.add({ name: '张三' });
    li = emu.users.add({ name: '李四' });
  });
  afterEach(async () => {
    await emu.close();
  });

  it('creates a task with the documented shape', async () => {
    const res = await client.task.v2.task.create({ params: { user_id_type: 'open_id' }, data: createBody() });
    expect(res.code).toBe(0);
    const task = res.data!.task!;
    expect(task.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(task.task_id).toMatch(/^t\d+$/);
    expect(task).toMatchObject({
      summary: '确认接口联调排期',
      due,
      members: [{ id: zhang.open_id, type: 'user', role: 'assignee' }],
      creator: { id: emu.app.appId, type: 'app' },
      completed_at: '0',
      status: 'todo',
      created_at: String(clock),
      updated_at: String(clock),
      source: 6,
      extra: '{"doc":"doxcnA","row":"r3"}',
      origin: { href: { url: 'https://x.feishu.cn/docx/doxcnA#b' } },
    });
    expect(task.url).toBe(`https://applink.feishu.cn/client/todo/detail?guid=${task.guid}&suite_entity_num=${task.task_id}`);
    const got = await client.task.v2.task.get({ path: { task_guid: task.guid! } });
    expect(got.data?.task).toEqual(task);
  });

  it('client_token: the same token within 5 minutes returns the same task and creates no other', async () => {
    const token = 'doxcnA:row:r3:v1';
    const first = await client.task.v2.task.create({ data: createBody({ client_token: token }) });
    const second = await client.task.v2.task.create({ data: createBody({ client_token: token, summary: 'changed' }) });
    expect(second.data?.task?.guid).toBe(first.data?.task?.guid);
    expect(second.data?.task?.summary).toBe('确认接口联调排期');
    expect(emu.tasks.count()).toBe(1);
    clock += 5 * 60 * 1000 + 1;
    const later = await client.task.v2.task.create({ data: createBody({ client_token: token }) });
    expect(later.data?.task?.guid).not.toBe(first.data?.task?.guid);
    expect(emu.tasks.count()).toBe(2);
    expect(await failure(client.task.v2.task.create({ data: createBody({ client_token: 'short' }) }))).toMatchObject({ status: 400, code: 1470400 });
  });

  it('client_token: a concurrent call with the same token gets 500 / 1470422', async () => {
    await client.task.v2.tasklist.list({}); // warm the token
    emu.faults.inject({ route: 'task.v2.task.create', fault: { type: 'delay', ms: 300 } });
    const token = 'concurrent-token-1';
    const slow = client.task.v2.task.create({ data: createBody({ client_token: token }) });
    await until(() => emu.calls.count({ route: 'task.v2.task.create' }) === 1);
    const clash = await failure(client.task.v2.task.create({ data: createBody({ client_token: token }) }));
    expect(clash).toMatchObject({ status: 500, code: 1470422 });
    await expect(slow).resolves.toMatchObject({ code: 0 });
    expect(emu.tasks.count()).toBe(1);
  });

  it('patch: fields named in update_fields but absent from task are cleared, others kept', async () => {
    const created = await client.task.v2.task.create({ data: createBody() });
    const guid = created.data!.task!.guid!;
    clock += 1000;
    const patched = await client.task.v2.task.patch({
      path: { task_guid: guid },
      data: { task: { summary: '新的标题' }, update_fields: ['summary', 'description', 'due'] },
    });
    expect(patched.data?.task).toMatchObject({ summary: '新的标题', description: '', extra: '{"doc":"doxcnA","row":"r3"}', updated_at: String(clock) });
    expect(patched.data?.task?.due).toBeUndefined();
    expect(emu.tasks.get(guid)?.due).toBeUndefined();
    expect(await failure(client.task.v2.task.patch({ path: { task_guid: guid }, data: { task: {}, update_fields: ['summary'] } }))).toMatchObject({ status: 400, code: 1470400 });
    expect(await failure(client.task.v2.task.patch({ path: { task_guid: guid }, data: { task: { summary: 'x' }, update_fields: ['members'] } }))).toMatchObject({ code: 1470400 });
    expect(await failure(client.task.v2.task.patch({ path: { task_guid: guid }, data: unchecked({ task: { summary: 'x' } }) }))).toMatchObject({ code: 1470400 });
  });

  it('completed_at round trip: complete, then reopen with "0"', async () => {
    const guid = (await client.task.v2.task.create({ data: createBody() })).data!.task!.guid!;
    const doneAt = String(clock + 5000);
    const done = await client.task.v2.task.patch({ path: { task_guid: guid }, data: { task: { completed_at: doneAt }, update_fields: ['completed_at'] } });
    expect(done.data?.task).toMatchObject({ completed_at: doneAt, status: 'done' });
    const reopened = await client.task.v2.task.patch({ path: { task_guid: guid }, data: { task: { completed_at: '0' }, update_fields: ['completed_at'] } });
    expect(reopened.data?.task).toMatchObject({ completed_at: '0', status: 'todo' });
    // Completed "in the Tasks app" by the assignee.
    emu.tasks.completeAsUser(guid, { by: zhang.open_id });
    const seen = await client.task.v2.task.get({ path: { task_guid: guid } });
    expect(seen.data?.task).toMatchObject({ status: 'done', completed_at: String(clock) });
  });

  it('members: add and remove, unknown users rejected', async () => {
    const guid = (await client.task.v2.task.create({ data: createBody() })).data!.task!.guid!;
    const added = await client.task.v2.task.addMembers({ path: { task_guid: guid }, data: { members: [{ id: li.open_id, type: 'user', role: 'follower' }] } });
    expect(added.data?.task?.members).toEqual([
      { id: zhang.open_id, type: 'user', role: 'assignee' },
      { id: li.open_id, type: 'user', role: 'follower' },
    ]);
    const removed = await client.task.v2.task.removeMembers({ path: { task_guid: guid }, data: { members: [{ id: zhang.open_id, type: 'user', role: 'assignee' }] } });
    expect(removed.data?.task?.members).toEqual([{ id: li.open_id, type: 'user', role: 'follower' }]);
    expect(await failure(client.task.v2.task.addMembers({ path: { task_guid: guid }, data: { members: [{ id: 'ou_ghost', type: 'user', role: 'assignee' }] } }))).toMatchObject({ code: 1470400 });
    // user_id_type=user_id renders member ids as user_ids.
    const asUserId = await client.task.v2.task.get({ path: { task_guid: guid }, params: { user_id_type: 'user_id' } });
    expect(asUserId.data?.task?.members?.[0]?.id).toBe(li.user_id);
  });

  it('visibility: 404 for unknown or deleted tasks, 403 for tasks the app cannot see', async () => {
    expect(await failure(client.task.v2.task.get({ path: { task_guid: '00000000-0000-4000-8000-000000000000' } }))).toMatchObject({ status: 404, code: 1470404 });
    const personal = emu.tasks.createAsUser(zhang.open_id, { summary: 'private' });
    expect(await failure(client.task.v2.task.get({ path: { task_guid: personal.guid } }))).toMatchObject({ status: 403, code: 1470403 });
    const guid = (await client.task.v2.task.create({ data: createBody() })).data!.task!.guid!;
    await client.task.v2.task.delete({ path: { task_guid: guid } });
    expect(emu.tasks.isDeleted(guid)).toBe(true);
    expect(await failure(client.task.v2.task.get({ path: { task_guid: guid } }))).toMatchObject({ code: 1470404 });
  });

  it('tasklists: create, add a task, list its tasks with paging', async () => {
    const list = (await client.task.v2.tasklist.create({ data: { name: '跨部门沟通待办', members: [{ id: zhang.open_id, type: 'user', role: 'editor' }] } })).data!.tasklist!;
    expect(list.owner).toMatchObject({ id: emu.app.appId, type: 'app', role: 'owner' });
    const guids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = (await client.task.v2.task.create({ data: createBody({ summary: `task ${i}` }) })).data!.task!;
      await client.task.v2.task.addTasklist({ path: { task_guid: t.guid! }, data: { tasklist_guid: list.guid! } });
      guids.push(t.guid!);
    }
    const page1 = await client.task.v2.tasklist.tasks({ path: { tasklist_guid: list.guid! }, params: { page_size: 2 } });
    expect(page1.data?.items?.map((t) => t.guid)).toEqual(guids.slice(0, 2));
    expect(page1.data?.has_more).toBe(true);
    const page2 = await client.task.v2.tasklist.tasks({ path: { tasklist_guid: list.guid! }, params: { page_size: 2, page_token: page1.data!.page_token! } });
    expect(page2.data?.items?.map((t) => t.guid)).toEqual(guids.slice(2));
    expect(page2.data?.has_more).toBe(false);
    const lists = await client.task.v2.tasklist.list({});
    expect(lists.data?.items?.map((l) => l.guid)).toEqual([list.guid]);
    const tl = await client.task.v2.task.tasklists({ path: { task_guid: guids[0]! } });
    expect(tl.data?.tasklists).toEqual([{ tasklist_guid: list.guid, section_guid: '' }]);
  });

  it('task list ("my tasks") needs a user token', async () => {
    await client.task.v2.task.create({ data: createBody() });
    expect(await failure(client.task.v2.task.list({}))).toMatchObject({ status: 400, code: 99991663 });
    const uat = emu.users.userToken(zhang.open_id);
    const mine = await client.task.v2.task.list({ params: { page_size: 50 } }, lark.withUserAccessToken(uat));
    expect(mine.data?.items).toHaveLength(1);
  });

  it('task_subscription registers the app for task events', async () => {
    const res = await client.task.v2.taskV2.taskSubscription({ params: { user_id_type: 'open_id' } });
    expect(res).toMatchObject({ code: 0, data: {} });
    expect(emu.tasks.subscribedApps()).toEqual([emu.app.appId]);
    const guid = (await client.task.v2.task.create({ data: createBody() })).data!.task!.guid!;
    emu.tasks.completeAsUser(guid, { by: zhang.open_id });
    // No connection and no webhook: the events are recorded as undelivered.
    await emu.events.waitFor((all) => all.filter((d) => d.eventType === 'task.task.update_user_access_v2').length === 2);
    const types = emu.events.deliveries({ eventType: 'task.task.update_user_access_v2' }).map((d) => d.payload.event.event_types);
    expect(types).toEqual([['task_create'], ['task_completed_update']]);
    expect(emu.events.deliveries().every((d) => d.status === 'undelivered')).toBe(true);
  });
});
