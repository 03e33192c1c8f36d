import { casual } from 'chrono-node/en';
import { fullDate } from '../resolve';
import type { Scan, Token } from '../token';
import { pushToken } from '../token';
import type { WeekRelation } from './weekdays';
import { NAMED_DAY_BEFORE, resolveWeekday } from './weekdays';

/**
 * chrono-node (English casual parser only, imported by sub-path to keep the bundle small) as a last resort
 * for English phrases the rules did not cover. It runs only when an English date word is left outside every
 * token, so Chinese and numeric forms never reach it. Weekday results are recomputed with Monday-start
 * weeks; results without a certain day (a bare "March") and time-only results are dropped.
 * chrono's zh parser is not loaded: the rules cover every Chinese form it handles, and it gets some wrong
 * (Sunday-start weeks, 6月底 → 6月, 第二点 → 2 o'clock; ../shared/reference/dates-and-owners.md §2).
 */

const DATE_WORDS =
  /\b(?:(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|May)\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|yesterday|fortnight|from\s+now|ago)\b/gi;

const WEEKDAY_NAMES: Readonly<Record<string, number>> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** Selected tokens are sorted and disjoint: binary search for the first one ending after `start`. */
function covered(tokens: readonly Token[], start: number, end: number): boolean {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= start) lo = mid + 1;
    else hi = mid;
  }
  const t = tokens[lo];
  return t !== undefined && t.start < end;
}

/** True when an English date word lies outside every selected token. */
export function needsChrono(text: string, selected: readonly Token[]): boolean {
  if (!/[A-Za-z]/.test(text)) return false;
  DATE_WORDS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_WORDS.exec(text)) !== null) {
    if (!covered(selected, m.index, m.index + m[0].length)) return true;
  }
  return false;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Push chrono's results that do not overlap the selected tokens. */
export function chronoFallback(scan: Scan, selected: readonly Token[]): void {
  const reference = { instant: new Date(Date.UTC(scan.year, scan.month - 1, scan.day, 12)), timezone: 0 };
  const results = casual.parse(scan.text, reference, { forwardDate: true });
  for (const r of results) {
    const start = r.index;
    const end = r.index + r.text.length;
    if (covered(selected, start, end) || !/[A-Za-z]/.test(r.text)) continue;
    if (NAMED_DAY_BEFORE.test(scan.text.slice(Math.max(0, start - 16), start))) continue; // Black Friday
    const c = r.start;
    const relative = c.tags().has('result/relativeDate');
    // "last year" / "next month" name no particular day.
    const dayGrained = /\b(?:today|tonight|tomorrow|yesterday|days?|weeks?|fortnight)\b/i.test(r.text);
    if (!c.isCertain('day') && !c.isCertain('weekday') && !(relative && dayGrained)) continue;
    let date: string | null;
    const weekdayWord = /\b(this|next|last)?\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/i.exec(r.text);
    if (c.isCertain('weekday') && !c.isCertain('day') && weekdayWord !== null) {
      const q = (weekdayWord[1] ?? '').toLowerCase();
      const relation: WeekRelation = q === 'this' ? 'this' : q === 'next' ? 'next' : q === 'last' ? 'last' : 'bare';
      const target = WEEKDAY_NAMES[(weekdayWord[2] ?? '').toLowerCase()] ?? 1;
      date = resolveWeekday(scan, target, relation, true).date;
    } else {
      const y = c.get('year');
      const m = c.get('month');
      const d = c.get('day');
      date = y !== null && m !== null && d !== null ? fullDate(y, m, d) : null;
    }
    if (date === null) continue;
    const hour = c.isCertain('hour') ? c.get('hour') : null;
    const minute = c.get('minute') ?? 0;
    pushToken(scan, start, end, 'date', {
      date,
      time: hour !== null ? `${pad(hour)}:${pad(minute)}` : null,
      priority: 0,
    });
  }
}
