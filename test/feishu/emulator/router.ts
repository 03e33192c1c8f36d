/** Route table types shared by the API modules. */
import type { App, Identity } from './auth';
import type { CallKind, CallRecord } from './calls';
import type { ApiError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Family = 'docx' | 'task' | 'drive' | 'contact' | 'other';

export interface RouteContext {
  method: HttpMethod;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The caller; undefined only on routes with auth 'none'. */
  identity: Identity | undefined;
  app: App | undefined;
  /** Emulator clock at arrival. */
  now: number;
  call: CallRecord;
}

/** A reply that is not the `{code:0,msg:"success",data}` envelope (token endpoint, WS endpoint). */
export class RawReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export interface Route {
  method: HttpMethod;
  /** Path pattern with :params, e.g. /open-apis/docx/v1/documents/:document_id/blocks */
  pattern: string;
  /** SDK method name, e.g. docx.v1.documentBlock.list */
  name: string;
  kind: CallKind;
  family: Family;
  /** 'tenant': tenant token only; 'user': user token only; 'any': either; 'none': no token. */
  auth: 'none' | 'tenant' | 'user' | 'any';
  /** Counts against the per-document edit limit. */
  documentEdit?: boolean;
  /** Requests sharing a key while one is in flight fail with concurrencyError (task client_token). */
  concurrencyKey?: (ctx: RouteContext) => string | undefined;
  concurrencyError?: () => ApiError;
  handle: (ctx: RouteContext) => unknown;
}

export interface CompiledRoute extends Route {
  segments: string[];
}

export function compile(route: Route): CompiledRoute {
  return { ...route, segments: route.pattern.split('/').filter(Boolean) };
}

/** Params when the path matches the route's pattern. Literal segments win over params by route order. */
export function matchPath(route: CompiledRoute, pathSegments: readonly string[]): Record<string, string> | undefined {
  if (route.segments.length !== pathSegments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pathSegments.length; i++) {
    const want = route.segments[i]!;
    const got = pathSegments[i]!;
    if (want.startsWith(':')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(got);
      } catch {
        return undefined;
      }
      params[want.slice(1)] = decoded;
    } else if (want !== got) {
      return undefined;
    }
  }
  return params;
}

export type { CallKind, Identity, App };
