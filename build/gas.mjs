// The Google Docs add-on for clasp: build/gas/{Code.js, Sidebar.html, appsscript.json}.
//
// Code.js = the SyncPromise class (as a global) + the add-on bundle run with `Promise` bound to it + one
// top-level function per entry of src/google/functions.json. Apps Script finds functions by name only among
// top-level declarations; and it does not await a returned Promise, so the shared async application layer
// is lowered (async/await → generators) and driven by SyncPromise, which settles within the call because
// every Apps Script service is synchronous.
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Names Apps Script calls (menus, simple triggers, the hourly trigger, google.script.run). */
export async function hostFunctionNames() {
  const json = JSON.parse(await readFile(resolve(root, 'src/google/functions.json'), 'utf8'));
  return json.names;
}

const common = {
  bundle: true,
  write: false,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  format: 'iife',
  target: 'es2020',
  // Lowered so that the bundle's `Promise` (SyncPromise) drives every await.
  supported: { 'async-await': false, 'async-generator': false, 'for-await': false },
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
};

/** Code.js as a string. `minify: false` keeps it readable for debugging in the script editor. */
export async function buildCodeJs({ minify = true } = {}) {
  const [promise, app, names] = await Promise.all([
    build({ ...common, minify, entryPoints: [resolve(root, 'src/google/sync-promise-global.ts')] }),
    build({ ...common, minify, entryPoints: [resolve(root, 'src/google/index.ts')] }),
    hostFunctionNames(),
  ]);
  // None of the functions uses `this`; the arguments (a trigger's event, a sidebar request) pass through.
  const stubs = names.map((n) => `function ${n}() { return __minutes.${n}(...arguments); }`).join('\n');
  return [
    '// Minutes to Tasks (纪要待办) — built by build/gas.mjs; do not edit.',
    promise.outputFiles[0].text.trim(),
    `(function (Promise) {\n${app.outputFiles[0].text.trim()}\n})(__minutesSyncPromise);`,
    stubs,
    '',
  ].join('\n');
}

/** The sidebar page (helper A's UI for the google host). */
export async function buildGasSidebar() {
  const { buildSidebarHtml } = await import('./sidebar.mjs');
  return buildSidebarHtml('google');
}

/** Writes Code.js, Sidebar.html and appsscript.json into `outDir` (default build/gas). */
export async function buildAppsScript(outDir = resolve(root, 'build/gas'), options = {}) {
  const dir = resolve(root, outDir);
  await mkdir(dir, { recursive: true });
  const [code, sidebar, manifest] = await Promise.all([
    buildCodeJs(options),
    buildGasSidebar(),
    readFile(resolve(root, 'appsscript.json'), 'utf8'),
  ]);
  const files = { 'Code.js': code, 'Sidebar.html': sidebar, 'appsscript.json': manifest };
  for (const [name, text] of Object.entries(files)) await writeFile(resolve(dir, name), text);
  return {
    outDir: dir,
    files: Object.fromEntries(Object.entries(files).map(([name, text]) => [name, Buffer.byteLength(text, 'utf8')])),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await buildAppsScript();
  const sizes = Object.entries(result.files).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`);
  console.log(`build/gas: ${sizes.join(', ')}`);
}
