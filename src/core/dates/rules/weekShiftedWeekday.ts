import { addDays } from '../calendar';
import { relativeShift } from '../resolve';
import type { Scan } from '../token';
import { eachMatch, pushMatch } from '../token';
import { EN_WEEKDAY_PATTERN, englishWeekday, resolveWeekday } from './weekdays';

/**
 * English weekdays moved by a week, which the bare weekday inside them would resolve a week early:
 * "next week Friday" / "this week's Friday" (weekday X of that week) and the British "a week from Monday",
 * "a week on Monday", "a week Friday", "Monday week" (the coming Monday, plus seven days).
 */

const WEEK_THEN_DAY = new RegExp(`\\b(next|this)\\s+week(?:'s|’s)?\\s+(?:on\\s+)?${EN_WEEKDAY_PATTERN}\\b`, 'gi');
const A_WEEK_FROM_DAY = new RegExp(`\\ba\\s+week\\s+(?:from\\s+|on\\s+)?${EN_WEEKDAY_PATTERN}\\b|\\b${EN_WEEKDAY_PATTERN}\\s+week\\b(?![-‐]|\\s*\\d)`, 'gi');

/** What every match holds, as a cheap first test. */
const WEEK = /\bweek\b/i;

export function weekShiftedWeekday(scan: Scan): void {
  const { text } = scan;
  if (!scan.latin || !WEEK.test(text)) return;
  eachMatch(WEEK_THEN_DAY, text, (m) => {
    const target = englishWeekday(m[2]!);
    if (target === null) return;
    // The week is named outright, so "next" leaves no doubt here (unlike "next Friday").
    const { date, warnings } = resolveWeekday(scan, target, relativeShift(m[1]), false);
    pushMatch(scan, m, 'date', { date, warnings, priority: 3 });
  });
  eachMatch(A_WEEK_FROM_DAY, text, (m) => {
    const target = englishWeekday(m[1] ?? m[2]!);
    if (target === null) return;
    const date = addDays(resolveWeekday(scan, target, null, true).date, 7);
    pushMatch(scan, m, 'date', { date, priority: 3 });
  });
}
