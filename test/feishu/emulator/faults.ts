/**
 * Injected failures on the next N matching requests, and the platform's rate limits (off until a test
 * turns them on): per app and method (HTTP 400 / 99991400) and 3 edits/s per document (HTTP 429).
 */
import { ApiError, platformErrors } from './errors';
import type { CallKind } from './calls';

export type FaultSpec =
  /** HTTP 400, code 99991400 "request trigger frequency limit". */
  | { type: 'rateLimit' }
  /** HTTP 429: the per-document edit limit. */
  | { type: 'documentEditLimit' }
  /** 5xx with the API family's server-error code (docx 1771001, task 1470500, …) unless given. */
  | { type: 'serverError'; status?: number; code?: number; msg?: string }
  /**
   * Hold the request: no answer until `releaseAfterMs` (then it is answered normally) or until the
   * emulator closes / `releaseHeld()`; lets client timeouts fire. With `apply: true` the request takes
   * effect first (the write happened, only the answer is lost).
   */
  | { type: 'timeout'; releaseAfterMs?: number; apply?: boolean }
  /** Answer normally after a delay. */
  | { type: 'delay'; ms: number }
  /** The bearer token is rejected (99991663, or 99991668 for a user token). */
  | { type: 'invalidToken' }
  /** 99991672 missing scope. */
  | { type: 'missingScope'; scopes?: string[] }
  /** The family's permission error: docx 403/1770032, task 403/1470403, drive 403/1069603. */
  | { type: 'forbidden' }
  /** Any status and code, e.g. HTTP 200 with a non-zero code. */
  | { type: 'error'; status: number; code: number; msg: string }
  /** Destroy the connection without an answer (ECONNRESET on the client). */
  | { type: 'reset' };

export interface FaultMatch {
  /** SDK-style route name (docx.v1.documentBlock.batchUpdate) or a pattern over it. */
  route?: string | RegExp;
  method?: string;
  path?: string | RegExp;
  kind?: CallKind;
  appId?: string;
  documentId?: string;
}

export interface FaultRule extends FaultMatch {
  fault: FaultSpec;
  /** How many matching requests to fail (default 1; Infinity = until cleared). */
  times?: number;
  /** Let this many matching requests through first (e.g. 1 = fail the second page). */
  skip?: number;
}

export interface FaultHandle {
  /** Requests this rule has failed so far. */
  readonly hits: number;
  readonly remaining: number;
  cancel(): void;
}

export interface RateWindow {
  perSecond?: number;
  perMinute?: number;
}

export interface RateLimitConfig {
  /** Per app and route; merged over DEFAULT_RATE_LIMITS. */
  perRoute?: Record<string, RateWindow>;
  /** Edits per second on one document, across apps (default 3). */
  documentEditsPerSecond?: number;
}

/** §10 of the reference. */
export const DEFAULT_RATE_LIMITS: Record<string, RateWindow> = {
  'docx.v1.document.get': { perSecond: 5 },
  'docx.v1.document.rawContent': { perSecond: 5 },
  'docx.v1.documentBlock.list': { perSecond: 5 },
  'docx.v1.documentBlock.get': { perSecond: 5 },
  'docx.v1.documentBlockChildren.get': { perSecond: 5 },
  'docx.v1.documentBlockChildren.create': { perSecond: 3 },
  'docx.v1.documentBlockDescendant.create': { perSecond: 3 },
  'docx.v1.documentBlock.patch': { perSecond: 3 },
  'docx.v1.documentBlock.batchUpdate': { perSecond: 3 },
  'docx.v1.documentBlockChildren.batchDelete': { perSecond: 3 },
  'task.v2.task.create': { perSecond: 10 },
  'task.v2.task.list': { perSecond: 50, perMinute: 1000 },
  'contact.v3.user.batchGetId': { perSecond: 50, perMinute: 1000 },
  'drive.v1.file.subscribe': { perSecond: 50, perMinute: 1000 },
};

export interface RequestInfo {
  route: string | undefined;
  method: string;
  path: string;
  kind: CallKind;
  appId?: string;
  documentId?: string;
  documentEdit: boolean;
}

interface LiveRule {
  rule: FaultRule;
  remaining: number;
  hits: number;
  skip: number;
}

function matchPattern(pattern: string | RegExp | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (value === undefined) return false;
  return typeof pattern === 'string' ? pattern === value : pattern.test(value);
}

export class Faults {
  private readonly rules: LiveRule[] = [];
  private limits: { perRoute: Record<string, RateWindow>; documentEditsPerSecond: number } | undefined;
  private readonly routeHits = new Map<string, number[]>();
  private readonly documentHits = new Map<string, number[]>();
  /** Set by the server: releases every held request. */
  releaseHeldHook: () => number = () => 0;

  constructor(private readonly now: () => number) {}

  /** Fail the next `times` (default 1) requests matching the rule. */
  inject(rule: FaultRule): FaultHandle {
    const live: LiveRule = { rule, remaining: rule.times ?? 1, hits: 0, skip: rule.skip ?? 0 };
    this.rules.push(live);
    return {
      get hits() {
        return live.hits;
      },
      get remaining() {
        return live.remaining;
      },
      cancel: () => {
        live.remaining = 0;
      },
    };
  }

