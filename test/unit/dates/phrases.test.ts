import { describe, expect, it } from 'vitest';
import type { ItemWarning } from '../../../src/core/model/items';
import type { DateContext, DateMention } from '../../../src/core/dates';
import { findDates } from '../../../src/core/dates';

/**
 * Table-driven phrase tests: one phrase, one meeting date, the expected date/time/flags.
 * Weeks start on Monday. Meeting dates used below:
 *   MON 2025-06-09 (Monday), WED 2025-06-11, FRI 2025-06-13, SAT 2025-06-14, SUN 2025-06-15, TUE 2025-06-03.
 */
const MON = '2025-06-09';
const TUE = '2025-06-03';
const FRI = '2025-06-13';
const SAT = '2025-06-14';
const SUN = '2025-06-15';

interface Case {
  /** Meeting date. */
  m: string;
  /** Text scanned. */
  t: string;
  /** Expected date (null = none). */
  d: string | null;
  time?: string | null;
  dl?: boolean;
  vague?: boolean;
  /** Exact expected warnings; default: past_due when d < m, else none. */
  w?: ItemWarning[];
  event?: string;
  /** The mention to check, when the text holds more than the phrase. Default: the only mention. */
  phrase?: string;
  starts?: boolean;
  events?: Record<string, string>;
}

function pick(c: Case, mentions: DateMention[]): DateMention {
  if (c.phrase === undefined) {
    expect(mentions, `${c.t}: ${JSON.stringify(mentions)}`).toHaveLength(1);
    return mentions[0] as DateMention;
  }
  const found = mentions.find((x) => x.text === c.phrase);
  expect(found, `${c.t}: no mention "${c.phrase}" in ${JSON.stringify(mentions.map((x) => x.text))}`).toBeDefined();
  return found as DateMention;
}

function check(c: Case): void {
  const ctx: DateContext = { meetingDate: c.m, ...(c.events ? { events: c.events } : {}) };
  const mention = pick(c, findDates(c.t, ctx));
  expect(mention.date, `${c.t} date`).toBe(c.d);
  expect(mention.time, `${c.t} time`).toBe(c.time ?? null);
  if (c.dl !== undefined) expect(mention.deadline, `${c.t} deadline`).toBe(c.dl);
  expect(mention.vague, `${c.t} vague`).toBe(c.vague ?? false);
  const warnings = c.w ?? (c.d !== null && c.d < c.m ? ['past_due'] : []);
  expect([...mention.warnings].sort(), `${c.t} warnings`).toEqual([...warnings].sort());
  if (c.event !== undefined) expect(mention.event).toBe(c.event);
  if (c.starts !== undefined) expect(mention.starts ?? false).toBe(c.starts);
  expect(c.t.slice(mention.start, mention.end)).toBe(mention.text);
}

