import { bothScripts, vocabulary } from '../text/traditional';
import { normalizeLabel } from './fields';
import type { TemplateLang } from './types';

/** Header rows of the template's two item tables. */
export const TEMPLATE_COLUMNS = {
  decision: { zh: ['决议', '负责人', '完成时限'], en: ['Decision', 'Owner', 'Due'] },
  todo: { zh: ['事项', '负责人', '完成时限', '状态', '任务'], en: ['Action item', 'Owner', 'Due', 'Status', 'Task'] },
} as const satisfies Record<'decision' | 'todo', Record<TemplateLang, readonly string[]>>;

/**
 * What a column of an item table holds.
 * - decision / item: the item itself (决议, 事项, 待办…).
 * - subject: what a row is about when another column holds the action (问题 / 风险 beside 解决方案 / 应对措施);
 *   it is the item itself when the table has no action column.
 * - action: the thing to do in a problem or risk table (解决方案, 应对措施).
 * - task: the link of the synced task (the template's 任务 column).
 */
export type ColumnRole =
  | 'index'
  | 'decision'
  | 'item'
  | 'subject'
  | 'action'
  | 'owner'
  | 'collaborator'
  | 'due'
  | 'status'
  | 'task'
  | 'note';

/**
 * Header words of each role: Simplified words (Traditional derived), then words as written. The roles are in
 * the order an ambiguous header is resolved: 任务 is an item unless an item column exists.
 */
export const COLUMN_ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  index: vocabulary('序号|编号|项次|序', 'No.|No|#|ID'),
  decision: vocabulary('决议|决议事项|决议内容|决定|决定事项|结论|会议结论|共识', 'Decision|Decisions|Resolution|Agreed|Conclusion'),
  item: vocabulary(
    '事项|待办|待办事项|待办内容|事项内容|任务|任务内容|行动|行动项|行动项目|工作内容|跟进事项',
    'Item|Items|Action|Action item|Action items|Task|To-do|Todo|Next step|Follow-up',
  ),
  subject: vocabulary('问题|风险|需求', 'Issue|Problem|Risk|Requirement'),
  action: vocabulary('解决方案|应对措施|措施|改进措施', 'Solution|Mitigation|Fix|Countermeasure'),
  owner: vocabulary(
    '负责人|责任人|责任方|负责部门|负责部门/人|负责方|执行人|主责|牵头人|牵头|负责',
    'Owner|Owners|Assignee|Responsible|DRI|Who',
  ),
  collaborator: vocabulary('配合人|配合|协助人|协助|协办|配合部门', 'Collaborators|Collaborator|Support|Helpers'),
  due: vocabulary(
    '完成时限|截止时间|截止日期|时限|期限|时间|完成时间|完成日期|计划完成时间|原定时限|截止|完成期限',
    'Due|Due date|Deadline|Target date|When|By',
  ),
  status: vocabulary('状态|当前状态|完成情况', '進度|目前狀態|Status|State'),
  note: vocabulary('备注|说明|根因|原因|交付标准|资源|优先级', 'Notes|Note|Remarks|Comment|Root cause|Priority'),
  task: vocabulary('任务链接|任务', '任務連結|Task link|Task|Link'),
};

const ROLE_BY_HEADER: ReadonlyMap<string, ColumnRole> = (() => {
  const map = new Map<string, ColumnRole>();
  for (const [role, aliases] of Object.entries(COLUMN_ALIASES) as [ColumnRole, readonly string[]][]) {
    for (const alias of aliases) {
      const key = normalizeLabel(alias);
      if (!map.has(key)) map.set(key, role);
    }
  }
  return map;
})();

/**
 * The role of one header cell, or null. Bilingual or compound headers (风险 Risk, 负责人 Owner,
 * 决议内容（摘要）) are matched on their parts.
 */
export function columnRole(header: string): ColumnRole | null {
  const whole = ROLE_BY_HEADER.get(normalizeLabel(header));
  if (whole) return whole;
  const parts = header.split(/[\s/／、（）()[\]【】|]+/u).filter((p) => p.length > 0);
  for (const part of parts) {
    const role = ROLE_BY_HEADER.get(normalizeLabel(part));
    if (role) return role;
  }
  // "原定完成时间", "负责部门/人", "Target due date": the words a header contains.
  for (const [role, re] of HEADER_WORDS) if (re.test(header)) return role;
  return null;
}

const HEADER_WORDS: readonly (readonly [ColumnRole, RegExp])[] = [
  ['collaborator', bothScripts(/配合|协助|协办|collaborat|support/i)],
  ['owner', bothScripts(/负责|责任|执行人|owner|assignee|responsible/i)],
  ['due', bothScripts(/时限|截止|期限|时间|日期|deadline|\bdue\b|\bdate\b/i)],
  ['status', bothScripts(/状态|进度|\bstatus\b/i)],
  ['action', bothScripts(/措施|方案|对策|mitigation|solution/i)],
  ['decision', bothScripts(/决议|结论|decision/i)],
  ['item', bothScripts(/事项|待办|任务|内容|\baction|\bitem|\btask/i)],
  ['subject', bothScripts(/问题|风险|\brisk|\bissue/i)],
];

/**
 * Roles of a whole header row. 任务/Task next to another item column (事项, 待办…) is the synced-task
 * link column, as in the template's 待办事项 table.
 */
export function classifyColumns(headers: readonly string[]): (ColumnRole | null)[] {
  const roles = headers.map(columnRole);
  const itemCount = roles.filter((r) => r === 'item').length;
  if (itemCount > 1) {
    headers.forEach((header, i) => {
      if (roles[i] === 'item' && isTaskHeader(header)) roles[i] = 'task';
    });
  }
  return roles;
}

function isTaskHeader(header: string): boolean {
  const key = normalizeLabel(header);
  return key === '任务' || key === '任務' || key === 'task' || key === 'tasks';
}
