import { describe, expect, it } from 'vitest';
import type { DateContext, DateMention } from '../../../src/core/dates';
import { findDates } from '../../../src/core/dates';

/**
 * Phrases whose day is counted from something other than the meeting: a duration after an "X 后" clause
 * (X is the event), 提前两天 / 在那之前 after a date in the same sentence, a date that is only awaited
 * (待其下周回复后), quarters and months qualified by a year word, and a plan moved to a whole month.
 */

interface Case {
  /** Meeting date. */
  m: string;
  t: string;
  /** The mention checked (its text). */
  phrase: string;
  date: string | null;
  /** Expected event words; undefined = no event. */
  event?: string;
  deadline?: boolean;
  events?: Record<string, string>;
  /** A range: [first, last]. */
  range?: [string, string];
}

function pick(c: Case): DateMention {
  const ctx: DateContext = { meetingDate: c.m, ...(c.events ? { events: c.events } : {}) };
  const found = findDates(c.t, ctx);
  const m = found.find((x) => x.text === c.phrase);
  expect(m, `${c.t}: no "${c.phrase}" in ${JSON.stringify(found.map((x) => x.text))}`).toBeDefined();
  return m as DateMention;
}

function check(c: Case): void {
  const m = pick(c);
  expect(m.date, `${c.t} → date`).toBe(c.date);
  expect(m.event, `${c.t} → event`).toBe(c.event);
  if (c.event !== undefined) expect(m.warnings).toContain('relative_to_event');
  else expect(m.warnings).not.toContain('relative_to_event');
  if (c.deadline !== undefined) expect(m.deadline, `${c.t} → deadline`).toBe(c.deadline);
  if (c.range !== undefined) expect([m.range, m.rangeStart, m.rangeEnd]).toEqual([true, ...c.range]);
}

const WED = '2024-12-25';

const afterClause: Case[] = [
  { m: '2025-05-27', t: '5. 孟冬：供应商报价回来后 2 个工作日内完成付款审批。', phrase: '2 个工作日内', date: null, event: '供应商报价回来', deadline: true },
  { m: WED, t: '6. 事务所发来资料需求清单后，由冷月 1 个工作日内分派到人。', phrase: '1 个工作日内', date: null, event: '事务所发来资料需求清单', deadline: true },
  { m: WED, t: '合同签署之后 3 天内付首款', phrase: '3 天内', date: null, event: '合同签署', deadline: true },
  { m: WED, t: 'Return the forms within 5 business days of receiving them.', phrase: 'within 5 business days of receiving them', date: null, event: 'receiving them', deadline: true },
  { m: WED, t: 'After the supplier replies, within 2 days, confirm the order.', phrase: 'within 2 days', date: null, event: 'the supplier replies', deadline: true },
  // A known event after the clause: counted from it.
  { m: '2025-06-01', t: '上线后，3 天内完成验收', phrase: '3 天内', date: '2025-06-23', event: '上线', deadline: true, events: { 上线: '2025-06-20' } },
  { m: '2025-04-18', t: '展会结束后，48 小时内发出感谢信', phrase: '48 小时内', date: '2025-05-18', event: '展会', events: { 展会: '2025-05-14', '展会#end': '2025-05-16' } },
  // Meeting-relative, as before.
  { m: WED, t: '会后 2 天内发出纪要', phrase: '2 天内', date: '2024-12-27', deadline: true },
  { m: WED, t: '讨论会后 2 天内发出纪要', phrase: '2 天内', date: '2024-12-27', deadline: true },
  { m: WED, t: '3 天后复盘', phrase: '3 天后', date: '2024-12-28' },
  { m: WED, t: '先出方案，然后 3 天内定稿', phrase: '3 天内', date: '2024-12-28', deadline: true },
  { m: WED, t: '张三 2 个工作日内导出序时账', phrase: '2 个工作日内', date: '2024-12-27', deadline: true },
  { m: WED, t: 'Send the minutes after the meeting, within 2 days.', phrase: 'within 2 days', date: '2024-12-27', deadline: true },
];

const countedBack: Case[] = [
  { m: '2024-06-22', t: 'One more thing, the registration form closes June 30, 我会提前两天发 reminder。', phrase: '提前两天', date: '2024-06-28', event: 'June 30', deadline: true },
  { m: '2026-05-21', t: '陆小鹿：6 月 1 日起运输新规生效，司机培训必须在那之前完成，培训由我来安排。', phrase: '在那之前', date: '2026-06-01', event: '6 月 1 日', deadline: true },
  { m: '2025-06-01', t: '6 月 20 日（周五）上线，提前 2 个工作日冻结代码', phrase: '提前 2 个工作日', date: '2025-06-18', event: '6 月 20 日(周五)', deadline: true },
  { m: '2025-06-01', t: '发布会 6 月 20 日举行，物料提前一周到位', phrase: '提前一周', date: '2025-06-13', event: '6 月 20 日', deadline: true },
  { m: '2025-06-01', t: 'Submissions close on June 30; send the reminder two days before that.', phrase: 'two days before that', date: '2025-06-28', event: 'June 30', deadline: true },
  { m: '2025-06-01', t: 'The venue is booked for June 30, so have the slides ready by then.', phrase: 'by then', date: '2025-06-30', event: 'June 30', deadline: true },
];

