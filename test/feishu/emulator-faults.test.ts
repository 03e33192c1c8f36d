import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeishuEmulator } from './emulator';
import { seed, startFeishuEmulator } from './emulator';
import { failure, sdkClient, until } from './support/sdk';
import type { lark } from './support/sdk';

describe('feishu emulator: injected faults and rate limits', () => {
  let clock = Date.UTC(2025, 0, 8, 3, 0, 0);
  let emu: FeishuEmulator;
  let client: lark.Client;
  let documentId: string;
  let textId: string;

  const update = (c: lark.Client = client, content = 'x', params: Record<string, string | number> = {}) =>
    c.docx.v1.documentBlock.batchUpdate({
      path: { document_id: documentId },
      params,
      data: { requests: [{ block_id: textId, update_text_elements: { elements: [{ text_run: { content } }] } }] },
    });

  beforeEach(async () => {
    clock = Date.UTC(2025, 0, 8, 3, 0, 0);
    emu = await startFeishuEmulator({
      now: () => clock,
      apps: [
        { appId: 'cli_a1b2c3d4e5f60718', appSecret: 'one' },
        { appId: 'cli_0123456789abcdef', appSecret: 'two' },
      ],
    });
    client = sdkClient(emu);
    const doc = emu.docs.create({ blocks: [seed.text('hello')] });
    documentId = doc.documentId;
    textId = emu.docs.blocks(documentId)[1]!.block_id;
  });
  afterEach(async () => {
    await emu.close();
  });

  it('99991400 reaches the SDK as a rejected AxiosError with HTTP 400 and the code in response.data', async () => {
    emu.faults.inject({ route: 'docx.v1.documentBlock.batchUpdate', fault: { type: 'rateLimit' } });
    const failed = await failure(update());
    expect(failed).toMatchObject({ status: 400, code: 99991400, msg: 'request trigger frequency limit' });
    expect((failed.error as Error).name).toBe('AxiosError');
    expect(failed.headers['x-ogw-ratelimit-reset']).toBe('1');
    expect(emu.calls.last({ route: 'docx.v1.documentBlock.batchUpdate' })).toMatchObject({ status: 400, code: 99991400, fault: 'rateLimit' });
    // Only the next matching request fails.
    await expect(update()).resolves.toMatchObject({ code: 0 });
    expect(emu.docs.info(documentId).revisionId).toBe(2);
  });

  it('429 per-document edit limit and 5xx server errors reject; nothing is written', async () => {
    emu.faults.inject({ route: /batchUpdate$/, fault: { type: 'documentEditLimit' } });
    expect(await failure(update())).toMatchObject({ status: 429, code: 99991400 });
    emu.faults.inject({ route: /batchUpdate$/, fault: { type: 'serverError', status: 503 } });
    expect(await failure(update())).toMatchObject({ status: 503, code: 1771001 });
    emu.faults.inject({ route: 'task.v2.task.create', fault: { type: 'serverError' } });
    expect(await failure(client.task.v2.task.create({ data: { summary: 's' } }))).toMatchObject({ status: 500, code: 1470500 });
    expect(emu.docs.info(documentId).revisionId).toBe(1);
    expect(emu.tasks.count()).toBe(0);
  });

  it('token, scope and permission faults, and HTTP 200 with a non-zero code', async () => {
    emu.faults.inject({ route: 'docx.v1.document.get', fault: { type: 'invalidToken' } });
    expect(await failure(client.docx.v1.document.get({ path: { document_id: documentId } }))).toMatchObject({ status: 400, code: 99991663 });
    emu.faults.inject({ route: 'docx.v1.document.get', fault: { type: 'missingScope' } });
    const scope = await failure(client.docx.v1.document.get({ path: { document_id: documentId } }));
    expect(scope).toMatchObject({ code: 99991672 });
    expect(scope.msg).toContain('docx:document');
    emu.faults.inject({ route: 'docx.v1.document.get', fault: { type: 'forbidden' } });
    expect(await failure(client.docx.v1.document.get({ path: { document_id: documentId } }))).toMatchObject({ status: 403, code: 1770032 });
    emu.faults.inject({ route: 'docx.v1.document.get', fault: { type: 'error', status: 200, code: 1770002, msg: 'not found' } });
    const soft = await client.docx.v1.document.get({ path: { document_id: documentId } });
    expect(soft).toMatchObject({ code: 1770002, msg: 'not found' });
    expect(soft.data).toBeUndefined();
  });

  it('a reset connection rejects the SDK call with a network error', async () => {
    emu.faults.inject({ route: 'docx.v1.document.get', fault: { type: 'reset' } });
    const failed = await failure(client.docx.v1.document.get({ path: { document_id: documentId } }));
    expect(failed.status).toBeUndefined();
    expect((failed.error as { code?: string }).code).toMatch(/ECONNRESET|ERR_BAD_RESPONSE|EPIPE|ECONNABORTED/);
  });

  it('timeouts hold the request; with apply the write lands and a retry with the same client_token replays it', async () => {
    // Warm the token so the held request is the API call itself.
    await client.docx.v1.document.get({ path: { document_id: documentId } });
    const token = await sdkToken(emu);
    emu.faults.inject({ route: 'docx.v1.documentBlock.batchUpdate', fault: { type: 'timeout', apply: true } });
    const clientToken = randomUUID();
    const url = `${emu.baseUrl}/open-apis/docx/v1/documents/${documentId}/blocks/batch_update?client_token=${clientToken}`;
    const body = JSON.stringify({ requests: [{ block_id: textId, update_text_elements: { elements: [{ text_run: { content: 'landed' } }] } }] });
    const held = fetch(url, { method: 'PATCH', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, signal: AbortSignal.timeout(150) });
    await expect(held).rejects.toThrow();
    expect(emu.docs.text(documentId, textId)).toBe('landed');
    expect(emu.docs.info(documentId).revisionId).toBe(2);
    const retry = await update(client, 'landed', { client_token: clientToken });
    expect(retry.data?.document_revision_id).toBe(2);
    expect(emu.docs.info(documentId).revisionId).toBe(2);

    emu.faults.inject({ route: 'docx.v1.document.get', fault: { type: 'timeout', releaseAfterMs: 50 } });
    const started = Date.now();
    await expect(client.docx.v1.document.get({ path: { document_id: documentId } })).resolves.toMatchObject({ code: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);

    emu.faults.inject({ route: 'docx.v1.document.get', fault: { type: 'timeout' } });
    const pending = client.docx.v1.document.get({ path: { document_id: documentId } });
    await until(() => emu.calls.count({ route: 'docx.v1.document.get', fault: 'timeout' }) === 2);
    expect(emu.faults.releaseHeld()).toBe(1);
    await expect(pending).resolves.toMatchObject({ code: 0 });
  });

  it('enforces per-app per-method QPS (400 / 99991400) when turned on', async () => {
    emu.faults.enableRateLimits();
    for (let i = 0; i < 3; i++) await expect(update(client, `v${i}`)).resolves.toMatchObject({ code: 0 });
    // Reads are limited separately (5/s).
    for (let i = 0; i < 5; i++) await client.docx.v1.document.get({ path: { document_id: documentId } });
    expect(await failure(client.docx.v1.document.get({ path: { document_id: documentId } }))).toMatchObject({ status: 400, code: 99991400 });
    expect(await failure(update(client, 'v3'))).toMatchObject({ status: 400, code: 99991400 });
    clock += 1000;
    await expect(update(client, 'v4')).resolves.toMatchObject({ code: 0 });
    expect(emu.calls.count({ route: 'docx.v1.documentBlock.batchUpdate', fault: 'rateLimit' })).toBe(1);
    expect(emu.calls.count({ route: 'docx.v1.documentBlock.batchUpdate', ok: true })).toBe(4);
  });

  it('enforces 3 edits/s per document across apps (HTTP 429) when turned on', async () => {
    emu.faults.enableRateLimits();
    const other = sdkClient(emu, emu.apps[1]!);
    await update(client, 'a');
    await update(other, 'b');
    await update(client, 'c');
    expect(await failure(update(other, 'd'))).toMatchObject({ status: 429 });
    clock += 1000;
    await expect(update(other, 'e')).resolves.toMatchObject({ code: 0 });
    emu.faults.disableRateLimits();
    for (let i = 0; i < 6; i++) await update(client, `free${i}`);
    expect(emu.docs.text(documentId, textId)).toBe('free5');
  });
});

async function sdkToken(emu: FeishuEmulator): Promise<string> {
  const res = await fetch(`${emu.baseUrl}/open-apis/auth/v3/tenant_access_token/internal`, {
    method: 'POST',
    body: JSON.stringify({ app_id: emu.app.appId, app_secret: emu.app.appSecret }),
  });
  return ((await res.json()) as { tenant_access_token: string }).tenant_access_token;
}
