/** POSTing events to an app's webhook: signature headers, optional encryption, URL verification. */
import { request } from 'node:http';
import { hex } from '../ids';
import { encrypt, signature } from './crypto';

export interface WebhookPost {
  url: string;
  /** The event (or challenge) object; sent as compact JSON, encrypted when `encryptKey` and `encrypt`. */
  payload: unknown;
  encryptKey?: string;
  /** Encrypt the body as {"encrypt": …} (needs encryptKey). Default true when an encryptKey is given. */
  encrypt?: boolean;
  /** 'valid' (default with an encryptKey), 'forged' (a wrong signature) or 'none' (no signature headers). */
  signature?: 'valid' | 'forged' | 'none';
  /** Unix seconds for x-lark-request-timestamp (default: the emulator clock). */
  timestamp?: number;
  timeoutMs?: number;
}

export interface WebhookResponse {
  status: number;
  /** Raw response text (the SDK answers a failed signature check with HTTP 200 and an empty body). */
  text: string;
  json?: unknown;
  /** The exact body and headers that were sent. */
  sentBody: string;
  sentHeaders: Record<string, string>;
}

export function buildWebhookRequest(post: WebhookPost, nowMs: number): { body: string; headers: Record<string, string> } {
  const plain = JSON.stringify(post.payload);
  const shouldEncrypt = post.encryptKey !== undefined && post.encrypt !== false;
  const body = shouldEncrypt ? JSON.stringify({ encrypt: encrypt(post.encryptKey!, plain) }) : plain;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  const mode = post.signature ?? (post.encryptKey !== undefined ? 'valid' : 'none');
  if (mode !== 'none') {
    const timestamp = String(post.timestamp ?? Math.floor(nowMs / 1000));
    const nonce = hex(16);
    const key = post.encryptKey ?? '';
    const sig = signature(timestamp, nonce, key, body);
    headers['x-lark-request-timestamp'] = timestamp;
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] = mode === 'valid' ? sig : sig.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  }
  return { body, headers };
}

/** POST with a fresh connection (no keep-alive sockets left behind). */
export function postWebhook(post: WebhookPost, nowMs: number): Promise<WebhookResponse> {
  const { body, headers } = buildWebhookRequest(post, nowMs);
  return new Promise((resolve, reject) => {
    const req = request(post.url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, text, ...(json !== undefined ? { json } : {}), sentBody: body, sentHeaders: headers });
      });
      res.on('error', reject);
    });
    req.setTimeout(post.timeoutMs ?? 3000, () => req.destroy(new Error(`webhook ${post.url} did not answer within ${post.timeoutMs ?? 3000} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
