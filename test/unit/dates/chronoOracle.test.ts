import { casual } from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/core/dates';

/**
 * English deadline phrases checked two ways. Our answer must be the expected one (a known gap must find no
 * date at all: a wrong date is worse than none). The expected answers are cross-checked against
 * chrono-node's English parser: where chrono disagrees, the case says why chrono is wrong here, so every
 * expectation is either confirmed by an independent parser or argued for.
 *
 * Meeting: Monday 2025-06-09. Conventions (../shared/EXTRACTION.md): Monday-start weeks; a bare weekday is
 * the next one after the meeting; a month/day without a year is the meeting's year unless more than about
 * six months before it; "end of week" is its Friday.
 */

const MEETING = '2025-06-09';

// Why chrono's answer differs from ours, per case.
const FORWARD_YEAR = 'chrono moves a date a few months back into next year; the convention keeps it (past_due)';
const SUNDAY_WEEK = 'chrono reads "Monday" / "next week" with Sunday-start weeks or as the meeting day itself';
const NO_DAY = 'chrono reads the words but names the wrong day';
const MISSED = 'chrono finds no day here';
const EXTRA = 'chrono adds a second, spurious day for a word inside the phrase';

interface Case {
  phrase: string;
  /** The dates the phrase names, in order; [] when it names no particular day. */
  expected: string[];
  /** Set when chrono-node's answer differs from `expected`: the reason. */
  chrono?: string;
  /** A form we do not read yet: we must find no date at all (never a wrong one). */
  gap?: true;
}