const weekdays: Case[] = [
  { m: MON, t: '本周五', d: '2025-06-13', dl: false },
  { m: MON, t: '这周五', d: '2025-06-13' },
  { m: MON, t: '这个周五', d: '2025-06-13' },
  { m: MON, t: '本周日', d: '2025-06-15' },
  { m: MON, t: '下周一', d: '2025-06-16' },
  { m: MON, t: '下周五', d: '2025-06-20' },
  { m: MON, t: '下星期二', d: '2025-06-17' },
  { m: MON, t: '下个礼拜三', d: '2025-06-18' },
  { m: MON, t: '下下周一', d: '2025-06-23' },
  { m: MON, t: '下下周五', d: '2025-06-27' },
  { m: MON, t: '上周五', d: '2025-06-06' },
  { m: MON, t: '周三', d: '2025-06-11' },
  { m: MON, t: '星期四', d: '2025-06-12' },
  { m: MON, t: '礼拜五', d: '2025-06-13' },
  { m: MON, t: '礼拜天', d: '2025-06-15' },
  { m: MON, t: '周一', d: '2025-06-16', w: ['ambiguous_next_weekday'] },
  { m: MON, t: '週五', d: '2025-06-13' },
  { m: MON, t: '下週三', d: '2025-06-18' },
  { m: MON, t: '禮拜五', d: '2025-06-13' },
  // Sunday meeting: Monday-start weeks, so 下周一 is the next day (chrono says a week later).
  { m: SUN, t: '下周一', d: '2025-06-16', w: ['ambiguous_next_weekday'] },
  { m: SUN, t: '下周五', d: '2025-06-20', w: ['ambiguous_next_weekday'] },
  { m: SUN, t: '上周五', d: '2025-06-06' },
  { m: SUN, t: '这周日', d: '2025-06-15' },
  { m: SUN, t: '周一', d: '2025-06-16' },
  { m: SUN, t: 'next Monday', d: '2025-06-16', w: ['ambiguous_next_weekday'] },
  // Saturday meeting: this week's Friday is already past; 本周内 stretches to Sunday.
  { m: SAT, t: '本周五', d: '2025-06-13' },
  { m: SAT, t: '本周内', d: '2025-06-15', dl: true },
  // English weekdays from a Tuesday.
  { m: TUE, t: 'this Thursday', d: '2025-06-05' },
  { m: TUE, t: 'next Friday', d: '2025-06-13', w: ['ambiguous_next_weekday'] },
  { m: TUE, t: 'next Tuesday', d: '2025-06-10' },
  { m: TUE, t: 'by Monday', d: '2025-06-09', dl: true },
  { m: TUE, t: 'Friday', d: '2025-06-06' },
  { m: TUE, t: 'on Wednesday', d: '2025-06-04', phrase: 'Wednesday' },
  { m: TUE, t: 'by Friday EOD', d: '2025-06-06', time: 'EOD', dl: true },
  { m: TUE, t: 'end of next week', d: '2025-06-13' },
  { m: TUE, t: 'last Thursday', d: '2025-05-29' },
  { m: TUE, t: 'Friday after next', d: '2025-06-13' },
  { m: TUE, t: 'Friday next week', d: '2025-06-13' },
  { m: TUE, t: 'EOD tomorrow', d: '2025-06-04', time: 'EOD', dl: true },
  // Friday meeting: a bare Friday is next week's, flagged.
  { m: FRI, t: '周五', d: '2025-06-20', w: ['ambiguous_next_weekday'] },
  { m: FRI, t: 'by Friday', d: '2025-06-20', dl: true, w: ['ambiguous_next_weekday'] },
  { m: FRI, t: 'next Friday', d: '2025-06-20' },
  { m: FRI, t: '下周五', d: '2025-06-20' },
  { m: FRI, t: '周一前', d: '2025-06-16', dl: true },
];

const relative: Case[] = [
  { m: MON, t: '今天', d: '2025-06-09' },
  { m: MON, t: '今晚', d: '2025-06-09' },
  { m: MON, t: '今天内', d: '2025-06-09', dl: true },
  { m: MON, t: '明天', d: '2025-06-10' },
  { m: MON, t: '后天', d: '2025-06-11' },
  { m: MON, t: '後天', d: '2025-06-11' },
  { m: MON, t: '大后天', d: '2025-06-12' },
  { m: MON, t: 'tomorrow', d: '2025-06-10' },
  { m: MON, t: 'today', d: '2025-06-09' },
  { m: MON, t: 'the day after tomorrow', d: '2025-06-11' },
  { m: MON, t: '本周内', d: '2025-06-13', dl: true },
  { m: MON, t: '周内', d: '2025-06-13', dl: true },
  { m: MON, t: '这周', d: '2025-06-13' },
  { m: MON, t: '本週內', d: '2025-06-13', dl: true },
  { m: MON, t: 'by end of week', d: '2025-06-13', dl: true },
  { m: MON, t: '下周内', d: '2025-06-20', dl: true },
  { m: MON, t: '下周', d: '2025-06-20' },
  { m: MON, t: '两周内', d: '2025-06-23', dl: true },
  { m: MON, t: '两周后', d: '2025-06-23', dl: false },
  { m: MON, t: 'in two weeks', d: '2025-06-23' },
  { m: MON, t: '一周内', d: '2025-06-16', dl: true },
  { m: MON, t: '3天内', d: '2025-06-12', dl: true },
  { m: MON, t: '三天后', d: '2025-06-12' },
  { m: MON, t: '5日内', d: '2025-06-14', dl: true },
  { m: MON, t: '24小时内', d: '2025-06-10', dl: true },
  { m: MON, t: '24 小時內', d: '2025-06-10', dl: true },
  { m: MON, t: 'within 24 hours', d: '2025-06-10', dl: true },
  { m: MON, t: '48 小时内', d: '2025-06-11', dl: true },
  { m: MON, t: '半个月内', d: '2025-06-24', dl: true },
  { m: MON, t: '一个月内', d: '2025-07-09', dl: true },
  { m: MON, t: 'in 3 days', d: '2025-06-12' },
  { m: MON, t: 'within 2 weeks', d: '2025-06-23', dl: true },
  { m: MON, t: 'a week from tomorrow', d: '2025-06-17' },
  { m: MON, t: '周末前', d: '2025-06-13', dl: true },
  { m: MON, t: '本周末', d: '2025-06-15' },
  { m: MON, t: '5 days ago', d: '2025-06-04' },
];

