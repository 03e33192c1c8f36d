import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/core/dates';

/**
 * Weekdays pinned to a month or moved by a week (rules/weekdayOfMonth.ts, rules/weekShiftedWeekday.ts),
 * spreadsheet dates (rules/monthNames.ts) and "the last day of June" (rules/periods.ts).
 */

function datesIn(text: string, meetingDate: string): (string | null)[] {
  return findDates(text, { meetingDate }).map((m) => m.date);
}

describe('weekdays pinned to a month', () => {
  it.each([
    ['Review on the last Friday in June.', '2025-06-09', '2025-06-27'],
    ['Ship by the second Tuesday of next month.', '2025-06-09', '2025-07-08'],
    ['Ship by the 1st Monday of next month.', '2025-12-10', '2026-01-05'],
    ['Close the books on the last Sunday of this month.', '2025-06-09', '2025-06-29'],
    // A month long past is next year's, as for a written month/day.
    ['Kick-off on the first Monday of February.', '2025-11-20', '2026-02-02'],
    ['Wednesday the 18th works for the review.', '2025-06-09', '2025-06-18'],
    ['Send it by Fri, 4th.', '2025-06-09', '2025-07-04'],
    // Just past: still this month's.
    ['As agreed on Friday the 6th.', '2025-06-09', '2025-06-06'],
  ])('%s (meeting %s) → %s', (text, meeting, expected) => {
    expect(datesIn(text, meeting)).toEqual([expected]);
  });

  it('keeps a fifth weekday the month does not have as vague (no invented day)', () => {
    const found = findDates('Demo on the fifth Monday of February.', { meetingDate: '2025-01-10' });
    expect(found.map((m) => [m.text, m.date, m.vague])).toEqual([['the fifth Monday of February', null, true]]);
  });

  it('keeps a self-contradicting weekday and day as vague, not as either day', () => {
    // No Monday the 31st from a week before the meeting to a year after it.
    const found = findDates('Can you do Monday the 31st?', { meetingDate: '2025-06-09' });
    expect(found.map((m) => [m.text, m.date, m.vague])).toEqual([['Monday the 31st', null, true]]);
  });

  it('leaves "Thursday, the 19th of June" to the month-name rule (one date)', () => {
    expect(datesIn('Launch on Thursday, the 19th of June.', '2025-06-09')).toEqual(['2025-06-19']);
  });

  it('reads lower-case sat/sun only when spelt out', () => {
    expect(datesIn('We sat the 3rd exam.', '2025-06-09')).toEqual([]);
  });
});

describe('weekdays moved by a week', () => {
  it.each([
    ['Deliver next week Friday.', '2025-06-09', '2025-06-20'],
    ["Review this week's Thursday.", '2025-06-09', '2025-06-12'],
    ['Demo next week on Tuesday.', '2025-06-11', '2025-06-17'],
    ['Submit a week from Monday.', '2025-06-09', '2025-06-23'],
    ['Submit a week on Wednesday.', '2025-06-09', '2025-06-18'],
    ['Board pack due Monday week.', '2025-06-11', '2025-06-23'],
    ['Board pack due a week Friday.', '2025-06-09', '2025-06-20'],
  ])('%s (meeting %s) → %s', (text, meeting, expected) => {
    expect(datesIn(text, meeting)).toEqual([expected]);
  });

  it.each([
    ['Monday weekly sync moves online.', '2025-06-16'],
    ['Kick off Tuesday week-long sprint.', '2025-06-10'],
    ['Demo Monday week 2 of the plan.', '2025-06-16'],
  ])('does not read "%s" as a week later', (text, expected) => {
    expect(datesIn(text, '2025-06-09')).toEqual([expected]);
  });

  it('keeps the sentence\'s full stop out of a month written in full, and an abbreviation\'s point in', () => {
    const texts = (t: string): string[] => findDates(t, { meetingDate: '2025-06-09' }).map((m) => m.text);
    expect(texts('Finish it by the first Monday of July.')).toEqual(['by the first Monday of July']);
    expect(texts('Finish it by the first Monday of Sept.')).toEqual(['by the first Monday of Sept.']);
  });
});

describe('spreadsheet dates and month ends', () => {
  it.each([
    ['Due 15-Jul.', '2025-07-15'],
    ['Due 3-Mar-26.', '2026-03-03'],
    ['Due 3-Mar-2026.', '2026-03-03'],
    ['截止 1-Jun', '2025-06-01'],
    ['Due the last day of June.', '2025-06-30'],
    // Like "end of February": within half a year before the meeting, so this year's (past due).
    ['Due by the last day of February.', '2025-02-28'],
  ])('%s → %s', (text, expected) => {
    expect(datesIn(text, '2025-06-09')).toEqual([expected]);
  });

  it.each(['Due Jul-15.', 'see ticket PR-15-Jul', 'the v2-may-ship branch', 'build 15-Jul-2025-rc1'])('%s names no date', (text) => {
    expect(datesIn(text, '2025-06-09')).toEqual([]);
  });
});
