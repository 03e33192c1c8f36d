import { describe, expect, it } from 'vitest';
import { isEmptyPlan, planSync } from '../../../src/core/sync/planner';
import { emptyRemoteState } from '../../../src/core/sync/remote';
import type { TaskWrite } from '../../../src/core/sync/backend';
import { DOC, Doc, GOOGLE_CAPS, Harness, anchored, anchorless, row } from './helpers';

function writesOf(steps: { write: TaskWrite | null }[]): TaskWrite[] {
  return steps.flatMap((s) => (s.write ? [s.write] : []));
}

describe('planner: unchanged documents', () => {
  it('an unchanged re-sync yields an empty plan and no remote writes', async () => {
    const h = new Harness(anchored(['输出需求文档', '评估开发周期', '准备活动素材']));
    const first = await h.sync();
    expect(first.report.counts.created).toBe(3);
    const writesBefore = h.backend.stats.writes;
    const again = await h.sync();
    expect(isEmptyPlan(again.plan)).toBe(true);
    expect(again.report.remoteWrites).toBe(0);
    expect(h.backend.stats.writes).toBe(writesBefore);
    expect(again.report.counts.unchanged).toBe(3);
  });

  it('is decided from the store alone: no remote state needed for an empty plan', async () => {
    const h = new Harness(anchorless(['输出需求文档', '评估开发周期']));
    await h.sync();
    const plan = planSync({
      docId: DOC,
      items: h.doc.items(),
      records: h.records(),
      remote: emptyRemoteState(),
      capabilities: h.backend.capabilities,
      now: h.clock.now(),
      docTitle: '周例会',
      docUrl: 'https://docs.example/doc1',
    });
    expect(isEmptyPlan(plan)).toBe(true);
  });

  it('is pure: the same input gives the same plan', async () => {
    const h = new Harness(anchored(['A事项', 'B事项']));
    await h.sync();
    h.doc.rows[0]!.title = 'A事项改';
    const input = { docId: DOC, items: h.doc.items(), records: h.records(), remote: emptyRemoteState(true), capabilities: h.backend.capabilities, now: 5 };
    expect(JSON.stringify(planSync(input))).toBe(JSON.stringify(planSync(input)));
  });
});

describe('planner: edits update the same task, only the changed fields', () => {
  it('a title edit sends only the title', async () => {
    const h = new Harness(anchored(['输出需求文档', '评估开发周期']));
    await h.sync();
    const id = h.taskOf('输出需求文档')?.id;
    h.doc.rows[0]!.title = '输出最终需求文档';
    const o = await h.sync();
    expect(writesOf(o.plan.steps)).toEqual([{ type: 'update', taskId: id, patch: { title: '输出最终需求文档' } }]);
    expect(h.backend.task(id as string)?.title).toBe('输出最终需求文档');
    expect(h.backend.liveTasks()).toHaveLength(2);
  });

  it('an owner change sends assignees and notes (Feishu), title and notes (Google)', async () => {
    const feishu = new Harness(anchored(['输出需求文档']));
    await feishu.sync();
    feishu.doc.rows[0]!.owners = ['李四'];
    const f = await feishu.sync();
    const fw = writesOf(f.plan.steps)[0];
    expect(fw?.type === 'update' && Object.keys(fw.patch).sort()).toEqual(['assignees', 'notes']);
    expect(feishu.taskOf('输出需求文档')?.assignees).toEqual([{ name: '李四' }]);

    const google = new Harness(anchored(['输出需求文档']), { backend: { capabilities: GOOGLE_CAPS } });
    await google.sync();
    expect(google.taskOf('输出需求文档')?.title).toBe('【张三】输出需求文档');
    google.doc.rows[0]!.owners = ['李四'];
    const g = await google.sync();
    const gw = writesOf(g.plan.steps)[0];
    expect(gw?.type === 'update' && Object.keys(gw.patch).sort()).toEqual(['notes', 'title']);
    expect(google.taskOf('输出需求文档')?.title).toBe('【李四】输出需求文档');
  });

  it('a deadline change sends the due date (and the notes line that shows it)', async () => {
    const h = new Harness(anchored(['输出需求文档']));
    await h.sync();
    h.doc.rows[0]!.due = '2025-07-04';
    const o = await h.sync();
    const w = writesOf(o.plan.steps)[0];
    expect(w?.type === 'update' && w.patch.due).toEqual({ date: '2025-07-04', time: null });
    expect(w?.type === 'update' && Object.keys(w.patch).sort()).toEqual(['due', 'notes']);
  });

  it('reordering rows and inserting or deleting other rows changes no other task', async () => {
    const h = new Harness(anchored(['A事项', 'B事项', 'C事项', 'D事项']));
    await h.sync();
    const before = new Map(h.doc.rows.map((r) => [r.title, r.link]));
    const tasksBefore = JSON.stringify(h.backend.liveTasks().filter((t) => t.title !== 'C事项'));
    h.doc.rows = [h.doc.rows[3]!, row('新事项', { anchor: 'row9' }), h.doc.rows[0]!, h.doc.rows[1]!];
    const o = await h.sync();
    expect(o.report.counts.created).toBe(1);
    expect(o.report.counts.removed).toBe(1);
    expect(o.report.counts.updated).toBe(0);
    for (const t of ['A事项', 'B事项', 'D事项']) expect(h.doc.find(t).link).toBe(before.get(t));
    // The untouched tasks are byte-for-byte the same.
    expect(JSON.stringify(h.backend.liveTasks().filter((t) => ['A事项', 'B事项', 'D事项'].includes(t.title)))).toBe(
      JSON.stringify(JSON.parse(tasksBefore).filter((t: { title: string }) => t.title !== 'C事项')),
    );
  });
});

