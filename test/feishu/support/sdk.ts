/** Real SDK clients pointed at the emulator, with a silent logger (the SDK logs bearer tokens on errors). */
import * as lark from '@larksuiteoapi/node-sdk';
import type { App, FeishuEmulator } from '../emulator';

const noop = (): void => undefined;
export const silentLogger = { error: noop, warn: noop, info: noop, debug: noop, trace: noop };

export function sdkClient(emu: FeishuEmulator, app: Pick<App, 'appId' | 'appSecret'> = emu.app): lark.Client {
  return new lark.Client({
    appId: app.appId,
    appSecret: app.appSecret,
    domain: emu.baseUrl,
    cache: new lark.DefaultCache(),
    logger: silentLogger,
    loggerLevel: lark.LoggerLevel.error,
  });
}

/** What an SDK call rejected with: the AxiosError's status and `{code, msg}` body. */
export interface SdkFailure {
  status: number | undefined;
  code: number | undefined;
  msg: string | undefined;
  headers: Record<string, unknown>;
  error: unknown;
}

export async function failure(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: { status?: number; data?: { code?: number; msg?: string }; headers?: Record<string, unknown> } }).response;
    return { status: response?.status, code: response?.data?.code, msg: response?.data?.msg, headers: response?.headers ?? {}, error };
  }
  throw new Error('expected the SDK call to reject');
}

/** Poll until the condition holds (for ordering concurrent requests in tests). */
export async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A deliberately invalid request payload (the emulator must reject it), typed as whatever the call expects. */
export function unchecked<T>(value: unknown): T {
  return value as T;
}

export { lark };
