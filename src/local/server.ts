/**
 * The local workspace's HTTP server (127.0.0.1 only): the editor page, the sidebar, the tasks panel, and
 * `POST /d/<doc>/api/<op>` — the sidebar's HostApi over the same MinutesService as the platforms.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Lang } from '../core/app/protocol';
import { httpStatus, invalid, LocalError, notFound, toHostError } from './errors';
import { workspacePage } from './page';
import { OPERATIONS, type LocalWorkspace, type Operation } from './workspace';

export interface LocalAssets {
  editorJs: string;
  editorCss: string;
  sidebarHtml: string;
}

export interface ServerOptions {
  workspace: LocalWorkspace;
  assets: LocalAssets;
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** The language of the UI; by default each request's Accept-Language decides. */
  lang?: Lang;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;

/** Reads the built browser assets (build/local.mjs writes them to dist/local/). */
export function loadAssets(dir: string): LocalAssets {
  return {
    editorJs: readFileSync(join(dir, 'editor.js'), 'utf8'),
    editorCss: readFileSync(join(dir, 'editor.css'), 'utf8'),
    sidebarHtml: readFileSync(join(dir, 'sidebar.html'), 'utf8'),
  };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const sidebarCsp = cspFor(options.assets.sidebarHtml);
  let origin = '';
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const lang = langOf(req, options.lang);
      const hostError = toHostError(error, lang);
      if (hostError.code === 'internal') console.error(`minutes: ${req.method} ${(req.url ?? '').split('?')[0]}: ${error instanceof Error ? error.message : String(error)}`);
      sendJson(res, httpStatus(hostError), { error: hostError });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const lang = langOf(req, options.lang);
    const ws = options.workspace;
    if (!hostAllowed(req, url)) return sendText(res, 421, 'text/plain', 'wrong host');
    if (method !== 'GET' && method !== 'HEAD' && !sameOrigin(req, origin)) throw new LocalError('permission', '请求来源不被允许。', 'Request from another site refused.');

    if (method === 'GET' && path === '/') {
      const first = ws.list()[0]?.id ?? ws.create(lang === 'zh' ? '会议纪要' : 'Meeting minutes');
      return redirect(res, `/d/${encodeURIComponent(first)}`);
    }
    if (method === 'GET' && path === '/assets/editor.js') return sendText(res, 200, 'text/javascript; charset=utf-8', options.assets.editorJs);
    if (method === 'GET' && path === '/assets/editor.css') return sendText(res, 200, 'text/css; charset=utf-8', options.assets.editorCss);
    if (method === 'GET' && path === '/favicon.ico') return sendText(res, 204, 'text/plain', '');
    if (path === '/api/docs') {
      if (method === 'GET') return sendJson(res, 200, { documents: ws.list() });
      if (method === 'POST') {
        const body = (await readJson(req)) as { title?: unknown; doc?: unknown };
        const title = typeof body.title === 'string' && body.title.trim() ? body.title.trim().slice(0, 200) : 'minutes';
        return sendJson(res, 201, { id: ws.create(title) });
      }
    }
    if (method === 'GET' && path === '/api/tasks') {
      const doc = url.searchParams.get('doc') ?? undefined;
      return sendJson(res, 200, { tasks: ws.tasks.all(doc).map(({ syncKey: _key, notes: _notes, ...task }) => task) });
    }
    const task = /^\/api\/tasks\/([A-Za-z0-9_-]+)$/.exec(path);
    if (task && method === 'POST') {
      const body = (await readJson(req)) as { done?: unknown };
      if (typeof body.done !== 'boolean') throw invalid('done');
      const result = await ws.setTaskStatus(task[1]!, body.done, lang);
      return sendJson(res, 200, { task: result.task, synced: result.synced });
    }
    const taskLink = /^\/tasks\/([A-Za-z0-9_-]+)$/.exec(path);
    if (taskLink && method === 'GET') {
      const found = ws.tasks.find(taskLink[1]!);
      if (!found) throw notFound();
      return redirect(res, `/d/${encodeURIComponent(found.docId)}#task-${found.id}`);
    }

    const doc = /^\/d\/([A-Za-z0-9][A-Za-z0-9_-]*)(\/.*)?$/.exec(path);
    if (!doc) throw notFound();
    const docId = doc[1]!;
    const rest = doc[2] ?? '';
    if (!ws.documents.has(docId)) throw notFound();
    if (method === 'GET' && rest === '') return sendText(res, 200, 'text/html; charset=utf-8', workspacePage(docId, ws.list(), lang), PAGE_CSP);
    if (method === 'GET' && rest === '/sidebar') return sendText(res, 200, 'text/html; charset=utf-8', options.assets.sidebarHtml, sidebarCsp);
    if (method === 'GET' && rest === '/doc') return sendJson(res, 200, ws.read(docId));
    if (method === 'GET' && rest === '/version') return sendJson(res, 200, { revision: ws.revision(docId) });
    if (method === 'PUT' && rest === '/doc') {
      const body = (await readJson(req)) as { doc?: unknown };
      return sendJson(res, 200, await ws.save(docId, body.doc, { sync: url.searchParams.get('sync') === '1', lang }));
    }
    const op = /^\/api\/([A-Za-z]+)$/.exec(rest);
    if (op && method === 'POST' && (OPERATIONS as readonly string[]).includes(op[1]!)) {
      const body = await readJson(req);
      return sendJson(res, 200, await ws.call(docId, op[1] as Operation, body, lang));
    }
    throw notFound();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4321, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;
  options.workspace.taskUrl = (id) => `${origin}/tasks/${id}`;
  return {
    url: origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/** The sidebar's one inline script is allowed by its hash; nothing else runs. */
function cspFor(html: string): string {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  return `default-src 'none'; script-src ${scripts.join(' ')}; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'`;
}

function langOf(req: IncomingMessage, fixed: Lang | undefined): Lang {
  if (fixed) return fixed;
  const header = String(req.headers['accept-language'] ?? '');
  return header === '' || /^zh/i.test(header) ? 'zh' : 'en';
}

/** Only requests addressed to this loopback server (no DNS rebinding). */
function hostAllowed(req: IncomingMessage, url: URL): boolean {
  const host = String(req.headers.host ?? '');
  return host === url.host || host === `localhost:${url.port}` || host === `[::1]:${url.port}`;
}

/** Writes must come from this server's own pages (a browser sends Origin on cross-site POSTs). */
function sameOrigin(req: IncomingMessage, origin: string): boolean {
  const from = req.headers.origin;
  if (!from) return true;
  const port = new URL(origin).port;
  return from === origin || from === `http://localhost:${port}`;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) throw invalid('content-type');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw invalid('too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid('JSON');
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function sendText(res: ServerResponse, status: number, type: string, text: string, csp?: string): void {
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (csp) headers['content-security-policy'] = csp;
  res.writeHead(status, headers);
  res.end(text);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'cache-control': 'no-store' });
  res.end();
}
