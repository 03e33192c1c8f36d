import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MinutesService, ModelDocument, type ReviewItem } from '../../../src/core/app/index';
import { MemorySyncStore, MemoryTaskBackend } from '../../../src/core/sync/memory/index';
import { cellText } from '../../../src/core/model/text';
import type { MinutesDocument } from '../../../src/core/model/document';

const NOW = Date.parse('2025-06-11T02:00:00Z');

function setup(doc: MinutesDocument = { blocks: [] }) {
  const document = new ModelDocument('doc-1', doc, '周会');
  const backend = new MemoryTaskBackend();
  const store = new MemorySyncStore();
  let now = NOW;
  const service = new MinutesService({
    document,
    backend,
    store,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    lang: 'zh',
    settings: DEFAULT_SETTINGS,
  });
  return { document, backend, store, service, tick: (ms: number) => (now += ms) };
}

function todoRows(doc: MinutesDocument): string[][] {
  const tables = doc.blocks.filter((b) => b.type === 'table');
  const todo = tables.find((t) => t.type === 'table' && cellText(t.rows[0]!.cells[0]!) === '事项');
  if (!todo || todo.type !== 'table') return [];
  return todo.rows.slice(1).map((r) => r.cells.map(cellText)).filter((cells) => cells[0] !== '');
}

const review = (partial: Partial<ReviewItem> & Pick<ReviewItem, 'title'>): ReviewItem => ({
  id: partial.title,
  kind: 'todo',
  owners: [],
  collaborators: [],
  due: null,
  dueTime: null,
  status: 'open',
  warnings: [],
  sourceText: partial.title,
  inTable: false,
  taskLink: null,
  ...partial,
});

describe('MinutesService', () => {
  it('inserts the template, writes confirmed items into its tables and syncs them once', async () => {
    const { document, backend, service } = setup();
    await service.insertTemplate({ scenario: 'kickoff', lang: 'zh' });
    const blank = await service.extract();
    expect(blank.items).toEqual([]);

    const result = await service.writeItems({
      lang: 'zh',
      items: [review({ title: '输出需求文档', owners: ['王芳'], due: '2025-06-20' }), review({ title: '评估开发周期', owners: ['李建'], due: '2025-06-18' })],
    });
    expect(result).toEqual({ added: 2, skipped: 0 });
    expect(todoRows(document.snapshot()).map((r) => r.slice(0, 4))).toEqual([
      ['输出需求文档', '王芳', '2025-06-20', '未开始'],
      ['评估开发周期', '李建', '2025-06-18', '未开始'],
    ]);
    // Writing the same items again adds nothing.
    expect(await service.writeItems({ lang: 'zh', items: [review({ title: '输出需求文档' })] })).toEqual({ added: 0, skipped: 1 });

    const first = await service.syncNow();
    expect(first.counts.created).toBe(2);
    expect(backend.liveTasks()).toHaveLength(2);
    // The task links were written into the 任务 column.
    expect(todoRows(document.snapshot()).every((r) => r[4] === '查看任务')).toBe(true);

    const again = await service.syncNow();
    expect(again.counts.created).toBe(0);
    expect(again.remoteWrites).toBe(0);
    expect(backend.liveTasks()).toHaveLength(2);
  });

  it('brings a task completed in the task app back into the 状态 cell', async () => {
    const { document, backend, service, tick } = setup();
    await service.insertTemplate({ scenario: 'progress', lang: 'zh' });
    await service.writeItems({ lang: 'zh', items: [review({ title: '提交周报', owners: ['周婷'], due: '2025-06-13' })] });
    await service.syncNow();
    const task = backend.liveTasks()[0]!;
    tick(60_000);
    backend.userComplete(task.id);
    tick(60_000);
    const summary = await service.syncNow();
    expect(summary.ok).toBe(true);
    expect(todoRows(document.snapshot())[0]![3]).toBe('已完成');
  });

  it('gives the same fingerprint until the minutes change', async () => {
    const { service } = setup();
    await service.insertTemplate({ scenario: 'retro', lang: 'en' });
    const a = await service.fingerprint();
    expect(await service.fingerprint()).toBe(a);
    await service.writeItems({ lang: 'en', items: [review({ title: 'Publish the FAQ' })] });
    expect(await service.fingerprint()).not.toBe(a);
  });
});