const CASES: readonly Case[] = [
  { phrase: 'by March 5th', expected: ['2025-03-05'], chrono: FORWARD_YEAR },
  { phrase: 'on the 5th of March', expected: ['2025-03-05'], chrono: FORWARD_YEAR },
  { phrase: 'by 5/3', expected: ['2025-05-03'], chrono: FORWARD_YEAR },
  { phrase: 'Jan. 3', expected: ['2025-01-03'], chrono: FORWARD_YEAR },
  { phrase: 'next Tuesday', expected: ['2025-06-17'] },
  { phrase: 'by next Thursday', expected: ['2025-06-19'] },
  { phrase: 'in two weeks', expected: ['2025-06-23'] },
  { phrase: 'within 3 days', expected: ['2025-06-12'] },
  { phrase: 'in 2 days', expected: ['2025-06-11'] },
  { phrase: 'in three days', expected: ['2025-06-12'] },
  { phrase: 'in 10 days', expected: ['2025-06-19'] },
  { phrase: 'within a week', expected: ['2025-06-16'] },
  { phrase: 'within two weeks', expected: ['2025-06-23'] },
  { phrase: 'two weeks from now', expected: ['2025-06-23'] },
  { phrase: '2 weeks from today', expected: ['2025-06-23'], chrono: EXTRA },
  { phrase: 'in a fortnight', expected: ['2025-06-23'], chrono: MISSED },
  { phrase: 'end of next month', expected: ['2025-07-31'] },
  { phrase: 'end of month', expected: ['2025-06-30'] },
  { phrase: 'end of this month', expected: ['2025-06-30'] },
  { phrase: '2025-07-01', expected: ['2025-07-01'] },
  { phrase: '2025/7/15', expected: ['2025-07-15'] },
  { phrase: 'Jul 4', expected: ['2025-07-04'] },
  { phrase: 'Sept 9', expected: ['2025-09-09'] },
  { phrase: 'on 12 Aug', expected: ['2025-08-12'] },
  { phrase: 'Aug 12th', expected: ['2025-08-12'] },
  { phrase: '12th August', expected: ['2025-08-12'] },
  { phrase: 'by 15 July', expected: ['2025-07-15'] },
  { phrase: '15-Jul', expected: ['2025-07-15'] },
  { phrase: 'last day of June', expected: ['2025-06-30'] },
  { phrase: 'by 6/30', expected: ['2025-06-30'] },
  { phrase: 'by 7/15', expected: ['2025-07-15'] },
  { phrase: 'by 06/30/2025', expected: ['2025-06-30'] },
  { phrase: 'by 30/06/2025', expected: ['2025-06-30'] },
  { phrase: 'no later than June 30', expected: ['2025-06-30'] },
  { phrase: 'Friday, June 13', expected: ['2025-06-13'] },
  { phrase: 'June 13th, 2025', expected: ['2025-06-13'] },
  { phrase: '13 June 2025', expected: ['2025-06-13'] },
  { phrase: 'Thursday, 19 June', expected: ['2025-06-19'] },
  { phrase: 'June 20 at 5pm', expected: ['2025-06-20'] },
  { phrase: 'after the launch on June 20', expected: ['2025-06-20'] },
  { phrase: 'week of 6/16', expected: ['2025-06-16'] },
  { phrase: 'mid-July', expected: ['2025-07-15'], chrono: MISSED },
  { phrase: 'end of Q3', expected: ['2025-09-30'], chrono: MISSED },
  { phrase: 'by Q3', expected: ['2025-09-30'], chrono: MISSED },
  { phrase: 'tomorrow at 3pm', expected: ['2025-06-10'] },
  { phrase: 'the day after tomorrow', expected: ['2025-06-11'] },
  { phrase: 'tomorrow morning', expected: ['2025-06-10'] },
  { phrase: 'noon tomorrow', expected: ['2025-06-10'] },
  { phrase: 'by tomorrow noon', expected: ['2025-06-10'] },
  { phrase: 'by 17:00 tomorrow', expected: ['2025-06-10'] },
  { phrase: 'COB tomorrow', expected: ['2025-06-10'] },
  { phrase: 'at 5pm today', expected: ['2025-06-09'] },
  { phrase: 'today', expected: ['2025-06-09'] },
  { phrase: 'tonight', expected: ['2025-06-09'] },
  { phrase: 'yesterday', expected: ['2025-06-08'] },
  { phrase: '2 days ago', expected: ['2025-06-07'] },
  { phrase: 'a week ago', expected: ['2025-06-02'] },
  { phrase: 'EOD Friday', expected: ['2025-06-13'] },
  { phrase: 'by Friday EOD', expected: ['2025-06-13'] },
  { phrase: 'Friday 3:30pm', expected: ['2025-06-13'] },
  { phrase: 'this Friday', expected: ['2025-06-13'] },
  { phrase: 'before Friday', expected: ['2025-06-13'] },
  { phrase: 'coming Friday', expected: ['2025-06-13'] },
  { phrase: 'upcoming Tuesday', expected: ['2025-06-10'] },
  { phrase: 'by Wed.', expected: ['2025-06-11'] },
  { phrase: 'Thurs', expected: ['2025-06-12'] },
  { phrase: 'Tues', expected: ['2025-06-10'], chrono: MISSED },
  { phrase: 'last Friday', expected: ['2025-06-06'], chrono: NO_DAY },
  { phrase: 'Friday next week', expected: ['2025-06-20'] },
  { phrase: 'next week Friday', expected: ['2025-06-20'], chrono: EXTRA },
  { phrase: 'next Friday at noon', expected: ['2025-06-20'] },
  { phrase: 'on Monday', expected: ['2025-06-16'], chrono: SUNDAY_WEEK },
  { phrase: 'by Monday', expected: ['2025-06-16'], chrono: SUNDAY_WEEK },
  { phrase: 'this coming Monday', expected: ['2025-06-16'], chrono: SUNDAY_WEEK },
  { phrase: 'the following Monday', expected: ['2025-06-16'], chrono: SUNDAY_WEEK },
  { phrase: 'the Monday after next', expected: ['2025-06-23'], chrono: SUNDAY_WEEK },
  { phrase: 'next Monday morning', expected: ['2025-06-16'] },
  { phrase: 'Monday 10am', expected: ['2025-06-16'] },
  { phrase: '10am Monday', expected: ['2025-06-16'] },
  { phrase: 'a week from Monday', expected: ['2025-06-23'], chrono: SUNDAY_WEEK },
  { phrase: 'Monday week', expected: ['2025-06-23'], chrono: SUNDAY_WEEK },
  { phrase: 'a week Friday', expected: ['2025-06-20'], chrono: EXTRA },
  { phrase: 'Wednesday the 18th', expected: ['2025-06-18'], chrono: NO_DAY },
  { phrase: 'first Monday of July', expected: ['2025-07-07'], chrono: SUNDAY_WEEK },
  { phrase: 'by the end of the week', expected: ['2025-06-13'], chrono: SUNDAY_WEEK },
  { phrase: 'this weekend', expected: ['2025-06-15'], chrono: 'chrono ends the weekend on Saturday' },
  { phrase: 'later this week', expected: ['2025-06-13'], chrono: MISSED },
  { phrase: 'early next week', expected: ['2025-06-20'], chrono: 'chrono names the Monday; the convention reads "next week" as its Friday' },
  // Each weekday on its own, by the convention (the next Monday after a Monday meeting is a week on): as a span
  // it runs backwards. Reading "between X and Y" as one span is not done yet; chrono reads Monday as today.
  { phrase: 'between Monday and Wednesday', expected: ['2025-06-16', '2025-06-11'], chrono: SUNDAY_WEEK },
  // No particular day.
  { phrase: 'ASAP', expected: [] },
  { phrase: 'next month', expected: [] },
  { phrase: 'next quarter', expected: [] },
  { phrase: 'June 2025', expected: [] },
  { phrase: 'this afternoon', expected: [] },
  { phrase: 'by end of day', expected: [] },
  { phrase: 'last week', expected: [], chrono: 'chrono picks a day for a whole past week' },
  { phrase: 'Jun 5 - Jun 9', expected: [], chrono: 'a past span, read by us as a range without a single day; chrono moves it a year on' },
  { phrase: 'from June 5 to June 9', expected: [], chrono: 'a past span, read by us as a range without a single day; chrono moves it a year on' },
  { phrase: 'the week of June 16', expected: [], chrono: 'a span (we keep it as a range); chrono names its Monday twice' },
  { phrase: 'Jul-15', expected: [], chrono: 'a spreadsheet writes July 2015 so (mmm-yy); chrono reads July 15' },
  // Forms we do not read yet: no date rather than a wrong one.
  { phrase: '3 days later', expected: [], gap: true, chrono: 'gap: chrono counts from the meeting' },
  { phrase: 'after 3 days', expected: [], gap: true, chrono: 'gap: chrono counts from the meeting' },
  { phrase: 'one week later', expected: [], gap: true, chrono: 'gap: chrono counts from the meeting' },
  { phrase: 'August twelfth', expected: [], gap: true, chrono: 'gap: ordinal words' },
  { phrase: 'a fortnight from now', expected: [], gap: true, chrono: 'gap: chrono reads only "now"' },
  { phrase: 'the 20th', expected: [], gap: true },
  { phrase: 'the 15th of next month', expected: [], gap: true },
];

