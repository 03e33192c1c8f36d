import { describe, expect, it } from 'vitest';
import { collectEventDates, findDates, parseDeadlineCell, parseMeetingDate } from '../../../src/core/dates';
import { mayHoldDate } from '../../../src/core/dates/trigger';

const ctx = { meetingDate: '2025-06-09' };

describe('parseDeadlineCell', () => {
  it.each(['', '   ', '—', '–', '-', '--', '/', '无', '空', '暂无', 'N/A', 'n/a', 'NA', 'None'])('%j is empty → null', (cell) => {
    expect(parseDeadlineCell(cell, ctx)).toBeNull();
  });

  it('returns null for a cell without any date', () => {
    expect(parseDeadlineCell('进行中', ctx)).toBeNull();
    expect(parseDeadlineCell('20', ctx)).toBeNull();
  });

  it.each([
    ['本周五', '2025-06-13'],
    ['6/20', '2025-06-20'],
    ['6.20', '2025-06-20'],
    ['Q3', '2025-09-30'],
    ['下周', '2025-06-20'],
    ['月底', '2025-06-30'],
    ['2025-06-30', '2025-06-30'],
    ['Jun 20', '2025-06-20'],
    ['by Friday', '2025-06-13'],
    ['6月20日（周五）', '2025-06-20'],
  ])('%s → %s, a deadline', (cell, date) => {
    expect(parseDeadlineCell(cell, ctx)).toMatchObject({ date, deadline: true, text: cell });
  });

  it('keeps vague and event cells with a null date', () => {
    expect(parseDeadlineCell('待定', ctx)).toMatchObject({ date: null, vague: true, warnings: ['vague_deadline'] });
    expect(parseDeadlineCell('TBD', ctx)).toMatchObject({ date: null, vague: true });
    expect(parseDeadlineCell('上线前', ctx)).toMatchObject({ date: null, event: '上线', warnings: ['relative_to_event'] });
    expect(parseDeadlineCell('上线前', { ...ctx, events: { 正式上线: '2025-07-01' } })).toMatchObject({ date: '2025-07-01' });
  });

  it('takes the new date of a moved deadline and flags two unrelated dates', () => {
    expect(parseDeadlineCell('原定 2/14，延期至 2/21', { meetingDate: '2025-02-19' })).toMatchObject({ date: '2025-02-21', warnings: [] });
    expect(parseDeadlineCell('6月20日 / 6月25日', ctx)?.warnings).toContain('conflicting_dates');
  });

  it('keeps offsets into the cell text as given', () => {
    const m = parseDeadlineCell('  6月20日 ', ctx);
    expect(m).toMatchObject({ start: 2, end: 7, text: '6月20日' });
  });

  it('marks a past date past_due', () => {
    expect(parseDeadlineCell('6月5日', ctx)).toMatchObject({ date: '2025-06-05', warnings: ['past_due'] });
  });
});

describe('parseMeetingDate', () => {
  it.each([
    ['2025年6月11日 14:00-15:30', '2025-06-11'],
    ['2025-03-18（周二）10:00-11:40', '2025-03-18'],
    ['2025/07/08', '2025-07-08'],
    ['2025.4.22', '2025-04-22'],
    ['2025 年 8 月 6 日（周三）14:00-16:30', '2025-08-06'],
    ['June 3, 2025', '2025-06-03'],
    ['Tuesday, June 3, 2025', '2025-06-03'],
    ['Tue Apr 15, 2025', '2025-04-15'],
    ['30 Oct 2025 (Thursday)', '2025-10-30'],
    ['26 March 2025', '2025-03-26'],
    ['Wednesday, November 12, 2025 | 10:00–11:30 ET', '2025-11-12'],
    ['114 年 12 月 29 日（一）', '2025-12-29'],
    ['民國114年5月15日', '2025-05-15'],
    ['📅 2025年11月5日  🕑 15:30–16:20', '2025-11-05'],
    ['２０２５年６月１１日', '2025-06-11'],
    ['二〇二五年六月十一日', '2025-06-11'],
  ])('%s → %s', (text, date) => {
    expect(parseMeetingDate(text)).toBe(date);
    expect(parseMeetingDate(text, 2020)).toBe(date); // a written year beats the fallback
  });

  it('uses the fallback year for a date without one, else null', () => {
    expect(parseMeetingDate('4月9日 上午 9:30')).toBeNull();
    expect(parseMeetingDate('4月9日 上午 9:30', 2025)).toBe('2025-04-09');
    expect(parseMeetingDate('10月14日 14:00-15:00', 2025)).toBe('2025-10-14');
    expect(parseMeetingDate('中秋礼盒营销项目碰头会 08/12', 2025)).toBe('2025-08-12');
    expect(parseMeetingDate('Jan 22', 2025)).toBe('2025-01-22');
  });

  it('returns null without a date, and ignores versions and times', () => {
    expect(parseMeetingDate('')).toBeNull();
    expect(parseMeetingDate('线上，飞书会议')).toBeNull();
    expect(parseMeetingDate('V3.0 14:00-15:30', 2025)).toBeNull();
    expect(parseMeetingDate('2025-02-30')).toBeNull();
  });
});

