import type { ItemWarning } from '../model/items';
import { resolveAnchors } from './anchors';
import { pad2, weekday } from './calendar';
import { normalizeText } from './normalize';
import { anaphora } from './rules/anaphora';
import { businessDays } from './rules/businessDays';
import { dayOfMonth } from './rules/dayOfMonth';
import { events } from './rules/events';
import { explicitDates } from './rules/explicit';
import { holidays } from './rules/holidays';
import { monthNameDates } from './rules/monthNames';
import { periods } from './rules/periods';
import { relativeDays } from './rules/relativeDays';
import { times } from './rules/times';
import { vague } from './rules/vague';
import { weekdayOfMonth } from './rules/weekdayOfMonth';
import { weekShiftedWeekday } from './rules/weekShiftedWeekday';
import { weekdays } from './rules/weekdays';
import type { Rule, Token } from './token';
import { createScan, createToken, textBefore } from './token';
import { mayHoldDate } from './trigger';
import type { DateContext, DateMention } from './types';

/**
 * The date scanner: every rule family proposes tokens; the longest non-overlapping ones are kept; then
 * neighbours merge (a date and its time, a weekday and the explicit date beside it, two dates joined by 至),
 * deadline markers (前/之前/by/before/due…) are attached, and warnings are set.
 */

/** Every rule family, in no particular order (overlaps are resolved afterwards). Exported for tests. */
export const RULES: readonly Rule[] = [
  explicitDates,
  monthNameDates,
  dayOfMonth,
  weekdays,
  weekdayOfMonth,
  weekShiftedWeekday,
  relativeDays,
  businessDays,
  periods,
  times,
  vague,
  events,
  holidays,
  anaphora,
];

export function scanDates(raw: string, ctx: DateContext): DateMention[] {
  if (raw.length === 0 || !mayHoldDate(raw)) return [];
  const text = normalizeText(raw);
  const scan = createScan(text, ctx);
  for (const rule of RULES) rule(scan);
  // Each step below rewrites this list in place: the scan owns it, and a copy per step was garbage per line.
  const tokens = select(scan.tokens);
  // Nothing to combine, merge or anchor.
  if (tokens.length === 0) return [];
  combineRanges(tokens, text);
  mergeNeighbours(tokens, text);
  dropWeak(tokens);
  const anchored = resolveAnchors(tokens, scan);
  const mentions: DateMention[] = [];
  for (const t of anchored) mentions.push(finish(t, raw, text, ctx));
  return mentions;
}

/** Keeps the tokens that are not a weak time (a bare hour that met no date to join), in order. */
function dropWeak(tokens: Token[]): void {
  let kept = 0;
  for (const t of tokens) if (!t.weak) tokens[kept++] = t;
  tokens.length = kept;
}

/** Longest first, then higher priority, then earlier. */
function byPreference(a: Token, b: Token): number {
  return b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start;
}

/**
 * Longest first (then higher priority, then earlier); a token overlapping a chosen one is dropped. Sorts the
 * scan's own list in place (nothing reads it afterwards).
 * Chosen tokens are kept sorted by start, so each overlap test looks at two neighbours only.
 */
function select(tokens: Token[]): Token[] {
  // Most texts yield one token or none: nothing to order or to overlap.
  if (tokens.length < 2) return tokens;
  sortByPreference(tokens);
  const chosen: Token[] = [];
  for (const t of tokens) {
    let lo = 0;
    let hi = chosen.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((chosen[mid] as Token).start < t.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = chosen[lo - 1];
    const next = chosen[lo];
    if ((prev !== undefined && prev.end > t.start) || (next !== undefined && next.start < t.end)) continue;
    // Insert at lo by shifting the later ones (splice would allocate the array of removed elements).
    chosen.push(t);
    for (let k = chosen.length - 1; k > lo; k--) chosen[k] = chosen[k - 1] as Token;
    chosen[lo] = t;
  }
  return chosen;
}

/** Beyond this many tokens the built-in sort is used; below it, an insertion sort that allocates nothing. */
const SHORT_LIST = 16;

/**
 * A stable sort by preference, as Array#sort would give. A line yields a handful of tokens, and Array#sort
 * allocates its work state (over half a kilobyte) on every call.
 */
function sortByPreference(tokens: Token[]): void {
  if (tokens.length > SHORT_LIST) {
    tokens.sort(byPreference);
    return;
  }
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    let j = i;
    // Strictly greater only: equal tokens keep their order.
    for (; j > 0 && byPreference(tokens[j - 1] as Token, t) > 0; j--) tokens[j] = tokens[j - 1] as Token;
    tokens[j] = t;
  }
}

