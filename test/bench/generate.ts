// Deterministic synthetic minutes for the benchmark: the template's tables, to-do lists and free prose,
// in Chinese and English, with realistic owners and deadlines.

export interface GeneratedMinutes {
  markdown: string;
  /** Decisions and to-dos written into the text (what a perfect extractor would find). */
  items: number;
}

type Random = () => number;

/** mulberry32: small, fast, deterministic. */
function random(seed: number): Random {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const ZH_PEOPLE = ['王芳', '李娜', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周婷', '吴刚', '孙浩', '郑丽'];
const ZH_DEPTS = ['产品部', '技术部', '市场部', '运营中心', '财务部', '法务部', '设计组', '客服团队', '技术部主管'];
const EN_PEOPLE = ['Nina', 'Tom Chen', 'Alice Wang', 'David', 'Priya', 'Mark', 'Sofia', 'Kenji'];
const ZH_ACTIONS = [
  '输出最终需求文档', '评估开发周期', '准备活动素材', '确认预算方案', '完成接口联调', '更新测试用例',
  '整理用户反馈', '提交合同审核', '设计首页改版稿', '安排供应商会议', '梳理上线检查清单', '修复支付回调问题',
  '同步数据看板口径', '完成压测报告', '准备培训材料', '核对渠道结算数据',
];
const ZH_DEADLINES = [
  '下周五前', '本周三前', '6月20日前', '月底前', '3个工作日内', '明天下班前', '周四', '2025-07-15', '两周内',
  '下周二', '6月30日', '7月5日之前', '本周内', '下月初',
];
const ZH_VAGUE = ['尽快', '后续跟进', '待定'];
const EN_ACTIONS = [
  'send the revised budget', 'update the API spec', 'draft the launch email', 'review the vendor contract',
  'schedule the partner call', 'fix the login timeout bug', 'prepare the customer demo', 'collect survey results',
  'write the migration plan', 'share the risk register',
];
const EN_DEADLINES = [
  'by Friday', 'by next Wednesday', 'before June 30', 'by EOD Thursday', 'within 3 business days', 'by 2025-07-10',
  'by end of next week', 'by June 24', 'by tomorrow',
];
const ZH_DECISIONS = ['上线日期定为6月30日', '采用方案B作为最终方案', '预算上限维持不变', '灰度比例先放到10%', '活动延期到下月'];
const EN_DECISIONS = ['Launch moves to July 1', 'We go with vendor A', 'The beta stays invite-only', 'Pricing stays unchanged'];
const NOISE = [
  '本次转化率提升到 12.5%，环比增长 3%。', '版本6.2已于上周发布。', 'FYI: the dashboard was migrated last sprint.',
  '下次例会时间另行通知。', '可以考虑引入新的埋点方案。', 'Revenue grew 8% quarter over quarter.',
];

/** One meeting's worth of minutes; returns its Markdown and how many items it holds. */
function meeting(rnd: Random, index: number): GeneratedMinutes {
  const zhOwner = (): string => (rnd() < 0.6 ? pick(rnd, ZH_PEOPLE) : pick(rnd, ZH_DEPTS));
  // Each meeting is about its own project, so that items differ across meetings as in real minutes.
  const project = `项目${index + 1}`;
  const zhAction = (): string => `${project}${pick(rnd, ZH_ACTIONS)}`;
  const enAction = (): string => `${pick(rnd, EN_ACTIONS)} for project ${index + 1}`;
  const lines: string[] = [];
  let items = 0;
  lines.push(`## 第${index + 1}次跨部门沟通会`, '');
  lines.push('| 字段 | 内容 |', '| --- | --- |');
  lines.push(`| 沟通主题 | ${project}进度同步 |`, `| 沟通时间 | 2025-06-09 |`);
  lines.push(`| 参与部门及人员 | 产品部-${pick(rnd, ZH_PEOPLE)}、技术部-${pick(rnd, ZH_PEOPLE)}、市场部-${pick(rnd, ZH_PEOPLE)} |`);
  lines.push(`| 主持人/记录人 | ${pick(rnd, ZH_PEOPLE)}/${pick(rnd, ZH_PEOPLE)} |`, '');

  lines.push('### 讨论要点', '', `- ${pick(rnd, NOISE)}`, `- ${pick(rnd, NOISE)}`, '');

  lines.push('### 决议事项', '', '| 决议 | 负责人 | 完成时限 |', '| --- | --- | --- |');
  for (let i = 0; i < 2; i++) {
    lines.push(`| ${pick(rnd, ZH_DECISIONS)} | ${zhOwner()} | ${pick(rnd, ZH_DEADLINES)} |`);
    items++;
  }
  lines.push('');

  lines.push('### 待办事项', '', '| 事项 | 负责人 | 完成时限 | 状态 | 任务 |', '| --- | --- | --- | --- | --- |');
  for (let i = 0; i < 6; i++) {
    const due = rnd() < 0.1 ? pick(rnd, ZH_VAGUE) : pick(rnd, ZH_DEADLINES);
    lines.push(`| ${zhAction()} | ${zhOwner()} | ${due} | ${rnd() < 0.8 ? '未开始' : '进行中'} | |`);
    items++;
  }
  lines.push('');

  lines.push('### 行动项', '');
  for (let i = 0; i < 4; i++) {
    lines.push(`- [ ] ${zhOwner()}：${pick(rnd, ZH_DEADLINES)}${zhAction()}`);
    items++;
  }
  lines.push('');

  // One shared deadline over three clauses: three to-dos.
  const [a, b, c] = [pick(rnd, ZH_DEPTS), pick(rnd, ZH_DEPTS), pick(rnd, ZH_DEPTS)];
  lines.push(`确认${pick(rnd, ZH_DEADLINES)}，${a}${zhAction()}，${b}${zhAction()}，${c}${zhAction()}。${pick(rnd, NOISE)}`, '');
  items += 3;

  lines.push('### Action items', '');
  for (let i = 0; i < 3; i++) {
    lines.push(`- Action: ${pick(rnd, EN_PEOPLE)} to ${enAction()} ${pick(rnd, EN_DEADLINES)}.`);
    items++;
  }
  lines.push(`- Decision: ${pick(rnd, EN_DECISIONS)}.`, '');
  items++;
  lines.push(`${pick(rnd, EN_PEOPLE)}: I will ${enAction()} ${pick(rnd, EN_DEADLINES)}. ${pick(rnd, NOISE)}`, '');
  items++;
  return { markdown: lines.join('\n'), items };
}

/** Minutes holding at least `targetItems` decisions and to-dos (whole meetings of 20 items each). */
export function generateMinutes(targetItems: number, seed = 20250609): GeneratedMinutes {
  const rnd = random(seed);
  const parts: string[] = ['# 跨部门沟通记录表（合订）', ''];
  let items = 0;
  for (let i = 0; items < targetItems; i++) {
    const m = meeting(rnd, i);
    parts.push(m.markdown);
    items += m.items;
  }
  return { markdown: parts.join('\n'), items };
}