describe('collectEventDates', () => {
  it('reads event statements in Chinese and English', () => {
    const text = [
      '上线日期定为7月1日',
      '7月8日上市',
      'launch on July 1',
      '开业日期确定为 10 月 18 日（周六）。',
      '开业前一天（10 月 17 日）举办媒体预览',
      '外审时间：12 月 16 日—17 日，审核机构已确认。',
      '- Registrations for the April 24 kickoff webinar: 412 so far',
      'Code freeze starts Monday, November 17 at 00:00 ET.',
      '第一批 20 家門市於 6 月 16 日上線',
    ].join('\n');
    expect(collectEventDates(text, ctx)).toEqual({
      上线: '2025-06-16',
      上市: '2025-07-08',
      launch: '2025-07-01',
      开业: '2025-10-18',
      外审: '2025-12-16',
      '外审#end': '2025-12-17',
      'kickoff webinar': '2025-04-24',
      'code freeze': '2025-11-17',
    });
  });

  it('lets a later statement override an earlier one', () => {
    const text = '大家讨论了切换窗口：原计划 3 月 15 日，但考虑到促销，最后 agreed：切换推迟到 4 月 19 日（周六）凌晨。';
    expect(collectEventDates(text, { meetingDate: '2025-03-05' })).toEqual({ 切换: '2025-04-19' });
  });

  it('ignores deadlines, relative phrases and generic words', () => {
    const text = ['1. 库存预警阈值改为按小时动态计算，朱琳负责，7月4日前上线。', 'Meeting date: 2025-09-10', '开业前一天举办媒体预览'].join('\n');
    expect(collectEventDates(text, ctx)).toEqual({});
  });

  it('feeds event-relative deadlines through ctx.events (loose keys)', () => {
    const events = collectEventDates('1. W3 上市时间确定为 5 月 20 日，首发渠道为官方商城。', { meetingDate: '2025-04-22' });
    expect(events).toEqual({ 上市: '2025-05-20' });
    expect(findDates('售后服务部：备件铺货，上市前一周完成。', { meetingDate: '2025-04-22', events })).toMatchObject([
      { text: '上市前一周', date: '2025-05-13', event: '上市', warnings: ['relative_to_event'] },
    ]);
    expect(findDates('正式上市前', { meetingDate: '2025-04-22', events: { 上市日期: '2025-05-20' } })[0]?.date).toBe('2025-05-20');
    expect(findDates('before the launch event', { meetingDate: '2025-05-28', events: { 'launch event': '2025-06-26' } })[0]?.date).toBe('2025-06-26');
  });
});

describe('the fast path', () => {
  it.each([
    '| 提交第三方除菌检测报告 | 孙浩 | 何静 | 进行中 |',
    '市场部建议发布会采用线上直播加线下媒体体验双形式',
    '参与部门及人员：产品部（周婷、陈思远）、市场部（林小雨、赵磊）',
    'Legal flagged that the customer logo slide needs written consent.',
    '決議：汰換範圍為全台直營門市，加盟店不在本次範圍',
  ])('rejects %s with one regex test', (line) => {
    expect(mayHoldDate(line)).toBe(false);
    expect(findDates(line, ctx)).toEqual([]);
  });

  it.each(['下週五', '１０月１日', '上線前', '本週內', '3 個工作天', '儘快'])('lets %s through (Traditional / full-width)', (line) => {
    expect(mayHoldDate(line)).toBe(true);
    expect(findDates(line, ctx)).toHaveLength(1);
  });
});