describe('planner: duplicates, removals and re-links', () => {
  it('a duplicated row becomes a new task with its own link', async () => {
    const h = new Harness(anchored(['输出需求文档', '评估开发周期']));
    await h.sync();
    const original = h.doc.rows[0]!;
    h.doc.rows.splice(1, 0, { ...original, anchor: 'row-copy' });
    const o = await h.sync();
    expect(o.report.counts.created).toBe(1);
    expect(h.backend.liveTasks()).toHaveLength(3);
    const links = h.doc.rows.map((r) => r.link);
    expect(new Set(links).size).toBe(3);
    expect(h.doc.rows[0]!.link).toBe(original.link);
    expect(o.report.lines.find((l) => l.actions.includes('created'))?.message).toMatch(/copy/);
  });

  it('a deleted row keeps its task, noted on the task, and re-links when it comes back', async () => {
    const h = new Harness(anchored(['输出需求文档', '评估开发周期']));
    await h.sync();
    const removedRow = h.doc.rows[1]!;
    const taskId = h.taskOf('评估开发周期')?.id as string;
    h.doc.rows.splice(1, 1);
    const o = await h.sync();
    expect(o.report.counts.removed).toBe(1);
    const task = h.backend.task(taskId);
    expect(task?.deleted).toBe(false);
    expect(task?.notes).toContain('已从会议纪要中删除');
    expect(h.records().find((r) => r.taskId === taskId)?.state).toBe('unlinked');

    // It stays quiet on the next sync…
    const quiet = await h.sync();
    expect(quiet.report.remoteWrites).toBe(0);

    // …and comes back (undo restores the anchor) to the same task.
    h.doc.rows.push(removedRow);
    const back = await h.sync();
    expect(back.report.counts.relinked).toBe(1);
    expect(back.report.counts.created).toBe(0);
    expect(h.backend.task(taskId)?.notes).not.toContain('已从会议纪要中删除');
    expect(h.records().find((r) => r.taskId === taskId)?.state).toBe('linked');
  });

  it('a row that comes back under a new anchor (pasted) re-links by content', async () => {
    const h = new Harness(anchored(['输出需求文档', '评估开发周期']));
    await h.sync();
    const taskId = h.taskOf('评估开发周期')?.id;
    const gone = h.doc.rows.splice(1, 1)[0]!;
    await h.sync();
    h.doc.rows.unshift({ ...gone, anchor: 'pasted' });
    const back = await h.sync();
    expect(back.report.counts.relinked).toBe(1);
    expect(h.taskOf('评估开发周期')?.id).toBe(taskId);
    expect(h.backend.liveTasks()).toHaveLength(2);
  });

  it('a copied row of a done item (no task of its own) loses the copied link', async () => {
    const h = new Harness(anchored(['输出需求文档']));
    await h.sync();
    h.doc.rows.push({ ...h.doc.rows[0]!, anchor: 'copy', status: 'done' });
    const o = await h.sync();
    expect(o.report.counts.created).toBe(0);
    expect(h.doc.rows[1]!.link).toBeNull();
    expect(o.report.warnings.some((w) => w.code === 'duplicate_link')).toBe(true);
  });
});

