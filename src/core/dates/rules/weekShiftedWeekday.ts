import { addDays } from '../calendar';
import type { Scan } from '../token';
import { eachMatch, pushToken } from '../token';
import { resolveWeekday } from './weekdays';

/**
 * English weekdays moved by a week, which the bare weekday inside them would resolve a week early:
 * "next week Friday" / "this week's Friday" (weekday X of that week) and the British "a week from Monday",
 * "a week on Monday", "a week Friday", "Monday week" (the coming Monday, plus seven days).
 */

const DAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const WEEK_THEN_DAY = new RegExp(`\\b(next|this)\\s+week(?:'s|’s)?\\s+(?:on\\s+)?${DAY}\\b`, 'gi');
const A_WEEK_FROM_DAY = new RegExp(`\\ba\\s+week\\s+(?:from\\s+|on\\s+)?${DAY}\\b|\\b${DAY}\\s+week\\b`, 'gi');

const NUMBER: Readonly<Record<string, number>> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

function dayNumber(word: string): number {
  return NUMBER[word.slice(0, 3).toLowerCase()] ?? 1;
}

export function weekShiftedWeekday(scan: Scan): void {
  const { text } = scan;
  if (!/\bweek\b/i.test(text)) return;
  eachMatch(WEEK_THEN_DAY, text, (m) => {
    const relation = (m[1] ?? '').toLowerCase() === 'next' ? 'next' : 'this';
    // The week is named outright, so "next" leaves no doubt here (unlike "next Friday").
    const { date, warnings } = resolveWeekday(scan, dayNumber(m[2] ?? ''), relation, false);
    pushToken(scan, m.index, m.index + m[0].length, 'date', { date, warnings, priority: 3 });
  });
  eachMatch(A_WEEK_FROM_DAY, text, (m) => {
    const target = dayNumber(m[1] ?? m[2] ?? '');
    const date = addDays(resolveWeekday(scan, target, 'bare', true).date, 7);
    pushToken(scan, m.index, m.index + m[0].length, 'date', { date, priority: 3 });
  });
}
