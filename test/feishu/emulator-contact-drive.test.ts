import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryUser, FeishuEmulator } from './emulator';
import { startFeishuEmulator } from './emulator';
import { failure, lark, sdkClient, unchecked } from './support/sdk';

describe('feishu emulator: contact look-ups', () => {
  let emu: FeishuEmulator;
  let client: lark.Client;
  let zhang: DirectoryUser;
  let wang: DirectoryUser;
  let outsider: DirectoryUser;
  let deptId: string;

  beforeEach(async () => {
    emu = await startFeishuEmulator();
    client = sdkClient(emu);
    deptId = emu.users.addDepartment({ name: '市场部' }).open_department_id;
    zhang = emu.users.add({ name: '张三', enName: 'San Zhang', email: 'zhang@example.com', mobile: '13800000001', departmentIds: [deptId] });
    wang = emu.users.add({ name: '王五', email: 'wang@example.com', departmentIds: [deptId] });
    emu.users.add({ name: '赵六', departmentIds: [deptId] });
    outsider = emu.users.add({ name: '张三丰', email: 'feng@example.com', departmentIds: [deptId], inScope: false });
  });
  afterEach(async () => {
    await emu.close();
  });

  it('batch_get_id resolves emails and mobiles; users outside the scope come back without user_id', async () => {
    const res = await client.contact.v3.user.batchGetId({
      params: { user_id_type: 'open_id' },
      data: { emails: ['zhang@example.com', 'feng@example.com', 'nobody@example.com'], mobiles: ['+8613800000001'] },
    });
    expect(res.data?.user_list).toEqual([
      { user_id: zhang.open_id, email: 'zhang@example.com', status: zhang.status },
      { email: 'feng@example.com' },
      { email: 'nobody@example.com' },
      { user_id: zhang.open_id, mobile: '+8613800000001', status: zhang.status },
    ]);
    const byUserId = await client.contact.v3.user.batchGetId({ params: { user_id_type: 'user_id' }, data: { emails: ['wang@example.com'] } });
    expect(byUserId.data?.user_list?.[0]?.user_id).toBe(wang.user_id);
    const tooMany = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`);
    expect(await failure(client.contact.v3.user.batchGetId({ data: { emails: tooMany } }))).toMatchObject({ status: 400 });
  });

  it('find_by_department pages through the users in scope', async () => {
    const names: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const res = await client.contact.v3.user.findByDepartment({
        params: { department_id: deptId, department_id_type: 'open_department_id', user_id_type: 'open_id', page_size: 2, ...(pageToken ? { page_token: pageToken } : {}) },
      });
      pages += 1;
      for (const u of res.data?.items ?? []) names.push(u.name ?? '');
      pageToken = res.data?.has_more ? res.data.page_token : undefined;
    } while (pageToken);
    expect(pages).toBe(2);
    expect(names).toEqual(['张三', '王五', '赵六']);
    const user = await client.contact.v3.user.get({ path: { user_id: zhang.open_id }, params: { user_id_type: 'open_id' } });
    expect(user.data?.user).toMatchObject({ open_id: zhang.open_id, name: '张三', email: 'zhang@example.com', department_ids: [deptId] });
    expect(await failure(client.contact.v3.user.get({ path: { user_id: outsider.open_id } }))).toMatchObject({ status: 400, code: 41050 });
    const basic = await client.contact.v3.user.basicBatch({ params: { user_id_type: 'open_id' }, data: { user_ids: [outsider.open_id] } });
    expect(basic.data?.users?.[0]?.name).toBe('张三丰');
  });

  it('search/v1/user needs a user token; with one it finds people by name', async () => {
    const request = { method: 'GET', url: '/open-apis/search/v1/user', params: { query: '张三' } } as const;
    expect(await failure(client.request(request))).toMatchObject({ status: 400, code: 99991663 });
    const uat = emu.users.userToken(wang.open_id);
    const res = (await client.request(request, lark.withUserAccessToken(uat))) as { code: number; data: { users: { name: string; open_id: string }[] } };
    expect(res.code).toBe(0);
    expect(res.data.users.map((u) => u.name)).toEqual(['张三', '张三丰']);
    expect(emu.calls.last({ route: 'search.v1.user' })).toMatchObject({ identity: 'user', query: { query: '张三' } });
  });
});

describe('feishu emulator: drive subscriptions', () => {
  let emu: FeishuEmulator;
  let client: lark.Client;

  beforeEach(async () => {
    emu = await startFeishuEmulator();
    client = sdkClient(emu);
  });
  afterEach(async () => {
    await emu.close();
  });

  it('subscribes a docx the app manages and reports it', async () => {
    const doc = emu.docs.create();
    const res = await client.drive.v1.file.subscribe({ path: { file_token: doc.documentId }, params: { file_type: 'docx' } });
    expect(res).toMatchObject({ code: 0, msg: 'success', data: {} });
    expect(emu.docs.subscribers(doc.documentId)).toEqual([emu.app.appId]);
    const got = await client.drive.v1.file.getSubscribe({ path: { file_token: doc.documentId }, params: { file_type: 'docx' } });
    expect(got.data?.is_subscribe).toBe(true);
    await client.drive.v1.file.deleteSubscribe({ path: { file_token: doc.documentId }, params: { file_type: 'docx' } });
    expect(emu.docs.subscribers(doc.documentId)).toEqual([]);
  });

  it('needs manage permission, an existing document and file_type', async () => {
    const editable = emu.docs.create({ access: 'edit' });
    expect(await failure(client.drive.v1.file.subscribe({ path: { file_token: editable.documentId }, params: { file_type: 'docx' } }))).toMatchObject({ status: 403, code: 1069603 });
    expect(await failure(client.drive.v1.file.subscribe({ path: { file_token: 'doxcnMissingMissingMissing1' }, params: { file_type: 'docx' } }))).toMatchObject({ status: 400, code: 1069604 });
    const doc = emu.docs.create();
    expect(await failure(client.drive.v1.file.subscribe(unchecked({ path: { file_token: doc.documentId } })))).toMatchObject({ status: 400, code: 1069602 });
  });
});