const businessDays: Case[] = [
  { m: MON, t: '2个工作日内', d: '2025-06-11', dl: true },
  { m: MON, t: '3 個工作天內', d: '2025-06-12', dl: true },
  { m: MON, t: '5 business days', d: '2025-06-16' },
  { m: '2025-10-30', t: 'within 3 business days', d: '2025-11-04', dl: true },
  { m: '2025-12-29', t: '3 个工作日内', d: '2026-01-01', dl: true },
  { m: '2025-11-13', t: '10 个工作日内', d: '2025-11-27', dl: true },
  { m: '2025-07-30', t: 'within 5 working days', d: '2025-08-06', dl: true },
];

const periods: Case[] = [
  { m: MON, t: '月底', d: '2025-06-30' },
  { m: MON, t: '本月底', d: '2025-06-30' },
  { m: MON, t: '月底前', d: '2025-06-30', dl: true },
  { m: MON, t: '6月底', d: '2025-06-30' },
  { m: '2025-05-13', t: '5月底前', d: '2025-05-31', dl: true },
  { m: MON, t: 'end of month', d: '2025-06-30' },
  { m: MON, t: 'end of next month', d: '2025-07-31' },
  { m: MON, t: '月初', d: '2025-07-01' },
  { m: MON, t: '下月初', d: '2025-07-01' },
  { m: MON, t: '7月初', d: '2025-07-01' },
  { m: MON, t: '月中', d: '2025-06-15' },
  { m: MON, t: '月中前', d: '2025-06-15', dl: true },
  { m: MON, t: '中旬', d: '2025-06-20' },
  { m: MON, t: '7月中旬', d: '2025-07-20' },
  { m: MON, t: '上旬', d: '2025-06-10' },
  { m: MON, t: '下旬', d: '2025-06-30' },
  { m: MON, t: '年底', d: '2025-12-31' },
  { m: MON, t: '年底前', d: '2025-12-31', dl: true },
  { m: MON, t: '年末', d: '2025-12-31' },
  { m: MON, t: '明年底', d: '2026-12-31' },
  { m: MON, t: 'Q3', d: '2025-09-30' },
  { m: MON, t: 'Q3 内', d: '2025-09-30', dl: true },
  { m: MON, t: 'Q4 前完成', d: '2025-12-31', dl: true, phrase: 'Q4 前' },
  { m: MON, t: '第三季度', d: '2025-09-30' },
  { m: MON, t: '三季度末', d: '2025-09-30' },
  { m: MON, t: '三季度末前', d: '2025-09-30', dl: true },
  { m: '2025-11-12', t: '一季度末', d: '2026-03-31' },
  { m: MON, t: 'end of Q2', d: '2025-06-30' },
  { m: MON, t: '本月内', d: '2025-06-30', dl: true },
  { m: MON, t: '下个月15号', d: '2025-07-15' },
  { m: MON, t: '本月20号', d: '2025-06-20' },
  { m: MON, t: 'by the end of June', d: '2025-06-30', dl: true },
  { m: MON, t: 'mid-July', d: '2025-07-15' },
  { m: MON, t: '本季度末', d: '2025-06-30' },
  { m: MON, t: '下季度末', d: '2025-09-30' },
];

