/**
 * `minutes serve`: the Feishu sync service (events, sync on save, the sidebar's HTTP API). Configured
 * from the environment (see src/feishu/README.md); runs until SIGINT/SIGTERM. Bad configuration or
 * credentials are one line and exit code 1.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../feishu/config';
import type * as ServiceModuleShape from '../feishu/service/service';
import { CliError, firstLine } from './errors';
import type { CliIO } from './io';

export const SERVE_HELP = `Usage: minutes serve

Run the Feishu sync service: receives document edit events (long connection by default), syncs the
minutes' to-dos with Feishu Tasks after a quiet period, and serves the Docs add-on widget's API.

Environment:
  FEISHU_APP_ID, FEISHU_APP_SECRET   the app's credentials (required)
  FEISHU_BASE_URL                    https://open.feishu.cn (default) or https://open.larksuite.com
  FEISHU_EVENTS                      ws (default, long connection) | webhook | none
  FEISHU_ENCRYPT_KEY, FEISHU_VERIFICATION_TOKEN   for webhook mode (POST /webhook/event)
  MINUTES_DB                         SQLite file (default ./data/minutes.sqlite)
  PORT, HOST                         the HTTP API (default 8787 on 0.0.0.0)
  QUIET_MS                           quiet period after the last edit before a sync (default 15000)
  POLL_MS                            polling fallback interval, 0 = off (default 300000)
`;

export interface ServeHooks {
  /** Resolves when the service should stop (default: SIGINT or SIGTERM). */
  stopSignal?: () => Promise<void>;
  onStarted?: (port: number) => void;
}

export async function serveCommand(args: readonly string[], io: CliIO, hooks: ServeHooks = {}): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(SERVE_HELP);
    return 0;
  }
  if (args.length > 0) throw new CliError(`unknown argument ${args[0]} (see minutes serve --help)`);
  const loaded = loadConfig(io.env);
  if (!loaded.ok) throw new CliError(loaded.message);
  const { config } = loaded;
  if (config.dbPath !== ':memory:') {
    try {
      mkdirSync(dirname(config.dbPath), { recursive: true });
    } catch (error) {
      throw new CliError(`cannot create the folder of MINUTES_DB (${config.dbPath}): ${firstLine(error)}`);
    }
  }
  const { FeishuSyncService, StartupError } = await loadService();
  let service: InstanceType<typeof FeishuSyncService>;
  try {
    service = new FeishuSyncService({ config, log: (line) => io.stderr(`${line}\n`) });
  } catch (error) {
    throw new CliError(`cannot open the database ${config.dbPath}: ${firstLine(error)}`);
  }
  try {
    const { port } = await service.start();
    io.stderr(`minutes serve: listening on ${config.host}:${port}, events via ${config.events}, database ${config.dbPath}\n`);
    hooks.onStarted?.(port);
  } catch (error) {
    await service.stop();
    if (error instanceof StartupError) throw new CliError(error.message);
    throw new CliError(`the service could not start: ${firstLine(error)}`);
  }
  await (hooks.stopSignal ?? untilSignal)();
  await service.stop();
  io.stderr('minutes serve: stopped\n');
  return 0;
}

type ServiceModule = typeof ServiceModuleShape;

/**
 * The service is loaded on demand, from a path the CLI bundler does not follow: the SDK and SQLite
 * would otherwise load (≈0.5 s) on every `minutes` command. dist/feishu-service.js is built by
 * build/feishu.mjs; from source (tsx, tests) the TypeScript module is used.
 */
async function loadService(): Promise<ServiceModule> {
  const candidates = ['./feishu-service.js', '../feishu/service/service.ts'].map((p) => new URL(p, import.meta.url));
  for (const url of candidates) {
    if (existsSync(fileURLToPath(url))) return (await import(url.href)) as ServiceModule;
  }
  throw new CliError('the Feishu service is not built (run npm run build).');
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
