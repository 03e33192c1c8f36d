// The sidebar: sidebar/main.ts + sidebar/styles.css → one self-contained HTML page (inline JS and CSS,
// no external requests). `buildSidebarHtml(host)` returns the page; Apps Script, the Feishu widget and
// the local workspace each package it for their host.
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SIDEBAR_HOSTS = ['google', 'feishu', 'local'];

/** A browser script from `entry` (relative to the repo), minified as one IIFE, with compile-time `define`s. */
export async function buildBrowserScript(entry, define = {}) {
  const result = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2019',
    charset: 'utf8',
    minify: true,
    legalComments: 'none',
    define,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** The sidebar's script for one host, minified (an IIFE). */
export async function buildSidebarScript(host) {
  if (!SIDEBAR_HOSTS.includes(host)) throw new Error(`unknown sidebar host: ${host}`);
  return buildBrowserScript('sidebar/main.ts', { __SIDEBAR_HOST__: JSON.stringify(host) });
}

/** The CSS, minified. */
export async function buildSidebarCss() {
  const result = await build({
    entryPoints: [resolve(root, 'sidebar/styles.css')],
    bundle: true,
    write: false,
    minify: true,
    loader: { '.css': 'css' },
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/**
 * One self-contained HTML page for a host: 'google' (google.script.run), 'feishu' (HTTP JSON
 * `POST {base}/api/<op>`), 'local' (HTTP against the local workspace server, and tells the editor page
 * around it to save first and reload after). The HTTP hosts read `window.minutesSidebarConfig`
 * ({ baseUrl?, headers?() }) when the page defines it before this script, or a
 * `<meta name="minutes-api-base" content="...">`.
 */
export async function buildSidebarHtml(host, options = {}) {
  const [script, css] = await Promise.all([buildSidebarScript(host), buildSidebarCss()]);
  const base = options.baseUrl ? `<meta name="minutes-api-base" content="${escapeAttr(options.baseUrl)}">` : '';
  const head = options.headHtml ?? '';
  // "</script" inside the bundle would end the element early.
  const safeScript = script.replace(/<\/(script)/gi, '<\\/$1');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${base}<title>纪要待办</title><style>${css}</style>${head}</head><body><div id="app"></div><script>${safeScript}</script></body></html>`;
}

/** Minified and gzipped byte counts of the page for a host (for the size budget and the bench). */
export async function sidebarSize(host = 'google') {
  const html = await buildSidebarHtml(host);
  const bytes = Buffer.byteLength(html, 'utf8');
  return { bytes, gzip: gzipSync(html).length };
}

function escapeAttr(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { writeFile, mkdir } = await import('node:fs/promises');
  await mkdir(resolve(root, 'dist'), { recursive: true });
  for (const host of SIDEBAR_HOSTS) {
    const html = await buildSidebarHtml(host);
    await writeFile(resolve(root, `dist/sidebar-${host}.html`), html);
    console.log(`dist/sidebar-${host}.html ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB`);
  }
}
