/**
 * The HTTP side: route dispatch, token checks, faults, rate limits, the call log and the
 * `{code, msg, data}` envelope. Errors are `{code, msg, error:{log_id}}` with the documented status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthRegistry, Identity } from './auth';
import type { CallLog, CallRecord } from './calls';
import { redact } from './calls';
import { ApiError, platformErrors } from './errors';
import type { FaultSpec, Faults } from './faults';
import { faultError } from './faults';
import { logId } from './ids';
import type { CompiledRoute, HttpMethod, Route, RouteContext } from './router';
import { RawReply, compile, matchPath } from './router';

export interface DispatcherDeps {
  auth: AuthRegistry;
  calls: CallLog;
  faults: Faults;
  now: () => number;
}

interface Held {
  release: () => void;
  res: ServerResponse;
  timer?: NodeJS.Timeout;
}

const MAX_BODY = 20 * 1024 * 1024;

export class Dispatcher {
  private readonly routes: CompiledRoute[] = [];
  private readonly inFlight = new Set<string>();
  private readonly held = new Set<Held>();
  private closing = false;

  constructor(private readonly deps: DispatcherDeps) {
    deps.faults.releaseHeldHook = () => this.releaseHeld();
  }

  add(routes: readonly Route[]): void {
    for (const route of routes) this.routes.push(compile(route));
  }

  /** Answer every held request (normal processing resumes). */
  releaseHeld(): number {
    const all = [...this.held];
    for (const h of all) {
      if (h.timer) clearTimeout(h.timer);
      this.held.delete(h);
      h.release();
    }
    return all.length;
  }

  /** On close: held requests are dropped with their sockets. */
  dropHeld(): void {
    this.closing = true;
    for (const h of this.held) {
      if (h.timer) clearTimeout(h.timer);
      h.res.destroy();
    }
    this.held.clear();
  }

  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error: unknown) => {
      console.error('[feishu-emulator] unexpected failure', error);
      if (!res.headersSent) sendJson(res, 500, { code: 1, msg: 'internal error' });
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = this.deps.now();
    const startedReal = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    const bodyText = await readBody(req);
    const segments = url.pathname.split('/').filter(Boolean);
    let route: CompiledRoute | undefined;
    let params: Record<string, string> = {};
    for (const candidate of this.routes) {
      if (candidate.method !== method) continue;
      const found = matchPath(candidate, segments);
      if (found) {
        route = candidate;
        params = found;
        break;
      }
    }
    const query = queryObject(url.searchParams);
    let body: unknown;
    let bodyError: ApiError | undefined;
    if (bodyText.trim() !== '') {
      try {
        body = JSON.parse(bodyText);
      } catch (error) {
        bodyError = platformErrors.badJson(`invalid JSON body: ${(error as Error).message}`);
      }
    }
    const call = this.deps.calls.add({
      at: arrived,
      method,
      path: url.pathname,
      route: route?.name,
      kind: route?.kind ?? 'other',
      query,
      body: redact(body),
      identity: 'none',
      ...(typeof req.headers['user-agent'] === 'string' ? { userAgent: req.headers['user-agent'] } : {}),
      ...(params.document_id ?? params.file_token ? { documentId: params.document_id ?? params.file_token } : {}),
      ...(params.task_guid ? { taskGuid: params.task_guid } : {}),
    });
    const finish = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      call.status = status;
      call.code = typeof payload === 'object' && payload !== null && 'code' in payload ? Number((payload as { code: unknown }).code) : undefined;
      call.durationMs = Date.now() - startedReal;
      if (!res.destroyed) sendJson(res, status, payload, headers);
    };
    if (!route) {
      call.status = 404;
      call.durationMs = Date.now() - startedReal;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404 page not found');
      return;
    }

    let identity: Identity | undefined;
    const context = (): RouteContext => ({
      method,
      path: url.pathname,
      params,
      query: url.searchParams,
      body,
      identity,
      app: identity ? this.deps.auth.apps.get(identity.appId) : undefined,
      now: arrived,
      call,
    });
    const run = async (): Promise<{ status: number; payload: unknown; headers?: Record<string, string> }> => {
      const result = await route.handle(context());
      if (result instanceof RawReply) return { status: result.status, payload: result.body };
      return { status: 200, payload: { code: 0, msg: 'success', data: result ?? {} } };
    };

    let concurrencyKey: string | undefined;
    try {
      if (bodyError) throw bodyError;
      identity = this.authenticate(route, req.headers.authorization);
      if (identity) {
        call.identity = identity.kind;
        call.appId = identity.appId;
      }
      const info = {
        route: route.name,
        method,
        path: url.pathname,
        kind: route.kind,
        documentEdit: route.documentEdit === true,
        ...(identity ? { appId: identity.appId } : {}),
        ...(call.documentId ? { documentId: call.documentId } : {}),
      };
      // In flight from arrival: a second request with the same key (task client_token) conflicts even while the first is delayed.
      const key = route.concurrencyKey?.(context());
      if (key !== undefined) {
        if (this.inFlight.has(key)) throw (route.concurrencyError ?? (() => new ApiError(500, 1, 'concurrent request')))();
        this.inFlight.add(key);
        concurrencyKey = key;
      }
      const fault = this.deps.faults.take(info);
      if (fault) {
        call.fault = fault.type;
        const outcome = await this.applyFault(fault, route, identity, res, run);
        if (outcome === 'dropped') {
          call.durationMs = Date.now() - startedReal;
          return;
        }
        if (outcome !== 'continue') {
          finish(outcome.status, outcome.payload, outcome.headers);
          return;
        }
      }
      try {
        this.deps.faults.checkRateLimits(info);
      } catch (error) {
        if (error instanceof ApiError) call.fault = error.status === 429 ? 'documentEditLimit' : 'rateLimit';
        throw error;
      }
      const result = await run();
      finish(result.status, result.payload, result.headers);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      finish(error.status, errorBody(error), error.headers);
    } finally {
      if (concurrencyKey !== undefined) this.inFlight.delete(concurrencyKey);
    }
  }

  private authenticate(route: Route, header: string | undefined): Identity | undefined {
    if (route.auth === 'none') return undefined;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const resolved = this.deps.auth.resolve(token);
    if (resolved === 'missing') throw platformErrors.missingToken();
    if (resolved === 'invalid-tenant') throw platformErrors.invalidTenantToken();
    if (resolved === 'invalid-user') throw platformErrors.invalidUserToken();
    if (route.auth === 'user' && resolved.kind !== 'user') throw platformErrors.userTokenRequired();
    if (route.auth === 'tenant' && resolved.kind !== 'tenant') throw platformErrors.invalidUserToken();
    return resolved;
  }

  private async applyFault(
    fault: FaultSpec,
    route: Route,
    identity: Identity | undefined,
    res: ServerResponse,
    run: () => Promise<{ status: number; payload: unknown; headers?: Record<string, string> }>,
  ): Promise<'continue' | 'dropped' | { status: number; payload: unknown; headers?: Record<string, string> }> {
    switch (fault.type) {
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return 'continue';
      case 'reset':
        res.socket?.destroy();
        res.destroy();
        return 'dropped';
      case 'timeout': {
        let applied: { status: number; payload: unknown } | ApiError | undefined;
        if (fault.apply) {
          try {
            applied = await run();
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            applied = error;
          }
        }
        const released = await this.hold(res, fault.releaseAfterMs);
        if (!released) return 'dropped';
        if (applied instanceof ApiError) throw applied;
        return applied ?? 'continue';
      }
      default:
        throw faultError(fault, route.family, identity?.kind ?? 'none');
    }
  }

  /** Resolves true when released (answer normally), false when the emulator closed first. */
  private hold(res: ServerResponse, releaseAfterMs: number | undefined): Promise<boolean> {
    if (this.closing) return Promise.resolve(false);
    return new Promise((resolve) => {
      const held: Held = { res, release: () => resolve(true) };
      if (releaseAfterMs !== undefined) {
        held.timer = setTimeout(() => {
          this.held.delete(held);
          resolve(true);
        }, releaseAfterMs);
      }
      res.on('close', () => {
        if (this.held.delete(held)) {
          if (held.timer) clearTimeout(held.timer);
          resolve(false);
        }
      });
      this.held.add(held);
    });
  }
}

export function errorBody(error: ApiError): Record<string, unknown> {
  const detail: Record<string, unknown> = { log_id: logId() };
  if (error.violations.length > 0) detail.field_violations = error.violations;
  return { code: error.code, msg: error.msg, error: detail };
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-tt-logid': logId(),
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

export type { CallRecord };
