import { DERIVED_KEY, END_KEY, EN_EVENT_WORDS, EVENT_EN_SOURCE, EVENT_ZH_SOURCE, ZH_EVENT_WORDS, eventKey } from './eventWords';
import { normalizeText } from './normalize';
import { scanDates } from './scan';
import { matchEnd, textBefore } from './token';
import type { DateContext, DateMention, IsoDate } from './types';

/**
 * Event dates stated in the minutes: "上线日期定为7月1日", "7月8日上市", "开业日期确定为 10 月 18 日",
 * "流感疫苗接种于 11 月 5 日在厂内统一施打", "launch on July 1", "Gala confirmed for Saturday 9 March",
 * "the April 24 kickoff webinar" → { 上线: '2025-07-01', … }.
 * - A range ("展会时间：5 月 14–16 日", "外审时间：12 月 16 日—17 日") gives its first day, and its last day
 *   under `展会#end`.
 * - A later statement of the same event replaces an earlier one; a date after 改到/推迟到/延期到 without an
 *   event word of its own moves the event named before it in the line ("切换原计划 3 月 15 日，推迟到 4 月 19
 *   日"); a date after 原计划/原定 does not replace a date already known.
 * - "「步步同行」慈善步行定于 6 月 14 日举行" (no event word) states the main event, kept as 活动; generic words
 *   (活动, event, demo) count only in such a firm statement.
 * - One level of derived events: "搭建商需在发布会前 2 天进场搭建" → `进场搭建#via` = 发布会 − 2 days.
 */

/** Words between an event and its date: 日期定为, 时间：, 推迟到, date confirmed:, stays on, starts… */
const CONNECTOR = new RegExp(
  '^(?:\\s|[:：,，]|日期|时间点?|窗口|日|的|正式|原?计划|预计|初定|确?定[为在于]|确定|(?:推迟|延期|延后|提前)[到至]|改[到为至]|' +
    '调整[为到至]|安排[在于]|[为在于是将]|' +
    'confirmed|scheduled|planned|set|stays|is|was|will|be|on|for|at|starts?|begins?|runs?|moved|pushed|postponed|slips?|' +
    'to|dates?|days?|time|window)*$',
  'i',
);

const EN_EVENT_RUN = new RegExp(`^(?:${EVENT_EN_SOURCE}[\\s-]+)*${EVENT_EN_SOURCE}\\b`, 'i');
const RIGHT_ZH = new RegExp(`^\\s*(?:[(（][^)）]{0,8}[)）])?\\s*(?:正式|起)?((?:${EVENT_ZH_SOURCE}){1,3})`);
const RIGHT_EN = new RegExp(`^\\s*((?:${EVENT_EN_SOURCE}[\\s-]+){0,2}${EVENT_EN_SOURCE})\\b`, 'i');
/** Words too general to name one event on their own ("Meeting date: …" is this meeting). */
const GENERIC = new Set(['meeting', 'sync', 'review', 'event', 'training', 'workshop', 'demo', '例会', '周会', '活动', '评审', '培训', '审核', '冻结']);
/** The key of the main event when a firm statement names no event word. */
const MAIN_EVENT = '活动';
/** A firm statement: 定于/将于 … 举行/举办/召开, "is confirmed for", "will be held". */
const FIRM_LEFT = /(?:定于|定在|订于|定为|将于|确定|confirmed|scheduled|set\s+for)[^,，。；;]{0,4}$/i;
const HELD_RIGHT = /^[^,，。；;]{0,16}?(?:举行|举办|召开|takes?\s+place|(?:will\s+)?be\s+held)/i;
/** The date replaces the one stated before it in the line (a clause of its own: "，推迟到 4 月 19 日"). */
const MOVED = /^\s*(?:但是?|最后|最终|后来|现在?|已经?|又|再)?\s*(?:(?:but|and|now|then|it|was|has|been|is|got)\s+)*(?:改[到为至]|(?:改期|推迟|延期|延后|顺延|提前)[到至]|调整[为到至]|(?:moved|pushed|postponed|rescheduled|delayed)\s+(?:back\s+)?to)\s*$/i;
/** The date is the old plan, not the current one. */
const STALE = /(?:原计划|原定|原本|原先|本来|originally)[^,，。；;]{0,6}$/i;
const HINT_ZH = new RegExp(`${EVENT_ZH_SOURCE}|举行|举办|召开`);
const HINT_EN = new RegExp(`\\b${EVENT_EN_SOURCE}\\b|\\bheld\\b|take\\s+place`, 'i');
/** The end of `text` after its last clause boundary. */
const LAST_CLAUSE = /[^\n,，。；;!！?？|、]*$/;

interface Found {
  word: string;
  end: number;
}

