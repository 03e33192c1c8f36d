/**
 * Sync benchmark: a 1,000-item document synced into the in-memory task backend.
 * Measures remote writes for an unchanged re-sync (target 0) and for k changed items (target k),
 * beside the naive "recreate everything" approach, and the planner's time (target ≤ 20 ms).
 *
 *   npx tsx test/bench/sync.ts            (or through `npm run bench` once wired in)
 */
import { pathToFileURL } from 'node:url';
import type { ActionItem } from '../../src/core/model/items';
import { planSync } from '../../src/core/sync/planner';
import { fetchRemoteState } from '../../src/core/sync/remote';
import { DEFAULT_RETRY } from '../../src/core/sync/retry';
import { syncDocument } from '../../src/core/sync/sync';
import type { WriteBack } from '../../src/core/sync/types';
import { MemoryTaskBackend } from '../../src/core/sync/memory/backend';
import { MemorySyncStore } from '../../src/core/sync/memory/store';

export interface SyncBenchOptions {
  items?: number;
  changed?: number;
  /** Planner timing repetitions (the median is reported). */
  repeats?: number;
}

export type SyncBenchResult = Record<string, number | string>;

const OWNERS = ['张三', '李四', '王芳', '赵敏', '产品部', '技术部'];
const ACTIONS = ['输出', '评估', '确认', '准备', '跟进', '整理', '提交', '联系', '更新', '复核'];
const OBJECTS = ['需求文档', '开发周期', '活动素材', '预算方案', '供应商报价', '测试报告', '上线计划', '合同条款', '培训材料', '客户反馈'];

/** The 待办事项 table of a long meeting record: one item per row, anchored (Feishu) or not (Markdown). */
function buildItems(n: number, anchored: boolean): ActionItem[] {
  const items: ActionItem[] = [];
  for (let i = 0; i < n; i++) {
    const owner = OWNERS[i % OWNERS.length] as string;
    const title = `${ACTIONS[i % ACTIONS.length]}${OBJECTS[Math.floor(i / ACTIONS.length) % OBJECTS.length]}（第${i + 1}项）`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    items.push({
      kind: 'todo',
      title,
      owners: [{ name: owner }],
      collaborators: [],
      due: `2025-07-${day}`,
      dueTime: null,
      status: 'open',
      warnings: [],
      source: anchored
        ? { via: 'table', blockIndex: 12, rowIndex: i + 1, rowAnchor: `doxcnRow${i}`, blockAnchor: 'doxcnTable', text: `${title} | ${owner}` }
        : { via: 'list', blockIndex: 12 + i, text: `${title} ${owner}` },
    });
  }
  return items;
}

