import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLocalArgs } from '../../src/cli/serve-local';
import { startServer, type RunningServer } from '../../src/local/server';
import { LocalWorkspace } from '../../src/local/workspace';

let dir: string;
let ws: LocalWorkspace;
let server: RunningServer;
const SIDEBAR = '<!DOCTYPE html><html><head></head><body><div id="app"></div><script>boot()</script></body></html>';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'minutes-server-'));
  ws = new LocalWorkspace({ dir });
  ws.create('周会');
  server = await startServer({ workspace: ws, assets: { editorJs: '/*js*/', editorCss: '/*css*/', sidebarHtml: SIDEBAR }, port: 0 });
});

afterAll(async () => {
  await server.close();
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = request(`${server.url}${path}`, { method, headers: { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

describe('local server', () => {
  it('listens on 127.0.0.1 and redirects / to the first document', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await send('GET', '/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/d/minutes');
  });

  it('serves the page, and the sidebar with a CSP that allows only its own inline script', async () => {
    const page = await send('GET', '/d/minutes');
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-doc="minutes"');
    expect(page.body).toContain('src="/d/minutes/sidebar"');
    const sidebar = await send('GET', '/d/minutes/sidebar');
    expect(sidebar.body).toBe(SIDEBAR);
    expect(String(sidebar.headers['content-security-policy'])).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(String(sidebar.headers['content-security-policy'])).toContain("default-src 'none'");
  });

  it('runs HostApi operations as POST /d/<doc>/api/<op>', async () => {
    const ctx = await send('POST', '/d/minutes/api/getContext', {}, { 'accept-language': 'en-US' });
    expect(ctx.status).toBe(200);
    expect(JSON.parse(ctx.body)).toMatchObject({ platform: 'local', lang: 'en', documentId: 'minutes' });
    const inserted = await send('POST', '/d/minutes/api/insertTemplate', { scenario: 'general', lang: 'zh' });
    expect(JSON.parse(inserted.body)).toEqual({ inserted: true });
    const version = JSON.parse((await send('GET', '/d/minutes/version')).body) as { revision: number };
    expect(version.revision).toBeGreaterThan(1);
    const fp = await send('POST', '/d/minutes/api/fingerprint', {});
    expect(typeof JSON.parse(fp.body)).toBe('string');
  });

  it('answers failures with { error: HostError } and a fitting status', async () => {
    const bad = await send('POST', '/d/minutes/api/insertTemplate', { scenario: 'x' }, { 'accept-language': 'zh-CN' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ error: { code: 'invalid', message: '请求无效：scenario', retryable: false } });
    const missing = await send('POST', '/d/nope/api/extract', {});
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('not_found');
    const unknownOp = await send('POST', '/d/minutes/api/deleteEverything', {});
    expect(unknownOp.status).toBe(404);
    const notJson = await send('POST', '/d/minutes/api/extract', '{oops');
    expect(JSON.parse(notJson.body).error.code).toBe('invalid');
  });

  it('refuses writes from other sites and requests for other host names', async () => {
    const cross = await send('POST', '/d/minutes/api/syncNow', {}, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const form = await send('POST', '/d/minutes/api/syncNow', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    const rebound = await send('GET', '/d/minutes/doc', undefined, { host: 'evil.example' });
    expect(rebound.status).toBe(421);
    expect(ws.tasks.all()).toHaveLength(0);
  });

  it('saves the editor document and lists and completes tasks', async () => {
    const { doc } = JSON.parse((await send('GET', '/d/minutes/doc')).body) as { doc: { blocks: unknown[] } };
    doc.blocks.unshift({ type: 'paragraph', content: [{ type: 'text', text: '待办：@张三 12月20日前整理接口文档' }] });
    const saved = await send('PUT', '/d/minutes/doc?sync=1', { doc });
    expect(JSON.parse(saved.body)).toMatchObject({ synced: null });
    const synced = JSON.parse((await send('POST', '/d/minutes/api/syncNow', {})).body) as { counts: { created: number } };
    expect(synced.counts.created).toBe(1);
    const { tasks } = JSON.parse((await send('GET', '/api/tasks?doc=minutes')).body) as { tasks: { id: string; url: string; syncKey?: string }[] };
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.url).toBe(`${server.url}/tasks/${tasks[0]!.id}`);
    expect(tasks[0]!.syncKey).toBeUndefined();
    const done = await send('POST', `/api/tasks/${tasks[0]!.id}`, { done: true });
    expect(JSON.parse(done.body).task.status).toBe('done');
    const link = await send('GET', `/tasks/${tasks[0]!.id}`);
    expect(link.headers.location).toBe(`/d/minutes#task-${tasks[0]!.id}`);
  });
});

describe('serve-local arguments', () => {
  it('reads flags, then the environment, then defaults', () => {
    expect(parseLocalArgs([], {})).toEqual({ workspace: 'workspace', port: 4321, lang: undefined });
    expect(parseLocalArgs([], { MINUTES_WORKSPACE: '/tmp/w', MINUTES_PORT: '0' })).toEqual({ workspace: '/tmp/w', port: 0, lang: undefined });
    expect(parseLocalArgs(['--workspace', 'docs', '--port=8080', '--lang', 'en'], { MINUTES_PORT: '1' })).toEqual({ workspace: 'docs', port: 8080, lang: 'en' });
    expect(() => parseLocalArgs(['--port', 'x'], {})).toThrow(/port/);
    expect(() => parseLocalArgs(['--bogus'], {})).toThrow(/unknown option/);
  });
});
