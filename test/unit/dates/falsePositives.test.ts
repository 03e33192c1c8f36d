import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/core/dates';

/** Numbers and words that look like dates but are not: no mention may carry a date or a time. */
const NOT_DATES = [
  '完成率80%', '需求文档已完成80%', '预算约 45 万元', '$3k', 'budget $410k/year', 'v2.3', 'V3.0', '版本6.2', '6.2 版本的分支',
  '上个版本 6.1 的崩溃率 0.08%', 'App v5.8.1 hotfix', 'expense tool (v2.3) only supports SAML 1.1', 'WCAG 2.2 AA',
  'Smart Hub 2.0', '16:9', 'slide templates (16:9 + vertical)', '市场部与销售部按 6:4 分摊', '1.5倍', '97.5%',
  '良率 97.5%', '汇率 7.28', '提升 1.9 个百分点', '3.5x', '12人', '8000 台', '3 个', '第二点：接口联调', '三、讨论要点',
  '1. 需求汇总', '14:00-15:30', '10:00–11:40', '09:00–09:45 PT', '双11', '双 11 活动规则', '618', '3·8 大促',
  '618 大促', '3号楼 5F 大会议室', '5号楼', '3号线', '1号门', '2号机', '8号房', '腾讯会议 386-552-109', 'Sprint 24',
  '第3次', '2025 年度办公设备集中采购', '2026 年人力编制', 'ISO 27001', '第 6 周', '15 秒内', '6 小时', '保存期限改為一年',
  'NPS 42', 'sales enablement session × 3', 'APAC/EMEA/NA', 'WordPress / Strapi / 自研', 'T+1 同步', '24/7 support',
  'in the March town hall', 'May we revisit this?', '快一点', '早一点提交', '以下三点', '大概需要 6 个人月',
  '预计工作量 40 人天', '周婷', '周会', '6 月华东区投诉量 412 单', '7 月上市筹备', 'Q4 预算', 'Q2 大促', 'Q3 渠道拓展项目',
  '中秋礼盒营销项目', 'Black Friday Go-Live War Room', '首批 3 万台产能', '1,299 元', 'GMV USD 42M', '4 new SaaS tools',
  '规模 600 人', '后续行动', '四、后续行动', '进度 2/3', '占 1/4 的份额', '3/4 的用户', '以下两点', '10点', '1号方案', '下个周期', '本周报', '持续时间 2 小时', '长期合作伙伴', '5/5 tests passed', '3日游',
];

describe('findDates: false positives', () => {
  it.each(NOT_DATES)('%s', (text) => {
    const dated = findDates(text, { meetingDate: '2025-06-09' }).filter((m) => m.date !== null || m.time !== null || m.range);
    expect(dated, JSON.stringify(dated)).toEqual([]);
  });

  it('reads 6.20 as a date only beside a deadline marker or as the whole text', () => {
    const ctx = { meetingDate: '2025-06-09' };
    expect(findDates('运营常青：6.20 前完成推送文案', ctx).map((m) => m.date)).toEqual(['2025-06-20']);
    expect(findDates('截至 6.20', ctx).map((m) => m.date)).toEqual(['2025-06-20']);
    expect(findDates('本次评分 6.20 分', ctx)).toEqual([]);
    expect(findDates('系数 6.20', ctx)).toEqual([]);
  });

  it('does not join phrases across a line break', () => {
    const mentions = findDates('会议日期：6月20日\n10:00 前台接待', { meetingDate: '2025-06-09' });
    expect(mentions.map((m) => [m.text, m.date, m.time, m.deadline])).toEqual([['6月20日', '2025-06-20', null, false]]);
  });

  it('a time of day in a free sentence is not a deadline unless marked', () => {
    const ctx = { meetingDate: '2025-07-15' };
    expect(findDates('已于 15:20 切换到通道 B 恢复', ctx)).toEqual([]);
    expect(findDates('10:00 前提交', ctx)).toMatchObject([{ date: null, time: '10:00', deadline: true }]);
  });
});
