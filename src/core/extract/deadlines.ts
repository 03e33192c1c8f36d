import { findDates, findDatesWithoutEvents } from '../dates/index';
import type { DateContext, DateMention } from '../dates/types';
import type { ItemKind, ItemWarning } from '../model/items';
import type { Line } from './line';
import { hasVagueWords } from './filters';
import { inOrder, withItem } from './line';
import { bothScripts } from '../text/traditional';

/** Date phrases that do not set a deadline: "every Monday", "下周一开始", "自…起" for a to-do. */
const RECURRING_BEFORE = /(?:every|each|每个?|每逢)\s*$/i;
/** 周一, 星期五, 礼拜天 (the day after 周/星期/礼拜), Mon, Friday. */
const CN_WEEKDAY_WORD = '(?:周|星期|礼拜)';
const CN_WEEKDAY_DAY = '[一二三四五六日天]';
const EN_WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?';
/** What joins the two ends of a range: 至, 到, a dash, "to". */
const RANGE_JOINER = '\\s*(?:[–—~\\-－至到]|to)\\s*';
/** "周一至周五", "Tue–Thu", "周一到五". */
const WEEKDAY_SPAN = bothScripts(
  new RegExp(`^(?:${CN_WEEKDAY_WORD}${CN_WEEKDAY_DAY}|${EN_WEEKDAY})${RANGE_JOINER}(?:${CN_WEEKDAY_WORD}?${CN_WEEKDAY_DAY}|${EN_WEEKDAY})$`, 'i'),
);
const WEEKDAY_ONLY = bothScripts(new RegExp(`^(?:${CN_WEEKDAY_WORD}${CN_WEEKDAY_DAY}|${EN_WEEKDAY})$`, 'i'));
const ONLY_RANGE_JOINER = new RegExp(`^${RANGE_JOINER}$`);
const STALE_BEFORE = bothScripts(/(?:原[定訂]|原计划|原本|was due|originally(?: due)?)\s*$/i);
const PROPOSED_BEFORE = bothScripts(/(?:推迟[至到]|延期[至到]|顺延至|改[到至为]|postpone[sd]? to|moved? to)\s*$/i);
const START_AFTER = bothScripts(/^\s*(?:开始|起(?!草)|启动|starts?\b|kick(?:s)?\s*off)/i);

