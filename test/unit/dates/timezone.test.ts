import { afterAll, describe, expect, it } from 'vitest';
import { addBusinessDays, addDays, findDates, mondayOf, parseDeadlineCell, parseMeetingDate, weekday } from '../../../src/core/dates';

/**
 * The date layer must give the same answers in every time zone (it runs in Node, browsers and Apps Script
 * wherever the user is). Node re-reads process.env.TZ when it is assigned, so this file switches the
 * process time zone between runs — and first proves the switch took effect.
 */

const ZONES = ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];

/** Meeting dates at US and EU daylight-saving switches, a leap day and a year end. */
const SAMPLES: [string, string][] = [
  ['2025-03-09', '下周一'],
  ['2025-03-09', 'next Friday'],
  ['2025-03-30', '明天上午 10 点前'],
  ['2025-11-02', '3 个工作日内'],
  ['2025-11-02', '本周内'],
  ['2024-02-28', '明天'],
  ['2024-02-28', '月底'],
  ['2025-12-31', '明天'],
  ['2025-12-31', '1/5 前'],
  ['2025-12-29', '下週五前'],
  ['2025-06-09', 'by EOD Friday'],
  ['2025-06-09', '5 days ago'],
  ['2025-03-10', 'two days ago'], // just after the US switch to summer time
  ['2025-06-09', '6月20日'],
];

function snapshot(): unknown {
  return {
    mentions: SAMPLES.map(([meeting, text]) => findDates(text, { meetingDate: meeting }).map((m) => [m.text, m.date, m.time, m.warnings])),
    cell: parseDeadlineCell('Q3', { meetingDate: '2025-07-02' })?.date,
    meeting: parseMeetingDate('June 3, 2025'),
    helpers: [addDays('2025-03-08', 1), addDays('2025-10-26', 1), weekday('2025-03-09'), mondayOf('2025-11-02'), addBusinessDays('2025-03-07', 1)],
  };
}

const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe('time-zone independence', () => {
  it('switching TZ really changes the local offset', () => {
    const january = new Date(Date.UTC(2025, 0, 15, 12));
    process.env.TZ = 'Asia/Shanghai';
    expect(january.getTimezoneOffset()).toBe(-480);
    process.env.TZ = 'America/Los_Angeles';
    expect(january.getTimezoneOffset()).toBe(480);
    process.env.TZ = 'Pacific/Kiritimati';
    expect(january.getTimezoneOffset()).toBe(-840);
  });

  it('gives identical results in every zone', () => {
    const results = ZONES.map((zone) => {
      process.env.TZ = zone;
      return snapshot();
    });
    for (const result of results.slice(1)) expect(result).toEqual(results[0]);
  });

  it('gives the expected answers (checked in Los Angeles and Shanghai)', () => {
    for (const zone of ['America/Los_Angeles', 'Asia/Shanghai']) {
      process.env.TZ = zone;
      const dates = SAMPLES.map(([meeting, text]) => findDates(text, { meetingDate: meeting })[0]?.date ?? null);
      expect(dates, zone).toEqual([
        '2025-03-10',
        '2025-03-14',
        '2025-03-31',
        '2025-11-05',
        '2025-11-02',
        '2024-02-29',
        '2024-02-29',
        '2026-01-01',
        '2026-01-05',
        '2026-01-09',
        '2025-06-13',
        '2025-06-04',
        '2025-03-08',
        '2025-06-20',
      ]);
    }
  });
});
