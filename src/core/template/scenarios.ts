import type { Localized, PartSpec, ScenarioId, ScenarioSpec, SectionSpec, TableSpec } from './types';
import { words } from '../text/traditional';
import { TEMPLATE_COLUMNS } from './columns';

/** Rows left empty in every table of the template. */
export const EMPTY_ROWS = 3;

export const RECORD_TITLE: Localized = { zh: '跨部门沟通记录表', en: 'Cross-department meeting record' };

function section(zh: string, en: string, hintZh: string, hintEn: string): SectionSpec {
  return { kind: 'section', title: { zh, en }, hint: { zh: hintZh, en: hintEn } };
}

function table(zh: string, en: string, columnsZh: readonly string[], columnsEn: readonly string[]): TableSpec {
  return { kind: 'table', title: { zh, en }, columns: { zh: columnsZh, en: columnsEn }, rows: EMPTY_ROWS };
}

function scenario(id: ScenarioId, labelZh: string, labelEn: string, descriptionZh: string, descriptionEn: string, parts: readonly PartSpec[] = []): ScenarioSpec {
  return { id, label: { zh: labelZh, en: labelEn }, description: { zh: descriptionZh, en: descriptionEn }, parts };
}

/** Parts every record has before the scenario's own parts. */
export const LEADING_SECTIONS: readonly SectionSpec[] = [
  section('议程', 'Agenda', '1. 背景说明 2. 方案讨论 3. 分工确认', '1. Background 2. Options 3. Who does what'),
  section('讨论要点', 'Discussion', '各部门的观点、依据的数据和事实', 'Each team’s view, with the data and facts behind it'),
];

/** Parts every record has after the scenario's own parts. */
export const TRAILING_PARTS: readonly PartSpec[] = [
  section('争议点', 'Open issues', '还没有达成一致的问题，以及各方的立场', 'Questions still unsettled, and where each side stands'),
  table('决议事项', 'Decisions', TEMPLATE_COLUMNS.decision.zh, TEMPLATE_COLUMNS.decision.en),
  table('待办事项', 'Action items', TEMPLATE_COLUMNS.todo.zh, TEMPLATE_COLUMNS.todo.en),
];

export const SCENARIOS: readonly ScenarioSpec[] = [
  scenario(
    'general',
    '通用沟通记录',
    'General meeting',
    '基本信息、讨论要点、决议事项和待办事项，适合任何跨部门沟通',
    'Basic facts, discussion, decisions and action items: fits any cross-team meeting',
  ),
  scenario(
    'kickoff',
    '项目启动与目标对齐',
    'Project kickoff & goal alignment',
    '项目开始时统一目标、关键里程碑和各部门分工，避免职责重叠',
    'At the start of a project: one goal, the key milestones, and a clear split of who owns what',
    [
      section('项目目标', 'Goals', '9月30日前上线新版会员体系，月活提升15%', 'Launch the new loyalty program by 30 Sep and lift monthly actives by 15%'),
      section('关键里程碑', 'Milestones', '7月15日需求冻结；8月20日提测；9月25日上线', 'Scope frozen 15 Jul; testing from 20 Aug; launch 25 Sep'),
      section('职责分工', 'Responsibilities', '产品部：需求与验收；技术部：开发与测试；市场部：推广', 'Product: scope and sign-off; Engineering: build and test; Marketing: launch'),
    ],
  ),
  scenario(
    'requirements',
    '需求对接与资源协调',
    'Requirements & resource coordination',
    '一个部门依赖另一个部门时，说清需求、交付标准、时间节点和资源优先级',
    'When one team depends on another: the request, what “done” means, the dates and the priority of resources',
    [table('需求与资源', 'Requirements & resources', words('需求|交付标准|资源|优先级'), words('Requirement|Acceptance criteria|Resources|Priority'))],
  ),
  scenario(
    'problem',
    '问题解决与冲突处理',
    'Problem solving & conflict resolution',
    '出现延期、需求变更或责任争议时，找到根因，定下解决方案和责任方',
    'When work slips, scope changes or ownership is disputed: find the root cause, agree the fix and who owns it',
    [table('问题解决责任矩阵表', 'Issue resolution matrix', words('问题|根因|解决方案|责任方|时限'), words('Issue|Root cause|Solution|Responsible party|Due'))],
  ),
  scenario(
    'progress',
    '进度同步与风险预警',
    'Progress sync & risk alerts',
    '定期同步各部门进展，提前识别风险并商定应对措施',
    'A regular check-in: where each team stands, which risks are coming and how to handle them',
    [
      section('进展', 'Progress', '技术部：接口开发完成80%；市场部：物料初稿已提交', 'Engineering: API work 80% done; Marketing: first draft of assets submitted'),
      table('风险预警', 'Risks', words('风险|应对措施|负责人|时限'), words('Risk|Mitigation|Owner|Due')),
    ],
  ),
  scenario(
    'retro',
    '成果复盘与经验沉淀',
    'Retrospective & lessons learned',
    '阶段结束或项目完成后，总结做得好的地方和需要改进的地方，留给后续项目参考',
    'After a phase or a project: what worked, what to change, written down for the next team',
    [
      section('成功经验', 'What went well', '需求评审提前一周完成，开发返工明显减少', 'Requirements were reviewed a week early, so far less rework'),
      section('待改进点', 'What to improve', '测试环境准备偏晚，联调时间被压缩', 'The test environment came late and squeezed integration testing'),
    ],
  ),
];

export const SCENARIO_IDS: readonly ScenarioId[] = SCENARIOS.map((s) => s.id);

export function scenarioSpec(id: ScenarioId): ScenarioSpec {
  const spec = SCENARIOS.find((s) => s.id === id);
  if (!spec) throw new Error(`unknown scenario '${String(id)}' (use ${SCENARIO_IDS.join(', ')})`);
  return spec;
}

export function isScenarioId(value: string): value is ScenarioId {
  return (SCENARIO_IDS as readonly string[]).includes(value);
}