describe('planner: policy', () => {
  const mixed = (): Doc =>
    new Doc([
      row('确认需求范围', { anchor: 'r1' }),
      row('采用方案B', { anchor: 'r2', kind: 'decision', owners: [], due: null }),
      row('上线时间定为7月1日', { anchor: 'r3', kind: 'decision', owners: ['王芳'], due: '2025-07-01' }),
      row('跟进合同', { anchor: 'r4', owners: [] }),
      row('已经交付的报告', { anchor: 'r5', status: 'done' }),
    ]);

  it('to-dos become tasks, decisions and finished items do not (by default)', async () => {
    const h = new Harness(mixed());
    const o = await h.sync();
    expect(h.backend.liveTasks().map((t) => t.title).sort()).toEqual(['确认需求范围', '跟进合同'].sort());
    expect(o.report.counts.skipped).toBe(3);
  });

  it('opted-in decisions become tasks only with an owner and a deadline', async () => {
    const h = new Harness(mixed(), { policy: { decisions: true } });
    await h.sync();
    expect(h.backend.liveTasks().map((t) => t.title)).toContain('[决议] 上线时间定为7月1日');
    expect(h.backend.liveTasks().map((t) => t.title)).not.toContain('[决议] 采用方案B');
  });

  it('items without owner or deadline sync and the task says what is missing; warnings are reported', async () => {
    const h = new Harness(new Doc([row('跟进合同', { anchor: 'r1', owners: [], due: null })]));
    const o = await h.sync();
    const notes = h.taskOf('跟进合同')?.notes ?? '';
    expect(notes).toContain('未写负责人');
    expect(notes).toContain('未写完成时限');
    expect(o.report.warnings.map((w) => w.code).sort()).toEqual(['deadline_missing', 'owner_missing']);
  });

  it('"only complete items" leaves out items without owner or deadline', async () => {
    const h = new Harness(mixed(), { policy: { onlyCompleteItems: true } });
    await h.sync();
    expect(h.backend.liveTasks().map((t) => t.title)).toEqual(['确认需求范围']);
  });

  it('the include predicate filters items (Google: only the items I own)', async () => {
    const h = new Harness(new Doc([row('甲的事', { anchor: 'r1', owners: ['甲'] }), row('乙的事', { anchor: 'r2', owners: ['乙'] })]), {
      policy: { include: (item) => item.owners.some((o) => o.name === '甲') },
    });
    await h.sync();
    expect(h.backend.liveTasks().map((t) => t.title)).toEqual(['甲的事']);
  });

  it('an item that becomes excluded is unlinked (noted), and re-linked when included again', async () => {
    const h = new Harness(new Doc([row('确认需求范围', { anchor: 'r1' })]), { policy: { onlyCompleteItems: true } });
    await h.sync();
    const id = h.taskOf('确认需求范围')?.id as string;
    h.doc.rows[0]!.owners = [];
    const o = await h.sync();
    expect(o.report.counts.unlinked).toBe(1);
    expect(h.backend.task(id)?.notes).toContain('不再同步');
    h.doc.rows[0]!.owners = ['张三'];
    const back = await h.sync();
    expect(back.report.counts.relinked).toBe(1);
    expect(h.backend.liveTasks()).toHaveLength(1);
  });

  it('createDoneItems creates finished items as completed tasks', async () => {
    const h = new Harness(new Doc([row('已经交付的报告', { anchor: 'r5', status: 'done' })]), { policy: { createDoneItems: true } });
    await h.sync();
    expect(h.backend.liveTasks()[0]?.status).toBe('done');
  });
});

describe('planner: capabilities', () => {
  it('a date-only backend keeps the time in the notes and warns', async () => {
    const h = new Harness(new Doc([row('提交周报', { anchor: 'r1', dueTime: '18:00' })]), { backend: { capabilities: GOOGLE_CAPS } });
    const o = await h.sync();
    const t = h.taskOf('提交周报');
    expect(t?.due).toEqual({ date: '2025-06-20', time: null });
    expect(t?.notes).toContain('2025-06-20 18:00');
    expect(o.report.warnings.some((w) => w.code === 'time_dropped')).toBe(true);
  });

  it('a backend with due times keeps the time', async () => {
    const h = new Harness(new Doc([row('提交周报', { anchor: 'r1', dueTime: '18:00' })]));
    await h.sync();
    expect(h.backend.liveTasks()[0]?.due).toEqual({ date: '2025-06-20', time: '18:00' });
  });

  it('a backend without links gets no link write-backs', async () => {
    const h = new Harness(anchored(['提交周报']), { backend: { capabilities: { links: false } } });
    const o = await h.sync();
    expect(o.writeBacks).toEqual([]);
    expect(h.doc.rows[0]!.link).toBeNull();
  });
});
