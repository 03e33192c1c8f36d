// The sidebar's figures for `npm run bench` (issue #6): the bundle size (minified and gzip) and the time from
// the click on 提取待办 to the rendered review list, for a 200-item document in the local workspace (Chromium).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLocalAssets } from '../../build/local.mjs';
import { sidebarSize } from '../../build/sidebar.mjs';
import type { MinutesDocument, TableRow } from '../../src/core/model/document';
import { loadAssets, startServer } from '../../src/local/server';
import { LocalWorkspace } from '../../src/local/workspace';
import { launchChromium } from '../browser/chromium';
import { median, targetLine } from './stats';

export interface SidebarBench {
  /** The sidebar page (google host), minified, in bytes, and gzipped. */
  bytes: number;
  gzip: number;
  items: number;
  /** Median over `runs` clicks (after one warm-up): click → every item of the review list rendered. */
  clickToReviewMs: number;
  runs: number;
}

function text(t: string): TableRow['cells'][number] {
  return { blocks: [{ type: 'paragraph', content: t ? [{ type: 'text', text: t }] : [] }] };
}

/** A 待办事项 table with `items` rows: owners, dates and 状态 filled. */
export function benchDocument(items: number): MinutesDocument {
  const rows: TableRow[] = [{ cells: ['事项', '负责人', '完成时限', '状态', '任务'].map(text) }];
  for (let i = 0; i < items; i++) {
    rows.push({
      anchor: `r${i + 1}`,
      cells: [text(`第${i + 1}项：整理并提交评审材料`), { blocks: [{ type: 'paragraph', content: [{ type: 'person', name: `同事${i}` }] }] }, { blocks: [{ type: 'paragraph', content: [{ type: 'date', date: '2026-12-04' }] }] }, text('未开始'), text('')],
    });
  }
  return {
    title: '季度评审会',
    blocks: [
      { type: 'heading', level: 1, content: [{ type: 'text', text: '跨部门沟通记录表' }], anchor: 'b1' },
      { type: 'heading', level: 2, content: [{ type: 'text', text: '待办事项' }], anchor: 'b2' },
      { type: 'table', rows, anchor: 'b3' },
    ],
  };
}

export async function runSidebarBench(items = 200, runs = 5): Promise<SidebarBench> {
  const dir = mkdtempSync(join(tmpdir(), 'mtt-sidebar-bench-'));
  const [size, { dir: assets }, browser] = await Promise.all([sidebarSize('google'), buildLocalAssets(join(dir, 'assets')), launchChromium()]);
  const workspace = new LocalWorkspace({ dir: join(dir, 'workspace') });
  const id = workspace.create('季度评审会', benchDocument(items));
  const server = await startServer({ workspace, assets: loadAssets(assets), port: 0, lang: 'zh' });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${server.url}/d/${id}`);
    await page.waitForSelector('body[data-ready="true"]');
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
    await frame.waitForSelector('.top .doc');
    const times: number[] = [];
    for (let run = 0; run <= runs; run++) {
      // Measured inside the page: from the click to the mutation that completes the list.
      const ms = await frame.evaluate(
        (n) =>
          new Promise<number>((resolve) => {
            const button = [...document.querySelectorAll('button')].find((b) => b.textContent === '提取待办')!;
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelectorAll('.items > li').length >= n && !document.querySelector('[aria-busy="true"]')) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true });
            button.click();
          }),
        items,
      );
      if (run > 0) times.push(ms);
    }
    return { bytes: size.bytes, gzip: size.gzip, items, clickToReviewMs: median(times), runs };
  } finally {
    await browser.close();
    await server.close();
    workspace.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatSidebarBench(b: SidebarBench): string {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  return [
    'Sidebar (one HTML page, inline JS + CSS):',
    targetLine('sidebar bundle (minified)', kb(b.bytes), '≤ 60 KB', b.bytes <= 60 * 1024),
    targetLine('sidebar bundle (gzip)', kb(b.gzip), '–', null),
    targetLine(`click → review list (${b.items} items)`, `${b.clickToReviewMs.toFixed(0)} ms`, '–', null),
  ].join('\n');
}

if (process.argv[1] && /sidebar\.ts$/.test(process.argv[1])) {
  runSidebarBench().then((b) => console.log(formatSidebarBench(b)));
}