const explicit: Case[] = [
  { m: MON, t: '2025年6月20日', d: '2025-06-20' },
  { m: MON, t: '6月20日', d: '2025-06-20' },
  { m: MON, t: '6 月 20 日', d: '2025-06-20' },
  { m: MON, t: '6月20号', d: '2025-06-20' },
  { m: MON, t: '六月二十日', d: '2025-06-20' },
  { m: MON, t: '十月一日', d: '2025-10-01' },
  { m: MON, t: '2025-06-20', d: '2025-06-20' },
  { m: MON, t: '2025/6/20', d: '2025-06-20' },
  { m: MON, t: '2025.6.20', d: '2025-06-20' },
  { m: MON, t: '6/20', d: '2025-06-20' },
  { m: MON, t: '6/20/2025', d: '2025-06-20' },
  { m: MON, t: '6.20', d: '2025-06-20' },
  { m: MON, t: '6.20前', d: '2025-06-20', dl: true },
  { m: MON, t: '20号', d: '2025-06-20' },
  { m: MON, t: '20日', d: '2025-06-20' },
  { m: MON, t: '二十号', d: '2025-06-20' },
  { m: MON, t: '5号', d: '2025-07-05' }, // the 5th has passed: next month's
  { m: MON, t: 'June 20', d: '2025-06-20' },
  { m: MON, t: '20 June', d: '2025-06-20' },
  { m: MON, t: 'Jun 20th', d: '2025-06-20' },
  { m: MON, t: 'June 20, 2026', d: '2026-06-20' },
  { m: MON, t: '30 Oct 2025', d: '2025-10-30' },
  { m: MON, t: 'by the 15th', d: '2025-06-15', dl: true },
  { m: MON, t: '114年12月29日', d: '2025-12-29' },
  { m: MON, t: '民國115年1月16日', d: '2026-01-16' },
  { m: MON, t: '１０月１日', d: '2025-10-01' },
  { m: MON, t: '６／２０', d: '2025-06-20' },
  { m: '2025-12-17', t: '明年 1 月 20 号', d: '2026-01-20' },
  { m: '2025-12-17', t: '1 月 9 日', d: '2026-01-09' },
  { m: '2024-12-20', t: 'Jan 10', d: '2025-01-10' },
  { m: '2025-12-29', t: '1/5 前', d: '2026-01-05', dl: true },
  { m: '2025-06-11', t: '12月20日', d: '2025-12-20' },
  { m: '2025-06-11', t: '1月5日', d: '2025-01-05' }, // within six months back: this year, past due
];

const markers: Case[] = [
  { m: MON, t: '6月13日前', d: '2025-06-13', dl: true },
  { m: MON, t: '6/30 或之前', d: '2025-06-30', dl: true },
  { m: MON, t: '6月20日之前', d: '2025-06-20', dl: true },
  { m: MON, t: '6月20日以前', d: '2025-06-20', dl: true },
  { m: MON, t: '截止6月20日', d: '2025-06-20', dl: true },
  { m: MON, t: '不晚于6月20日', d: '2025-06-20', dl: true },
  { m: MON, t: 'by June 20', d: '2025-06-20', dl: true },
  { m: MON, t: 'before Friday', d: '2025-06-13', dl: true },
  { m: MON, t: 'due 6/20', d: '2025-06-20', dl: true },
  { m: MON, t: 'no later than Sep 30', d: '2025-09-30', dl: true },
  { m: MON, t: 'until June 20', d: '2025-06-20', dl: true },
  { m: MON, t: '6月20日前后', d: '2025-06-20', dl: false, phrase: '6月20日' },
  { m: MON, t: '6月20日', d: '2025-06-20', dl: false },
];

