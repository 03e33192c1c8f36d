import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeishuEmulator } from './emulator';
import { startFeishuEmulator } from './emulator';
import { failure, lark, sdkClient, silentLogger } from './support/sdk';

describe('feishu emulator: tokens', () => {
  let clock = Date.UTC(2025, 0, 8, 1, 0, 0);
  let emu: FeishuEmulator;

  beforeEach(async () => {
    clock = Date.UTC(2025, 0, 8, 1, 0, 0);
    emu = await startFeishuEmulator({ now: () => clock, tokenTtlSeconds: 7200 });
  });
  afterEach(async () => {
    await emu.close();
  });

  it('issues a top-level tenant token and the SDK sends it as a bearer on every call', async () => {
    const doc = emu.docs.create({ title: 'Minutes' });
    const client = sdkClient(emu);
    const res = await client.docx.v1.document.get({ path: { document_id: doc.documentId } });
    expect(res).toMatchObject({ code: 0, msg: 'success', data: { document: { document_id: doc.documentId, revision_id: 1, title: 'Minutes' } } });

    const tokenCall = emu.calls.last({ route: 'auth.v3.tenantAccessToken.internal' });
    expect(tokenCall?.body).toEqual({ app_id: emu.app.appId, app_secret: '[redacted]' });
    const get = emu.calls.last({ route: 'docx.v1.document.get' });
    expect(get).toMatchObject({ identity: 'tenant', appId: emu.app.appId, status: 200, code: 0 });
    expect(get?.userAgent).toMatch(/^oapi-node-sdk\/1\.74\.0/);
    // GET requests carry a "{}" JSON body; the emulator accepts it.
    expect(get?.body).toEqual({});

    await client.docx.v1.document.get({ path: { document_id: doc.documentId } });
    expect(emu.calls.count({ route: 'auth.v3.tenantAccessToken.internal' })).toBe(1);
  });

  it('answers the token endpoint without a data wrapper', async () => {
    const res = await fetch(`${emu.baseUrl}/open-apis/auth/v3/tenant_access_token/internal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ app_id: emu.app.appId, app_secret: emu.app.appSecret }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ code: 0, msg: 'ok', tenant_access_token: expect.stringMatching(/^t-/), expire: 7200 });
  });

  it('rejects a wrong secret so the SDK call fails', async () => {
    const client = new lark.Client({ appId: emu.app.appId, appSecret: 'wrong', domain: emu.baseUrl, cache: new lark.DefaultCache(), logger: silentLogger });
    const failed = await failure(client.docx.v1.document.get({ path: { document_id: 'doxcnAAAAAAAAAAAAAAAAAAAAAA' } }));
    expect(failed.status).toBe(400);
    expect(failed.code).toBe(10014);
  });

  it('checks the token on every call: missing → 99991661, expired → 99991663', async () => {
    const doc = emu.docs.create();
    const bare = await fetch(`${emu.baseUrl}/open-apis/docx/v1/documents/${doc.documentId}`);
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({ code: 99991661 });

    const client = sdkClient(emu);
    await client.docx.v1.document.get({ path: { document_id: doc.documentId } });
    // The SDK caches by its own wall clock; the emulator's clock runs past expiry.
    clock += 7200 * 1000;
    const expired = await failure(client.docx.v1.document.get({ path: { document_id: doc.documentId } }));
    expect(expired).toMatchObject({ status: 400, code: 99991663 });
    expect(expired.msg).toContain('Invalid access token');

    // A fresh client gets a new token and succeeds.
    const again = await sdkClient(emu).docx.v1.document.get({ path: { document_id: doc.documentId } });
    expect(again.code).toBe(0);
  });

  it('reuses a token while more than 30 minutes remain, then issues a new one', async () => {
    const post = async (): Promise<{ tenant_access_token: string; expire: number }> => {
      const res = await fetch(`${emu.baseUrl}/open-apis/auth/v3/tenant_access_token/internal`, {
        method: 'POST',
        body: JSON.stringify({ app_id: emu.app.appId, app_secret: emu.app.appSecret }),
      });
      return (await res.json()) as { tenant_access_token: string; expire: number };
    };
    const first = await post();
    clock += 60 * 60 * 1000;
    const second = await post();
    expect(second.tenant_access_token).toBe(first.tenant_access_token);
    expect(second.expire).toBe(3600);
    clock += 45 * 60 * 1000;
    const third = await post();
    expect(third.tenant_access_token).not.toBe(first.tenant_access_token);
    expect(third.expire).toBe(7200);
  });

  it('refuses app ids WSClient would refuse', async () => {
    await expect(startFeishuEmulator({ apps: [{ appId: 'cli_test', appSecret: 's' }] })).rejects.toThrow(/cli_/);
  });

  it('serves the bot identity of the app', async () => {
    const res = (await sdkClient(emu).request({ method: 'GET', url: '/open-apis/bot/v3/info' })) as { code: number; bot: { open_id: string } };
    expect(res.code).toBe(0);
    expect(res.bot.open_id).toBe(emu.app.botOpenId);
  });
});
