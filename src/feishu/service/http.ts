/**
 * The HTTP side of the service: the sidebar's JSON API (`POST /api/session`, `POST /api/<operation>`),
 * the webhook endpoint (signature check and decryption by the SDK's EventDispatcher) and a health check.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HostError, Lang } from '../../core/app/protocol';
import { parseInsertTemplate, parseSettings, parseWriteItems } from '../../core/app/requests';
import { AuthError, type SessionClaims } from './auth';
import { hostError, httpStatusOf, toHostError } from './errors';
import type { FeishuSyncService } from './service';

const MAX_BODY = 1_000_000;
const OPERATIONS = new Set(['getContext', 'insertTemplate', 'extract', 'writeItems', 'syncNow', 'saveSettings', 'fingerprint']);

class BadRequest extends Error {}

export function createApiServer(service: FeishuSyncService): Server {
  const webhook = service.config.events === 'webhook' ? lark.adaptDefault('/webhook/event', service.dispatcher, { autoChallenge: true }) : null;
  return createServer((req, res) => {
    void handle(service, webhook, req, res).catch((error: unknown) => {
      service.log(`http ${req.method} ${req.url?.split('?')[0]} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, { error: hostError('internal', 'zh') }, service.config.corsOrigin);
    });
  });
}

async function handle(service: FeishuSyncService, webhook: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!;
  const cors = service.config.corsOrigin;
  if (webhook && path === '/webhook/event') return webhook(req, res);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-origin': cors,
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type, x-minutes-lang',
      'access-control-max-age': '600',
    });
    res.end();
    return;
  }
  if (req.method === 'GET' && path === '/healthz') return send(res, 200, { ok: true }, cors);
  const m = /^\/api\/([A-Za-z]+)$/.exec(path);
  if (!m || req.method !== 'POST') return send(res, 404, { error: hostError('not_found', 'en', 'No such endpoint.') }, cors);
  const operation = m[1]!;
  const headerLang = req.headers['x-minutes-lang'];
  let lang: Lang = headerLang === 'en' ? 'en' : 'zh';
  try {
    const body = await readJson(req);
    if (operation === 'session') return send(res, 200, await openSession(service, req, body), cors);
    if (!OPERATIONS.has(operation)) return send(res, 404, { error: hostError('not_found', lang, 'No such operation.') }, cors);
    const claims = authenticate(service, req);
    lang = headerLang === 'en' || headerLang === 'zh' ? headerLang : service.langOf(claims.doc);
    const result = await run(service, claims, operation, body);
    return send(res, 200, result, cors);
  } catch (error) {
    const failure: HostError = error instanceof BadRequest ? hostError('invalid', lang, error.message) : toHostError(error, lang);
    if (failure.code === 'internal') service.log(`api ${operation} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return send(res, httpStatusOf(failure), { error: failure }, cors);
  }
}

/** `POST /api/session {documentId, code?}` with `Authorization: Bearer <user_access_token>` (or a code). */
async function openSession(service: FeishuSyncService, req: IncomingMessage, body: unknown): Promise<{ session: string; expiresAt: number; user: { name: string } }> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { documentId?: unknown; code?: unknown; redirectUri?: unknown };
  if (typeof b.documentId !== 'string' || !/^[A-Za-z0-9_-]{10,64}$/.test(b.documentId)) throw new BadRequest('documentId is required.');
  let token = bearer(req);
  if (!token && typeof b.code === 'string' && b.code) token = await service.authority.exchangeCode(b.code, typeof b.redirectUri === 'string' ? b.redirectUri : undefined);
  if (!token) throw new AuthError('unauthenticated', 'No Feishu sign-in was sent.');
  const user = await service.authority.identify(token);
  if (!(await service.authority.canEdit(token, b.documentId))) throw new AuthError('permission', 'This user cannot edit the document.');
  const expiresAt = Date.now() + service.config.sessionTtlMs;
  const session = service.signer.sign({ sub: user.openId, name: user.name, doc: b.documentId, exp: expiresAt });
  await service.ensureKnown(b.documentId);
  return { session, expiresAt, user: { name: user.name } };
}

function authenticate(service: FeishuSyncService, req: IncomingMessage): SessionClaims {
  const token = bearer(req);
  if (!token) throw new AuthError('unauthenticated', 'No session.');
  const claims = service.signer.verify(token, Date.now());
  if (!claims) throw new AuthError('unauthenticated', 'The session is not valid or has expired.');
  return claims;
}

async function run(service: FeishuSyncService, claims: SessionClaims, operation: string, body: unknown): Promise<unknown> {
  const docId = claims.doc;
  const user = { name: claims.name };
  const serialize = <T>(work: () => Promise<T>): Promise<T> => service.scheduler.serialize(docId, work);
  switch (operation) {
    case 'getContext': {
      const document = service.documentFor(docId);
      await document.currentRevision();
      return service.context(docId, user, document.title);
    }
    case 'insertTemplate': {
      const request = parseInsertTemplate(body, 'zh');
      if (!request) throw new BadRequest('Unknown scenario.');
      service.store.updateDocument(docId, { lang: request.lang });
      return serialize(() => service.minutes(docId).insertTemplate(request));
    }
    case 'extract':
      return serialize(() => service.minutes(docId).extract());
    case 'writeItems': {
      // Items come from the client: each one is checked before anything is written into the document.
      const request = parseWriteItems(body, 'zh');
      if (!request) throw new BadRequest('items must be a list of review items.');
      return serialize(() => service.minutes(docId).writeItems(request));
    }
    case 'syncNow': {
      const summary = await service.syncNow(docId, 'manual');
      return summary;
    }
    case 'saveSettings': {
      const settings = parseSettings(body);
      if (!settings) throw new BadRequest('settings must be switches with true or false.');
      service.saveSettings(docId, settings);
      const document = service.documentFor(docId);
      await document.currentRevision();
      return service.context(docId, user, document.title);
    }
    case 'fingerprint':
      return serialize(() => service.minutes(docId).fingerprint());
    default:
      throw new BadRequest('No such operation.');
  }
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m ? m[1]! : null;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BadRequest('The request is too large.');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequest('The request body is not JSON.');
  }
}

function send(res: ServerResponse, status: number, body: unknown, cors: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': cors, 'cache-control': 'no-store' });
  res.end(JSON.stringify(body ?? null));
}
