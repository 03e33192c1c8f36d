/**
 * `npm start`: the local workspace. Options: --workspace <dir> (or MINUTES_WORKSPACE; default
 * ./workspace), --port <n> (or MINUTES_PORT; default 4321, 0 = any free port), --lang zh|en.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAssets, startServer } from '../local/server';
import { LocalWorkspace } from '../local/workspace';

export interface LocalOptions {
  workspace: string;
  port: number;
  lang: 'zh' | 'en' | undefined;
}

export function parseLocalArgs(argv: readonly string[], env: Record<string, string | undefined>): LocalOptions {
  const options: LocalOptions = { workspace: env.MINUTES_WORKSPACE ?? 'workspace', port: Number(env.MINUTES_PORT ?? 4321), lang: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--workspace' || flag === '-w') options.workspace = value();
    else if (flag === '--port' || flag === '-p') options.port = Number(value());
    else if (flag === '--lang') {
      const v = value();
      if (v !== 'zh' && v !== 'en') throw new Error('--lang is zh or en');
      options.lang = v;
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port must be a number from 0 to 65535');
  return options;
}

export async function serveLocal(argv: readonly string[]): Promise<void> {
  const options = parseLocalArgs(argv, process.env);
  // Bundled as dist/local.js: assets beside it in dist/local/, samples one level up.
  const here = dirname(fileURLToPath(import.meta.url));
  const root = existsSync(resolve(here, 'local/editor.js')) ? here : resolve(here, '../../dist');
  const sample = [resolve(root, '../samples/minutes-zh.md'), resolve(process.cwd(), 'samples/minutes-zh.md')].find((p) => existsSync(p));
  const workspace = new LocalWorkspace({ dir: resolve(options.workspace), ...(sample ? { sampleFile: sample } : {}) });
  const server = await startServer({ workspace, assets: loadAssets(resolve(root, 'local')), port: options.port, ...(options.lang ? { lang: options.lang } : {}) });
  console.log(`纪要待办 local workspace: ${server.url}/  (documents in ${resolve(options.workspace)}; Ctrl+C to stop)`);
  const stop = (): void => {
    void server.close().then(() => {
      workspace.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && /(?:serve-local\.ts|local\.js)$/.test(process.argv[1])) {
  serveLocal(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`minutes: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
