import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addDays,
  addMonths,
  compare,
  daysInMonth,
  diffDays,
  isIsoDate,
  lastDayOfMonth,
  mondayOf,
  nthWeekdayOfMonth,
  quarterEnd,
  weekday,
} from '../../../src/core/dates/calendar';
import { parseChineseNumber, parseNumber } from '../../../src/core/dates/numerals';
import { normalizeText } from '../../../src/core/dates/normalize';

describe('calendar helpers (plain YYYY-MM-DD, UTC arithmetic)', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-06-30', 1)).toBe('2025-07-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-03-09', 0)).toBe('2025-03-09');
  });

  it('numbers weekdays from Monday = 1 to Sunday = 7', () => {
    expect(weekday('2025-06-09')).toBe(1);
    expect(weekday('2025-06-13')).toBe(5);
    expect(weekday('2025-06-15')).toBe(7);
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-28')).toBe(7);
  });

  it('finds the Monday of a Monday–Sunday week', () => {
    expect(mondayOf('2025-06-09')).toBe('2025-06-09');
    expect(mondayOf('2025-06-15')).toBe('2025-06-09'); // a Sunday belongs to the week before
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
  });

  it('gives the last day of a month', () => {
    expect(lastDayOfMonth('2025-02-10')).toBe('2025-02-28');
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-06-01')).toBe('2025-06-30');
    expect(lastDayOfMonth('2025-12-31')).toBe('2025-12-31');
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('counts business days from the day after, skipping weekends only', () => {
    expect(addBusinessDays('2025-10-30', 3)).toBe('2025-11-04'); // Thu → Tue
    expect(addBusinessDays('2025-11-13', 5)).toBe('2025-11-20');
    expect(addBusinessDays('2025-11-13', 10)).toBe('2025-11-27');
    expect(addBusinessDays('2025-12-29', 3)).toBe('2026-01-01'); // New Year's Day is not skipped
    expect(addBusinessDays('2025-06-14', 1)).toBe('2025-06-16'); // Saturday → Monday
    expect(addBusinessDays('2025-07-01', -2)).toBe('2025-06-27');
    expect(addBusinessDays('2025-07-01', 0)).toBe('2025-07-01');
  });

  it('adds months with clamping, and measures and compares dates', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-10-18', 1)).toBe('2025-11-18');
    expect(addMonths('2025-12-15', 2)).toBe('2026-02-15');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(diffDays('2025-06-09', '2025-06-23')).toBe(14);
    expect(diffDays('2025-12-31', '2025-01-01')).toBe(-364);
    expect(compare('2025-06-09', '2025-06-10')).toBe(-1);
    expect(compare('2025-06-10', '2025-06-10')).toBe(0);
    expect(compare('2026-01-01', '2025-12-31')).toBe(1);
  });

  it('knows quarter ends, nth weekdays and valid dates', () => {
    expect(quarterEnd(2025, 1)).toBe('2025-03-31');
    expect(quarterEnd(2025, 3)).toBe('2025-09-30');
    expect(nthWeekdayOfMonth(2025, 11, 4, 4)).toBe('2025-11-27'); // Thanksgiving
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-6-1')).toBe(false);
  });
});

describe('numerals and normalisation', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('二十一')).toBe(21);
    expect(parseChineseNumber('廿三')).toBe(23);
    expect(parseChineseNumber('三十')).toBe(30);
    expect(parseChineseNumber('两')).toBe(2);
    expect(parseChineseNumber('二〇二五')).toBe(2025);
    expect(parseChineseNumber('一百二十')).toBe(120);
    expect(parseChineseNumber('十x')).toBeNull();
    expect(parseNumber('twelve')).toBe(12);
    expect(parseNumber('a')).toBe(1);
    expect(parseNumber('15')).toBe(15);
  });

  it('normalises without changing the length', () => {
    const text = '下週五（６／２０）前，３個工作天內';
    const normalized = normalizeText(text);
    expect(normalized).toBe('下周五(6/20)前,3个工作天内');
    expect(normalized).toHaveLength(text.length);
    expect(normalizeText('plain ascii')).toBe('plain ascii');
  });
});
