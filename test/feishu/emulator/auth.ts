/** Apps, tenant/app/user access tokens and their expiry (checked on every call). */
import { APP_ID_PATTERN, hex, openId, tenantToken, unionId, userToken } from './ids';

export interface AppConfig {
  appId: string;
  appSecret: string;
  /** Sent in `header.token` of events (webhook verification token). */
  verificationToken?: string;
  /** Webhook signing / encryption key used when events go to this app's webhook. */
  encryptKey?: string;
  /** Display name of the app's bot (operator of its own edits). */
  name?: string;
}

export interface App extends Required<Omit<AppConfig, 'encryptKey'>> {
  encryptKey?: string;
  /** The app's bot identity: appears in operator_id_list for the app's own edits. */
  botOpenId: string;
  botUnionId: string;
}

export type Identity =
  | { kind: 'tenant'; appId: string }
  | { kind: 'user'; appId: string; openId: string };

interface TokenRecord {
  kind: 'tenant' | 'app' | 'user';
  appId: string;
  openId?: string;
  expiresAt: number;
}

/** Tokens stay the same while more than 30 minutes remain (live behaviour), then a new one is issued. */
const REISSUE_BELOW_MS = 30 * 60 * 1000;

export class AuthRegistry {
  readonly apps = new Map<string, App>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly current = new Map<string, string>();

  constructor(
    appConfigs: readonly AppConfig[],
    private readonly now: () => number,
    private readonly ttlSeconds: number,
  ) {
    for (const config of appConfigs) this.addApp(config);
  }

  addApp(config: AppConfig): App {
    if (!APP_ID_PATTERN.test(config.appId)) {
      throw new Error(`app id ${config.appId} must match ${APP_ID_PATTERN} (the SDK's WSClient silently refuses others)`);
    }
    const app: App = {
      appId: config.appId,
      appSecret: config.appSecret,
      verificationToken: config.verificationToken ?? hex(32),
      name: config.name ?? 'Minutes to Tasks',
      botOpenId: openId(),
      botUnionId: unionId(),
      ...(config.encryptKey !== undefined ? { encryptKey: config.encryptKey } : {}),
    };
    this.apps.set(app.appId, app);
    return app;
  }

  /** The app for credentials, or undefined / 'secret' when they do not match. */
  checkCredentials(appId: unknown, appSecret: unknown): App | 'unknown' | 'secret' {
    if (typeof appId !== 'string') return 'unknown';
    const app = this.apps.get(appId);
    if (!app) return 'unknown';
    return app.appSecret === appSecret ? app : 'secret';
  }

  /** Issue (or reuse) a token: `{token, expire}` with expire in whole seconds. */
  issue(kind: 'tenant' | 'app', appId: string): { token: string; expire: number } {
    const key = `${kind}:${appId}`;
    const now = this.now();
    const existing = this.current.get(key);
    const record = existing ? this.tokens.get(existing) : undefined;
    if (existing && record && record.expiresAt - now > Math.min(REISSUE_BELOW_MS, (this.ttlSeconds * 1000) / 2)) {
      return { token: existing, expire: Math.floor((record.expiresAt - now) / 1000) };
    }
    const token = tenantToken();
    this.tokens.set(token, { kind, appId, expiresAt: now + this.ttlSeconds * 1000 });
    this.current.set(key, token);
    return { token, expire: this.ttlSeconds };
  }

  issueUserToken(appId: string, userOpenId: string, ttlSeconds: number): string {
    const token = userToken();
    this.tokens.set(token, { kind: 'user', appId, openId: userOpenId, expiresAt: this.now() + ttlSeconds * 1000 });
    return token;
  }

  /** Invalidate every token of an app (a secret reset): the next call answers 99991663. */
  revokeAll(appId?: string): void {
    for (const [token, record] of this.tokens) if (appId === undefined || record.appId === appId) this.tokens.delete(token);
    for (const key of [...this.current.keys()]) if (appId === undefined || key.endsWith(`:${appId}`)) this.current.delete(key);
  }

  /** Resolve a bearer token: an identity, or why it is not one. */
  resolve(token: string | undefined): Identity | 'missing' | 'invalid-tenant' | 'invalid-user' {
    if (!token) return 'missing';
    const record = this.tokens.get(token);
    const looksUser = token.startsWith('u-');
    if (!record || record.expiresAt <= this.now() || record.kind === 'app') return looksUser ? 'invalid-user' : 'invalid-tenant';
    if (record.kind === 'user' && record.openId) return { kind: 'user', appId: record.appId, openId: record.openId };
    return { kind: 'tenant', appId: record.appId };
  }
}
