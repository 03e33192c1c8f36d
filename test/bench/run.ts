// npm run bench: not a test; prints figures beside their targets (issue #2).
// Generates minutes of 1k, 10k and 100k items, times parsing and extraction, compares with chrono-node's
// bare zh + en parse of the same text, prints the core bundle size, then the sync figures (test/bench/sync.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';
import * as chronoEn from 'chrono-node/en';
import * as chronoZh from 'chrono-node/zh';
import type * as Core from '../../src/core/index';
import type { Extraction } from '../../src/core/model/items';
import { readMarkdown } from '../../src/readers/index';
import { generateMinutes } from './generate';
import { fmtMs, targetLine, timeInterleaved, timeMedian } from './stats';
import { formatSyncBench, runSyncBench } from './sync';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const MEETING_DATE = '2025-06-09';

/**
 * Extraction is timed in the shipped core bundle (dist/core.iife.js, built by `npm run bench`), the code
 * Apps Script, the browser and the CLI run — as chrono-node is timed in its published build. Source run
 * through tsx's development transform is some 25 % slower and measures the transform, not the product.
 */
function loadShippedCore(): typeof Core {
  const path = resolve(root, 'dist/core.iife.js');
  if (!existsSync(path)) throw new Error('dist/core.iife.js is missing: run `npm run bench` (it builds first) or `npm run build`');
  return runInThisContext(`${readFileSync(path, 'utf8')}\n;MinutesCore`, { filename: path }) as typeof Core;
}
const CHRONO_REF = new Date(2025, 5, 9);

/**
 * chrono's whole-text parse grows faster than linearly (about 2 minutes for the 100k text), so beyond
 * WHOLE_TEXT_MAX_BYTES only the line-by-line figure is taken; the baseline is the faster of the two.
 */
const WHOLE_TEXT_MAX_BYTES = 1_500_000;

/**
 * Runs per size. Each side is warmed up for `warmupMs` (at 100k the probe run warms ours up), so the figures
 * compare optimised code rather than whichever ran first in a cold process.
 * - `sideBySide`: ours and chrono's in alternating rounds (timeInterleaved), where the two are close (1k):
 *   both then share whatever the machine does meanwhile, so their ratio holds from run to run.
 * - Otherwise ours runs back to back, then chrono's: the 10k and 100k figures are taken alike, and neither
 *   carries the garbage of chrono's parse of a large text (hundreds of megabytes at 100k).
 */
const SIZES: readonly { items: number; runs: number; warmupMs: number; sideBySide: boolean }[] = [
  { items: 1_000, runs: 25, warmupMs: 1_500, sideBySide: true },
  { items: 10_000, runs: 9, warmupMs: 1_500, sideBySide: false },
  { items: 100_000, runs: 5, warmupMs: 0, sideBySide: false },
];

interface SizeFigures {
  items: number;
  bytes: number;
  found: number;
  parseMs: number;
  extractMs: number;
  /** null when not measured (text too large, see WHOLE_TEXT_MAX_BYTES). */
  chronoWholeMs: number | null;
  chronoLinesMs: number;
}

function chronoMs(f: SizeFigures): number {
  return f.chronoWholeMs === null ? f.chronoLinesMs : Math.min(f.chronoWholeMs, f.chronoLinesMs);
}

/** chrono-node alone, zh (Simplified) + en casual, over the whole text in one call each. */
function chronoWhole(text: string): number {
  return chronoZh.hans.parse(text, CHRONO_REF).length + chronoEn.casual.parse(text, CHRONO_REF).length;
}

/** The same, line by line (chrono is faster on short inputs; the fairer of the two is the faster one). */
function chronoLines(text: string): number {
  let found = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    found += chronoZh.hans.parse(line, CHRONO_REF).length + chronoEn.casual.parse(line, CHRONO_REF).length;
  }
  return found;
}

