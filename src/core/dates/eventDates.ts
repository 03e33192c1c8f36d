import { EVENT_EN_SOURCE, EVENT_ZH_SOURCE, eventKey } from './eventWords';
import { normalizeText } from './normalize';
import { scanDates } from './scan';
import type { DateContext, IsoDate } from './types';

/**
 * Event dates stated in the minutes: "上线日期定为7月1日", "7月8日上市", "开业日期确定为 10 月 18 日",
 * "外审时间：12 月 16 日—17 日" (a range gives its first day), "launch on July 1", "Go-live stays on June 16",
 * "the April 24 kickoff webinar", "Code freeze starts Monday, November 17" → { 上线: '2025-07-01', … }.
 * A later statement of the same event overrides an earlier one (切换推迟到 4 月 19 日).
 */

/** Words between an event and its date: 日期定为, 时间：, 推迟到, date confirmed:, stays on, starts… */
const CONNECTOR = new RegExp(
  '^(?:\\s|[:：,，]|日期|时间点|时间|窗口|日|的|正式|原计划|计划|预计|初定|定为|定在|定于|确定为|确定在|确定于|确定|推迟到|推迟至|' +
    '延期到|延期至|延后到|延后至|改到|改为|改至|调整为|调整到|调整至|提前到|提前至|安排在|安排于|为|在|于|是|将|' +
    'confirmed|scheduled|planned|set|stays|is|was|will|be|on|for|at|starts?|begins?|runs?|moved|pushed|postponed|slips?|' +
    'to|date|day|time|window)*$',
  'i',
);

const ZH_EVENT = new RegExp(EVENT_ZH_SOURCE, 'g');
const EN_EVENT = new RegExp(`\\b${EVENT_EN_SOURCE}\\b`, 'gi');
const EN_EVENT_RUN = new RegExp(`^(?:${EVENT_EN_SOURCE}[\\s-]+)*${EVENT_EN_SOURCE}\\b`, 'i');
const RIGHT_ZH = new RegExp(`^\\s*(?:[(（][^)）]{0,8}[)）])?\\s*(?:正式)?(${EVENT_ZH_SOURCE})`);
const RIGHT_EN = new RegExp(`^\\s*((?:${EVENT_EN_SOURCE}[\\s-]+){0,2}${EVENT_EN_SOURCE})\\b`, 'i');
/** Words too general to name one event on their own ("Meeting date: …" is this meeting). */
const GENERIC = new Set(['meeting', 'sync', 'review', 'event', 'training', 'workshop', 'demo', '例会', '周会', '活动', '评审', '培训', '审核', '冻结']);
const HINT = new RegExp(`${EVENT_ZH_SOURCE}|\\b${EVENT_EN_SOURCE}\\b`, 'i');
const CLAUSE_END = /[\n,，。；;!！?？|、]/;

interface Found {
  word: string;
  end: number;
}

/** The last event word in `left` (the clause before a date), widened to a run such as "code freeze". */
function lastEventWord(left: string): Found | null {
  let found: Found | null = null;
  for (const m of left.matchAll(ZH_EVENT)) found = { word: m[0], end: m.index + m[0].length };
  for (const m of left.matchAll(EN_EVENT)) {
    if (/^ga$/i.test(m[0]) && m[0] !== 'GA') continue;
    if (found === null || m.index + m[0].length > found.end) found = { word: m[0], end: m.index + m[0].length };
  }
  if (found === null || !/^[A-Za-z]/.test(found.word)) return found;
  // Widen an English word leftwards over other event words: "launch event", "audit fieldwork".
  let start = found.end - found.word.length;
  for (;;) {
    const before = left.slice(0, start);
    const prev = /([A-Za-z-]+)\s+$/.exec(before);
    if (prev === null || !EN_EVENT_RUN.test(`${prev[1] ?? ''}`)) break;
    start = before.length - prev[0].length;
  }
  return { word: left.slice(start, found.end), end: found.end };
}

export function collectEventDates(text: string, ctx: DateContext): Record<string, IsoDate> {
  const out: Record<string, IsoDate> = {};
  for (const line of text.split('\n')) {
    // Most lines name no event at all: skip them before scanning for dates.
    const normalized = normalizeText(line);
    if (!HINT.test(normalized)) continue;
    const mentions = scanDates(line, ctx);
    if (mentions.length === 0) continue;
    for (const mention of mentions) {
      // "7月4日前上线" is a deadline for the work, not the date of an event.
      if (mention.vague || mention.event !== undefined || mention.deadline) continue;
      const date = mention.date ?? (mention.range ? mention.rangeStart : undefined);
      if (date === undefined || date === null) continue;
      const word = eventBefore(normalized, mention.start) ?? eventAfter(normalized, mention.end);
      if (word === null) continue;
      const key = eventKey(word);
      if (!GENERIC.has(key)) out[key] = date;
    }
  }
  return out;
}

function eventBefore(text: string, start: number): string | null {
  let from = Math.max(0, start - 30);
  const window = text.slice(from, start);
  for (let i = window.length - 1; i >= 0; i--) {
    if (CLAUSE_END.test(window.charAt(i))) {
      from += i + 1;
      break;
    }
  }
  const left = text.slice(from, start);
  const found = lastEventWord(left);
  if (found === null) return null;
  return CONNECTOR.test(left.slice(found.end)) ? found.word : null;
}

function eventAfter(text: string, end: number): string | null {
  const right = text.slice(end, end + 24);
  const zh = RIGHT_ZH.exec(right);
  if (zh !== null) return zh[1] ?? null;
  const en = RIGHT_EN.exec(right);
  if (en === null) return null;
  const word = en[1] ?? '';
  return /^ga$/i.test(word) && word !== 'GA' ? null : word;
}
