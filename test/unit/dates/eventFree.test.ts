import { describe, expect, it } from 'vitest';
import { collectEventDates, findDates, findDatesWithoutEvents } from '../../../src/core/dates/index';

// The extractor scans each line once without event dates and keeps the answer when it is "event-free":
// then no event date, whatever the minutes state, may change it.
const MEETING = '2025-06-09';
const MINUTES = [
  '上线日期定为 7 月 1 日，发布会定于 6 月 20 日（周五）举办。',
  '开业日期确定为 10 月 18 日。Launch on July 1. The code freeze starts Monday, November 17.',
  '展会时间：5 月 14–16 日，东京。',
].join('\n');
const LINES = [
  '王芳：下周五前输出需求文档',
  '上线前 3 天完成联调',
  '发布会后 3 天内出传播效果复盘',
  'Olivia to collect consent before the launch',
  'Jamal will send the sheet before the code freeze',
  '展会结束后 48 小时内发出 follow-up email',
  '6月20日前提交，7 月 1 日上线',
  'report back on launch day',
  '评估开发周期，两周内完成',
  'no date at all here',
];

describe('findDatesWithoutEvents', () => {
  const events = collectEventDates(MINUTES, { meetingDate: MEETING });

  it.each(LINES)('an event-free answer stands once events are known: %s', (line) => {
    const bare = findDatesWithoutEvents(line, MEETING);
    const full = findDates(line, { meetingDate: MEETING, events });
    if (bare.eventFree) expect(full).toEqual(bare.mentions);
    else expect(bare.mentions.some((m) => m.event !== undefined) || /\bon\s/i.test(line)).toBe(true);
  });

  it('flags lines whose dates depend on events', () => {
    expect(findDatesWithoutEvents('上线前 3 天完成联调', MEETING).eventFree).toBe(false);
    expect(findDatesWithoutEvents('王芳：下周五前输出需求文档', MEETING).eventFree).toBe(true);
  });
});
