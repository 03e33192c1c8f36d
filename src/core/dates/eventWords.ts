import { normalizeText } from './normalize';
import type { IsoDate } from './types';
import { longestFirst } from '../text/alternation';

/**
 * Milestones that deadlines are tied to (上线前, 上市前一周, before launch), and the loose matching of an
 * event written in a deadline against the event dates stated elsewhere in the minutes.
 *
 * Keys of an event record (what collectEventDates returns): `展会` is the event's date (a range's first
 * day), `展会#end` a range's last day, and `进场#via` an event derived from another one (搭建商需在发布会前
 * 2 天进场 → 进场 = 发布会 − 2 days).
 */

/** Chinese milestone words (Simplified; the text is normalised first). Sorted longest first below. */
const ZH_WORDS =
  '下次沟通 下次会议 发布会 博览会 说明会 试运行 下次会 上线 上市 发布 开业 开幕 开工 切换 割接 外审 开标 大会 首发 发版 ' +
  '封版 提测 上架 开售 预售 交付 验收 投产 量产 试产 搬迁 迁移 下线 演练 签约 峰会 年会 晚会 路演 公测 内测 灰度 开播 ' +
  '大促 展会 展览 接种 启用 进场 搭建 官宣 生效 入职 开学 开课 典礼 仪式 颁奖 答辩 活动 评审 审计 审核 培训 竣工 停机 ' +
  '冻结 封网 例会 周会';

/** English milestone words and phrases (matched case-insensitively, on word boundaries). */
const EN_WORDS =
  'general availability|code freeze|change freeze|next meeting|next sync|go-live|go live|golive|launch|GA|release|' +
  'kickoff|kick-off|webinar|freeze|cutover|cut-over|cut over|migration|rollout|roll-out|opening|audit|fieldwork|' +
  'event|conference|summit|offsite|demo|deployment|handover|signing|go/no-go|review|meeting|sync|workshop|training|' +
  'gala|expo|exhibition|trade show|ceremony|festival|fundraiser|hackathon|vaccination';

/** Regex source matching one Chinese event word, longest first. */
export const EVENT_ZH_SOURCE = longestFirst(ZH_WORDS.split(' '));
/**
 * Regex source matching one English event word (use with the i flag; GA is checked for case by callers).
 * The words hold no regex syntax ("-" and "/" stand for themselves); a space matches any run of spaces.
 */
export const EVENT_EN_SOURCE = `(?:${EN_WORDS.replace(/ /g, '\\s+')})`;
/** After an event word: the event's end (展会结束后, 结束前) rather than its start. */
export const ZH_END_SOURCE = '结束|闭幕|落幕|完成';
/** 前/后 (之前, 以后) after an event or a holiday, as one capture group; not 前期/前台/后续/后面/… */
export const ZH_BEFORE_AFTER = '([之以]?[前后])(?![期台端续面来者方后])';
/** After English event words: "after the conference ends". */
export const EN_END_SOURCE = '(?:ends?|closes?|is\\s+over|wraps?\\s+up|finish(?:es)?)';
/** A trailing "ends" / "is over" after English event words. */
export const EN_TRAILING_END = new RegExp(`\\s+${EN_END_SOURCE}$`, 'i');
/** Event words that name the start of a multi-day event: 开幕后 counts from the first day. */
const STARTS = /开[幕业工学课播售]|opening|kick-?off/i;

const ALIASES: Readonly<Record<string, string>> = {
  下次沟通: '下次会议',
  下次会: '下次会议',
  'next sync': 'next meeting',
  'go live': 'go-live',
  golive: 'go-live',
  'kick-off': 'kickoff',
  'cut-over': 'cutover',
  'cut over': 'cutover',
  'roll-out': 'rollout',
  'general availability': 'ga',
};

/** Words that name whichever event the minutes are about (活動前一星期, before the event). */
const GENERIC_EVENT = new Set(['活动', '大会', 'event']);

/** Key suffixes of an event record. */
export const END_KEY = '#end';
export const DERIVED_KEY = '#via';