/** The last event word in `left` (the clause before a date), widened to a run such as "code freeze". */
function lastEventWord(left: string): Found | null {
  let found: Found | null = null;
  for (const m of left.matchAll(ZH_EVENT_WORDS)) found = { word: m[0], end: matchEnd(m) };
  for (const m of left.matchAll(EN_EVENT_WORDS)) {
    if (!isLowerCaseGa(m[0]) && (found === null || matchEnd(m) > found.end)) found = { word: m[0], end: matchEnd(m) };
  }
  if (found === null || !/^[A-Za-z]/.test(found.word)) return found;
  // Widen an English word leftwards over other event words: "launch event", "audit fieldwork".
  let start = found.end - found.word.length;
  for (;;) {
    const before = left.slice(0, start);
    const prev = /([A-Za-z-]+)\s+$/.exec(before);
    if (prev === null || !EN_EVENT_RUN.test(prev[1]!)) break;
    start = before.length - prev[0].length;
  }
  return { word: left.slice(start, found.end), end: found.end };
}

export function collectEventDates(text: string, ctx: DateContext): Record<string, IsoDate> {
  const out: Record<string, IsoDate> = {};
  // Lines where an event word stands beside a date relative to another event: read again once the events are known.
  const relative: string[] = [];
  for (const line of text.split('\n')) {
    // Most lines name no event at all: skip them before scanning for dates.
    const normalized = normalizeText(line);
    if (!HINT_ZH.test(normalized) && !(/[A-Za-z]/.test(normalized) && HINT_EN.test(normalized))) continue;
    const mentions = scanDates(line, ctx);
    let last: string | null = null;
    for (const mention of mentions) {
      if (mention.event !== undefined) {
        // Only a relative date with an event word beside it can define a derived event.
        if (relative[relative.length - 1] !== line && derivedWord(normalized, mention) !== null) relative.push(line);
        continue;
      }
      // "7月4日前上线" is a deadline for the work, not the date of an event.
      if (mention.vague || mention.deadline) continue;
      const start = mention.date ?? mention.rangeStart;
      if (start === undefined) continue;
      const left = clauseBefore(normalized, mention.start);
      const right = normalized.slice(mention.end, mention.end + 24);
      const key = statedEvent(left, right, last, mention.date !== null);
      if (key === null) continue;
      last = key;
      if (STALE.test(left) && out[key] !== undefined) continue;
      out[key] = start;
      if (mention.rangeEnd !== undefined && mention.rangeEnd !== start) out[key + END_KEY] = mention.rangeEnd;
      else delete out[key + END_KEY];
    }
  }
  if (relative.length > 0 && Object.keys(out).length > 0) deriveEvents(relative, ctx, out);
  return out;
}

/** The event a date states, or null. */
function statedEvent(left: string, right: string, last: string | null, single: boolean): string | null {
  const word = eventBefore(left) ?? eventAfter(right);
  const firm = FIRM_LEFT.test(left) || HELD_RIGHT.test(right);
  if (word !== null) {
    const key = eventKey(word);
    return GENERIC.has(key) && !firm ? null : key;
  }
  if (MOVED.test(left)) return single ? last : null;
  return FIRM_LEFT.test(left) && HELD_RIGHT.test(right) ? MAIN_EVENT : null;
}

/** "搭建商需在发布会前 2 天进场搭建": an event word beside a resolved event-relative date. */
function deriveEvents(lines: readonly string[], ctx: DateContext, out: Record<string, IsoDate>): void {
  const known = { ...out };
  const derivedCtx: DateContext = { ...ctx, events: known };
  for (const line of lines) {
    const normalized = normalizeText(line);
    for (const mention of scanDates(line, derivedCtx)) {
      if (mention.event === undefined || mention.date === null) continue;
      const word = derivedWord(normalized, mention);
      if (word === null) continue;
      const key = eventKey(word);
      if (!GENERIC.has(key) && known[key] === undefined && key !== eventKey(mention.event)) out[key + DERIVED_KEY] = mention.date;
    }
  }
}

function derivedWord(normalized: string, mention: DateMention): string | null {
  return eventAfter(normalized.slice(mention.end, mention.end + 24)) ?? eventBefore(clauseBefore(normalized, mention.start));
}

/** Up to 30 characters before `start`, from the last clause boundary. */
function clauseBefore(text: string, start: number): string {
  return LAST_CLAUSE.exec(textBefore(text, start, 30))![0];
}

function eventBefore(left: string): string | null {
  const found = lastEventWord(left);
  if (found === null) return null;
  return CONNECTOR.test(left.slice(found.end)) ? found.word : null;
}

function eventAfter(right: string): string | null {
  const zh = RIGHT_ZH.exec(right);
  if (zh !== null) return zh[1]!;
  const en = RIGHT_EN.exec(right);
  return en === null || isLowerCaseGa(en[1]!) ? null : en[1]!;
}

/** GA must be written in capitals to be General Availability. */
function isLowerCaseGa(word: string): boolean {
  return /^ga$/i.test(word) && word !== 'GA';
}
