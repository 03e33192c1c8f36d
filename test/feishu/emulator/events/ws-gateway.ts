/**
 * The long-connection gateway: `POST /callback/ws/endpoint` hands out a ws:// URL with a one-time ticket;
 * the socket then carries protobuf frames — pings answered with pongs (ClientConfig payload), events pushed
 * as data frames (headers type/message_id/sum/seq/trace_id) and acked by the client with
 * `{"code":200,"data":base64(JSON)}` plus a biz_rt header.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { AuthRegistry } from '../auth';
import { hex } from '../ids';
import { isObject } from '../json';
import { RawReply } from '../router';
import type { Route } from '../router';
import type { Frame } from './frame';
import { FrameMethod, decodeFrame, encodeFrame, headerValue } from './frame';

export interface WsClientConfig {
  /** Seconds between client pings (Feishu: 120). */
  PingInterval: number;
  /** −1 = retry forever. */
  ReconnectCount: number;
  /** Seconds between reconnect attempts (Feishu: 120). */
  ReconnectInterval: number;
  /** Random jitter bound before the first reconnect, seconds (Feishu: 30). */
  ReconnectNonce: number;
}

export const FEISHU_WS_CONFIG: WsClientConfig = { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 };
export const MAX_CONNECTIONS_PER_APP = 50;
const WS_PATH = '/ws/v2';

export interface WsConnection {
  readonly id: number;
  readonly appId: string;
  readonly deviceId: string;
  readonly serviceId: number;
  readonly socket: WebSocket;
  /** Resolves at the client's first ping: its frame handler is attached by then. */
  readonly ready: Promise<void>;
  pings: number;
}

export interface WsAck {
  code: number;
  /** The handler's return value (decoded from the base64 JSON in the ack), if any. */
  data?: unknown;
  bizRt?: string;
}

export type WsSendOutcome = { outcome: 'acked'; ack: WsAck } | { outcome: 'timeout' } | { outcome: 'closed' };

interface Pending {
  resolve: (outcome: WsSendOutcome) => void;
  timer: NodeJS.Timeout;
  connection: WsConnection;
}

export class WsGateway {
  config: WsClientConfig = { ...FEISHU_WS_CONFIG };
  /** Split event payloads into frames of at most this many bytes (0 = one frame). */
  fragmentSize = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Map<string, { appId: string; deviceId: string }>();
  private readonly live = new Set<WsConnection>();
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  private seq = 1;
  private serviceId = 7;

  constructor(
    private readonly auth: AuthRegistry,
    private readonly baseWsUrl: () => string,
  ) {
    this.wss.on('headers', (headers) => {
      headers.push('handshake-status: 200', 'handshake-msg: ok');
    });
  }

  /** POST /callback/ws/endpoint (no token; the app authenticates with its id and secret). */
  route(): Route {
    return {
      method: 'POST',
      pattern: '/callback/ws/endpoint',
      name: 'callback.ws.endpoint',
      kind: 'auth',
      family: 'other',
      auth: 'none',
      handle: (ctx) => {
        const b = isObject(ctx.body) ? ctx.body : {};
        const app = this.auth.checkCredentials(b.AppID, b.AppSecret);
        if (app === 'unknown' || app === 'secret') return new RawReply(200, { code: 514, msg: 'auth failed', data: {} });
        ctx.call.appId = app.appId;
        if (this.connections(app.appId).length >= MAX_CONNECTIONS_PER_APP) {
          return new RawReply(200, { code: 1000040350, msg: 'exceed connection limit', data: {} });
        }
        const ticket = hex(32);
        const deviceId = String(7_000_000_000_000_000_000n + BigInt(this.nextId * 7919));
        this.tickets.set(ticket, { appId: app.appId, deviceId });
        const url = `${this.baseWsUrl()}${WS_PATH}?device_id=${deviceId}&service_id=${this.serviceId}&ticket=${ticket}&access_key=${hex(16)}`;
        return new RawReply(200, { code: 0, msg: 'ok', data: { URL: url, ClientConfig: { ...this.config } } });
      },
    };
  }

