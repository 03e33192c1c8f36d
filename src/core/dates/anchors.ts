import { EN_TRAILING_END, EVENT_EN_SOURCE, EVENT_ZH_SOURCE, ZH_END_SOURCE, countsFromEnd, findEventDate } from './eventWords';
import { WAIT } from './charGroups';
import { offsetDate } from './offset';
import type { Scan, Token } from './token';
import { textBefore } from './token';

/**
 * Second look at the chosen tokens, for phrases whose day is counted from something else in the text:
 * - a duration after an "X 后" / "after X," clause counts from X, not from the meeting: "供应商报价回来后 2 个
 *   工作日内", "事务所发来清单后，由冷月 1 个工作日内" → date null (X has no date), event X, relative_to_event;
 *   "展会结束后，48 小时内" counts from the known event. "会后 2 天内" and a bare "3 天后" stay meeting-relative.
 * - 提前两天 / 在那之前 / two days before that count back from the date written before them in the same
 *   sentence; without one they are dropped.
 * - a date inside "待/等 … 后" is when the awaited thing happens, not a deadline (date null, relative_to_event).
 */

/** "X后，(由某人)" right before a duration; X runs back to the previous punctuation. */
const AFTER_ZH = /([^\s,，。；;：:、()（）]{2,24}?)[之以]?后\s*[,，]?\s*(?:[由请需须][^\s,，。；;\d]{1,4}?\s*)?[在于]?\s*$/;
/** X that is the meeting itself, a date or a duration, or a word such as 然后/随后/最后/今后. */
const NOT_EVENT_ZH = /(?:会议?(?:结束)?|散会|[然随最今稍此之以前落]|[\d天日周月年号点时分旬底末初])$/;
/** 例会 / 周会 before 后: this meeting, not an event. */
const THIS_MEETING_ZH = /^(?:例会|周会)$/;
const LOWER_LATIN = /[a-z]/;
const AFTER_EN = /\b(?:after|once|when)\s+([^,.;:()]{2,40}?)\s*,?\s*$/i;
const NOT_EVENT_EN = /^(?:(?:the|this|our|today'?s)\s+)?(?:meeting|call|sync|session)$|^(?:that|this|then|now|today)$/i;

const ZH_RUN = new RegExp(`((?:${EVENT_ZH_SOURCE}){1,3})(${ZH_END_SOURCE})?$`);
const EN_WORD = new RegExp(`\\b${EVENT_EN_SOURCE}\\b`, 'i');
const WAIT_BEFORE = /(?:待|等到?|等待)[^，,。；;\d]{0,6}$/;
const WAIT_AFTER = /^([^，,。；;\s\d]{1,10}?)[之以]?后/;
/** A sentence ends between an anchor date and 提前…: the anchor is not in the same sentence. */
const SENTENCE_END = /[。!！?？\n]/;

export function resolveAnchors(tokens: Token[], scan: Scan): Token[] {
  const waits = (scan.chars & WAIT) !== 0;
  if (!waits && !hasCount(tokens)) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.back !== undefined) {
      const anchored = countBack(t, out, scan.text);
      if (anchored !== null) out.push(anchored);
    } else if (t.span !== undefined) out.push(ownedByClause(t, out, scan) ?? t);
    else out.push(waits ? (awaited(t, scan.text) ?? t) : t);
  }
  return out;
}

/** Some token is a duration from the meeting or a count back (a loop: no closure per scan). */
function hasCount(tokens: readonly Token[]): boolean {
  for (const t of tokens) if (t.span !== undefined || t.back !== undefined) return true;
  return false;
}

/**
 * "待其下周回复后再跟进", "等财务周三确认后再提交": the date is when the awaited thing happens; the work
 * itself comes after it and has no date of its own.
 */
function awaited(t: Token, text: string): Token | null {
  if ((t.kind !== 'date' && t.kind !== 'weekday') || t.deadline || t.date === null) return null;
  if (!WAIT_BEFORE.test(textBefore(text, t.start, 8))) return null;
  const after = WAIT_AFTER.exec(text.slice(t.end, t.end + 14));
  if (after === null) return null;
  return asEvent(t, null, text.slice(t.start, t.end + after[1]!.length));
}

/** The token re-read as relative to an event (its span or count-back now resolved). */
function asEvent(t: Token, date: string | null, event: string): Token {
  return { ...t, kind: 'event', date, event, warnings: ['relative_to_event'], span: undefined, back: undefined };
}

function countBack(t: Token, before: readonly Token[], text: string): Token | null {
  for (let i = before.length - 1; i >= 0; i--) {
    const a = before[i] as Token;
    const day = a.date ?? a.rangeStart ?? null;
    if (a.vague || day === null) continue;
    if (t.start - a.end > 60 || SENTENCE_END.test(text.slice(a.end, t.start))) return null;
    const back = t.back as NonNullable<Token['back']>;
    const date = offsetDate(day, -1, back.n, back.unit);
    if (date === null) return null;
    return asEvent(t, date, text.slice(a.start, a.end));
  }
  return null;
}

function ownedByClause(t: Token, before: readonly Token[], scan: Scan): Token | null {
  const from = Math.max(0, t.start - 40);
  const left = scan.text.slice(from, t.start);
  const prev = before[before.length - 1];
  let event: string;
  let base: string | null = null;
  const zh = left.includes('后') ? AFTER_ZH.exec(left) : null;
  if (zh !== null) {
    const clause = zh[1]!;
    const clauseEnd = from + zh.index + clause.length;
    const run = ZH_RUN.exec(clause);
    // "6月1日后 3 天内": the clause ends in a date already read (an event word such as 上线后 is fine).
    if (run !== null && THIS_MEETING_ZH.test(run[1]!)) return null;
    if (run === null && (NOT_EVENT_ZH.test(clause) || (prev !== undefined && prev.end >= clauseEnd))) return null;
    event = run?.[1] ?? clause;
    if (run !== null) {
      base = findEventDate(scan.events, event, countsFromEnd(event, run[2] !== undefined, true));
    }
  } else {
    const en = LOWER_LATIN.test(left) ? AFTER_EN.exec(left) : null;
    if (en === null) return null;
    const clause = en[1]!.trim();
    if (NOT_EVENT_EN.test(clause)) return null;
    event = clause.replace(EN_TRAILING_END, '');
    if (EN_WORD.test(event)) base = findEventDate(scan.events, event, countsFromEnd(event, event !== clause, true));
  }
  const span = t.span as NonNullable<Token['span']>;
  const date = base === null ? null : offsetDate(base, 1, span.n, span.unit);
  return asEvent(t, date, event);
}
