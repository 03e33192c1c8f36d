/**
 * The widget side of the API sign-in (runs in the Docs add-on iframe, browser code): gets the open
 * document and a login code from the add-on API, trades them at the service for a session bound to the
 * user and the document, and hands the sidebar an `Authorization` header. No cookies (Chrome blocks
 * third-party cookies in add-on iframes).
 */
import type { HostError } from '../../core/app/protocol';

/** The few add-on calls the widget needs (see addon.ts for the real @lark-opdev/block-docs-addon-api). */
export interface AddonPort {
  /** The docx token of the document the widget is open in. */
  documentToken(): Promise<string>;
  /** A one-time login code of the current user. */
  loginCode(): Promise<string>;
}

export interface SidebarConfig {
  baseUrl: string;
  headers(): Promise<Record<string, string>>;
}

export interface SessionOptions {
  serviceUrl: string;
  addon: AddonPort;
  fetch?: typeof fetch;
  now?: () => number;
}

/** The sidebar's `window.minutesSidebarConfig`: base URL and a header provider with a cached session. */
export function createSidebarConfig(options: SessionOptions): SidebarConfig {
  const http = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const baseUrl = options.serviceUrl.replace(/\/+$/, '');
  let session: { token: string; expiresAt: number } | null = null;
  let pending: Promise<{ token: string; expiresAt: number }> | null = null;

  const signIn = async (): Promise<{ token: string; expiresAt: number }> => {
    const [documentId, code] = await Promise.all([options.addon.documentToken(), options.addon.loginCode()]);
    let response: Response;
    try {
      response = await http(`${baseUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ documentId, code }),
      });
    } catch {
      throw { code: 'unavailable', message: 'The sync service cannot be reached. 无法连接同步服务。', retryable: true } satisfies HostError;
    }
    const body = (await response.json().catch(() => ({}))) as { session?: string; expiresAt?: number; error?: HostError };
    // The sidebar shows HostErrors as they are: pass the service's own sentence through.
    if (!response.ok || !body.session) throw body.error ?? ({ code: 'unauthenticated', message: 'Sign-in to the sync service failed. 登录同步服务失败。', retryable: false } satisfies HostError);
    return { token: body.session, expiresAt: body.expiresAt ?? now() + 3600_000 };
  };

  return {
    baseUrl,
    async headers() {
      if (!session || session.expiresAt - 60_000 <= now()) {
        pending ??= signIn().finally(() => {
          pending = null;
        });
        session = await pending;
      }
      return { authorization: `Bearer ${session.token}` };
    },
  };
}
