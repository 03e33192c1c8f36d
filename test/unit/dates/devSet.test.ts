import { describe, expect, it } from 'vitest';
import type { DateContext } from '../../../src/core/dates';
import { collectEventDates, findDates, parseDeadlineCell } from '../../../src/core/dates';

/**
 * Deadline phrases as they occur in the development set (/work/shared/eval/dev-minutes.json): the line,
 * that case's meeting date, the phrase and the gold due (and due_time). Event-relative lines carry the
 * event statement of their minutes, which collectEventDates must read.
 */
interface DevPhrase {
  id: string;
  meeting: string;
  line: string;
  phrase: string;
  due: string | null;
  time?: string;
  /** Another line of the same minutes that states an event date. */
  eventLine?: string;
}

const PHRASES: DevPhrase[] = [
  { id: 'zh-kuabumen-pipe-01', meeting: '2025-06-11', line: '| 4 | 确认电商渠道首发价格 | 郑佳 | 周婷 | 本周五 | 未开始 |', phrase: '本周五', due: '2025-06-13' },
  { id: 'zh-kuabumen-tsv-02', meeting: '2025-03-18', line: '2\t编写停机期间线下审批应急流程\t马丽\t刘敏\t3/25', phrase: '3/25', due: '2025-03-25' },
  { id: 'zh-zerenjuzhen-03', meeting: '2025-07-08', line: '| 物流轨迹不更新 | 回传间隔被改为 6 小时 | 与承运商协商恢复 1 小时回传 | IT部 邓超 | 两周内 |', phrase: '两周内', due: '2025-07-22' },
  { id: 'zh-zerenjuzhen-03', meeting: '2025-07-08', line: '| 偏远地区时效承诺过高 | 商品页仍沿用旧时效表 | 更新商品页时效承诺 | 销售运营 许可 | 7/15 |', phrase: '7/15', due: '2025-07-15' },
  { id: 'zh-fupan-04', meeting: '2025-06-23', line: '2. 双 11 活动规则简化为不超过两档满减，王珂牵头、唐娜配合，7 月中旬出初稿。', phrase: '7 月中旬', due: '2025-07-20' },
  { id: 'zh-fupan-04', meeting: '2025-06-23', line: '3. 设计需求改为"一次性 brief + 两轮修改"机制，白杨负责起草规范，下周三前发出。', phrase: '下周三前', due: '2025-07-02' },
  { id: 'zh-fupan-04', meeting: '2025-06-23', line: '4. 秦川本周内输出分渠道 ROI 拆解报告。', phrase: '本周内', due: '2025-06-27' },
  { id: 'zh-fengxian-05', meeting: '2025-09-03', line: '| 供应商核心开发人员 9 月中旬离职 | 要求供应商 9 月 8 日前提交交接清单和替补人员简历 | 梁栋 |', phrase: '9 月 8 日前', due: '2025-09-08' },
  { id: 'zh-lists-06', meeting: '2025-04-09', line: '2. 温斌：下周二前提交笔记本和显示器技术参数。', phrase: '下周二前', due: '2025-04-15' },
  { id: 'zh-lists-06', meeting: '2025-04-09', line: '3. 陆瑶：核对各部门预算余额，周五前反馈。', phrase: '周五前', due: '2025-04-11' },
  { id: 'zh-fuzeren-lines-07', meeting: '2025-05-20', line: '完成时限：本月底', phrase: '本月底', due: '2025-05-31' },
  { id: 'zh-leading-deadline-08', meeting: '2025-08-12', line: '3. 本周五前，罗一鸣完成电商详情页设计，田甜完成天猫和京东活动报名。', phrase: '本周五前', due: '2025-08-15' },
  { id: 'zh-multi-owner-09', meeting: '2025-10-14', line: '3. 会场与物料：史倩和刘畅共同对接场地方，下周五前完成场地合同签署。', phrase: '下周五前', due: '2025-10-24' },
  { id: 'zh-at-mention-10', meeting: '2025-11-05', line: '• @方圆 整理首批 50 家供应商名单及联系人，11/10 前同步给 @邱月', phrase: '11/10 前', due: '2025-11-10' },
  { id: 'zh-checkbox-11', meeting: '2025-02-19', line: '- [ ] 邓琪：产品中心页面 PRD，下周一前', phrase: '下周一前', due: '2025-02-24' },
  { id: 'zh-date-formats-12', meeting: '2025-06-09', line: '5. 运营常青：6.20 前完成积分商城上线活动的推送文案和站内信配置。', phrase: '6.20 前', due: '2025-06-20' },
  { id: 'zh-date-formats-12', meeting: '2025-06-09', line: '2. 研发宁波：提测时间为 6月13日，6.2 版本的分支今天冻结。', phrase: '今天', due: '2025-06-09' },
  { id: 'zh-date-formats-12', meeting: '2025-06-09', line: '6. 客服姜宁：在正式发布前更新 FAQ，发布日定在 6 月 24 日。', phrase: '正式发布前', due: '2025-06-24', eventLine: '6. 客服姜宁：在正式发布前更新 FAQ，发布日定在 6 月 24 日。' },
  { id: 'zh-hao-yuechu-13', meeting: '2025-05-13', line: '1. 侯杰：20号前完成新址网络布线验收及机房设备清单。', phrase: '20号前', due: '2025-05-20' },
  { id: 'zh-hao-yuechu-13', meeting: '2025-05-13', line: '2. 易欣：月中前完成搬迁费用预算复核（预算上限 85 万元）。', phrase: '月中前', due: '2025-05-15' },
  { id: 'zh-hao-yuechu-13', meeting: '2025-05-13', line: '3. 柯岚：下月初前发布全员搬迁通知和新工位分配表。', phrase: '下月初前', due: '2025-06-01' },
  { id: 'zh-sunday-14', meeting: '2025-03-02', line: '1. 齐悦明天中午 12 点前修复优惠券叠加 bug 并完成回归。', phrase: '明天中午 12 点前', due: '2025-03-03', time: '12:00' },
  { id: 'zh-sunday-14', meeting: '2025-03-02', line: '2. 欧阳倩下周一提交首轮投放素材给龙飞审核。', phrase: '下周一', due: '2025-03-03' },
  { id: 'zh-sunday-14', meeting: '2025-03-02', line: '4. 龙飞周二晚上再组织一次全链路演练。', phrase: '周二', due: '2025-03-04' },
  { id: 'zh-friday-15', meeting: '2025-08-22', line: '2. 黎娜今天下班前把返点测算表发到群里。', phrase: '今天下班前', due: '2025-08-22', time: '18:00' },
  { id: 'zh-friday-15', meeting: '2025-08-22', line: '4. 贺强周五前约两家代理商负责人做签约前沟通。', phrase: '周五前', due: '2025-08-29' },
  { id: 'zh-workdays-16', meeting: '2025-11-13', line: '1. 包蕾 3 个工作日内向三家供应商发送准入结果通知。', phrase: '3 个工作日内', due: '2025-11-18' },
  { id: 'zh-workdays-16', meeting: '2025-11-13', line: '3. 美印科技须在 10 个工作日内补交环保认证续证材料，由金瑞跟进。', phrase: '须在 10 个工作日内', due: '2025-11-27' },
  { id: 'zh-time-of-day-17', meeting: '2025-07-15', line: '1. 汤圆圆今晚 22:00 前完成失败订单清单导出并发给客服和财务。', phrase: '今晚 22:00 前', due: '2025-07-15', time: '22:00' },
  { id: 'zh-time-of-day-17', meeting: '2025-07-15', line: '2. 钟晴明天上午 10 点前完成受影响用户的短信安抚和补偿券发放。', phrase: '明天上午 10 点前', due: '2025-07-16', time: '10:00' },
  { id: 'zh-year-rollover-18', meeting: '2025-12-17', line: '2. 各事业部财务 BP：1 月 9 日前提交 2026 年度预算初稿。', phrase: '1 月 9 日前', due: '2026-01-09' },
  { id: 'zh-year-rollover-18', meeting: '2025-12-17', line: '4. 骆川：年底前完成 IT 固定资产盘点，明年 1 月 20 号前提交资产报废清单。', phrase: '明年 1 月 20 号前', due: '2026-01-20' },
  { id: 'zh-dept-owner-19', meeting: '2025-04-22', line: '- 售后服务部：全国 86 家服务网点的备件铺货，上市前一周完成。', phrase: '上市前一周', due: '2025-05-13', eventLine: '1. W3 上市时间确定为 5 月 20 日，首发渠道为官方商城和京东自营。' },
  { id: 'zh-past-due-24', meeting: '2025-03-12', line: '1. 申雪今天内催法务出具合同意见。', phrase: '今天内', due: '2025-03-12' },
  { id: 'zh-decisions-25', meeting: '2025-11-19', line: '- 喻涛：下周内与 TOP20 经销商完成一对一沟通。', phrase: '下周内', due: '2025-11-28' },
  { id: 'zh-speaker-label-26', meeting: '2025-06-17', line: '李建：门店这边的问题是收银系统老旧。我下周把旧 POS 门店清单整理出来。', phrase: '下周', due: '2025-06-27' },
  { id: 'zh-weekdays-27', meeting: '2025-10-15', line: '   - 周三前，各组提交值班表给杜刚。', phrase: '周三前', due: '2025-10-22' },
  { id: 'zh-relative-event-28', meeting: '2025-09-24', line: '- 人力资源部廉洁：店员招聘，开业前两周全部到岗并开始培训。', phrase: '开业前两周', due: '2025-10-04', eventLine: '- 开业日期确定为 10 月 18 日（周六）。' },
  { id: 'zh-relative-event-28', meeting: '2025-09-24', line: '- 零售事业部殷航：开业后一个月内提交首月经营分析。', phrase: '开业后一个月内', due: '2025-11-18', eventLine: '- 开业日期确定为 10 月 18 日（周六）。' },
  { id: 'zh-quarter-29', meeting: '2025-07-02', line: '1. 海外版 App 上线：研发中心宗伟负责，Q3 完成 beta 版本上线。', phrase: 'Q3', due: '2025-09-30' },
  { id: 'zh-collaborators-30', meeting: '2025-12-03', line: '5. 外审当天的会议室和接待由行政部安排。', phrase: '外审当天', due: '2025-12-16', eventLine: '外审时间：12 月 16 日—17 日，审核机构已确认。' },
  { id: 'en-action-lines-31', meeting: '2025-04-15', line: 'TODO: Olivia to collect written logo consent from the 5 featured customers before the kickoff webinar.', phrase: 'before the kickoff webinar', due: '2025-04-24', eventLine: '- Registrations for the April 24 kickoff webinar: 412 so far (target 600).' },
  { id: 'en-will-by-32', meeting: '2025-09-10', line: '- Tom will pull the list of long-term contractors from Workday by end of week.', phrase: 'by end of week', due: '2025-09-12' },
  { id: 'en-will-by-32', meeting: '2025-09-10', line: '- Grace will confirm the expense tool v2.4 release date with the vendor by next Wednesday.', phrase: 'by next Wednesday', due: '2025-09-17' },
  { id: 'en-next-weekday-34', meeting: '2025-06-03', line: '5. Jade: send the grandfathering cost estimate to Nina by Friday EOD.', phrase: 'by Friday EOD', due: '2025-06-06', time: 'EOD' },
  { id: 'en-business-days-35', meeting: '2025-10-30', line: '- Ahmed Khan: share the SIP trunk and CRM integration requirements with TalkBridge by EOD tomorrow.', phrase: 'by EOD tomorrow', due: '2025-10-31', time: 'EOD' },
  { id: 'en-business-days-35', meeting: '2025-10-30', line: '- Mei Lin: red-line the TalkBridge MSA and DPA within 5 business days of receiving them.', phrase: 'within 5 business days of receiving them', due: null },
  { id: 'en-long-noisy-38', meeting: '2025-11-12', line: '- Jamal will also send Zoe a one-page promo rules sheet for agents before the code freeze.', phrase: 'before the code freeze', due: '2025-11-17', eventLine: 'Code freeze starts Monday, November 17 at 00:00 ET and runs through December 2.' },
  { id: 'en-friday-rollover-39', meeting: '2024-12-20', line: '- Rachel will get signed MSAs from all three vendors by Jan 10.', phrase: 'by Jan 10', due: '2025-01-10' },
  { id: 'mixed-todo-lines-42', meeting: '2025-02-12', line: '- TODO: @Ryan + @孔菲 一起梳理 finance dashboard 依赖的表，next Tuesday 前给清单', phrase: 'next Tuesday 前', due: '2025-02-18' },
  { id: 'mixed-todo-lines-42', meeting: '2025-02-12', line: '- TODO: @魏东 metastore 连接池监控告警，EOD 今天', phrase: 'EOD 今天', due: '2025-02-12', time: 'EOD' },
  { id: 'mixed-gtm-launch-43', meeting: '2025-06-18', line: '- 严薇：挑 3 家 reference 客户做 case study，Q3 内发布', phrase: 'Q3 内', due: '2025-09-30' },
  { id: 'mixed-long-noisy-44', meeting: '2025-03-05', line: '4. Cindy 何：制定切换前后库存对账 checklist（双人复核），切换前一周发出。', phrase: '切换前一周', due: '2025-04-12', eventLine: '最后 agreed：切换推迟到 4 月 19 日（周六）凌晨，切换期间暂停美西仓出库 6 小时。' },
  { id: 'mixed-risk-sunday-45', meeting: '2025-11-23', line: '| 库存同步延迟导致超卖 | 同步频率从 15 分钟改为 5 分钟，明早 9 点前上线 | 沈冰 |', phrase: '明早 9 点前', due: '2025-11-24', time: '09:00' },
  { id: 'mixed-risk-sunday-45', meeting: '2025-11-23', line: '- Leo Wang 下周一 10:00 前发 go/no-go checklist。', phrase: '下周一 10:00 前', due: '2025-11-24', time: '10:00' },
  { id: 'mixed-compliance-46', meeting: '2025-07-30', line: '- Nora：与供应商谈判本地化存储的额外费用，8.15 前给出结果。', phrase: '8.15 前', due: '2025-08-15' },
  { id: 'zh-Hant-action-list-48', meeting: '2025-06-25', line: '• 何嘉欣：6/30 或之前落實推廣海報及店內陳列物料設計。', phrase: '6/30 或之前', due: '2025-06-30' },
  { id: 'zh-Hant-action-list-48', meeting: '2025-06-25', line: '• 鄧美玲：審閱推廣條款及細則，確保符合《商品說明條例》，本週內回覆。', phrase: '本週內', due: '2025-06-27' },
  { id: 'zh-Hant-retro-friday-49', meeting: '2025-09-26', line: '4. 蔡明哲：週五前排定雙 11 檔期第一次籌備會。', phrase: '週五前', due: '2025-10-03' },
  { id: 'zh-Hant-rollover-50', meeting: '2025-12-29', line: '2. 蘇冠廷：離職人員帳號停用流程與資訊處對接，3 個工作天內提出修正版流程。', phrase: '3 個工作天內', due: '2026-01-01' },
  { id: 'zh-Hant-rollover-50', meeting: '2025-12-29', line: '決議：未結案缺失須於 115 年 1 月 16 日前全數改善完畢，逾期列入年度考核。', phrase: '115 年 1 月 16 日前', due: '2026-01-16' },
];

