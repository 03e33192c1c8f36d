/**
 * The sidebar's HTTP API: every call is authenticated as a Feishu user who can edit the document.
 * Missing, forged, expired and foreign credentials are refused; the session is bound to one document.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryUser, FeishuEmulator } from './emulator';
import { seed, startFeishuEmulator } from './emulator';
import { startIdentityServer, type IdentityServer } from './support/identity';
import { startService, tempDbPath, type StartedService } from './support/service';
import { api, call, openSession } from './support/flow';

describe('feishu service: HTTP API authentication', () => {
  let emu: FeishuEmulator;
  let idp: IdentityServer;
  let svc: StartedService;
  let db: { path: string; cleanup(): void };
  let zhang: DirectoryUser;
  let docId: string;

  beforeEach(async () => {
    emu = await startFeishuEmulator();
    idp = await startIdentityServer();
    db = tempDbPath();
    zhang = emu.users.add({ name: '张三' });
    docId = emu.docs.create({ title: '周会', blocks: [seed.text('决议：下周一上线，张三负责')] }).documentId;
    svc = await startService(emu, db.path, { env: { FEISHU_AUTH_BASE_URL: idp.baseUrl, FEISHU_EVENTS: 'none' } });
  });
  afterEach(async () => {
    await svc.stop();
    await emu.close();
    await idp.close();
    db.cleanup();
  });

  const session = (token: string | null, body: unknown): Promise<{ status: number; body: unknown }> =>
    fetch(`${svc.apiUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));

  it('a user who can edit the document gets a session and can call every operation', async () => {
    const s = await openSession(svc, idp, docId, zhang);
    const context = (await api(svc, s, 'getContext')) as { platform: string; documentId: string; documentTitle: string; user: { name: string }; capabilities: { assignees: boolean } };
    expect(context).toMatchObject({ platform: 'feishu', documentId: docId, documentTitle: '周会', user: { name: '张三' }, capabilities: { assignees: true } });
    expect(typeof (await api(svc, s, 'fingerprint'))).toBe('string');
    const extracted = (await api(svc, s, 'extract')) as { items: unknown[] };
    expect(Array.isArray(extracted.items)).toBe(true);
    const saved = (await api(svc, s, 'saveSettings', { autoSync: false, decisions: true, bogus: 1 })) as { settings: Record<string, unknown> };
    expect(saved.settings).toEqual({ autoSync: false, decisions: true, onlyCompleteItems: false, onlyMine: false });
    expect(idp.calls).toEqual(['GET /open-apis/authen/v1/user_info', 'GET /open-apis/drive/v1/permissions/' + docId + '/members/auth']);
  });

  it('an OAuth authorization code is exchanged for the user token', async () => {
    idp.grantEdit(zhang.open_id, docId);
    const out = await session(null, { documentId: docId, code: idp.code({ openId: zhang.open_id, name: zhang.name }) });
    expect(out.status).toBe(200);
    expect((out.body as { user: { name: string } }).user.name).toBe('张三');
  });

  it('refuses missing and forged user credentials, and users who cannot edit the document', async () => {
    const missing = await session(null, { documentId: docId });
    expect(missing.status).toBe(401);
    expect((missing.body as { error: { code: string; retryable: boolean } }).error).toMatchObject({ code: 'unauthenticated', retryable: false });
    expect((await session('u-forged-token-0000', { documentId: docId })).status).toBe(401);
    expect((await session(null, { documentId: docId, code: 'not-a-code' })).status).toBe(401);
    const reader = idp.issue({ openId: zhang.open_id, name: zhang.name });
    const denied = await session(reader, { documentId: docId });
    expect(denied.status).toBe(403);
    expect((denied.body as { error: { code: string } }).error.code).toBe('permission');
    expect((await session(reader, {})).status).toBe(400);
  });

  it('refuses missing, forged, tampered and expired sessions, and binds a session to its document', async () => {
    const s = await openSession(svc, idp, docId, zhang);
    expect((await call(svc, null, 'extract')).status).toBe(401);
    expect((await call(svc, 'garbage', 'extract')).status).toBe(401);
    const [payload, mac] = s.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const otherDoc = emu.docs.create({ title: '别人的文档' }).documentId;
    const retargeted = Buffer.from(JSON.stringify({ ...claims, doc: otherDoc })).toString('base64url');
    expect((await call(svc, `${retargeted}.${mac}`, 'extract')).status).toBe(401);
    // Signed with a key that is not the service's (e.g. guessed from public values).
    const forgedMac = createHmac('sha256', 'guess').update(retargeted).digest('base64url');
    expect((await call(svc, `${retargeted}.${forgedMac}`, 'extract')).status).toBe(401);
    const expired = svc.service.signer.sign({ sub: zhang.open_id, name: '张三', doc: docId, exp: Date.now() - 1 });
    expect((await call(svc, expired, 'extract')).status).toBe(401);
    // Errors are one plain sentence, never a stack trace.
    const out = await call(svc, null, 'syncNow');
    expect(JSON.stringify(out.body)).not.toMatch(/at \w+ \(|Error:/);
    expect((await call(svc, s, 'nope')).status).toBe(404);
  });

  it('refuses malformed items and settings before anything is written', async () => {
    const s = await openSession(svc, idp, docId, zhang);
    const before = emu.docs.info(docId).revisionId;
    expect(typeof before).toBe('number');
    const bad = await call(svc, s, 'writeItems', { lang: 'zh', items: [{ id: 'x', kind: 'todo', title: '整理清单', owners: '王芳', due: '下周五' }] });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { code: string } }).error.code).toBe('invalid');
    expect((await call(svc, s, 'saveSettings', { autoSync: 'yes' })).status).toBe(400);
    expect((await call(svc, s, 'insertTemplate', { scenario: 'nope' })).status).toBe(400);
    expect(emu.docs.info(docId).revisionId).toBe(before);
  });

  it('answers CORS preflights for the widget and maps Open API failures to host errors', async () => {
    const pre = await fetch(`${svc.apiUrl}/api/extract`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    const s = await openSession(svc, idp, docId, zhang);
    emu.docs.setAccess(docId, emu.app.appId, 'none');
    const out = await call(svc, s, 'extract');
    expect(out.status).toBe(403);
    expect((out.body as { error: { code: string } }).error.code).toBe('permission');
  });
});
