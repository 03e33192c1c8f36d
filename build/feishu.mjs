// Feishu targets:
// - the service bundle dist/feishu-service.js (loaded on demand by `minutes serve`; the SDK and
//   better-sqlite3 stay external);
// - the Docs add-on upload folder build/out/feishu-addon/ (app.json + topbar.html: the sidebar page from
//   build/sidebar.mjs with the widget's head script, which signs in to the service).
// Usage: node build/feishu.mjs [--service-url https://minutes.example.com] [--service-only|--addon-only]
// Env: MINUTES_SERVICE_URL, FEISHU_APP_ID, FEISHU_BLOCK_TYPE_ID (filled into app.json).
import { Buffer } from 'node:buffer';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodeBundle } from './node-bundle.mjs';
import { buildBrowserScript, buildSidebarHtml } from './sidebar.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const addonDir = resolve(root, 'build/out/feishu-addon');

export async function buildFeishuService() {
  return buildNodeBundle({ entry: resolve(root, 'src/feishu/service/service.ts'), outfile: resolve(root, 'dist/feishu-service.js') });
}

/** The widget's head script (IIFE) with the service URL compiled in. */
export async function buildWidgetScript(serviceUrl) {
  return buildBrowserScript('feishu/entry.ts', { __MINUTES_SERVICE_URL__: JSON.stringify(serviceUrl) });
}

export async function buildFeishuAddon(options = {}) {
  const serviceUrl = options.serviceUrl ?? process.env.MINUTES_SERVICE_URL ?? 'http://127.0.0.1:8787';
  if (!/^https?:\/\/[^/]+/.test(serviceUrl)) throw new Error(`the service URL must be http(s): ${serviceUrl}`);
  const script = (await buildWidgetScript(serviceUrl)).replace(/<\/(script)/gi, '<\\/$1');
  const html = await buildSidebarHtml('feishu', { baseUrl: serviceUrl, headHtml: `<script>${script}</script>` });
  const manifest = readFileSync(resolve(root, 'feishu/app.json'), 'utf8')
    .replace('${FEISHU_APP_ID}', options.appId ?? process.env.FEISHU_APP_ID ?? 'cli_xxxxxxxxxxxxxxxx')
    .replace('${FEISHU_BLOCK_TYPE_ID}', options.blockTypeId ?? process.env.FEISHU_BLOCK_TYPE_ID ?? 'blk_xxxxxxxxxxxxxxxxxxxxxxxx');
  rmSync(addonDir, { recursive: true, force: true });
  mkdirSync(addonDir, { recursive: true });
  writeFileSync(resolve(addonDir, 'app.json'), manifest);
  writeFileSync(resolve(addonDir, 'topbar.html'), html);
  return { dir: addonDir, bytes: Buffer.byteLength(html), serviceUrl };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--service-url');
  const serviceUrl = at >= 0 ? args[at + 1] : undefined;
  try {
    const done = [];
    if (!args.includes('--addon-only')) {
      const s = await buildFeishuService();
      done.push(`${s.outfile.slice(root.length + 1)} ${(s.bytes / 1024).toFixed(1)} KB`);
    }
    if (!args.includes('--service-only')) {
      const a = await buildFeishuAddon({ serviceUrl });
      done.push(`${a.dir.slice(root.length + 1)}/ (topbar.html ${(a.bytes / 1024).toFixed(1)} KB, service ${a.serviceUrl})`);
    }
    console.log(`built ${done.join(', ')}`);
  } catch (error) {
    console.error(`feishu build failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    process.exit(1);
  }
}
