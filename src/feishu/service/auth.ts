/**
 * Who may call the HTTP API. The widget proves a Feishu user (a user_access_token from the app's OAuth,
 * or an authorization code the service exchanges); the service learns the user from
 * `GET /open-apis/authen/v1/user_info`, checks with `GET /open-apis/drive/v1/permissions/:token/members/auth
 * ?type=docx&action=edit` that this user can edit the document, and then issues a short-lived session
 * signed with HMAC-SHA256 and bound to (user, document). Every /api/<operation> call carries it as
 * `Authorization: Bearer <session>`. See src/feishu/README.md.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SessionClaims {
  /** open_id of the user. */
  sub: string;
  name: string;
  /** The document the session may act on. */
  doc: string;
  /** Expiry, ms since the epoch. */
  exp: number;
}

export class SessionSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('minutes-to-tasks session v1').digest();
  }

  sign(claims: SessionClaims): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claims of a valid, unexpired session; null for anything else. */
  verify(token: string, now: number): SessionClaims | null {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const want = Buffer.from(this.mac(payload));
    const got = Buffer.from(mac);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SessionClaims>;
      if (typeof claims.sub !== 'string' || typeof claims.doc !== 'string' || typeof claims.exp !== 'number' || claims.exp <= now) return null;
      return { sub: claims.sub, name: typeof claims.name === 'string' ? claims.name : '', doc: claims.doc, exp: claims.exp };
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

export interface FeishuUser {
  openId: string;
  name: string;
  email: string | null;
}

export type AuthFailure = 'unauthenticated' | 'permission' | 'unavailable';

export class AuthError extends Error {
  constructor(
    readonly kind: AuthFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** The platform's answers about a user: who the token belongs to, and whether they can edit a document. */
export interface UserAuthority {
  /** A user access token for an OAuth authorization code. */
  exchangeCode(code: string, redirectUri?: string): Promise<string>;
  identify(userAccessToken: string): Promise<FeishuUser>;
  canEdit(userAccessToken: string, documentId: string): Promise<boolean>;
}

/** UserAuthority over the Open API (user identity calls; never logs the token). */
export class OpenApiUserAuthority implements UserAuthority {
  constructor(
    private readonly baseUrl: string,
    private readonly app: { appId: string; appSecret: string },
  ) {}

  async exchangeCode(code: string, redirectUri?: string): Promise<string> {
    const body = { grant_type: 'authorization_code', client_id: this.app.appId, client_secret: this.app.appSecret, code, ...(redirectUri ? { redirect_uri: redirectUri } : {}) };
    const out = await this.request('POST', '/open-apis/authen/v2/oauth/token', undefined, body);
    const token = (out as { access_token?: unknown }).access_token ?? (out as { data?: { access_token?: unknown } }).data?.access_token;
    if (typeof token !== 'string' || !token) throw new AuthError('unauthenticated', 'The sign-in code was not accepted.');
    return token;
  }

  async identify(userAccessToken: string): Promise<FeishuUser> {
    const out = (await this.request('GET', '/open-apis/authen/v1/user_info', userAccessToken)) as { data?: { open_id?: string; name?: string; email?: string } };
    if (!out.data?.open_id) throw new AuthError('unauthenticated', 'The Feishu sign-in is not valid.');
    return { openId: out.data.open_id, name: out.data.name ?? '', email: out.data.email ?? null };
  }

  async canEdit(userAccessToken: string, documentId: string): Promise<boolean> {
    const path = `/open-apis/drive/v1/permissions/${encodeURIComponent(documentId)}/members/auth?type=docx&action=edit`;
    const out = (await this.request('GET', path, userAccessToken)) as { data?: { auth_result?: boolean } };
    return out.data?.auth_result === true;
  }

  private async request(method: 'GET' | 'POST', path: string, bearer?: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json; charset=utf-8', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw new AuthError('unavailable', 'Feishu could not be reached to check the sign-in.');
    }
    let json: { code?: number } = {};
    try {
      json = (await response.json()) as { code?: number };
    } catch {
      // handled below
    }
    if (response.status >= 500) throw new AuthError('unavailable', 'Feishu could not check the sign-in just now.');
    if (!response.ok || (json.code !== undefined && json.code !== 0)) {
      const code = json.code ?? 0;
      // 99991668/99991663/99991677: invalid or expired user token; 403 family: no access.
      if (response.status === 403 || code === 1063002 || code === 1770032) return { data: { auth_result: false } };
      throw new AuthError('unauthenticated', 'The Feishu sign-in is not valid or has expired.');
    }
    return json;
  }
}