/** Canonical form of an event phrase: Simplified, lower-case, single spaces, without filler words. */
export function eventKey(phrase: string): string {
  let key = normalizeText(phrase).toLowerCase().replace(/\s+/g, ' ').trim();
  key = key.replace(/^(?:the|our|a)\s+/, '').replace(/^正式/, '');
  key = key.replace(/(?:日期|时间|时间点|窗口|当天|日)$/, '').replace(/\s+(?:date|day|window)$/, '');
  return ALIASES[key] ?? key;
}

/** Every Chinese / English event word in a text (for matchAll). */
export const ZH_EVENT_WORDS = new RegExp(EVENT_ZH_SOURCE, 'g');
export const EN_EVENT_WORDS = new RegExp(`\\b${EVENT_EN_SOURCE}\\b`, 'gi');

/** The milestone words inside a key (for the loose match). */
function keywords(key: string): Set<string> {
  const out = new Set<string>();
  for (const m of key.matchAll(ZH_EVENT_WORDS)) out.add(ALIASES[m[0]] ?? m[0]);
  for (const m of key.matchAll(EN_EVENT_WORDS)) {
    const word = m[0].toLowerCase().replace(/\s+/g, ' ');
    out.add(ALIASES[word] ?? word);
  }
  return out;
}

interface KnownEvent {
  key: string;
  start: IsoDate;
  end: IsoDate;
  derived: boolean;
}

/** The record's events, parsed once per record (the extractor passes one record for every line). */
const parsed = new WeakMap<object, { size: number; list: KnownEvent[] }>();

function knownEvents(events: Readonly<Record<string, IsoDate>>): KnownEvent[] {
  const entries = Object.entries(events);
  const cached = parsed.get(events);
  if (cached !== undefined && cached.size === entries.length) return cached.list;
  const byKey = new Map<string, { start?: IsoDate; end?: IsoDate; derived: boolean }>();
  for (const [raw, date] of entries) {
    const end = raw.endsWith(END_KEY);
    const derived = raw.endsWith(DERIVED_KEY);
    const key = eventKey(end || derived ? raw.slice(0, -4) : raw);
    const known = byKey.get(key) ?? { derived: false };
    if (end) known.end = date;
    else {
      known.start = date;
      known.derived = derived;
    }
    byKey.set(key, known);
  }
  const list: KnownEvent[] = [];
  for (const [key, k] of byKey) if (k.start !== undefined && key !== '') list.push({ key, start: k.start, end: k.end ?? k.start, derived: k.derived });
  parsed.set(events, { size: entries.length, list });
  return list;
}

function lookup(known: readonly KnownEvent[], wanted: string): KnownEvent | null {
  for (const k of known) if (k.key === wanted) return k;
  if (GENERIC_EVENT.has(wanted)) {
    // The one event the minutes are about, or nothing when several could be meant.
    const main = known.filter((k) => !k.derived);
    return main.length === 1 ? (main[0] as KnownEvent) : null;
  }
  let best: KnownEvent | null = null;
  for (const k of known) {
    if ((k.key.includes(wanted) || wanted.includes(k.key)) && (best === null || k.key.length > best.key.length)) best = k;
  }
  if (best !== null) return best;
  const words = keywords(wanted);
  if (words.size === 0) return null;
  for (const k of known) {
    for (const w of keywords(k.key)) if (words.has(w)) return k;
  }
  return null;
}

/**
 * The date of `event` among the known event dates: an exact key first; a generic word (活动, 大会, the
 * event) means the only event stated; then a key that contains the other (上线 ~ 正式上线, 展会 ~ 展会开幕),
 * then one that shares a milestone word (launch ~ launch event). `end` asks for a range's last day
 * (展会结束后); an event stated as a single day ends that day.
 */
export function findEventDate(events: Readonly<Record<string, IsoDate>> | undefined, event: string, end = false): IsoDate | null {
  if (events === undefined) return null;
  const wanted = eventKey(event);
  if (wanted === '') return null;
  const hit = lookup(knownEvents(events), wanted);
  if (hit === null) return null;
  return end ? hit.end : hit.start;
}

/** Whether a relative phrase counts from the event's last day: 结束后/ends, or 后/after a multi-day event that is not its opening. */
export function countsFromEnd(words: string, endWord: boolean, after: boolean): boolean {
  return endWord || (after && !STARTS.test(words));
}