  /** Drop every pending fault rule (rate limits stay as configured). */
  clear(): void {
    this.rules.length = 0;
  }

  /** Answer every held ('timeout') request now. Returns how many were released. */
  releaseHeld(): number {
    return this.releaseHeldHook();
  }

  enableRateLimits(config: RateLimitConfig = {}): void {
    this.limits = {
      perRoute: { ...DEFAULT_RATE_LIMITS, ...config.perRoute },
      documentEditsPerSecond: config.documentEditsPerSecond ?? 3,
    };
    this.routeHits.clear();
    this.documentHits.clear();
  }

  disableRateLimits(): void {
    this.limits = undefined;
  }

  get rateLimitsEnabled(): boolean {
    return this.limits !== undefined;
  }

  /** The first live rule matching the request; consumes one of its uses. */
  take(info: RequestInfo): FaultSpec | undefined {
    for (const live of this.rules) {
      if (live.remaining <= 0) continue;
      const r = live.rule;
      if (
        matchPattern(r.route, info.route) &&
        (r.method === undefined || r.method.toUpperCase() === info.method) &&
        matchPattern(r.path, info.path) &&
        (r.kind === undefined || r.kind === info.kind) &&
        (r.appId === undefined || r.appId === info.appId) &&
        (r.documentId === undefined || r.documentId === info.documentId)
      ) {
        if (live.skip > 0) {
          live.skip -= 1;
          continue;
        }
        live.remaining -= 1;
        live.hits += 1;
        return r.fault;
      }
    }
    return undefined;
  }

  /** Throws the rate-limit error when the request is over a limit; otherwise counts it. */
  checkRateLimits(info: RequestInfo): void {
    if (!this.limits || !info.route) return;
    const now = this.now();
    const window = this.limits.perRoute[info.route];
    const routeKey = `${info.appId ?? '-'} ${info.route}`;
    const routeHits = prune(this.routeHits.get(routeKey) ?? [], now, 60_000);
    if (window) {
      const lastSecond = routeHits.filter((t) => t > now - 1000);
      if (window.perSecond !== undefined && lastSecond.length >= window.perSecond) {
        throw platformErrors.rateLimit((lastSecond[0]! + 1000 - now) / 1000);
      }
      if (window.perMinute !== undefined && routeHits.length >= window.perMinute) {
        throw platformErrors.rateLimit((routeHits[0]! + 60_000 - now) / 1000);
      }
    }
    let docHits: number[] | undefined;
    if (info.documentEdit && info.documentId) {
      docHits = prune(this.documentHits.get(info.documentId) ?? [], now, 1000);
      if (docHits.length >= this.limits.documentEditsPerSecond) {
        throw platformErrors.documentEditLimit((docHits[0]! + 1000 - now) / 1000);
      }
      docHits.push(now);
      this.documentHits.set(info.documentId, docHits);
    }
    routeHits.push(now);
    this.routeHits.set(routeKey, routeHits);
  }
}

function prune(hits: number[], now: number, windowMs: number): number[] {
  return hits.filter((t) => t > now - windowMs);
}

/** The error an error-type fault produces for a route family. */
export function faultError(fault: FaultSpec, family: 'docx' | 'task' | 'drive' | 'contact' | 'other', tokenKind: 'tenant' | 'user' | 'none'): ApiError {
  switch (fault.type) {
    case 'rateLimit':
      return platformErrors.rateLimit();
    case 'documentEditLimit':
      return platformErrors.documentEditLimit();
    case 'serverError': {
      const defaults = { docx: [1771001, 'server internal error'], task: [1470500, 'server error'], drive: [1069601, 'fail'], contact: [1, 'internal error'], other: [1, 'internal error'] } as const;
      const [code, msg] = defaults[family];
      return new ApiError(fault.status ?? 500, fault.code ?? code, fault.msg ?? msg);
    }
    case 'invalidToken':
      return tokenKind === 'user' ? platformErrors.invalidUserToken() : platformErrors.invalidTenantToken();
    case 'missingScope':
      return platformErrors.missingScope(fault.scopes ?? defaultScopes(family));
    case 'forbidden': {
      const byFamily = { docx: [403, 1770032, 'forbidden'], task: [403, 1470403, 'no permission'], drive: [403, 1069603, 'forbidden'], contact: [400, 41050, 'no user authority error'], other: [403, 1, 'forbidden'] } as const;
      const [status, code, msg] = byFamily[family];
      return new ApiError(status, code, msg);
    }
    case 'error':
      return new ApiError(fault.status, fault.code, fault.msg);
    default:
      throw new Error(`fault ${fault.type} is not an error`);
  }
}

function defaultScopes(family: string): string[] {
  switch (family) {
    case 'docx':
      return ['docx:document', 'docx:document:readonly'];
    case 'task':
      return ['task:task:write', 'task:task'];
    case 'drive':
      return ['docs:doc', 'docs:event:subscribe', 'drive:drive'];
    case 'contact':
      return ['contact:user.id:readonly', 'contact:contact:readonly_as_app'];
    default:
      return ['unknown'];
  }
}
