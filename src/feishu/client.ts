/**
 * The Open API client: the official SDK with a per-client token cache and a logger that never prints
 * tokens or secrets, plus `call()` which checks `code` on every answer and turns failures into
 * FeishuApiError (HTTP 200 with a non-zero code counts as a failure too).
 */
import * as lark from '@larksuiteoapi/node-sdk';

export type FeishuClient = lark.Client;

export interface ClientOptions {
  appId: string;
  appSecret: string;
  /** https://open.feishu.cn, https://open.larksuite.com, or a test server. */
  baseUrl: string;
  /** Where redacted SDK log lines go (default: nowhere). */
  log?: (level: 'error' | 'warn' | 'info', line: string) => void;
  /** Give up on an answer after this long (the SDK's default is to wait forever). */
  timeoutMs?: number;
}

export function createFeishuClient(options: ClientOptions): FeishuClient {
  return new lark.Client({
    appId: options.appId,
    appSecret: options.appSecret,
    appType: lark.AppType.SelfBuild,
    domain: options.baseUrl,
    cache: new lark.DefaultCache(),
    httpInstance: timedHttp(options.timeoutMs ?? 20_000),
    logger: redactingLogger(options.log, [options.appSecret]),
    loggerLevel: lark.LoggerLevel.warn,
  });
}

/** The SDK's own HTTP instance (which unwraps bodies), with a timeout on every request. */
function timedHttp(timeout: number): lark.HttpInstance {
  // Typed loosely: axios' response typing differs from HttpInstance's although the interceptor unwraps bodies.
  const http = lark.defaultHttpInstance as unknown as lark.HttpInstance;
  const withTimeout = <T extends object | undefined>(opts: T): T => ({ timeout, ...(opts ?? {}) }) as T;
  return {
    request: (opts) => http.request(withTimeout(opts)),
    get: (url, opts) => http.get(url, withTimeout(opts)),
    delete: (url, opts) => http.delete(url, withTimeout(opts)),
    head: (url, opts) => http.head(url, withTimeout(opts)),
    options: (url, opts) => http.options(url, withTimeout(opts)),
    post: (url, data, opts) => http.post(url, data, withTimeout(opts)),
    put: (url, data, opts) => http.put(url, data, withTimeout(opts)),
    patch: (url, data, opts) => http.patch(url, data, withTimeout(opts)),
  };
}

const TOKEN_PATTERNS: readonly RegExp[] = [
  /Bearer\s+[A-Za-z0-9._~+/=-]+/g,
  /\b[tuf]-[A-Za-z0-9._-]{8,}/g,
  /("?(?:app_secret|AppSecret|tenant_access_token|user_access_token|app_access_token|encrypt_key|Authorization)"?\s*[:=]\s*)"[^"]*"/gi,
];

/** Removes bearer tokens, access tokens and the given secrets from a log line. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, (_m, prefix?: string) => (typeof prefix === 'string' ? `${prefix}"[redacted]"` : '[redacted]'));
  return out;
}

function describe(args: unknown[]): string {
  return args
    .map((arg) => {
      if (typeof arg === 'string') return arg;
      if (arg instanceof Error) {
        const status = (arg as { response?: { status?: number; data?: { code?: number; msg?: string } } }).response;
        return status ? `${arg.message} (HTTP ${status.status ?? '?'}, code ${status.data?.code ?? '?'}: ${status.data?.msg ?? ''})` : arg.message;
      }
      try {
        return JSON.stringify(arg);
      } catch {
        return String(arg);
      }
    })
    .join(' ');
}

/** The SDK logs whole AxiosErrors (with the Authorization header) on failures: only one redacted line gets out. */
export function redactingLogger(sink: ClientOptions['log'], secrets: readonly string[]): { error: (...a: unknown[]) => void; warn: (...a: unknown[]) => void; info: (...a: unknown[]) => void; debug: () => void; trace: () => void } {
  const emit = (level: 'error' | 'warn' | 'info') => (...args: unknown[]): void => {
    if (sink) sink(level, redact(describe(args), secrets).split('\n')[0]!.slice(0, 500));
  };
  return { error: emit('error'), warn: emit('warn'), info: emit('info'), debug: () => undefined, trace: () => undefined };
}

/** A failed Open API call: HTTP status (when not 2xx), Feishu `code` and `msg`; never request headers. */
export class FeishuApiError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number | undefined,
    readonly code: number | undefined,
    readonly msg: string,
    readonly retryAfterMs?: number,
  ) {
    super(`${operation} failed: ${status !== undefined ? `HTTP ${status}, ` : ''}code ${code ?? '?'} ${msg}`.trim());
    this.name = 'FeishuApiError';
  }

  /** Rate limits: per-app 99991400 and the per-document HTTP 429. */
  get rateLimited(): boolean {
    return this.code === 99991400 || this.status === 429;
  }

  /** Worth retrying: rate limits, 5xx, server-error codes, concurrent client_token, no answer. */
  get retryable(): boolean {
    return this.rateLimited || this.status === undefined && this.code === undefined || (this.status !== undefined && this.status >= 500) || TRANSIENT_CODES.has(this.code ?? 0);
  }
}

const TRANSIENT_CODES = new Set([1470422, 1470500, 1771001, 1771002, 1771003, 1771004, 1771005, 1069601]);

interface Envelope<T> {
  code?: number;
  msg?: string;
  data?: T;
}

/** Calls the SDK, returns `data`; a non-zero code or a rejection becomes FeishuApiError. */
export async function call<T>(operation: string, run: () => Promise<unknown>): Promise<T> {
  let body: Envelope<T>;
  try {
    body = (await run()) as Envelope<T>;
  } catch (error) {
    throw toApiError(operation, error);
  }
  if (!body || typeof body !== 'object') throw new FeishuApiError(operation, undefined, undefined, 'empty answer');
  if (body.code !== 0 && body.code !== undefined) throw new FeishuApiError(operation, 200, body.code, body.msg ?? '');
  return (body.data ?? ({} as T)) as T;
}

export function toApiError(operation: string, error: unknown): FeishuApiError {
  if (error instanceof FeishuApiError) return error;
  const response = (error as { response?: { status?: number; data?: { code?: number; msg?: string }; headers?: Record<string, unknown> } } | null)?.response;
  if (response) {
    const retryAfter = Number(response.headers?.['retry-after'] ?? response.headers?.['x-ogw-ratelimit-reset']);
    return new FeishuApiError(operation, response.status, response.data?.code, response.data?.msg ?? '', Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
  }
  const message = error instanceof Error ? error.message : String(error);
  // No HTTP answer at all (timeout, reset): the call may or may not have taken effect.
  return new FeishuApiError(operation, undefined, undefined, redact(message));
}

export { lark };
