// The Google Docs add-on's figures for `npm run bench` (issue #4): the built Code.js and sidebar sizes, and the
// DocumentApp calls one extraction makes on a 200-row 待办事项 table (counted by the Apps Script fakes).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppsScript } from '../../build/gas.mjs';
import type { CellSpec } from '../gas/index';
import { createAppsScriptEnvironment } from '../gas/index';
import { targetLine } from './stats';

export interface GoogleBench {
  /** build/gas/Code.js, minified, in bytes. */
  codeBytes: number;
  sidebarBytes: number;
  rows: number;
  /** DocumentApp calls of one `extract` (review list) on the 200-row table, person and date chips in every row. */
  extractCalls: number;
  /** The same for a sync read (row anchors too), after the first sync gave every row an anchor and a task link. */
  syncReadCalls: number;
  fingerprintCalls: number;
}

export async function runGoogleBench(rows = 200): Promise<GoogleBench> {
  const dir = mkdtempSync(join(tmpdir(), 'mtt-gas-bench-'));
  const built = await buildAppsScript(dir);
  const code = readFileSync(join(dir, 'Code.js'), 'utf8');
  const env = createAppsScriptEnvironment({ user: 'u0@example.com', locale: 'zh-CN', now: () => new Date() });
  const table: CellSpec[][] = [['事项', '负责人', '完成时限', '状态', '任务']];
  for (let i = 0; i < rows; i++) {
    table.push([`第${i + 1}项：整理并提交评审材料`, [{ person: { email: `u${i}@example.com`, name: `同事${i}` } }], [{ date: { timestamp: '2026-12-04T00:00:00Z' } }], '未开始', '']);
  }
  env.document.build([
    { table: [['沟通基本信息', '内容'], ['沟通主题', '季度评审会'], ['沟通时间', '2026-11-30']] },
    { paragraph: '待办事项', heading: 'HEADING2' },
    { table },
  ]);
  env.run(code);
  const g = env.createContext() as unknown as Record<string, () => unknown>;
  const measure = (fn: string): number => {
    env.newExecution({ context: 'user', authMode: 'FULL' });
    env.document.resetCalls();
    g[fn]!();
    return env.document.totalCalls();
  };
  const extractCalls = measure('extract');
  measure('syncNow');
  const syncReadCalls = measure('syncNow'); // nothing changed: one read, no writes
  const fingerprintCalls = measure('fingerprint');
  return { codeBytes: built.files['Code.js']!, sidebarBytes: built.files['Sidebar.html']!, rows, extractCalls, syncReadCalls, fingerprintCalls };
}

export function formatGoogleBench(b: GoogleBench): string {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  return [
    'Google Docs add-on (build/gas, Apps Script fakes):',
    targetLine('Code.js (minified)', kb(b.codeBytes), '≤ 150 KB', b.codeBytes <= 150 * 1024),
    targetLine('Sidebar.html (minified)', kb(b.sidebarBytes), '≤ 60 KB', b.sidebarBytes <= 60 * 1024),
    targetLine(`extract, ${b.rows}-row table`, `${b.extractCalls} calls`, '–', null),
    targetLine('  per row', `${(b.extractCalls / b.rows).toFixed(1)}`, '–', null),
    targetLine(`no-change sync (read+anchors)`, `${b.syncReadCalls} calls`, '–', null),
    targetLine('fingerprint (polling)', `${b.fingerprintCalls} calls`, '–', null),
  ].join('\n');
}