const RANGE_GAP = /^[^\S\n]*(?:[至到~\-–—]|to|through|thru|until|till)[^\S\n]*$/i;

function isDay(t: Token): boolean {
  return (t.kind === 'date' || t.kind === 'weekday') && t.date !== null && t.time === null;
}

/** 6月3日至6月5日, Dec 23 – Jan 3, 周一到周五: two dates joined by a range word become one range (in place). */
function combineRanges(tokens: Token[], text: string): void {
  let kept = 0;
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i] as Token;
    const b = tokens[i + 1];
    // isDay: both have a date.
    if (b !== undefined && isDay(a) && isDay(b) && RANGE_GAP.test(text.slice(a.end, b.start)) && a.date! <= b.date!) {
      tokens[kept++] = createToken(a.start, b.end, 'range', { rangeStart: a.date!, rangeEnd: b.date!, explicit: true });
      i += 1;
    } else tokens[kept++] = a;
  }
  tokens.length = kept;
}

const DATE_TIME_GAP = /^[^\S\n]*(?:[,，@的T]|at)?[^\S\n]*$/i;
const TIME_DATE_GAP = /^[^\S\n]*(?:[,，]|on)?[^\S\n]*$/i;
const WEEKDAY_DATE_GAP = /^(?:[^\S\n]|[,，(（])*(?:the[^\S\n]+)?$/;
const DATE_WEEKDAY_GAP = /^[^\S\n]*[(（]?[^\S\n]*$/;
const CLOSING = /^[^\S\n]*[)）]/;
/** 2025年5月15日（四）: a Taiwan-style weekday in brackets. */
const BRACKET_WEEKDAY = /^[^\S\n]*[(（][^\S\n]*[一二三四五六日天][^\S\n]*[)）]/;

function hasDate(t: Token): boolean {
  return (t.kind === 'date' || t.kind === 'weekday' || t.kind === 'event') && t.time === null;
}

function joinTime(day: Token, time: Token, start: number, end: number): Token {
  let clock = time.time;
  if (clock !== null && clock !== 'EOD') {
    const hour = Number(clock.slice(0, 2));
    let shifted = hour;
    if (time.bareHour && day.daypart === 'pm' && hour < 12) shifted = hour + 12;
    else if (time.assumedPm && day.daypart === 'am') shifted = hour - 12;
    if (shifted !== hour) clock = `${pad2(shifted)}${clock.slice(2)}`;
  }
  return {
    ...day,
    start,
    end,
    kind: day.kind === 'event' ? 'event' : 'date',
    time: clock,
    deadline: day.deadline || time.deadline,
    weak: false,
    warnings: [...day.warnings, ...time.warnings],
  };
}

function withWeekday(date: Token, wd: Token, start: number, end: number): Token {
  const warnings: ItemWarning[] = [...date.warnings];
  if (wd.weekdayNumber !== undefined && date.date !== null && weekday(date.date) !== wd.weekdayNumber) warnings.push('conflicting_dates');
  return { ...date, start, end, warnings, deadline: date.deadline || wd.deadline };
}

/** Passes of pairwise merges, repeated until nothing changes (in place; a merge only shortens the list). */
function mergeNeighbours(tokens: Token[], text: string): void {
  let changed = tokens.length > 1;
  while (changed) {
    changed = false;
    let kept = 0;
    for (let i = 0; i < tokens.length; i++) {
      const a = tokens[i] as Token;
      const b = tokens[i + 1];
      const merged = b === undefined ? null : mergePair(a, b, text);
      if (merged !== null) {
        tokens[kept++] = merged;
        i += 1;
        changed = true;
      } else tokens[kept++] = a;
    }
    tokens.length = kept;
  }
  for (let i = 0; i < tokens.length; i++) tokens[i] = absorbBracketWeekday(tokens[i] as Token, text);
}

/** 当天/当日 right after a date means that date ("9/12 当天"), not the meeting day. */
const SAME_DAY = /^(?:当天|当日)$/;
const SPACES_ONLY = /^[^\S\n]*$/;

function mergePair(a: Token, b: Token, text: string): Token | null {
  const gap = text.slice(a.end, b.start);
  if (hasDate(a) && a.date !== null && b.kind === 'date' && SAME_DAY.test(text.slice(b.start, b.end)) && SPACES_ONLY.test(gap)) {
    return { ...a, end: b.end };
  }
  if (a.kind === 'weekday' && b.kind === 'date' && b.explicit && WEEKDAY_DATE_GAP.test(gap)) {
    return withWeekday(b, a, a.start, extendClosing(text, b.end));
  }
  if (a.kind === 'date' && a.explicit && b.kind === 'weekday' && DATE_WEEKDAY_GAP.test(gap)) {
    return withWeekday(a, b, a.start, extendClosing(text, b.end));
  }
  if (hasDate(a) && b.kind === 'time' && b.date === null && DATE_TIME_GAP.test(gap)) return joinTime(a, b, a.start, b.end);
  if (a.kind === 'time' && a.date === null && hasDate(b) && TIME_DATE_GAP.test(gap)) return joinTime(b, a, a.start, b.end);
  return null;
}

function extendClosing(text: string, end: number): number {
  const m = CLOSING.exec(text.slice(end, end + 3));
  return m === null ? end : end + m[0].length;
}

function absorbBracketWeekday(t: Token, text: string): Token {
  if (t.kind !== 'date' || !t.explicit) return t;
  const m = BRACKET_WEEKDAY.exec(text.slice(t.end, t.end + 6));
  return m === null ? t : { ...t, end: t.end + m[0].length };
}

/** 前/之前/以前/或之前/以内/内/为止/截止 after a date; "前后" means "around", not before. */
const SUFFIX = /^[^\S\n]*(?:或?[之以]前|[之以]内|为止|截止|前(?![后台端期沿者辈景述])|内(?![容部外存网测审控地销陆核涵])|止(?!损))/;
const PREFIX =
  /(?:\b(?:by|before|due(?:[^\S\n]+(?:on|by|date:?))?|not?[^\S\n]+later[^\S\n]+than|on[^\S\n]+or[^\S\n]+before|until|till|deadline:?)|截止(?:[到至于]|日期)?[^\S\n]*[:：]?|截至|最晚|最迟|不晚于|不迟于|务必在|须在|需在)[^\S\n]*$/i;
const STARTS_AFTER = /^[^\S\n]*(?:开始|起(?![草来码床诉])|启动|starts?\b|begins?\b)/i;
const STARTS_BEFORE = /(?:\b(?:from|starting(?:[^\S\n]+on)?|beginning|effective|as[^\S\n]+of)|自|从)[^\S\n]*$/i;

/** Appends a warning unless the list has it already (a loop, not a Set: a mention has a warning or two). */
function addWarning(warnings: ItemWarning[], warning: ItemWarning): void {
  if (!warnings.includes(warning)) warnings.push(warning);
}

function finish(t: Token, raw: string, text: string, ctx: DateContext): DateMention {
  let { start, end } = t;
  let deadline = t.deadline;
  if (t.kind !== 'vague' && t.kind !== 'range') {
    const suffix = SUFFIX.exec(text.slice(end, end + 5));
    if (suffix !== null) {
      end += suffix[0].length;
      deadline = true;
    }
    const prefix = PREFIX.exec(textBefore(text, start, 20));
    if (prefix !== null) {
      start -= prefix[0].length;
      deadline = true;
    }
  }
  if (t.kind === 'time' && t.date === null) deadline = true;
  // The token's warnings, first occurrences in order, then the ones the mention adds (each once).
  const warnings: ItemWarning[] = [];
  for (const w of t.warnings) addWarning(warnings, w);
  if (t.date !== null && t.date < ctx.meetingDate) addWarning(warnings, 'past_due');
  if (t.event !== undefined && t.kind === 'event' && t.date === null) addWarning(warnings, 'relative_to_event');
  if (t.vague) addWarning(warnings, 'vague_deadline');
  const mention: DateMention = {
    start,
    end,
    text: raw.slice(start, end),
    date: t.date,
    time: t.time,
    deadline,
    vague: t.vague,
    warnings,
  };
  if (t.event !== undefined) mention.event = t.event;
  if (t.kind === 'range') {
    mention.range = true;
    if (t.rangeStart !== undefined) mention.rangeStart = t.rangeStart;
    if (t.rangeEnd !== undefined) mention.rangeEnd = t.rangeEnd;
  }
  if (t.kind !== 'vague' && (STARTS_AFTER.test(text.slice(t.end, t.end + 6)) || STARTS_BEFORE.test(textBefore(text, t.start, 12)))) mention.starts = true;
  return mention;
}
