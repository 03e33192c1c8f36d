// The local workspace: the server (src/cli/serve-local.ts → dist/local.js, Node ESM) and its browser
// assets in dist/local/: the editor bundle (ProseMirror), its CSS, and the sidebar page for the local host.
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodeBundle } from './node-bundle.mjs';
import { buildSidebarHtml } from './sidebar.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, 'dist');

/** Editor JS + CSS + sidebar page into `dir` (default dist/local); returns their sizes. */
export async function buildLocalAssets(dir = resolve(dist, 'local')) {
  await mkdir(dir, { recursive: true });
  const common = { bundle: true, minify: true, charset: 'utf8', logLevel: 'warning', legalComments: 'none' };
  await build({ ...common, entryPoints: [resolve(root, 'src/local/web/editor.ts')], outfile: resolve(dir, 'editor.js'), platform: 'browser', format: 'iife', target: 'es2020' });
  await build({ ...common, entryPoints: [resolve(root, 'src/local/web/editor.css')], outfile: resolve(dir, 'editor.css'), loader: { '.css': 'css' } });
  const html = await buildSidebarHtml('local');
  await writeFile(resolve(dir, 'sidebar.html'), html);
  return { dir, sidebarBytes: Buffer.byteLength(html) };
}

/** The server: dist/local.js (better-sqlite3 stays external: a native module). */
export async function buildLocalServer() {
  const { outfile } = await buildNodeBundle({ entry: resolve(root, 'src/cli/serve-local.ts'), outfile: resolve(dist, 'local.js'), external: ['better-sqlite3'], sourcemap: true });
  return outfile;
}

/** Everything `npm start` needs; returns { outfile, bytes } like build/build.mjs targets. */
export async function buildLocal() {
  const [outfile] = await Promise.all([buildLocalServer(), buildLocalAssets()]);
  const { statSync } = await import('node:fs');
  return { outfile, bytes: statSync(outfile).size };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outfile, bytes } = await buildLocal();
  console.log(`built ${outfile.slice(root.length + 1)} ${(bytes / 1024).toFixed(1)} KB and dist/local/`);
}