describe('findDates: deadline phrases of the dev set', () => {
  it.each(PHRASES.map((p) => [`${p.id} ${p.phrase}`, p] as const))('%s', (_label, p) => {
    const base: DateContext = { meetingDate: p.meeting };
    const ctx: DateContext = p.eventLine ? { ...base, events: collectEventDates(p.eventLine, base) } : base;
    const mention = findDates(p.line, ctx).find((m) => m.text === p.phrase);
    expect(mention, JSON.stringify(findDates(p.line, ctx).map((m) => m.text))).toBeDefined();
    expect(mention?.date).toBe(p.due);
    expect(mention?.time).toBe(p.time ?? null);
  });
});

describe('parseDeadlineCell: deadline cells of the dev set', () => {
  const cells: [string, string, string | null, boolean][] = [
    ['2025-06-11', '6月20日', '2025-06-20', false],
    ['2025-06-11', '本周五', '2025-06-13', false],
    ['2025-03-18', '3/25', '2025-03-25', false],
    ['2025-03-18', '待定', null, true],
    ['2025-07-08', '两周内', '2025-07-22', false],
    ['2025-07-08', '持续', null, true],
    ['2025-05-15', '下週五', '2025-05-23', false],
    ['2025-05-15', '另行通知', null, true],
    ['2025-03-12', '3月7日', '2025-03-07', false],
  ];
  it.each(cells)('%s %s', (meeting, cell, due, vague) => {
    const mention = parseDeadlineCell(cell, { meetingDate: meeting });
    expect(mention?.date).toBe(due);
    expect(mention?.vague).toBe(vague);
    if (due !== null && due < meeting) expect(mention?.warnings).toContain('past_due');
  });
});
