import { normalizeText } from './normalize';
import type { IsoDate } from './types';

/**
 * Milestones that deadlines are tied to (上线前, 上市前一周, before launch), and the loose matching of an
 * event written in a deadline against the event dates stated elsewhere in the minutes.
 */

/** Chinese milestone words (Simplified; the text is normalised first). Longest first. */
export const EVENT_WORDS_ZH = [
  '下次沟通', '下次会议', '发布会', '试运行', '下次会', '上线', '上市', '发布', '开业', '开幕', '开工', '切换', '割接',
  '外审', '开标', '大会', '首发', '发版', '封版', '提测', '上架', '开售', '预售', '交付', '验收', '投产', '搬迁',
  '迁移', '下线', '演练', '签约', '峰会', '年会', '路演', '公测', '内测', '灰度', '开播', '大促', '活动', '评审',
  '审计', '审核', '培训', '竣工', '停机', '冻结', '封网', '例会', '周会',
] as const;

/** English milestone words and phrases (matched case-insensitively, on word boundaries). */
export const EVENT_WORDS_EN = [
  'general availability', 'code freeze', 'change freeze', 'next meeting', 'next sync', 'go-live', 'go live', 'golive',
  'launch', 'GA', 'release', 'kickoff', 'kick-off', 'webinar', 'freeze', 'cutover', 'cut-over', 'cut over',
  'migration', 'rollout', 'roll-out', 'opening', 'audit', 'fieldwork', 'event', 'conference', 'summit', 'offsite',
  'demo', 'deployment', 'handover', 'signing', 'go/no-go', 'review', 'meeting', 'sync', 'workshop', 'training',
] as const;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** Regex source matching one Chinese event word. */
export const EVENT_ZH_SOURCE = EVENT_WORDS_ZH.join('|');
/** Regex source matching one English event word (use with the i flag; GA is checked for case by callers). */
export const EVENT_EN_SOURCE = `(?:${EVENT_WORDS_EN.map(escape).join('|')})`;

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

/** Canonical form of an event phrase: Simplified, lower-case, single spaces, without filler words. */
export function eventKey(phrase: string): string {
  let key = normalizeText(phrase).toLowerCase().replace(/\s+/g, ' ').trim();
  key = key.replace(/^(?:the|our|a)\s+/, '').replace(/^正式/, '');
  key = key.replace(/(?:日期|时间|时间点|窗口|当天|日)$/, '').replace(/\s+(?:date|day|window)$/, '');
  return ALIASES[key] ?? key;
}

const ZH_WORD_RE = new RegExp(EVENT_ZH_SOURCE, 'g');
const EN_WORD_RE = new RegExp(`\\b${EVENT_EN_SOURCE}\\b`, 'gi');

/** The milestone words inside a key (for the loose match). */
function keywords(key: string): Set<string> {
  const out = new Set<string>();
  for (const m of key.matchAll(ZH_WORD_RE)) out.add(ALIASES[m[0]] ?? m[0]);
  for (const m of key.matchAll(EN_WORD_RE)) {
    const word = m[0].toLowerCase().replace(/\s+/g, ' ');
    out.add(ALIASES[word] ?? word);
  }
  return out;
}

/**
 * The date of `event` among the known event dates: an exact key first, then a key that contains the
 * other (上线 ~ 正式上线, 发布 ~ 发布日), then one that shares a milestone word (launch ~ launch event).
 */
export function findEventDate(events: Readonly<Record<string, IsoDate>> | undefined, event: string): IsoDate | null {
  if (events === undefined) return null;
  const wanted = eventKey(event);
  if (wanted === '') return null;
  const entries = Object.entries(events).map(([k, v]) => [eventKey(k), v] as const);
  for (const [k, v] of entries) if (k === wanted) return v;
  let best: { len: number; date: IsoDate } | null = null;
  for (const [k, v] of entries) {
    if (k !== '' && (k.includes(wanted) || wanted.includes(k)) && (best === null || k.length > best.len)) best = { len: k.length, date: v };
  }
  if (best !== null) return best.date;
  const words = keywords(wanted);
  if (words.size === 0) return null;
  for (const [k, v] of entries) {
    for (const w of keywords(k)) if (words.has(w)) return v;
  }
  return null;
}