const awaited: Case[] = [
  { m: '2026-05-09', t: '五、醫療站安排：歐陽德缺席，待其下週回覆後再跟進，由陳卓賢負責聯絡。', phrase: '下週', date: null, event: '下周回覆' },
  { m: '2025-06-09', t: '等财务周三确认后再提交报销', phrase: '周三', date: null, event: '周三确认' },
];

const years: Case[] = [
  { m: '2024-11-14', t: '1. 公孙岚：下一代控制器平台 Q1 完成原型，明年三季度末小批量试产。', phrase: '明年三季度末', date: '2025-09-30' },
  { m: '2024-11-14', t: '明年 Q3 完成量产', phrase: '明年 Q3', date: '2025-09-30' },
  { m: '2024-11-14', t: "Ship it by next year's Q1.", phrase: "by next year's Q1", date: '2025-03-31', deadline: true },
  { m: '2024-11-14', t: 'Migrate before Q2 of next year.', phrase: 'before Q2 of next year', date: '2025-06-30', deadline: true },
  { m: '2024-11-14', t: '今年年底前完成', phrase: '今年年底前', date: '2024-12-31', deadline: true },
  { m: '2024-11-14', t: '今年 Q4 内完成', phrase: '今年 Q4 内', date: '2024-12-31', deadline: true },
  { m: '2024-11-14', t: '明年 3 月底前上线', phrase: '明年 3 月底前', date: '2025-03-31', deadline: true },
  { m: '2024-11-14', t: '去年 Q4', phrase: '去年 Q4', date: '2023-12-31' },
  // Without a year word a past quarter still rolls over to next year.
  { m: '2024-11-14', t: 'Q1 完成原型', phrase: 'Q1', date: '2025-03-31' },
];

const movedMonth: Case[] = [
  { m: '2025-08-24', t: '② iOS 版 9 月 1 日上架，Android 版延後至 10 月。', phrase: '10 月', date: null, range: ['2025-10-01', '2025-10-31'] },
  { m: '2025-08-24', t: '二期推迟到明年 3 月', phrase: '明年 3 月', date: null, range: ['2026-03-01', '2026-03-31'] },
  { m: '2025-08-24', t: '改到 10 月 8 日', phrase: '10 月 8 日', date: '2025-10-08' },
];

describe('a duration after an "X 后" clause counts from X', () => {
  it.each(afterClause.map((c) => [c.t, c] as const))('%s', (_t, c) => check(c));
});

describe('提前两天 / 在那之前 / two days before that count back from the date before them', () => {
  it.each(countedBack.map((c) => [c.t, c] as const))('%s', (_t, c) => check(c));

  it.each([
    ['提前两天通知参会人', '2025-06-01'],
    ['发布会 6 月 20 日举行。请提前两天到场', '2025-06-01'],
    ['Please send it two days before that.', '2025-06-01'],
  ])('drops %s without a date in the same sentence', (text, meetingDate) => {
    const found = findDates(text, { meetingDate });
    expect(found.filter((m) => /提前|before that/.test(m.text))).toEqual([]);
  });
});

describe('a date that is only awaited is not a deadline', () => {
  it.each(awaited.map((c) => [c.t, c] as const))('%s', (_t, c) => check(c));

  it('keeps a plain 等/待 date', () => {
    expect(findDates('等下周一再说', { meetingDate: '2026-05-09' })[0]).toMatchObject({ date: '2026-05-11' });
    expect(findDates('待定', { meetingDate: '2026-05-09' })[0]).toMatchObject({ date: null, vague: true });
  });
});

describe('year words on quarters and months', () => {
  it.each(years.map((c) => [c.t, c] as const))('%s', (_t, c) => check(c));
});

describe('past days counted back from the meeting (chrono-node no longer needed)', () => {
  it.each([
    ['5 days ago', '2025-06-06'],
    ['two weeks ago', '2025-05-28'],
    ['a few days ago', '2025-06-08'],
    ['paid a couple of days ago', '2025-06-09'],
  ])('%s → %s', (text, date) => {
    expect(findDates(text, { meetingDate: '2025-06-11' })).toMatchObject([{ date, deadline: false, warnings: ['past_due'] }]);
  });
});

describe('a plan moved to a whole month is a range', () => {
  it.each(movedMonth.map((c) => [c.t, c] as const))('%s', (_t, c) => check(c));
});
