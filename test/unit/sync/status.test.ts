import { describe, expect, it } from 'vitest';
import { resolveStatus } from '../../../src/core/sync/status';
import { Harness, anchored } from './helpers';

describe('resolveStatus', () => {
  const base = { taskTouched: false, taskChangedAt: 0, documentChangedAt: 0 } as const;

  it('pushes a document change to the task', () => {
    expect(resolveStatus({ ...base, base: 'open', document: 'done', task: 'open' })).toEqual({ push: 'done', writeBack: null, settled: 'done', conflict: null });
    expect(resolveStatus({ ...base, base: 'done', document: 'open', task: 'done' })).toEqual({ push: 'open', writeBack: null, settled: 'open', conflict: null });
  });

  it('writes a task change back to the document, recording it only after confirmation', () => {
    expect(resolveStatus({ ...base, base: 'open', document: 'open', task: 'done' })).toEqual({ push: null, writeBack: 'done', settled: 'open', conflict: null });
  });

  it('settles silently when both sides already agree', () => {
    expect(resolveStatus({ ...base, base: 'open', document: 'done', task: 'done' })).toEqual({ push: null, writeBack: null, settled: 'done', conflict: null });
  });

  it('lets the later change win when both sides changed', () => {
    const both = { base: 'open', document: 'done', task: 'open', taskTouched: true } as const;
    expect(resolveStatus({ ...both, taskChangedAt: 200, documentChangedAt: 100 })).toEqual({ push: null, writeBack: 'open', settled: 'open', conflict: { winner: 'task' } });
    expect(resolveStatus({ ...both, taskChangedAt: 100, documentChangedAt: 200 })).toEqual({ push: 'done', writeBack: null, settled: 'done', conflict: { winner: 'document' } });
  });

  it('without remote knowledge, only the document side counts', () => {
    expect(resolveStatus({ ...base, base: 'open', document: 'done', task: undefined }).push).toBe('done');
    expect(resolveStatus({ ...base, base: 'open', document: 'open', task: undefined }).push).toBeNull();
  });
});

describe('two-way status through a sync', () => {
  it('a task completed in the task app is written to the 状态 cell', async () => {
    const h = new Harness(anchored(['输出需求文档', '评估开发周期']));
    await h.sync();
    h.backend.userComplete(h.taskOf('评估开发周期')?.id as string);
    const o = await h.sync();
    expect(o.report.remoteWrites).toBe(0);
    expect(o.report.counts.status_to_document).toBe(1);
    expect(h.doc.find('评估开发周期').status).toBe('done');
    expect(o.writeBacksApplied).toBe(true);
    // Agreed now: the next sync is empty.
    const again = await h.sync();
    expect(again.plan.steps).toHaveLength(0);
    expect(again.plan.writeBacks).toHaveLength(0);
  });

  it('a task reopened in the task app reopens the item', async () => {
    const h = new Harness(anchored(['输出需求文档']));
    await h.sync();
    h.doc.rows[0]!.status = 'done';
    await h.sync();
    expect(h.taskOf('输出需求文档')?.status).toBe('done');
    h.backend.userReopen(h.taskOf('输出需求文档')?.id as string);
    await h.sync();
    expect(h.doc.rows[0]!.status).toBe('open');
  });

  it('setting 状态 to done completes the task, and back to open reopens it', async () => {
    const h = new Harness(anchored(['输出需求文档']));
    await h.sync();
    h.doc.rows[0]!.status = 'done';
    const done = await h.sync();
    expect(done.report.counts.completed).toBe(1);
    expect(done.report.remoteWrites).toBe(1);
    expect(h.taskOf('输出需求文档')?.status).toBe('done');
    h.doc.rows[0]!.status = 'open';
    const open = await h.sync();
    expect(open.report.counts.reopened).toBe(1);
    expect(h.taskOf('输出需求文档')?.status).toBe('open');
  });

  it('a status change and an edit go out as one update', async () => {
    const h = new Harness(anchored(['输出需求文档']));
    await h.sync();
    Object.assign(h.doc.rows[0]!, { status: 'done', title: '输出最终需求文档' });
    const o = await h.sync();
    expect(o.report.remoteWrites).toBe(1);
    expect(o.report.lines[0]?.actions).toEqual(['updated', 'completed']);
    expect(h.taskOf('输出最终需求文档')).toMatchObject({ status: 'done', title: '输出最终需求文档' });
  });

  it('both sides changed: the task app changed later, so it wins and the report says so', async () => {
    const h = new Harness(anchored(['输出需求文档']));
    await h.sync();
    const id = h.taskOf('输出需求文档')?.id as string;
    const docEditAt = h.clock.now() + 10;
    h.doc.rows[0]!.status = 'done';
    h.clock.advance(60_000);
    h.backend.userComplete(id);
    h.backend.userReopen(id); // someone looked at it and reopened it, after the document edit
    const o = await h.sync({ docModifiedAt: docEditAt });
    expect(o.report.conflicts).toEqual([expect.objectContaining({ winner: 'task', document: 'done', task: 'open' })]);
    expect(o.report.warnings.some((w) => w.code === 'conflict')).toBe(true);
    expect(h.doc.rows[0]!.status).toBe('open');
    expect(h.backend.task(id)?.status).toBe('open');
  });

  it('both sides changed: the document changed later, so it wins', async () => {
    const h = new Harness(anchored(['输出需求文档']));
    await h.sync();
    const id = h.taskOf('输出需求文档')?.id as string;
    h.backend.userEdit(id, { title: '改了标题' });
    h.clock.advance(60_000);
    h.doc.rows[0]!.status = 'done';
    const o = await h.sync({ docModifiedAt: h.clock.now() });
    expect(o.report.conflicts).toEqual([expect.objectContaining({ winner: 'document' })]);
    expect(h.backend.task(id)?.status).toBe('done');
    expect(h.doc.rows[0]!.status).toBe('done');
  });

  it('a write-back the adapter did not apply is repeated, never mistaken for a document change', async () => {
    const h = new Harness(anchored(['输出需求文档']), { applyWriteBacks: false });
    await h.sync();
    h.doc.rows[0]!.link = h.backend.liveTasks()[0]?.url ?? null;
    const id = h.backend.liveTasks()[0]?.id as string;
    h.backend.userComplete(id);
    const first = await h.sync();
    expect(first.writeBacks.map((w) => w.status)).toEqual(['done']);
    expect(first.writeBacksApplied).toBe(false);
    const second = await h.sync();
    expect(second.writeBacks.map((w) => w.status)).toEqual(['done']);
    expect(second.report.remoteWrites).toBe(0);
    expect(h.backend.task(id)?.status).toBe('done');
  });

  it('a task deleted in the task app is detached: link cleared, not re-created until the item changes', async () => {
    const h = new Harness(anchored(['输出需求文档', '评估开发周期']));
    await h.sync();
    h.backend.userDelete(h.taskOf('输出需求文档')?.id as string);
    const o = await h.sync();
    expect(o.report.counts.detached).toBe(1);
    expect(o.report.warnings.some((w) => w.code === 'task_deleted')).toBe(true);
    expect(h.doc.rows[0]!.link).toBeNull();
    const quiet = await h.sync();
    expect(quiet.report.remoteWrites).toBe(0);
    expect(h.backend.liveTasks()).toHaveLength(1);
    h.doc.rows[0]!.due = '2025-06-30';
    const again = await h.sync();
    expect(again.report.counts.created).toBe(1);
    expect(h.backend.liveTasks()).toHaveLength(2);
    expect(h.doc.rows[0]!.link).not.toBeNull();
  });
});
