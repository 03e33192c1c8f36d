/**
 * Feishu service benchmark: the real service, SDK and SQLite against the loopback emulator.
 * - API calls per sync: an unchanged document (target 0 writes), k new rows (target k task writes and
 *   1 document write: the links written back in one batch), k edited rows (k task writes, no document write);
 * - an edit storm: 100 edit events on one document → syncs (target 1) and the delay from the last edit to
 *   the tasks updated (target ≤ quiet period + 1 s). The quiet period is shortened to keep the bench quick
 *   (500 ms instead of the 15 s default; the 100 events arrive over ~2 s instead of 10 s, spaced below
 *   the quiet period as real bursts are).
 *
 *   npx tsx test/bench/feishu.ts            (or through `npm run bench` once wired in)
 */
import { pathToFileURL } from 'node:url';
import { el, startFeishuEmulator } from '../feishu/emulator';
import { startIdentityServer } from '../feishu/support/identity';
import { startService, tempDbPath } from '../feishu/support/service';
import { api, fillRow, openSession, todoTable } from '../feishu/support/flow';

export interface FeishuBenchOptions {
  /** Rows changed between syncs (default 3). */
  k?: number;
  events?: number;
  spreadMs?: number;
  quietMs?: number;
}

export interface FeishuBenchResult {
  quietMs: number;
  k: number;
  unchanged: { taskWrites: number; docWrites: number; reads: number };
  newRows: { taskWrites: number; docWrites: number };
  editedRows: { taskWrites: number; docWrites: number };
  storm: { events: number; spreadMs: number; syncs: number; delayMs: number; tasks: number };
}

export async function runFeishuBench(options: FeishuBenchOptions = {}): Promise<FeishuBenchResult> {
  const k = options.k ?? 3;
  const events = options.events ?? 100;
  const spreadMs = options.spreadMs ?? 2000;
  const quietMs = options.quietMs ?? 500;
  const emu = await startFeishuEmulator({ ws: { ReconnectNonce: 0, ReconnectInterval: 1 } });
  const idp = await startIdentityServer();
  const db = tempDbPath();
  const svc = await startService(emu, db.path, { env: { FEISHU_AUTH_BASE_URL: idp.baseUrl, QUIET_MS: String(quietMs), MAX_WAIT_MS: '60000', FEISHU_EVENTS: 'none' } });
  try {
    const zhang = emu.users.add({ name: '张三' });
    const docId = emu.docs.create({ title: '周会' }).documentId;
    const session = await openSession(svc, idp, docId, zhang);
    await api(svc, session, 'insertTemplate', { scenario: 'general', lang: 'zh' });
    const table = todoTable(emu, docId);
    const due = Date.parse('2031-04-01T00:00:00+08:00');
    const sync = () => svc.service.syncNow(docId);
    const measure = async (run: () => Promise<unknown>) => {
      const mark = emu.calls.mark();
      await run();
      return {
        taskWrites: emu.calls.count({ after: mark, kind: 'write', route: /^task\.v2\.task\./ }),
        docWrites: emu.calls.count({ after: mark, kind: 'write', route: /^docx\./ }),
        reads: emu.calls.count({ after: mark, kind: 'read' }),
      };
    };
    // Warm-up: one item synced (the meeting's tasklist is created once).
    fillRow(emu, docId, table, 1, [[el.text('基线事项')], [el.mention(zhang.open_id)], [el.reminder(due)]], zhang.open_id);
    await sync();
    const unchanged = await measure(sync);
    // k new rows (the template has 3 blank rows; the user adds more when k is larger).
    const missing = 1 + k - (emu.docs.tableCells(docId, table.tableId).length - 1);
    for (let i = 0; i < missing; i++) emu.docs.editAsUser(docId, [{ block_id: table.tableId, insert_table_row: { row_index: -1 } }], { operatorOpenId: zhang.open_id });
    for (let i = 0; i < k; i++) fillRow(emu, docId, table, 2 + i, [[el.text(`新事项${i + 1}`)], [el.mention(zhang.open_id)], [el.reminder(due)]], zhang.open_id);
    const newRows = await measure(sync);
    for (let i = 0; i < k; i++) fillRow(emu, docId, table, 2 + i, [[el.text(`新事项${i + 1}（改）`)]], zhang.open_id);
    const editedRows = await measure(sync);

    // The storm: edit events through the service's event path, each changing the first row's title.
    await svc.service.ensureKnown(docId);
    const before = svc.service.syncs.length;
    const taskGuid = emu.tasks.all().find((t) => t.summary === '基线事项')!.guid;
    let lastEditAt = 0;
    for (let i = 0; i < events; i++) {
      fillRow(emu, docId, table, 1, [[el.text(`基线事项 v${i}`)]], zhang.open_id);
      svc.service.onDriveEdit({ event_id: `bench-${i}`, file_token: docId, operator_id_list: [{ open_id: zhang.open_id }] });
      lastEditAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, spreadMs / events));
    }
    const want = `基线事项 v${events - 1}`;
    while (emu.tasks.get(taskGuid)?.summary !== want) await new Promise((resolve) => setTimeout(resolve, 5));
    const delayMs = performance.now() - lastEditAt;
    await new Promise((resolve) => setTimeout(resolve, quietMs * 2));
    const syncs = svc.service.syncs.slice(before).filter((s) => !s.skipped).length;
    return { quietMs, k, unchanged, newRows, editedRows, storm: { events, spreadMs, syncs, delayMs: Math.round(delayMs), tasks: emu.tasks.count() } };
  } finally {
    await svc.stop();
    await emu.close();
    await idp.close();
    db.cleanup();
  }
}

export function formatFeishuBench(r: FeishuBenchResult): string {
  const line = (label: string, value: string, target: string, ok: boolean): string => `  ${label.padEnd(44)} ${value.padStart(18)}   target ${target.padEnd(18)} ${ok ? '✓' : '✗'}`;
  return [
    `Feishu service (real SDK + SQLite against the loopback emulator; quiet period shortened to ${r.quietMs} ms):`,
    line('unchanged document: writes (reads)', `${r.unchanged.taskWrites + r.unchanged.docWrites} (${r.unchanged.reads})`, '0 writes', r.unchanged.taskWrites + r.unchanged.docWrites === 0),
    line(`${r.k} new rows: task writes / document writes`, `${r.newRows.taskWrites} / ${r.newRows.docWrites}`, `${r.k} / 1`, r.newRows.taskWrites === r.k && r.newRows.docWrites === 1),
    line(`${r.k} edited rows: task writes / document writes`, `${r.editedRows.taskWrites} / ${r.editedRows.docWrites}`, `${r.k} / ≤ 1`, r.editedRows.taskWrites === r.k && r.editedRows.docWrites <= 1),
    line(`${r.storm.events} edit events in ${(r.storm.spreadMs / 1000).toFixed(1)} s: syncs`, String(r.storm.syncs), '1', r.storm.syncs === 1),
    line('last edit → task updated (ms)', String(r.storm.delayMs), `≤ ${r.quietMs + 1000} (quiet + 1 s)`, r.storm.delayMs <= r.quietMs + 1000),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatFeishuBench(await runFeishuBench()));
}