/** What an adapter does with write-backs: here, by position in the item list. */
function applyWriteBacks(items: ActionItem[], writeBacks: readonly WriteBack[]): void {
  const byAnchor = new Map(items.map((it, i) => [it.source.rowAnchor ?? `#${it.source.blockIndex}`, i]));
  for (const wb of writeBacks) {
    const i = byAnchor.get(wb.anchor ?? `#${wb.source.blockIndex}`);
    const item = i === undefined ? undefined : items[i];
    if (!item) continue;
    if (wb.status !== undefined) item.status = wb.status;
    if (wb.taskLink !== undefined) {
      if (wb.taskLink === null) delete item.taskLink;
      else item.taskLink = wb.taskLink;
    }
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

interface Scenario {
  unchangedWrites: number;
  changedWrites: number;
  planUnchangedMs: number;
  planChangedMs: number;
  initialWrites: number;
}

async function scenario(n: number, k: number, anchored: boolean, repeats: number): Promise<Scenario> {
  let clock = Date.UTC(2025, 5, 9);
  const now = (): number => clock;
  const sleep = (ms: number): void => {
    clock += ms;
  };
  const backend = new MemoryTaskBackend({ now, capabilities: { assignees: true, dueTime: true, clientToken: true, maxTitleLength: 3000, maxNotesLength: 3000 } });
  const store = new MemorySyncStore();
  const items = buildItems(n, anchored);
  const docId = 'doxcnBenchDocument0000000000';
  const deps = { backend, store, now, sleep, applyWriteBacks: (wbs: readonly WriteBack[]) => applyWriteBacks(items, wbs), commitEvery: 100 };
  const input = () => ({ docId, items, docTitle: '跨部门沟通记录表', docUrl: `https://example.feishu.cn/docx/${docId}` });

  const first = await syncDocument(input(), deps);
  const unchanged = await syncDocument(input(), deps);

  const planTime = async (): Promise<number> => {
    const records = await store.load(docId);
    const remote = await fetchRemoteState({ backend, docId, records, retry: DEFAULT_RETRY, now, sleep });
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      planSync({ docId, items, records, remote, capabilities: backend.capabilities, now: now(), docTitle: '跨部门沟通记录表' });
      times.push(performance.now() - t0);
    }
    return median(times);
  };
  const planUnchangedMs = await planTime();

  // Edit k items spread over the document (a reworded title each).
  const step = Math.max(1, Math.floor(n / k));
  for (let j = 0; j < k; j++) {
    const item = items[(j * step) % n] as ActionItem;
    item.title = `${item.title}（已修订）`;
  }
  const planChangedMs = await planTime();
  const changed = await syncDocument(input(), deps);

  return {
    initialWrites: first.report.remoteWrites,
    unchangedWrites: unchanged.report.remoteWrites,
    changedWrites: changed.report.remoteWrites,
    planUnchangedMs,
    planChangedMs,
  };
}

/**
 * The naive approach: every sync deletes the tasks it made last time and creates one per item
 * (without the deletes it would duplicate everything instead).
 */
async function naiveWrites(n: number): Promise<{ first: number; resync: number }> {
  const backend = new MemoryTaskBackend({ capabilities: { assignees: true, dueTime: true } });
  const items = buildItems(n, true);
  let made: string[] = [];
  const run = async (): Promise<number> => {
    let writes = 0;
    for (const id of made) {
      backend.userDelete(id);
      writes++;
    }
    made = [];
    for (const it of items) {
      const t = await backend.create({ draft: { title: it.title, notes: '', due: it.due ? { date: it.due, time: null } : null, assignees: it.owners }, status: it.status, syncKey: it.title });
      made.push(t.id);
      writes++;
    }
    return writes;
  };
  return { first: await run(), resync: await run() };
}

export async function runSyncBench(options: SyncBenchOptions = {}): Promise<SyncBenchResult> {
  const n = options.items ?? 1000;
  const k = options.changed ?? 10;
  const repeats = options.repeats ?? 21;
  const anchored = await scenario(n, k, true, repeats);
  const plain = await scenario(n, k, false, repeats);
  const naive = await naiveWrites(n);
  return {
    sync_items: n,
    sync_changed_items_k: k,
    sync_initial_writes: anchored.initialWrites,
    sync_unchanged_resync_writes: anchored.unchangedWrites,
    sync_unchanged_resync_writes_naive: naive.resync,
    sync_k_changed_writes: anchored.changedWrites,
    sync_k_changed_writes_naive: naive.resync,
    sync_unchanged_resync_writes_no_anchors: plain.unchangedWrites,
    sync_k_changed_writes_no_anchors: plain.changedWrites,
    sync_plan_ms_unchanged: round(anchored.planUnchangedMs),
    sync_plan_ms_k_changed: round(anchored.planChangedMs),
    sync_plan_ms_unchanged_no_anchors: round(plain.planUnchangedMs),
    sync_plan_ms_k_changed_no_anchors: round(plain.planChangedMs),
    sync_plan_ms_target: 20,
  };
}

export function formatSyncBench(r: SyncBenchResult): string {
  const rows: [string, string, string, string][] = [
    ['', 'sync core', 'naive recreate', 'target'],
    [`unchanged re-sync, remote writes`, `${r.sync_unchanged_resync_writes} (no anchors: ${r.sync_unchanged_resync_writes_no_anchors})`, String(r.sync_unchanged_resync_writes_naive), '0'],
    [`${r.sync_changed_items_k} changed items, remote writes`, `${r.sync_k_changed_writes} (no anchors: ${r.sync_k_changed_writes_no_anchors})`, String(r.sync_k_changed_writes_naive), String(r.sync_changed_items_k)],
    ['planning, unchanged (ms, median)', `${r.sync_plan_ms_unchanged} (no anchors: ${r.sync_plan_ms_unchanged_no_anchors})`, '—', `≤ ${r.sync_plan_ms_target}`],
    [`planning, ${r.sync_changed_items_k} changed (ms, median)`, `${r.sync_plan_ms_k_changed} (no anchors: ${r.sync_plan_ms_k_changed_no_anchors})`, '—', `≤ ${r.sync_plan_ms_target}`],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c]?.length ?? 0)));
  const lines = rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c] as number)).join('  '));
  return [`Sync: ${r.sync_items}-item document (initial sync: ${r.sync_initial_writes} creates)`, ...lines].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runSyncBench();
  console.log(formatSyncBench(result));
}