const times: Case[] = [
  { m: MON, t: '下班前', d: null, time: '18:00', dl: true },
  { m: MON, t: '今天下班前', d: '2025-06-09', time: '18:00', dl: true },
  { m: MON, t: '明天下班前', d: '2025-06-10', time: '18:00', dl: true },
  { m: MON, t: '周五下班前', d: '2025-06-13', time: '18:00', dl: true },
  { m: MON, t: 'EOD', d: null, time: 'EOD', dl: true },
  { m: MON, t: 'COB Thursday', d: '2025-06-12', time: 'EOD', dl: true },
  { m: MON, t: '上午10点前', d: null, time: '10:00', dl: true },
  { m: MON, t: '10:00前', d: null, time: '10:00', dl: true },
  { m: MON, t: '下午3点', d: null, time: '15:00', dl: true },
  { m: MON, t: '3pm', d: null, time: '15:00', dl: true },
  { m: MON, t: '明天上午 10 点前', d: '2025-06-10', time: '10:00', dl: true },
  { m: MON, t: '今晚 22:00 前', d: '2025-06-09', time: '22:00', dl: true },
  { m: MON, t: '明早 9 点前', d: '2025-06-10', time: '09:00', dl: true },
  { m: MON, t: '今晚8点', d: '2025-06-09', time: '20:00' },
  { m: MON, t: '明天中午 12 点前', d: '2025-06-10', time: '12:00', dl: true },
  { m: MON, t: '下午三点半', d: null, time: '15:30', dl: true },
  { m: MON, t: '下周一 10:00 前', d: '2025-06-16', time: '10:00', dl: true },
  { m: MON, t: 'Friday at 3pm', d: '2025-06-13', time: '15:00' },
  { m: MON, t: '6/20 EOD', d: '2025-06-20', time: 'EOD', dl: true },
  { m: MON, t: 'EOD 今天', d: '2025-06-09', time: 'EOD', dl: true },
  { m: MON, t: '2025-06-20 14:00', d: '2025-06-20', time: '14:00' },
  // A bare 1–6 o'clock is afternoon in working minutes, unless 明早/今早 says morning.
  { m: MON, t: '两点前', d: null, time: '14:00', dl: true },
  { m: MON, t: '3点前提交', d: null, time: '15:00', dl: true, phrase: '3点前' },
  { m: MON, t: '明天 3 点', d: '2025-06-10', time: '15:00' },
  { m: MON, t: '明早 6 点', d: '2025-06-10', time: '06:00' },
  { m: MON, t: '12 点前', d: null, time: '12:00', dl: true },
  { m: MON, t: '03:00前', d: null, time: '03:00', dl: true },
];

const vagueWords = [
  '尽快', '儘快', '后续', '择期', '待定', '另行通知', '另行安排', '时间另定', '持续', '長期', '会后', '會後',
  'TBD', 'ASAP', 'ongoing', 'as soon as possible', 'at some point', 'every Monday', '每周一',
];
const vague: Case[] = vagueWords.map((t) => ({ m: MON, t, d: null, vague: true, w: ['vague_deadline'] }));

const EVENTS = { 上线: '2025-07-01', 上市: '2025-07-08', 开业日期: '2025-10-18', launch: '2025-07-01', 'code freeze': '2025-11-17' };
const events: Case[] = [
  { m: MON, t: '上线后两天', d: '2025-07-03', event: '上线', w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: '上线前', d: '2025-07-01', dl: true, event: '上线', w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: '正式上线前', d: '2025-07-01', dl: true, w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: '上線前', d: '2025-07-01', dl: true, w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: '上市前一周', d: '2025-07-01', w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: '开业前 10 天', d: '2025-10-08', w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: '开业前两周', d: '2025-10-04', w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: '开业后一个月内', d: '2025-11-18', dl: true, w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: 'before launch', d: '2025-07-01', dl: true, event: 'launch', w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: '3 days before launch', d: '2025-06-28', w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: '2 business days before launch', d: '2025-06-27', w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: 'before the code freeze', d: '2025-11-17', w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: '发布会前3天', d: null, event: '发布会', w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: 'after go-live', d: null, w: ['relative_to_event'], events: EVENTS },
  { m: MON, t: '上线前', d: null, dl: true, w: ['relative_to_event'] }, // no event dates known
  { m: MON, t: 'within 5 business days of receiving them', d: null, w: ['relative_to_event'] },
  { m: MON, t: '国庆节前', d: '2025-09-30', dl: true },
  // Every holiday name the rule knows also passes the cheap first test (十一长假 once did not).
  { m: MON, t: '十一长假前上线', d: '2025-09-30', dl: true },
  { m: MON, t: '春节前', d: '2026-02-16', dl: true },
  { m: MON, t: '中秋前', d: '2025-10-05', dl: true },
  { m: MON, t: 'before Christmas', d: '2025-12-24', dl: true },
];

