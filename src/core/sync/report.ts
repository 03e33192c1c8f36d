/** The sync report: counts, per-item lines, warnings and resolved conflicts. */
import type { ReportLine, StatusConflict, SyncAction, SyncCounts, SyncReport, SyncWarning } from './types';

export const SYNC_ACTIONS: readonly SyncAction[] = [
  'created',
  'recovered',
  'updated',
  'completed',
  'reopened',
  'removed',
  'relinked',
  'unlinked',
  'detached',
  'status_to_document',
  'link_to_document',
  'unchanged',
  'skipped',
  'failed',
  'deferred',
];

export function countActions(lines: readonly ReportLine[]): SyncCounts {
  const counts = Object.fromEntries(SYNC_ACTIONS.map((a) => [a, 0])) as SyncCounts;
  for (const line of lines) for (const a of new Set(line.actions)) counts[a]++;
  return counts;
}

export function buildReport(lines: ReportLine[], warnings: SyncWarning[], conflicts: StatusConflict[], remoteWrites: number): SyncReport {
  return { counts: countActions(lines), lines, warnings, conflicts, remoteWrites };
}

/** A short plain-text summary, e.g. for the CLI or a log line. */
export function formatReport(report: SyncReport): string {
  const parts = SYNC_ACTIONS.filter((a) => report.counts[a] > 0).map((a) => `${a.replace(/_/g, ' ')} ${report.counts[a]}`);
  const head = parts.length > 0 ? parts.join(', ') : 'nothing to sync';
  const lines = [`${head}; ${report.remoteWrites} remote writes`];
  for (const c of report.conflicts) lines.push(`conflict: "${c.title}" — the ${c.winner === 'document' ? 'minutes' : 'task app'} changed later and wins`);
  for (const w of report.warnings) lines.push(`warning [${w.code}]${w.title ? ` "${w.title}"` : ''}: ${w.message}`);
  return lines.join('\n');
}
