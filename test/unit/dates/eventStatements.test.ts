import { describe, expect, it } from 'vitest';
import type { DateMention } from '../../../src/core/dates';
import { collectEventDates, findDates, findEventDate } from '../../../src/core/dates';

/**
 * Event dates stated in minutes (ranges, venues, reschedules, firm statements without an event word,
 * derived events) and the deadlines that count from them. Each case: the minutes' statement lines, the
 * record collectEventDates must return, then deadline phrases resolved with that record.
 */

interface Relative {
  /** The line scanned. */
  t: string;
  /** The phrase expected in it. */
  phrase: string;
  date: string | null;
  deadline?: boolean;
}

interface StatementCase {
  name: string;
  meeting: string;
  minutes: string[];
  events: Record<string, string>;
  relative: Relative[];
}

function mention(line: string, phrase: string, ctx: Parameters<typeof findDates>[1]): DateMention {
  const found = findDates(line, ctx);
  const m = found.find((x) => x.text === phrase);
  expect(m, `${line}: no "${phrase}" in ${JSON.stringify(found.map((x) => x.text))}`).toBeDefined();
  return m as DateMention;
}

const CASES: StatementCase[] = [
  {
    name: 'a trade show stated as a range with its venue',
    meeting: '2025-04-18',
    minutes: ['- 展会时间：5 月 14–16 日，东京 Big Sight，展位号 E-3021。'],
    events: { 展会: '2025-05-14', '展会#end': '2025-05-16' },
    relative: [
      { t: '柴进：展品出口报关和海运，需在展会开幕前 20 天发货。', phrase: '需在展会开幕前 20 天', date: '2025-04-24', deadline: true },
      { t: 'Yumi：邀请 30 家日本经销商到展位，展会前一周发出 invitation。', phrase: '展会前一周', date: '2025-05-07', deadline: true },
      { t: 'Derrick：展后 follow-up email，展会结束后 48 小时内发出。', phrase: '展会结束后 48 小时内', date: '2025-05-18', deadline: true },
      { t: '展会后 3 天内完成线索录入', phrase: '展会后 3 天内', date: '2025-05-19', deadline: true },
      { t: '展会开幕后 1 天补拍照片', phrase: '展会开幕后 1 天', date: '2025-05-15' },
      { t: '展会当天到场', phrase: '展会当天', date: '2025-05-14' },
      { t: '展会结束前撤展', phrase: '展会结束前', date: '2025-05-16', deadline: true },
    ],
  },
  {
    name: 'an audit stated as a range with 日—日',
    meeting: '2025-11-20',
    minutes: ['外审时间：12 月 16 日—17 日，审核机构已确认。'],
    events: { 外审: '2025-12-16', '外审#end': '2025-12-17' },
    relative: [
      { t: '外审前 3 天完成内审', phrase: '外审前 3 天', date: '2025-12-13', deadline: true },
      { t: '外审结束后 5 个工作日内提交整改计划', phrase: '外审结束后 5 个工作日内', date: '2025-12-24', deadline: true },
    ],
  },
  {
    name: 'an English conference with a range; after it ends',
    meeting: '2025-04-18',
    minutes: ['Conference dates: May 14-16, Tokyo.'],
    events: { conference: '2025-05-14', 'conference#end': '2025-05-16' },
    relative: [
      { t: 'Send thank-you notes after the conference ends, within 2 days.', phrase: 'within 2 days', date: '2025-05-18', deadline: true },
      { t: 'Share the recap 3 days after the conference ends.', phrase: '3 days after the conference ends', date: '2025-05-19' },
      { t: 'Book the booth two weeks before the conference.', phrase: 'two weeks before the conference', date: '2025-04-30', deadline: true },
      { t: 'Collect badges before the conference ends.', phrase: 'before the conference ends', date: '2025-05-16', deadline: true },
      { t: 'Log the leads within 48 hours after the conference ends.', phrase: 'within 48 hours after the conference ends', date: '2025-05-18', deadline: true },
    ],
  },
  {
    name: 'a vaccination stated with 於 … 在廠內 (Traditional)',
    meeting: '2025-10-16',
    minutes: ['2\t流感疫苗接種於 11 月 5 日在廠內統一施打\t游雅筑\t11/5'],
    events: { 接种: '2025-11-05' },
    relative: [{ t: '4\t準備疫苗接種場地與動線規劃\t方志偉\t\t接種前3天\t', phrase: '接種前3天', date: '2025-11-02', deadline: true }],
  },
  {
    name: 'a rescheduled opening: the later statement replaces the earlier',
    meeting: '2026-04-24',
    minutes: ['2. 备件物流部（岳峰）：成都前置仓原计划 4 月底启用，因消防验收延期，改到 5 月 18 日启用。岳峰说这个时间基本能保证。'],
    events: { 启用: '2026-05-18' },
    relative: [{ t: '④ 岳峰：成都前置仓启用前一周，完成首批备件入库计划。', phrase: '启用前一周', date: '2026-05-11', deadline: true }],
  },
  {
    name: 'a move verb without an event word moves the event named before it',
    meeting: '2025-03-05',
    minutes: ['大家讨论了切换窗口：切换原计划 3 月 15 日，推迟到 4 月 19 日（周六）凌晨。', 'Cutover was planned for March 15, but it was pushed to April 19.'],
    events: { 切换: '2025-04-19', cutover: '2025-04-19' },
    relative: [{ t: '切换前两天冻结变更', phrase: '切换前两天', date: '2025-04-17', deadline: true }],
  },
  {
    name: 'a second subject moved to a month does not move the first one',
    meeting: '2025-08-24',
    minutes: ['② iOS 版 9 月 1 日上架，Android 版延後至 10 月。'],
    events: { 上架: '2025-09-01' },
    relative: [{ t: '③ 周冠宇：iOS 上架前 5 個工作天完成 KOL 開箱合作簽約。', phrase: '上架前 5 個工作天', date: '2025-08-25', deadline: true }],
  },
  {
    name: 'the old plan written after the new date does not replace it',
    meeting: '2025-09-20',
    minutes: ['上线定于 10 月 20 日。', '（原计划 10 月 10 日上线）'],
    events: { 上线: '2025-10-20' },
    relative: [],
  },
  {
    name: 'a region moved with 改为 and a bracketed weekday',
    meeting: '2025-09-20',
    minutes: ['全球版本原定 10 月 2 日上线。', '日本区改为 10 月 9 日（周四）上线，其他地区不变。'],
    events: { 上线: '2025-10-09' },
    relative: [{ t: '上线前一天完成灰度验证', phrase: '上线前一天', date: '2025-10-08', deadline: true }],
  },
  {
    name: 'a gala confirmed with a weekday and a venue',
    meeting: '2024-01-22',
    minutes: ['- Gala confirmed for Saturday 9 March at the Corn Exchange; capacity 220 guests.'],
    events: { gala: '2024-03-09' },
    relative: [
      { t: 'Next step: auction item sourcing – owner TBD, before the gala.', phrase: 'before the gala', date: '2024-03-09', deadline: true },
      { t: 'Print the menus a week before the event.', phrase: 'a week before the event', date: '2024-03-02', deadline: true },
    ],
  },
  {
    name: 'a firm statement without an event word is the main event (活動 refers to it)',
    meeting: '2026-05-09',
    minutes: ['活動概要：「步步同行」慈善步行定於 6 月 14 日（星期日）舉行，目標籌得 HK$ 120 萬，預計參加者 1,500 人。'],
    events: { 活动: '2026-06-14' },
    relative: [
      { t: '四、區家樂：租借路線沿途水站物資，活動前一星期確認。', phrase: '活動前一星期', date: '2026-06-07', deadline: true },
      { t: 'Confirm the marshals before the event.', phrase: 'before the event', date: '2026-06-14', deadline: true },
    ],
  },
  {
    name: '大会 stated once; 活动 and the event refer to it',
    meeting: '2025-10-20',
    minutes: ['大会定于 11 月 21 日，地点待定。'],
    events: { 大会: '2025-11-21' },
    relative: [
      { t: '活动前一周确认嘉宾名单', phrase: '活动前一周', date: '2025-11-14', deadline: true },
      { t: '大会前 3 天彩排', phrase: '大会前 3 天', date: '2025-11-18', deadline: true },
      { t: 'Send the agenda before the event.', phrase: 'before the event', date: '2025-11-21', deadline: true },
    ],
  },
  {
    name: 'a derived event: 进场 is two days before the launch event',
    meeting: '2025-05-27',
    minutes: ['- 发布会定于 6 月 20 日（周五）下午在莫干山半山民宿举办，邀请媒体 30 家。', '- 搭建商需在发布会前 2 天进场搭建。'],
    events: { 发布会: '2025-06-20', '进场搭建#via': '2025-06-18' },
    relative: [
      { t: '3. 阮晴：主视觉和物料在搭建进场前完成印刷。', phrase: '搭建进场前', date: '2025-06-18', deadline: true },
      { t: '进场前完成物料清点', phrase: '进场前', date: '2025-06-18', deadline: true },
      { t: '1. 纪念：发布会前一周确定流程脚本和主持人。', phrase: '发布会前一周', date: '2025-06-13', deadline: true },
      // A derived event is not a second main event: 活动 still means the launch event.
      { t: '活动前一天检查音响', phrase: '活动前一天', date: '2025-06-19', deadline: true },
    ],
  },
  {
    name: 'a derived event named before its date',
    meeting: '2025-05-27',
    minutes: ['发布会日期定为 6 月 20 日', '进场时间为发布会前 2 天'],
    events: { 发布会: '2025-06-20', '进场#via': '2025-06-18' },
    relative: [{ t: '进场前完成布线', phrase: '进场前', date: '2025-06-18', deadline: true }],
  },
];

