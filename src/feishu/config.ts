/** The service's configuration from the environment; a missing or malformed value is one clear sentence. */

export interface FeishuConfig {
  appId: string;
  appSecret: string;
  baseUrl: string;
  /** Base for the identity calls of the HTTP API (authen, drive permission); default baseUrl. */
  authBaseUrl: string;
  encryptKey: string | undefined;
  verificationToken: string | undefined;
  dbPath: string;
  port: number;
  host: string;
  quietMs: number;
  maxWaitMs: number;
  pollMs: number;
  events: 'ws' | 'webhook' | 'none';
  timeZone: string;
  /** Link base of documents, e.g. https://example.feishu.cn/docx/ (for task origins and notes). */
  docUrlBase: string | undefined;
  tasklist: 'per-document' | 'none';
  /** Origins allowed to call the HTTP API (the widget's); '*' by default (auth is by header, not cookie). */
  corsOrigin: string;
  /** Signing key of API sessions; derived from the app secret when absent. */
  sessionSecret: string | undefined;
  sessionTtlMs: number;
  directoryDepartments: string[];
}

export type ConfigResult = { ok: true; config: FeishuConfig } | { ok: false; message: string };

const APP_ID = /^cli_[0-9a-zA-Z]{16}$/;

export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const appId = env.FEISHU_APP_ID?.trim();
  const appSecret = env.FEISHU_APP_SECRET?.trim();
  if (!appId || !appSecret) return { ok: false, message: 'FEISHU_APP_ID and FEISHU_APP_SECRET must be set (the app credentials from the Feishu developer console).' };
  if (!APP_ID.test(appId)) return { ok: false, message: `FEISHU_APP_ID looks wrong: it should be "cli_" followed by 16 letters or digits.` };
  const baseUrl = (env.FEISHU_BASE_URL?.trim() || 'https://open.feishu.cn').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) return { ok: false, message: 'FEISHU_BASE_URL must be an http(s) URL such as https://open.feishu.cn or https://open.larksuite.com.' };
  const numbers: Record<string, number> = {};
  for (const [name, fallback] of [['PORT', 8787], ['QUIET_MS', 15_000], ['MAX_WAIT_MS', 60_000], ['POLL_MS', 300_000], ['SESSION_TTL_MS', 12 * 3600_000]] as const) {
    const raw = env[name]?.trim();
    const value = raw ? Number(raw) : fallback;
    if (!Number.isInteger(value) || value < 0) return { ok: false, message: `${name} must be a whole number (got "${raw}").` };
    numbers[name] = value;
  }
  const events = env.FEISHU_EVENTS?.trim() || 'ws';
  if (events !== 'ws' && events !== 'webhook' && events !== 'none') return { ok: false, message: 'FEISHU_EVENTS must be ws (long connection), webhook or none.' };
  if (events === 'webhook' && !env.FEISHU_ENCRYPT_KEY && !env.FEISHU_VERIFICATION_TOKEN) {
    return { ok: false, message: 'Webhook mode needs FEISHU_ENCRYPT_KEY (signature check and decryption) or at least FEISHU_VERIFICATION_TOKEN.' };
  }
  return {
    ok: true,
    config: {
      appId,
      appSecret,
      baseUrl,
      authBaseUrl: (env.FEISHU_AUTH_BASE_URL?.trim() || baseUrl).replace(/\/+$/, ''),
      encryptKey: env.FEISHU_ENCRYPT_KEY?.trim() || undefined,
      verificationToken: env.FEISHU_VERIFICATION_TOKEN?.trim() || undefined,
      dbPath: env.MINUTES_DB?.trim() || './data/minutes.sqlite',
      port: numbers.PORT!,
      host: env.HOST?.trim() || '0.0.0.0',
      quietMs: numbers.QUIET_MS!,
      maxWaitMs: Math.max(numbers.MAX_WAIT_MS!, numbers.QUIET_MS!),
      pollMs: numbers.POLL_MS!,
      events,
      timeZone: env.FEISHU_TIME_ZONE?.trim() || 'Asia/Shanghai',
      docUrlBase: env.FEISHU_DOC_URL_BASE?.trim() || undefined,
      tasklist: env.FEISHU_TASKLIST?.trim() === 'none' ? 'none' : 'per-document',
      corsOrigin: env.CORS_ORIGIN?.trim() || '*',
      sessionSecret: env.MINUTES_SESSION_SECRET?.trim() || undefined,
      sessionTtlMs: numbers.SESSION_TTL_MS!,
      directoryDepartments: (env.FEISHU_DIRECTORY_DEPARTMENTS?.trim() || '0').split(',').map((s) => s.trim()).filter(Boolean),
    },
  };
}
