/**
 * Robustness of the Feishu service: an edit storm under rate limits and 5xx gives one sync and no
 * duplicate tasks; a service killed half-way through a sync and restarted over the same SQLite file
 * creates no duplicates (within the client_token window, and after it through the meeting's tasklist).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskBackend } from '../../src/core/sync/backend';
import type { DirectoryUser, FeishuEmulator } from './emulator';
import { el, startFeishuEmulator } from './emulator';
import { startIdentityServer, type IdentityServer } from './support/identity';
import { startService, tempDbPath, type StartedService } from './support/service';
import { api, fillRow, openSession, todoTable, type TableRef } from './support/flow';

/** Wraps a backend so the process "dies" right after the n-th create reached Feishu. */
function dieAfterCreates(n: number): { wrap: (b: TaskBackend) => TaskBackend; died: () => boolean } {
  let creates = 0;
  let died = false;
  const wrap = (base: TaskBackend): TaskBackend =>
    new Proxy(base, {
      get(target, prop) {
        if (prop === 'create') {
          return async (...args: Parameters<TaskBackend['create']>) => {
            const task = await target.create(...args);
            if (++creates === n) {
              died = true;
              throw new Error('process killed');
            }
            return task;
          };
        }
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return { wrap, died: () => died };
}

describe('feishu service: storms, rate limits and crashes', () => {
  let emu: FeishuEmulator;
  let idp: IdentityServer;
  let svc: StartedService | undefined;
  let db: { path: string; cleanup(): void };
  let zhang: DirectoryUser;
  let skew = 0;

  beforeEach(async () => {
    skew = 0;
    emu = await startFeishuEmulator({ now: () => Date.now() + skew, ws: { ReconnectNonce: 0, ReconnectInterval: 1 } });
    idp = await startIdentityServer();
    db = tempDbPath();
    zhang = emu.users.add({ name: '张三', email: 'zhang@example.com' });
  });
  afterEach(async () => {
    await svc?.stop();
    svc = undefined;
    await emu.close();
    await idp.close();
    db.cleanup();
  });

  async function prepared(options: Parameters<typeof startService>[2] = {}): Promise<{ docId: string; table: TableRef; session: string }> {
    svc = await startService(emu, db.path, { ...options, env: { FEISHU_AUTH_BASE_URL: idp.baseUrl, ...options.env } });
    const doc = emu.docs.create({ title: '项目例会' });
    const session = await openSession(svc, idp, doc.documentId, zhang);
    await api(svc, session, 'insertTemplate', { scenario: 'general', lang: 'zh' });
    return { docId: doc.documentId, table: todoTable(emu, doc.documentId), session };
  }

  function fillThree(docId: string, table: TableRef): void {
    const due = Date.parse('2031-05-01T00:00:00+08:00');
    for (const [row, title] of [[1, '准备评审材料'], [2, '联系供应商'], [3, '更新排期表']] as const) {
      fillRow(emu, docId, table, row, [[el.text(title)], [el.mention(zhang.open_id)], [el.reminder(due)]], zhang.open_id);
    }
  }

  it('a storm of edits under rate limits and 5xx: one sync, no duplicate tasks', async () => {
    const { docId, table } = await prepared();
    emu.faults.enableRateLimits();
    emu.faults.inject({ route: 'task.v2.task.create', fault: { type: 'rateLimit' }, times: 2 });
    emu.faults.inject({ route: 'task.v2.task.create', fault: { type: 'serverError' }, skip: 1, times: 1 });
    emu.faults.inject({ route: 'docx.v1.documentBlock.batchUpdate', fault: { type: 'documentEditLimit' }, times: 1 });
    emu.faults.inject({ route: 'docx.v1.documentBlock.list', fault: { type: 'rateLimit' }, times: 1 });
    const before = svc!.service.syncs.length;
    fillThree(docId, table);
    for (let i = 0; i < 25; i++) emu.docs.touchAsUser(docId, { operatorOpenId: zhang.open_id });
    await svc!.service.waitForSyncs((s) => s.slice(before).some((x) => !x.skipped), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const ran = svc!.service.syncs.slice(before).filter((x) => !x.skipped);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.summary!.counts.created).toBe(3);
    expect(emu.tasks.count()).toBe(3);
    expect(new Set(emu.tasks.all().map((t) => t.summary))).toEqual(new Set(['准备评审材料', '联系供应商', '更新排期表']));
    // Every injected fault was met and survived.
    expect(emu.calls.count({ route: 'task.v2.task.create' })).toBeGreaterThanOrEqual(6);
    // A second storm of pings with no content change syncs nothing new.
    for (let i = 0; i < 10; i++) emu.docs.touchAsUser(docId, { operatorOpenId: zhang.open_id });
    await svc!.service.waitForSyncs((s) => s.length > before + ran.length + 0 && s.slice(-1)[0]!.endedAt > ran[0]!.endedAt, 10_000);
    expect(emu.tasks.count()).toBe(3);
  });

  it('killed half-way through a sync and restarted over the same database: no duplicates (within the token window)', async () => {
    // No tasklist: recovery can only come from the create's client_token (still within its 5 minutes).
    const crash = dieAfterCreates(2);
    const { docId, table } = await prepared({ wrapBackend: crash.wrap, env: { FEISHU_TASKLIST: 'none' } });
    const before = svc!.service.syncs.length;
    fillThree(docId, table);
    await waitUntil(() => crash.died() && !svc!.service.scheduler.pending(docId));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(svc!.service.syncs.length).toBe(before);
    expect(emu.tasks.count()).toBe(2);
    await svc!.stop();

    svc = await startService(emu, db.path, { env: { FEISHU_AUTH_BASE_URL: idp.baseUrl, FEISHU_TASKLIST: 'none' } });
    const summary = await svc.service.syncNow(docId);
    expect(summary!.ok).toBe(true);
    expect(emu.tasks.count()).toBe(3);
    expect(new Set(emu.tasks.all().map((t) => t.summary)).size).toBe(3);
    expect(emu.calls.count({ route: 'task.v2.tasklist.tasks' })).toBe(0);
  });

  it('restarted after the 5-minute client_token window: the tasklist lookup finds the orphan', async () => {
    const crash = dieAfterCreates(1);
    const { docId, table } = await prepared({ wrapBackend: crash.wrap });
    fillThree(docId, table);
    await waitUntil(() => crash.died() && !svc!.service.scheduler.pending(docId));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(emu.tasks.count()).toBe(1);
    await svc!.stop();

    skew = 6 * 60_000; // the emulator's clock: client tokens no longer return their task
    svc = await startService(emu, db.path, { env: { FEISHU_AUTH_BASE_URL: idp.baseUrl } });
    const summary = await svc.service.syncNow(docId);
    expect(summary!.ok).toBe(true);
    expect(emu.tasks.count()).toBe(3);
    expect(emu.tasks.all().filter((t) => t.summary === '准备评审材料')).toHaveLength(1);
    const listed = emu.calls.count({ route: 'task.v2.tasklist.tasks' });
    expect(listed).toBeGreaterThan(0);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
