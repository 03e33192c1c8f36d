/**
 * Timing of findDates (not a test): `npx tsx test/unit/dates/bench.ts`.
 * Runs ~20k mixed lines of minutes (table rows, prose, English, Traditional) and reports µs per line,
 * separately for lines without dates and lines with common Chinese dates.
 */
import { findDates } from '../../../src/core/dates';

const NO_DATE = [
  '| 提交第三方除菌检测报告 | 孙浩 | 何静 | 进行中 |',
  '市场部建议发布会采用线上直播 + 线下媒体体验双形式，预算约 45 万元。',
  '法务部提示宣传语中"除菌率 99.9%"需要有第三方检测报告支撑。',
  '参与部门及人员：产品部（周婷、陈思远）、市场部（林小雨、赵磊）、供应链部（孙浩）',
  '- 整理首批 8000 台质检记录 @王芳',
  '决议：发布会采用线上直播，首批备货量维持 8000 台，暂不追加。',
  'Legal flagged that the customer logo slide needs written consent from each customer.',
  'Action: Priya to send the reminder email sequence to all registrants.',
  '| 汰換範圍為全台 142 家直營門市，加盟店不在本次範圍 | — | — |',
  '本次发布版本号为 v6.2，包含会员积分商城和夜间模式两项功能。',
];
const CHINESE_DATES = [
  '张三负责，6月13日前提交测试报告',
  '确认下周五前，产品部输出最终需求文档，技术部同步评估开发周期',
  '| 输出发布会执行方案及预算明细 | 林小雨 | 赵磊 | 6月18日 | 未开始 |',
  '秦川本周内输出分渠道 ROI 拆解报告。',
  '易欣：月中前完成搬迁费用预算复核（预算上限 85 万元）。',
  '包蕾 3 个工作日内向三家供应商发送准入结果通知。',
  '钟晴明天上午 10 点前完成受影响用户的短信安抚和补偿券发放。',
  '邱品妤：特權帳號定期審查機制，1/5 前完成程序書修訂。',
  '| 4 | 确认电商渠道首发价格 | 郑佳 | 周婷 | 本周五 | 未开始 |',
  '骆川：年底前完成 IT 固定资产盘点，明年 1 月 20 号前提交资产报废清单。',
];
const ENGLISH_DATES = [
  'Raj will publish the cutover runbook by September 19.',
  'Jade: send the grandfathering cost estimate to Nina by Friday EOD.',
  'Sophie Turner: request the TalkBridge PoC agreement within 3 business days.',
  'Tom will pull the list of long-term contractors from Workday by end of week.',
];

const ctx = { meetingDate: '2025-06-11' };

function microsPerLine(lines: readonly string[], rounds: number): number {
  let found = 0;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const line of lines) found += findDates(line, ctx).length;
  const elapsed = performance.now() - start;
  if (found < 0) console.log(found);
  return (elapsed * 1000) / (lines.length * rounds);
}

const mixed: string[] = [];
for (let i = 0; mixed.length < 20_000; i++) {
  mixed.push(NO_DATE[i % NO_DATE.length] as string, NO_DATE[(i + 3) % NO_DATE.length] as string, CHINESE_DATES[i % CHINESE_DATES.length] as string);
  if (i % 4 === 0) mixed.push(ENGLISH_DATES[i % ENGLISH_DATES.length] as string);
}

for (let warm = 0; warm < 3; warm++) microsPerLine(mixed, 1);
console.log(`mixed lines (${mixed.length}):          ${microsPerLine(mixed, 5).toFixed(2)} µs/line`);
console.log(`lines without dates:          ${microsPerLine(NO_DATE, 4000).toFixed(2)} µs/line`);
console.log(`lines with common Chinese dates: ${microsPerLine(CHINESE_DATES, 4000).toFixed(2)} µs/line`);
console.log(`lines with English dates:     ${microsPerLine(ENGLISH_DATES, 4000).toFixed(2)} µs/line`);
