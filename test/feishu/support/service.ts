/** Starts the Feishu sync service against the emulator, over a SQLite file in a temp folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeishuConfig } from '../../../src/feishu/config';
import { loadConfig } from '../../../src/feishu/config';
import type { ServiceOptions } from '../../../src/feishu/service/service';
import { FeishuSyncService } from '../../../src/feishu/service/service';
import type { FeishuEmulator } from '../emulator';

export interface StartedService {
  service: FeishuSyncService;
  apiUrl: string;
  logs: string[];
  stop(): Promise<void>;
}

export function tempDbPath(): { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-feishu-'));
  return { path: join(dir, 'minutes.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testConfig(emu: FeishuEmulator, dbPath: string, env: Record<string, string> = {}): FeishuConfig {
  const result = loadConfig({
    FEISHU_APP_ID: emu.app.appId,
    FEISHU_APP_SECRET: emu.app.appSecret,
    FEISHU_BASE_URL: emu.baseUrl,
    FEISHU_DOC_URL_BASE: 'https://example.feishu.cn/docx/',
    MINUTES_DB: dbPath,
    PORT: '0',
    HOST: '127.0.0.1',
    QUIET_MS: '300',
    POLL_MS: '0',
    ...env,
  });
  if (!result.ok) throw new Error(result.message);
  return result.config;
}

export async function startService(emu: FeishuEmulator, dbPath: string, options: Partial<ServiceOptions> & { env?: Record<string, string> } = {}): Promise<StartedService> {
  const logs: string[] = [];
  const { env, ...rest } = options;
  const service = new FeishuSyncService({ config: testConfig(emu, dbPath, env), log: (line) => logs.push(line), ...rest });
  const { port } = await service.start();
  if (service.config.events === 'ws') await emu.events.waitForConnection({ timeoutMs: 5000 });
  return { service, apiUrl: `http://127.0.0.1:${port}`, logs, stop: () => service.stop() };
}
