/**
 * The HTTP host (the Feishu service, the local workspace): `POST {baseUrl}/api/<operation>` with the
 * request object as the JSON body. A 2xx answer is the result; any other answer carries
 * `{ error: HostError }` (or the HostError itself).
 */
import type { HostApi } from '../../src/core/app/protocol';
import { bindHostApi } from './api';
import { toHostError } from './errors';

export type Operation = keyof HostApi;

export interface HttpHostOptions {
  /** Prefix for `/api/<op>`; '' or '.' resolves against the page's own address. */
  baseUrl: string;
  /** Extra request headers, e.g. the Feishu widget's session token. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  fetch?: typeof fetch;
  /** Plain sentences for failures the server could not describe. */
  messages: () => { network: string; internal: string };
  /** Called before each operation (the local workspace saves the editor first). */
  before?: (op: Operation) => Promise<void> | void;
  /** Called after each successful operation (the local workspace reloads the editor). */
  after?: (op: Operation) => Promise<void> | void;
}

export function apiUrl(baseUrl: string, op: string): string {
  const base = baseUrl === '.' ? '' : baseUrl.replace(/\/+$/, '');
  return base ? `${base}/api/${op}` : `api/${op}`;
}

export function createHttpHost(options: HttpHostOptions): HostApi {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const call = async <T>(op: Operation, body?: unknown): Promise<T> => {
    if (options.before) await options.before(op);
    const extra = options.headers ? await options.headers() : {};
    let response: Response;
    try {
      response = await doFetch(apiUrl(options.baseUrl, op), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...extra },
        body: JSON.stringify(body ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      throw { code: 'unavailable', message: options.messages().network, retryable: true };
    }
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const fallback = response.status >= 500 || response.status === 0 ? options.messages().network : options.messages().internal;
      throw toHostError(payload, fallback);
    }
    if (options.after) await options.after(op);
    return payload as T;
  };
  return bindHostApi(call);
}
