/**
 * Event delivery to apps: over a long connection (one random connection of the app) or to the app's
 * webhook; redelivered when the handler does not answer within 3 s or fails, like Feishu.
 */
import type { App, AuthRegistry } from '../auth';
import { eventId as newEventId, hex } from '../ids';
import type { JsonObject } from '../json';
import type { WebhookResponse } from './webhook';
import { postWebhook } from './webhook';
import type { WsAck, WsGateway } from './ws-gateway';

export interface EventPayload {
  schema: '2.0';
  header: { event_id: string; token: string; create_time: string; event_type: string; tenant_key: string; app_id: string };
  event: JsonObject;
}

export interface WebhookTarget {
  url: string;
  /** Defaults to the app's encryptKey. */
  encryptKey?: string;
  /** Encrypt bodies (default: when an encryptKey is set). */
  encrypt?: boolean;
}

export interface DeliveryAttempt {
  via: 'ws' | 'webhook';
  at: number;
  outcome: 'acked' | 'failed' | 'timeout' | 'closed';
  ack?: WsAck;
  response?: Pick<WebhookResponse, 'status' | 'text' | 'json'>;
  error?: string;
}

export interface Delivery {
  eventId: string;
  eventType: string;
  appId: string;
  payload: EventPayload;
  attempts: DeliveryAttempt[];
  /** 'undelivered': the app had no connection and no webhook when the event happened. */
  status: 'pending' | 'delivered' | 'failed' | 'undelivered';
}

export interface DeliveryOptions {
  /** Feishu waits 3 s for the handler. */
  handlerTimeoutMs: number;
  /** Waits before each redelivery after a timeout or failure (Feishu: 5 s, 5 min, 1 h, 6 h). */
  retryDelaysMs: number[];
}

export class EventHub {
  readonly tenantKey = hex(16);
  readonly deliveries: Delivery[] = [];
  readonly webhooks = new Map<string, WebhookTarget>();
  options: DeliveryOptions = { handlerTimeoutMs: 3000, retryDelaysMs: [5_000, 300_000, 3_600_000, 21_600_000] };
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiters = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly auth: AuthRegistry,
    private readonly gateway: WsGateway,
    private readonly now: () => number,
  ) {}

  build(app: App, eventType: string, event: JsonObject, eventId?: string): EventPayload {
    return {
      schema: '2.0',
      header: {
        event_id: eventId ?? newEventId(),
        token: app.verificationToken,
        create_time: String(this.now()),
        event_type: eventType,
        tenant_key: this.tenantKey,
        app_id: app.appId,
      },
      event,
    };
  }

  app(appId?: string): App {
    const app = appId ? this.auth.apps.get(appId) : this.auth.apps.values().next().value;
    if (!app) throw new Error(`unknown app ${appId ?? '(none configured)'}`);
    return app;
  }

  /** Deliver to the app; resolves when the first attempt settles (retries continue in the background). */
  deliver(payload: EventPayload, via: 'auto' | 'ws' | 'webhook' = 'auto'): Promise<Delivery> {
    const delivery: Delivery = { eventId: payload.header.event_id, eventType: payload.header.event_type, appId: payload.header.app_id, payload, attempts: [], status: 'pending' };
    this.deliveries.push(delivery);
    const first = this.attempt(delivery, via, 0);
    void first.finally(() => this.notify());
    return first.then(() => delivery);
  }

  private sinkFor(appId: string, via: 'auto' | 'ws' | 'webhook'): 'ws' | 'webhook' | undefined {
    const hasWs = this.gateway.connections(appId).length > 0;
    const hasHook = this.webhooks.has(appId);
    if (via === 'ws') return hasWs ? 'ws' : undefined;
    if (via === 'webhook') return hasHook ? 'webhook' : undefined;
    return hasWs ? 'ws' : hasHook ? 'webhook' : undefined;
  }

  private async attempt(delivery: Delivery, via: 'auto' | 'ws' | 'webhook', retry: number): Promise<void> {
    if (this.closed) return;
    const sink = this.sinkFor(delivery.appId, via);
    if (!sink) {
      if (delivery.attempts.length === 0) delivery.status = 'undelivered';
      else this.scheduleRetry(delivery, via, retry);
      return;
    }
    const attempt: DeliveryAttempt = { via: sink, at: this.now(), outcome: 'failed' };
    delivery.attempts.push(attempt);
    if (sink === 'ws') {
      const connections = this.gateway.connections(delivery.appId);
      const connection = connections[Math.floor(Math.random() * connections.length)]!;
      const result = await this.gateway.sendEvent(connection, JSON.stringify(delivery.payload), hex(32), this.options.handlerTimeoutMs);
      if (result.outcome === 'acked') {
        attempt.ack = result.ack;
        attempt.outcome = result.ack.code === 200 ? 'acked' : 'failed';
      } else {
        attempt.outcome = result.outcome;
      }
    } else {
      const target = this.webhooks.get(delivery.appId)!;
      const app = this.app(delivery.appId);
      const encryptKey = target.encryptKey ?? app.encryptKey;
      try {
        const response = await postWebhook(
          {
            url: target.url,
            payload: delivery.payload,
            ...(encryptKey !== undefined ? { encryptKey } : {}),
            ...(target.encrypt !== undefined ? { encrypt: target.encrypt } : {}),
            timeoutMs: this.options.handlerTimeoutMs,
          },
          this.now(),
        );
        attempt.response = { status: response.status, text: response.text, ...(response.json !== undefined ? { json: response.json } : {}) };
        attempt.outcome = response.status === 200 ? 'acked' : 'failed';
      } catch (error) {
        attempt.outcome = /within/.test(String(error)) ? 'timeout' : 'failed';
        attempt.error = String(error);
      }
    }
    if (attempt.outcome === 'acked') delivery.status = 'delivered';
    else this.scheduleRetry(delivery, via, retry);
  }

  private scheduleRetry(delivery: Delivery, via: 'auto' | 'ws' | 'webhook', retry: number): void {
    const wait = this.options.retryDelaysMs[retry];
    if (wait === undefined || this.closed) {
      delivery.status = 'failed';
      this.notify();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery, via, retry + 1).finally(() => this.notify());
    }, wait);
    timer.unref();
    this.timers.add(timer);
  }

  /** Resolve once `predicate` holds over the deliveries (checked after each settled attempt). */
  waitFor(predicate: (deliveries: readonly Delivery[]) => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (predicate(this.deliveries)) {
          cleanup();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`deliveries did not reach the expected state within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.waiters.clear();
  }
}
