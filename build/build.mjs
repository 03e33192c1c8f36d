// Build targets with esbuild's JS API. `node build/build.mjs` builds all of them; other scripts can
// import a single target (e.g. the Apps Script bundle or the sidebar, added later).
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodeBundle } from './node-bundle.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const dist = resolve(root, 'dist');

/** The CLI: src/cli/main.ts → dist/cli.js (Node ESM; `require` made available for CJS deps such as mammoth). */
export async function buildCli() {
  return buildNodeBundle({ entry: resolve(root, 'src/cli/main.ts'), outfile: resolve(dist, 'cli.js') });
}

/** The platform-free core for Apps Script and the browser: one IIFE exposing `MinutesCore`. */
export async function buildCoreIife() {
  const outfile = resolve(dist, 'core.iife.js');
  await build({
    entryPoints: [resolve(root, 'src/core/index.ts')],
    outfile,
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'iife',
    globalName: 'MinutesCore',
    target: 'es2020',
    charset: 'utf8',
    minify: true,
    logLevel: 'warning',
  });
  return { outfile, bytes: statSync(outfile).size };
}

/** The Apps Script project (Code.js, Sidebar.html, appsscript.json) in build/gas, ready for clasp push. */
export async function buildGas() {
  const { buildAppsScript } = await import('./gas.mjs');
  const result = await buildAppsScript();
  return { outfile: resolve(result.outDir, 'Code.js'), bytes: result.files['Code.js'] };
}

/** The local workspace: dist/local.js (server) and its editor and sidebar assets. */
export async function buildLocalTarget() {
  const { buildLocal } = await import('./local.mjs');
  await buildLocal();
  const outfile = resolve(dist, 'local.js');
  return { outfile, bytes: statSync(outfile).size };
}

/** The Feishu service (dist/feishu-service.js), loaded by `minutes serve` on demand. */
export async function buildFeishu() {
  const { buildFeishuService } = await import('./feishu.mjs');
  return buildFeishuService();
}

export const targets = { cli: buildCli, core: buildCoreIife, gas: buildGas, local: buildLocalTarget, feishu: buildFeishu };

/** Build every target; returns name → { outfile, bytes }. */
export async function buildAll() {
  const results = {};
  for (const [name, run] of Object.entries(targets)) results[name] = await run();
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const results = await buildAll();
    const built = Object.values(results).map(({ outfile, bytes }) => `${outfile.slice(root.length + 1)} ${(bytes / 1024).toFixed(1)} KB`);
    console.log(`built ${built.join(', ')}`);
  } catch (error) {
    // esbuild has already printed the details.
    console.error(`build failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    process.exit(1);
  }
}
