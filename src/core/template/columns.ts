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

export const COLUMN_ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  index: ['序号', '编号', '项次', '序', '編號', '項次', 'No.', 'No', '#', 'ID'],
  decision: [
    '决议', '决议事项', '决议内容', '决定', '决定事项', '结论', '会议结论', '共识', '決議', '決議事項', '決議內容', '結論',
    'Decision', 'Decisions', 'Resolution', 'Agreed', 'Conclusion',
  ],
  item: [
    '事项', '待办', '待办事项', '待办内容', '事项内容', '任务', '任务内容', '行动', '行动项', '行动项目', '工作内容', '跟进事项',
    '事項', '待辦', '待辦事項', '待辦內容', '任務', '行動項', '跟進事項',
    'Item', 'Items', 'Action', 'Action item', 'Action items', 'Task', 'To-do', 'Todo', 'Next step', 'Follow-up',
  ],
  subject: ['问题', '风险', '需求', '問題', '風險', 'Issue', 'Problem', 'Risk', 'Requirement'],
  action: ['解决方案', '应对措施', '措施', '改进措施', '解決方案', '應對措施', 'Solution', 'Mitigation', 'Fix', 'Countermeasure'],
  owner: [
    '负责人', '责任人', '责任方', '负责部门', '负责部门/人', '负责方', '执行人', '主责', '牵头人', '牵头', '负责',
    '負責人', '責任人', '責任方', '負責部門', '執行人', 'Owner', 'Owners', 'Assignee', 'Responsible', 'DRI', 'Who',
  ],
  collaborator: ['配合人', '配合', '协助人', '协助', '协办', '配合部门', '協助人', '協辦', '協助', 'Collaborators', 'Collaborator', 'Support', 'Helpers'],
  due: [
    '完成时限', '截止时间', '截止日期', '时限', '期限', '时间', '完成时间', '完成日期', '计划完成时间', '原定时限', '截止',
    '完成期限', '時限', '截止時間', '截止日期', '完成時間', '時間', 'Due', 'Due date', 'Deadline', 'Target date', 'When', 'By',
  ],
  status: ['状态', '当前状态', '完成情况', '進度', '狀態', '目前狀態', 'Status', 'State'],
  task: ['任务链接', '任务', '任務連結', 'Task link', 'Task', 'Link'],
  note: ['备注', '说明', '根因', '原因', '交付标准', '资源', '优先级', '備註', '說明', 'Notes', 'Note', 'Remarks', 'Comment', 'Root cause', 'Priority'],
};

/** Roles in the order an ambiguous header is resolved: 任务 is an item unless an item column exists. */
const ROLE_ORDER: readonly ColumnRole[] = [
  'index', 'decision', 'item', 'subject', 'action', 'owner', 'collaborator', 'due', 'status', 'note', 'task',
];

const ROLE_BY_HEADER: ReadonlyMap<string, ColumnRole> = (() => {
  const map = new Map<string, ColumnRole>();
  for (const role of ROLE_ORDER) {
    for (const alias of COLUMN_ALIASES[role]) {
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
  ['collaborator', /配合|协助|協助|协办|協辦|collaborat|support/i],
  ['owner', /负责|負責|责任|責任|执行人|執行人|owner|assignee|responsible/i],
  ['due', /时限|時限|截止|期限|时间|時間|日期|deadline|\bdue\b|\bdate\b/i],
  ['status', /状态|狀態|进度|進度|\bstatus\b/i],
  ['action', /措施|方案|对策|對策|mitigation|solution/i],
  ['decision', /决议|決議|结论|結論|decision/i],
  ['item', /事项|事項|待办|待辦|任务|任務|内容|內容|\baction|\bitem|\btask/i],
  ['subject', /问题|問題|风险|風險|\brisk|\bissue/i],
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
