/** The widget's sign-in against the real service: add-on login code → session → Authorization header. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSidebarConfig } from '../../src/feishu/widget/session';
import type { DirectoryUser, FeishuEmulator } from './emulator';
import { startFeishuEmulator } from './emulator';
import { startIdentityServer, type IdentityServer } from './support/identity';
import { startService, tempDbPath, type StartedService } from './support/service';
import { call } from './support/flow';

describe('feishu widget sign-in', () => {
  let emu: FeishuEmulator;
  let idp: IdentityServer;
  let svc: StartedService;
  let db: { path: string; cleanup(): void };
  let zhang: DirectoryUser;

  beforeEach(async () => {
    emu = await startFeishuEmulator();
    idp = await startIdentityServer();
    db = tempDbPath();
    zhang = emu.users.add({ name: '张三' });
    svc = await startService(emu, db.path, { env: { FEISHU_AUTH_BASE_URL: idp.baseUrl, FEISHU_EVENTS: 'none' } });
  });
  afterEach(async () => {
    await svc.stop();
    await emu.close();
    await idp.close();
    db.cleanup();
  });

  it('signs in once with a login code, reuses the session, and the header opens the API', async () => {
    const docId = emu.docs.create({ title: '周会' }).documentId;
    idp.grantEdit(zhang.open_id, docId);
    let logins = 0;
    const config = createSidebarConfig({
      serviceUrl: `${svc.apiUrl}/`,
      addon: { documentToken: async () => docId, loginCode: async () => (logins++, idp.code({ openId: zhang.open_id, name: zhang.name })) },
    });
    expect(config.baseUrl).toBe(svc.apiUrl);
    const headers = await config.headers();
    expect(await config.headers()).toEqual(headers);
    expect(logins).toBe(1);
    const out = await call(svc, headers.authorization!.replace('Bearer ', ''), 'getContext');
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ documentId: docId, documentTitle: '周会' });
  });

  it("passes the service's HostError through when the user cannot edit the document", async () => {
    const docId = emu.docs.create({ title: '周会' }).documentId;
    const config = createSidebarConfig({ serviceUrl: svc.apiUrl, addon: { documentToken: async () => docId, loginCode: async () => idp.code({ openId: zhang.open_id, name: zhang.name }) } });
    await expect(config.headers()).rejects.toMatchObject({ code: 'permission', retryable: false });
  });
});