function measure(size: (typeof SIZES)[number], budgetMs: number, { extractMinutes }: typeof Core): SizeFigures {
  const { markdown, items } = generateMinutes(size.items);
  const bytes = Buffer.byteLength(markdown, 'utf8');
  const large = size.items >= 100_000;
  const parse = timeMedian(() => readMarkdown(markdown), large ? 1 : 3, large ? 0 : 1);
  const doc = parse.result;
  const extract = (): Extraction => extractMinutes(doc, { meetingDate: MEETING_DATE, today: MEETING_DATE });
  // A first run, which also warms up.
  const probeStart = performance.now();
  let result = extract();
  let extractMs = performance.now() - probeStart;
  let wholeMs: number | null;
  let linesMs: number;
  // If extraction is far too slow, do not spend minutes repeating it: the probe is the figure.
  const affordable = extractMs * (size.runs + 1) < budgetMs;
  const whole = bytes <= WHOLE_TEXT_MAX_BYTES ? (): number => chronoWhole(markdown) : null;
  const lines = (): number => chronoLines(markdown);
  if (affordable && size.sideBySide) {
    const timed = timeInterleaved([extract, lines, ...(whole ? [whole] : [])], size.runs, size.warmupMs);
    [extractMs, linesMs] = timed.ms as [number, number];
    wholeMs = timed.ms[2] ?? null;
    result = timed.results[0] as Extraction;
  } else {
    if (affordable) ({ ms: extractMs, result } = timeMedian(extract, size.runs, 0, size.warmupMs));
    // chrono's line-by-line parse of the 100k text takes seconds: timed once there.
    const chronoRuns = size.items >= 100_000 ? 1 : 3;
    linesMs = timeMedian(lines, chronoRuns, chronoRuns > 1 ? 1 : 0, size.warmupMs).ms;
    wholeMs = whole ? timeMedian(whole, chronoRuns, 1, size.warmupMs).ms : null;
  }
  return {
    items,
    bytes,
    found: result.items.length,
    parseMs: parse.ms,
    extractMs,
    chronoWholeMs: wholeMs,
    chronoLinesMs: linesMs,
  };
}

function sizeLabel(items: number): string {
  return items >= 1000 ? `${items / 1000}k` : String(items);
}

function printSizes(figures: readonly SizeFigures[]): void {
  const header = ['items', 'MB', 'parse ms', 'extract ms', 'MB/s', 'found', 'chrono ms whole', 'chrono ms lines', 'ours/chrono'];
  const rows = figures.map((f) => {
    const mb = f.bytes / 1e6;
    return [
      sizeLabel(f.items),
      mb.toFixed(2),
      fmtMs(f.parseMs),
      fmtMs(f.extractMs),
      (mb / (f.extractMs / 1000)).toFixed(1),
      String(f.found),
      f.chronoWholeMs === null ? '–' : fmtMs(f.chronoWholeMs),
      fmtMs(f.chronoLinesMs),
      (f.extractMs / chronoMs(f)).toFixed(2) + '×',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log('  ' + row.map((c, i) => c.padStart(widths[i]!)).join('  '));
}

function coreBundleBytes(): number {
  return statSync(resolve(root, 'dist/core.iife.js')).size;
}

async function syncBench(): Promise<void> {
  console.log(formatSyncBench(await runSyncBench()));
}

/** The platform figures: Apps Script bundle and DocumentApp calls, Feishu API calls and debounce, sidebar size and speed. */
async function platformBenches(): Promise<void> {
  const { runGoogleBench, formatGoogleBench } = await import('./google');
  console.log(formatGoogleBench(await runGoogleBench()));
  console.log('');
  const { runSidebarBench, formatSidebarBench } = await import('./sidebar');
  console.log(formatSidebarBench(await runSidebarBench()));
  console.log('');
  const { runFeishuBench, formatFeishuBench } = await import('./feishu');
  console.log(formatFeishuBench(await runFeishuBench()));
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`Minutes to Tasks benchmark — node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (single thread)`);
  console.log('Generated minutes: template tables, to-do lists and prose, Chinese and English; meeting date ' + MEETING_DATE + '.\n');

  const shipped = loadShippedCore();
  const figures = SIZES.map((size) => measure(size, 60_000, shipped));
  console.log('Extraction in dist/core.iife.js (median after warm-up; side by side with chrono-node at 1k; parse = Markdown → document model, timed separately):');
  printSizes(figures);

  const at = (items: number): SizeFigures | undefined => figures.find((f) => f.items === items);
  const f10k = at(10_000);
  const f100k = at(100_000);
  const worstVsChrono = Math.max(...figures.map((f) => f.extractMs / chronoMs(f)));
  const coreBytes = coreBundleBytes();
  console.log('\nTargets:');
  if (f10k) console.log(targetLine('10k-item extraction', `${fmtMs(f10k.extractMs)} ms`, '≤ 150 ms', f10k.extractMs <= 150));
  if (f10k && f100k) {
    const ratio = f100k.extractMs / f10k.extractMs;
    console.log(targetLine('100k / 10k time ratio', `${ratio.toFixed(2)}×`, '≤ 11×', ratio <= 11));
  }
  console.log(targetLine('ours / chrono-node (worst size)', `${worstVsChrono.toFixed(2)}×`, '≤ 1×', worstVsChrono <= 1));
  console.log(
    targetLine('core bundle dist/core.iife.js', `${(coreBytes / 1024).toFixed(1)} KB`, '≤ 120 KB', coreBytes <= 120 * 1024),
  );

  console.log('');
  await syncBench();
  console.log('');
  await platformBenches();
  console.log(`\nbench: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