/** Every date in a line: chips first (authoritative), then phrases the date layer finds in the text. */
export function datesIn(line: Line, ctx: DateContext): DateMention[] {
  // Made on the first date (see withItem) when no chip starts it.
  let out: DateMention[] | null = line.dates.length === 0 ? null : line.dates.map((chip) => ({
    start: chip.start,
    end: chip.end,
    text: line.text.slice(chip.start, chip.end),
    date: chip.date,
    time: chip.time ?? null,
    deadline: true,
    vague: false,
    warnings: chip.date < ctx.meetingDate ? ['past_due'] : [],
  }));
  const found = scan(line.text, ctx);
  for (const m of found) {
    if (out && overlapsAny(out, m)) continue;
    // A date that starts the text (the usual case after a label) has no "every" or 原定 before it.
    const before = m.start > 0 ? line.text.slice(0, m.start) : '';
    if (before !== '' && RECURRING_BEFORE.test(before)) continue;
    // "Tue–Thu anchor days", "周一至周五": a span of weekdays is a schedule, not a date.
    if (m.range && WEEKDAY_SPAN.test(m.text)) continue;
    const prev = out?.[out.length - 1];
    if (out && prev && WEEKDAY_ONLY.test(m.text)) {
      const between = line.text.slice(prev.end, m.start);
      // "10 月 18 日（周六）": the weekday only restates the date before it.
      if (/^\s*[（(]\s*$/.test(between)) continue;
      // "周一 至 周五" found as two weekdays: a span too.
      if (WEEKDAY_ONLY.test(prev.text) && ONLY_RANGE_JOINER.test(between)) {
        out.pop();
        continue;
      }
    }
    // "原定 4/15，改到周一前交": the old date stays known but gives way to any other.
    out = withItem(out, before !== '' && STALE_BEFORE.test(before) ? { ...m, stale: true } : m);
  }
  if (!out) return [];
  // Chips and found phrases come each in order: most lines need no sort.
  return inOrder(out) ? out : out.sort((a, b) => a.start - b.start);
}

/** Whether a mention overlaps one of those kept (a loop: no closure per mention). */
function overlapsAny(kept: readonly DateMention[], m: DateMention): boolean {
  for (const c of kept) if (m.start < c.end && m.end > c.start) return true;
  return false;
}

/**
 * The dates of a text, asking for ctx.events only when the answer depends on them: the extractor reads the
 * minutes' event dates on first need (see extractMinutes), and most minutes never need them.
 */
function scan(text: string, ctx: DateContext): readonly DateMention[] {
  const bare = findDatesWithoutEvents(text, ctx.meetingDate);
  return bare.eventFree ? bare.mentions : findDates(text, ctx);
}

/** Whether a mention only marks when something starts, or a proposed new date (推迟至10月13日), not a deadline. */
export function isStartDate(line: Line, m: DateMention): boolean {
  if (!m.deadline && PROPOSED_BEFORE.test(line.text.slice(0, m.start))) return true;
  return m.starts === true || (!m.deadline && START_AFTER.test(line.text.slice(m.end)));
}

export interface DueChoice {
  due: string | null;
  dueTime: string | null;
  dueText?: string;
  warnings: ItemWarning[];
}

/**
 * The due date of an item from the dates written in it. A to-do takes its deadline (X前, by X) or else its only
 * date; a decision takes a date only when exactly one is attached. Vague words give no date and a warning.
 * Loops rather than filtered copies: every item of the minutes comes through here.
 */
export function chooseDue(mentions: readonly DateMention[], kind: ItemKind, text: string): DueChoice {
  if (kind === 'decision') return decisionDue(mentions);
  // The candidates: concrete mentions with a date or an event; the current ones (not 原定) when there are any.
  let current = false;
  for (const m of mentions) if (isCandidate(m) && !m.stale) current = true;
  // A deadline with a date, else a date, else a deadline, else the first; a written date beats an event whose
  // date is unknown ("after the freeze lifts (target Jan 6)").
  let datedDeadline: DateMention | undefined;
  let dated: DateMention | undefined;
  let deadline: DateMention | undefined;
  let first: DateMention | undefined;
  for (const m of mentions) {
    if (!isCandidate(m) || (current && m.stale)) continue;
    first ??= m;
    if (m.deadline) deadline ??= m;
    if (m.date !== null) {
      dated ??= m;
      if (m.deadline) datedDeadline ??= m;
    }
  }
  const pick = datedDeadline ?? dated ?? deadline ?? first;
  const timeOnly = mentions.find(isTimeOnly);
  if (!pick) {
    if (mentions.some((m) => m.vague) || hasVagueWords(text)) return noDue(['vague_deadline']);
    if (timeOnly) return { due: null, dueTime: timeOnly.time, dueText: timeOnly.text, warnings: [] };
    return noDue([]);
  }
  const warnings: ItemWarning[] = [];
  for (const w of pick.warnings) addOnce(warnings, w);
  if (pick.event !== undefined) addOnce(warnings, 'relative_to_event');
  const time = pick.time ?? (timeOnly && Math.abs(timeOnly.start - pick.end) < 12 ? timeOnly.time : null);
  for (const m of mentions) {
    if (m === pick || !isCandidate(m) || (current && m.stale)) continue;
    if (m.deadline && m.date !== null && m.date !== pick.date) {
      addOnce(warnings, 'conflicting_dates');
      break;
    }
  }
  return { due: pick.date, dueTime: time, dueText: pick.text, warnings };
}

/** A decision takes the one distinct date attached to it, and none beside a range. */
function decisionDue(mentions: readonly DateMention[]): DueChoice {
  const first = mentions.find((m) => isConcrete(m) && m.date !== null);
  if (!first || mentions.some((m) => m.range || (isConcrete(m) && m.date !== null && m.date !== first.date))) return noDue([]);
  return { due: first.date, dueTime: null, dueText: first.text, warnings: [] };
}

function noDue(warnings: ItemWarning[]): DueChoice {
  return { due: null, dueTime: null, warnings };
}

/** A mention that names a day, an event or a time: not vague, not a range. */
export function isConcrete(m: DateMention): boolean {
  return !m.vague && !m.range && (m.date !== null || m.event !== undefined || m.time !== null);
}

/** A concrete mention with only a time of day ("下午3点"): without a date or an event, the time is what it names. */
function isTimeOnly(m: DateMention): boolean {
  return isConcrete(m) && m.date === null && m.event === undefined;
}

/** A concrete mention that can be the due date: it has a date or an event. */
function isCandidate(m: DateMention): boolean {
  return isConcrete(m) && (m.date !== null || m.event !== undefined);
}

function addOnce<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}