const inSentence: Case[] = [
  { m: MON, t: '确认下周五前，产品部输出最终需求文档，技术部同步评估开发周期', d: '2025-06-20', dl: true, phrase: '下周五前' },
  { m: MON, t: '张三负责，6月13日前提交测试报告', d: '2025-06-13', dl: true, phrase: '6月13日前' },
  { m: MON, t: '需求文档已完成80%，预计周三提交', d: '2025-06-11' },
  { m: MON, t: 'Action: Alice to send the deck by Friday', d: '2025-06-13', dl: true },
  { m: MON, t: 'Bob will follow up next Tuesday', d: '2025-06-17', w: ['ambiguous_next_weekday'] },
  { m: MON, t: '负责人：王五，完成时限：2025年6月30日', d: '2025-06-30' },
  { m: MON, t: '市场部6/18前提交方案', d: '2025-06-18', dl: true },
  { m: MON, t: '下周一开始第二轮回归，下周内完成', d: '2025-06-16', starts: true, phrase: '下周一' },
  { m: MON, t: '下周一开始第二轮回归，下周内完成', d: '2025-06-20', dl: true, starts: false, phrase: '下周内' },
  { m: MON, t: '新版价格表自 12 月 1 日起执行', d: '2025-12-01', starts: true },
  { m: '2025-09-26', t: '9/12 當天系統當機 40 分鐘', d: '2025-09-12' },
];

describe('findDates: phrase table', () => {
  const groups: Record<string, Case[]> = { weekdays, relative, businessDays, periods, explicit, markers, times, vague, events, inSentence };
  for (const [name, cases] of Object.entries(groups)) {
    describe(name, () => {
      it.each(cases.map((c) => [`${c.m} ${c.t}`, c] as const))('%s', (_label, c) => check(c));
    });
  }

  it('covers at least 150 phrases', () => {
    const total = Object.values(groups).reduce((n, cases) => n + cases.length, 0);
    expect(total).toBeGreaterThanOrEqual(150);
  });
});

describe('findDates: ranges', () => {
  const cases: [string, string, string, string][] = [
    [MON, '6月3日至6月5日', '2025-06-03', '2025-06-05'],
    [MON, '3–5 June', '2025-06-03', '2025-06-05'],
    ['2025-03-18', '3 月 31 日至 4 月 3 日为季度结账期', '2025-03-31', '2025-04-03'],
    ['2024-12-20', 'The year-end change freeze runs Dec 23 – Jan 3', '2024-12-23', '2025-01-03'],
    ['2025-12-03', '外审时间：12 月 16 日—17 日', '2025-12-16', '2025-12-17'],
    ['2025-01-22', 'schedule the walkthrough for the week of Feb 10', '2025-02-10', '2025-02-16'],
  ];
  it.each(cases)('%s %s', (meeting, text, start, end) => {
    const ranges = findDates(text, { meetingDate: meeting }).filter((x) => x.range);
    expect(ranges).toHaveLength(1);
    expect(ranges[0]).toMatchObject({ date: null, range: true, rangeStart: start, rangeEnd: end });
  });
});

describe('findDates: several mentions in order', () => {
  it('returns non-overlapping mentions in text order with offsets into the original text', () => {
    const text = '4. 薛峰 24 小时内提交故障初步报告，详细复盘报告本周五提交。';
    const mentions = findDates(text, { meetingDate: '2025-07-15' });
    expect(mentions.map((x) => [x.text, x.date])).toEqual([
      ['24 小时内', '2025-07-16'],
      ['本周五', '2025-07-18'],
    ]);
    for (const x of mentions) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('keeps a vague phrase and a concrete deadline apart (the extractor prefers the concrete one)', () => {
    const mentions = findDates('会后大家各自梳理本部门需要展示的案例，周四前发到群里。', { meetingDate: '2025-10-14' });
    expect(mentions.map((x) => [x.text, x.date, x.vague])).toEqual([
      ['会后', null, true],
      ['周四前', '2025-10-16', false],
    ]);
  });

  it('reads an explicit date next to its weekday as one date, and flags a mismatch', () => {
    expect(findDates('正式切换窗口定为 4 月 12 日（周六）晚间', { meetingDate: '2025-03-18' })).toMatchObject([
      { text: '4 月 12 日（周六）', date: '2025-04-12', warnings: [] },
    ]);
    expect(findDates('2025年5月15日（四）14:00–15:30', { meetingDate: '2025-05-15' })).toMatchObject([
      { text: '2025年5月15日（四）', date: '2025-05-15' },
    ]);
    expect(findDates('Tue Apr 15, 2025', { meetingDate: '2025-04-15' })).toMatchObject([{ date: '2025-04-15', warnings: [] }]);
    expect(findDates('6月20日（周三）', { meetingDate: MON })[0]?.warnings).toContain('conflicting_dates');
  });
});