function ours(phrase: string): string[] {
  return findDates(`Sandy will send the report ${phrase}.`, { meetingDate: MEETING }).flatMap((m) => (m.date ? [m.date] : []));
}

function pad(n: number | null): string {
  return String(n).padStart(2, '0');
}

/** chrono's days (results certain of their day or weekday), forward-dated from the meeting at noon UTC. */
function chronoDays(phrase: string): string[] {
  const reference = { instant: new Date(`${MEETING}T12:00:00Z`), timezone: 0 };
  return casual
    .parse(`Sandy will send the report ${phrase}.`, reference, { forwardDate: true })
    .filter((r) => r.start.isCertain('day') || r.start.isCertain('weekday'))
    .map((r) => `${r.start.get('year')}-${pad(r.start.get('month'))}-${pad(r.start.get('day'))}`);
}

describe('English deadline phrases, cross-checked with chrono-node', () => {
  it.each(CASES.map((c) => [c.phrase, c] as const))('%s', (_phrase, c) => {
    expect(ours(c.phrase), c.gap ? 'a gap must find no date' : 'our dates').toEqual(c.expected);
    const chrono = chronoDays(c.phrase);
    if (c.chrono === undefined) expect(chrono, 'chrono-node agrees').toEqual(c.expected);
    // A stated disagreement must still be one: a stale reason would hide a change in either parser.
    else expect(chrono, `chrono-node differs (${c.chrono})`).not.toEqual(c.expected);
  });
});