  /** The HTTP server's 'upgrade' handler. Returns false when the path is not the gateway's. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== WS_PATH) return false;
    const ticket = url.searchParams.get('ticket') ?? '';
    const grant = this.tickets.get(ticket);
    if (!grant) {
      socket.end('HTTP/1.1 403 Forbidden\r\nhandshake-status: 403\r\nhandshake-msg: invalid ticket\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    this.tickets.delete(ticket);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, grant.appId, grant.deviceId));
    return true;
  }

  private accept(socket: WebSocket, appId: string, deviceId: string): void {
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    const connection: WsConnection = { id: this.nextId++, appId, deviceId, serviceId: this.serviceId, socket, ready, pings: 0 };
    this.live.add(connection);
    socket.on('message', (data: Buffer) => {
      let frame: Frame;
      try {
        frame = decodeFrame(data);
      } catch {
        return;
      }
      this.onFrame(connection, frame, markReady);
    });
    socket.on('close', () => {
      // Nothing waits forever on a connection that closed before its first ping.
      markReady();
      this.live.delete(connection);
      for (const [messageId, p] of this.pending) {
        if (p.connection === connection) {
          clearTimeout(p.timer);
          this.pending.delete(messageId);
          p.resolve({ outcome: 'closed' });
        }
      }
      this.notify();
    });
    socket.on('error', () => undefined);
  }

  private onFrame(connection: WsConnection, frame: Frame, markReady: () => void): void {
    const type = headerValue(frame, 'type');
    if (frame.method === FrameMethod.control && type === 'ping') {
      connection.pings += 1;
      this.send(connection, {
        SeqID: 0,
        LogID: 0,
        service: connection.serviceId,
        method: FrameMethod.control,
        headers: [{ key: 'type', value: 'pong' }],
        payload: new TextEncoder().encode(JSON.stringify(this.config)),
      });
      if (connection.pings === 1) {
        markReady();
        this.notify();
      }
      return;
    }
    if (frame.method === FrameMethod.data) {
      const messageId = headerValue(frame, 'message_id') ?? '';
      const pending = this.pending.get(messageId);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.pending.delete(messageId);
      pending.resolve({ outcome: 'acked', ack: parseAck(frame) });
    }
  }

  private send(connection: WsConnection, frame: Frame): void {
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(encodeFrame(frame));
  }

  connections(appId?: string): WsConnection[] {
    return [...this.live].filter((c) => appId === undefined || c.appId === appId);
  }

  /** Resolve when `appId` (or any app) has a ready connection. */
  waitForReady(appId: string | undefined, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = async (): Promise<boolean> => {
        const conn = this.connections(appId).find((c) => c.pings > 0);
        if (!conn) return false;
        await conn.ready;
        return true;
      };
      let done = false;
      const listener = (): void => {
        void check().then((ok) => {
          if (ok && !done) {
            done = true;
            cleanup();
            resolve();
          }
        });
      };
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        cleanup();
        reject(new Error(`no long connection${appId ? ` for ${appId}` : ''} within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
      listener();
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Push one event (JSON text) to one connection; resolves with the ack, a timeout or a closed socket. */
  async sendEvent(connection: WsConnection, json: string, messageId: string, ackTimeoutMs: number): Promise<WsSendOutcome> {
    await connection.ready;
    const bytes = new TextEncoder().encode(json);
    const size = this.fragmentSize > 0 ? this.fragmentSize : bytes.length || 1;
    const parts: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
    if (parts.length === 0) parts.push(bytes);
    const traceId = hex(32);
    const outcome = new Promise<WsSendOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(messageId);
        resolve({ outcome: 'timeout' });
      }, ackTimeoutMs);
      this.pending.set(messageId, { resolve, timer, connection });
    });
    if (connection.socket.readyState !== connection.socket.OPEN) {
      const pending = this.pending.get(messageId);
      if (pending) {
        clearTimeout(pending.timer);
        this.pending.delete(messageId);
        pending.resolve({ outcome: 'closed' });
      }
      return outcome;
    }
    parts.forEach((part, index) => {
      const seq = this.seq++;
      this.send(connection, {
        SeqID: seq,
        LogID: seq,
        service: connection.serviceId,
        method: FrameMethod.data,
        headers: [
          { key: 'type', value: 'event' },
          { key: 'message_id', value: messageId },
          { key: 'sum', value: String(parts.length) },
          { key: 'seq', value: String(index) },
          { key: 'trace_id', value: traceId },
        ],
        payload: part,
      });
    });
    return outcome;
  }

  /** Drop connections server-side (the client's reconnect logic takes over). */
  disconnect(appId?: string): number {
    const victims = this.connections(appId);
    for (const c of victims) c.socket.terminate();
    return victims.length;
  }

  close(): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.resolve({ outcome: 'closed' });
    }
    this.pending.clear();
    for (const c of this.live) c.socket.terminate();
    this.live.clear();
    this.listeners.clear();
    this.wss.close();
  }
}

function parseAck(frame: Frame): WsAck {
  const bizRt = headerValue(frame, 'biz_rt');
  try {
    const body = JSON.parse(new TextDecoder().decode(frame.payload ?? new Uint8Array())) as { code?: unknown; data?: unknown };
    const ack: WsAck = { code: Number(body.code) };
    if (typeof body.data === 'string') {
      const text = Buffer.from(body.data, 'base64').toString('utf8');
      try {
        ack.data = JSON.parse(text);
      } catch {
        ack.data = text;
      }
    }
    if (bizRt !== undefined) ack.bizRt = bizRt;
    return ack;
  } catch {
    return { code: Number.NaN, ...(bizRt !== undefined ? { bizRt } : {}) };
  }
}
