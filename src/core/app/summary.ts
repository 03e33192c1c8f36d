import type { SyncOutcome } from '../sync/sync';
import type { Lang, SyncSummary } from './protocol';

/** The sync report as one sentence and a few numbers for the sidebar. */
export function summarize(outcome: SyncOutcome, nowMs: number, lang: Lang): SyncSummary {
  const { report, plan } = outcome;
  const c = report.counts;
  const counts = {
    created: c.created + c.recovered,
    updated: c.updated,
    completed: c.completed,
    reopened: c.reopened,
    removed: c.removed,
    excluded: c.unlinked,
    unchanged: c.unchanged,
    failed: c.failed + c.deferred,
  };
  const ok = counts.failed === 0;
  // Each item's task link: written back this run, else as the plan leaves its record, else as stored.
  const links = new Map<string, string | null>();
  for (const record of plan.baseRecords) links.set(record.key, record.taskUrl);
  for (const step of plan.steps) if (step.record) links.set(step.key, step.record.taskUrl);
  const statuses = new Map<string, 'open' | 'done'>();
  for (const w of outcome.writeBacks) {
    if (!w.key) continue;
    if (w.taskLink) links.set(w.key, w.taskLink);
    if (w.status) statuses.set(w.key, w.status);
  }
  const items = report.lines.flatMap(({ key, title, actions }) =>
    key === null ? [] : [{ key, title, taskLink: links.get(key) ?? null, status: statuses.get(key) ?? (actions.includes('completed') ? ('done' as const) : ('open' as const)) }],
  );
  return {
    at: new Date(nowMs).toISOString(),
    ok,
    counts,
    remoteWrites: report.remoteWrites,
    message: sentence(counts, lang),
    warnings: report.warnings.map((w) => ({ code: w.code, title: w.title, message: w.message })),
    items,
  };
}

function sentence(n: SyncSummary['counts'], lang: Lang): string {
  const parts: string[] = [];
  const add = (count: number, zh: string, en: string): void => {
    if (count > 0) parts.push(lang === 'zh' ? `${zh} ${count} 项` : `${count} ${en}`);
  };
  add(n.created, '新建', 'created');
  add(n.updated, '更新', 'updated');
  add(n.completed, '完成', 'completed');
  add(n.reopened, '重新打开', 'reopened');
  add(n.removed, '已从纪要移除', 'removed from the minutes');
  add(n.excluded, '按设置不再同步（任务保留）', 'left out by the settings (tasks kept)');
  add(n.failed, '失败（可重试）', 'failed (retry)');
  if (parts.length === 0) return lang === 'zh' ? '任务已是最新，无需改动。' : 'Tasks are up to date; nothing to change.';
  return lang === 'zh' ? `同步完成：${parts.join('，')}。` : `Synced: ${parts.join(', ')}.`;
}
