import type { ItemStatus } from '../model/items';
import { bothScripts } from '../text/traditional';
import type { TemplateLang } from './types';

/** The three states the template's 状态 column offers. */
export type TemplateStatus = 'notStarted' | 'inProgress' | 'done';

export const STATUS_LABELS: Readonly<Record<TemplateStatus, Readonly<Record<TemplateLang, string>>>> = {
  notStarted: { zh: '未开始', en: 'Not started' },
  inProgress: { zh: '进行中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
};

// "Not finished" words are tested first: 未完成 contains 完成, "not done" contains "done".
const OPEN_STATUS = bothScripts(
  /^(?:未开始|未完成|未结束|未关闭|未处理|未解决|进行中|处理中|跟进中|执行中|待开始|待处理|待办|待确认|待定|延期|已延期|逾期|已逾期|暂停|阻塞|open|not\s*started|not\s*done|in\s*progress|ongoing|pending|to\s*do|todo|blocked|on\s*hold|overdue|delayed|wip|☐|⬜|🔲|⏳|\[\s\])/iu,
);
const DONE_STATUS = bothScripts(
  /^(?:已完成|完成|已结束|已关闭|关闭|已解决|已处理|已上线|已交付|已提交|已落实|结项|已结项|done|completed?|finished|closed|resolved|shipped|✅|✔|☑|☒|✓|\[[xX]\])/iu,
);

const PERCENT_AFTER = /^\s*\d+(?:\.\d+)?\s*%/u;

/**
 * Reads a status cell or marker: 未开始/进行中/延期/Open → 'open', 已完成/完成/已关闭/Done/✅ → 'done',
 * anything else (empty, a note, a percentage) → null.
 */
export function parseStatus(text: string): ItemStatus | null {
  const t = text.normalize('NFKC').trim();
  if (t.length === 0) return null;
  if (OPEN_STATUS.test(t)) return 'open';
  const done = DONE_STATUS.exec(t);
  if (!done) return null;
  // 已完成80% is progress, not completion.
  return PERCENT_AFTER.test(t.slice(done[0].length)) ? 'open' : 'done';
}

/** The label the template writes for a status; an open item reads as 未开始 / Not started. */
export function statusLabel(status: ItemStatus | TemplateStatus, lang: TemplateLang): string {
  const key: TemplateStatus = status === 'open' ? 'notStarted' : status;
  return STATUS_LABELS[key][lang];
}