describe('collectEventDates: statement shapes', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const events = collectEventDates(c.minutes.join('\n'), { meetingDate: c.meeting });
    expect(events).toEqual(c.events);
    for (const r of c.relative) {
      const m = mention(r.t, r.phrase, { meetingDate: c.meeting, events });
      expect(m.date, `${r.t} → date`).toBe(r.date);
      expect(m.event, `${r.t} → event`).toBeDefined();
      expect(m.warnings, `${r.t} → warnings`).toContain('relative_to_event');
      if (r.deadline !== undefined) expect(m.deadline, `${r.t} → deadline`).toBe(r.deadline);
    }
  });

  it('does not read a generic word or a bracketed date as the main event', () => {
    expect(collectEventDates('开业前一天（10 月 17 日）举办媒体预览', { meetingDate: '2025-09-01' })).toEqual({});
    expect(collectEventDates('活动 5 月 3 日开始报名', { meetingDate: '2025-04-01' })).toEqual({});
    expect(collectEventDates('付款定于 6 月 14 日', { meetingDate: '2025-06-01' })).toEqual({});
  });
});

describe('findEventDate: generic words and ambiguity', () => {
  const several = { 上线: '2025-07-01', 发布会: '2025-07-08' };

  it.each([
    ['活动', several, null],
    ['event', several, null],
    ['大会', several, null],
    ['活动', { 发布会: '2025-07-08' }, '2025-07-08'],
    ['event', { launch: '2025-07-08' }, '2025-07-08'],
    ['活动', { 发布会: '2025-07-08', '进场#via': '2025-07-06' }, '2025-07-08'],
    ['活动', { 活动: '2025-06-14', 上线: '2025-07-01' }, '2025-06-14'],
    ['大会', { 大会: '2025-11-21', 上线: '2025-07-01' }, '2025-11-21'],
  ] as const)('%s in %j → %s', (word, events, date) => {
    expect(findEventDate(events, word)).toBe(date);
  });

  it('returns null and relative_to_event for an ambiguous generic word', () => {
    const [m] = findDates('活动前一周完成彩排', { meetingDate: '2025-06-01', events: several });
    expect(m).toMatchObject({ text: '活动前一周', date: null, event: '活动', deadline: true, warnings: ['relative_to_event'] });
    const [en] = findDates('before the event', { meetingDate: '2025-06-01', events: several });
    expect(en).toMatchObject({ date: null, warnings: ['relative_to_event'] });
  });

  it('gives a range event its last day only when asked', () => {
    const events = { 展会: '2025-05-14', '展会#end': '2025-05-16', 上线: '2025-07-01' };
    expect(findEventDate(events, '展会')).toBe('2025-05-14');
    expect(findEventDate(events, '展会', true)).toBe('2025-05-16');
    expect(findEventDate(events, '上线', true)).toBe('2025-07-01');
    expect(findEventDate(events, '展会开幕')).toBe('2025-05-14');
  });
});
