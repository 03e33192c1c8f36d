import { EN_END_SOURCE, EN_TRAILING_END, EVENT_EN_SOURCE, EVENT_ZH_SOURCE, ZH_BEFORE_AFTER, ZH_END_SOURCE, countsFromEnd, findEventDate } from '../eventWords';
import { EN_NUM, parseNumber } from '../numerals';
import { ZH_SPAN, offsetDate, unitOf } from '../offset';
import type { Scan } from '../token';
import { eachMatch, pushMatch } from '../token';

/**
 * Deadlines relative to an event: 上线前, 正式发布前, 上线后两天, 上市前一周, 开业前 10 天, 开业后一个月内,
 * 发布会前3天, 外审当天, 展会开幕前 20 天, 展会结束后 48 小时内, before launch, 3 days before go-live, after the
 * code freeze, before the conference ends, within 5 business days of receiving them. The date is computed
 * from ctx.events when the event's date is known, else null; every such phrase carries relative_to_event.
 * 前/before counts from an event's first day; 结束后/after it ends (and 后 of a multi-day event) from its last.
 */

const ZH_EVENT = new RegExp(
  `(正式)?((?:${EVENT_ZH_SOURCE}){1,3})(${ZH_END_SOURCE})?日?\\s*(?:(当天|当日)|${ZH_BEFORE_AFTER})` +
    `(?:\\s*${ZH_SPAN})?` +
    `(\\s*[之以]?内)?`,
  'g',
);

const EN_WORDS = `((?:[A-Za-z-]+\\s+){0,2}${EVENT_EN_SOURCE})`;
const EN_ENDS = `(\\s+${EN_END_SOURCE}\\b)?`;
const EN_EVENT_OFFSET = new RegExp(
  `\\b(${EN_NUM})\\s+(business\\s+|working\\s+)?(days?|weeks?|months?|hours?)\\s+(before|after|prior\\s+to|ahead\\s+of)\\s+(?:the\\s+)?${EN_WORDS}\\b${EN_ENDS}`,
  'gi',
);
const EN_EVENT = new RegExp(
  `\\b(before|after|prior\\s+to|ahead\\s+of|until|till|by|on|the\\s+day\\s+of)\\s+(?:the\\s+)?${EN_WORDS}(\\s+day)?\\b${EN_ENDS}`,
  'gi',
);
const EN_WITHIN_OF = new RegExp(
  `\\bwithin\\s+(${EN_NUM})\\s+(business\\s+|working\\s+)?(days?|weeks?|hours?)\\s+(?:of|after|from)\\s+(?!(?:now|today|the\\s+meeting|this\\s+meeting)\\b)([A-Za-z-]+(?:\\s+[A-Za-z-]+){0,2})`,
  'gi',
);

/**
 * What an "on <event>" phrase needs, which english() keeps only when the event's date is known: "on" then a
 * space, in the raw text (full-width letters allowed, since the rules read the normalised text).
 */
export const ON_EVENT_HINT = /(?<![A-Za-z0-9_])[oOｏＯ][nNｎＮ]\s/;

const HAS_ZH = new RegExp(`[前后当](?<=(?:${EVENT_ZH_SOURCE})(?:${ZH_END_SOURCE})?日?\\s*(?:之|以)?.)`);
const HAS_EN = new RegExp(`\\b${EVENT_EN_SOURCE}\\b|\\bwithin\\b`, 'i');
/** What every EN_EVENT_OFFSET match holds. */
const OFFSET_HINT = /before|after|prior|ahead/i;

const GA_ANY_CASE = /\bga\b/i;
const GA_CAPITALS = /\bGA\b/;
const STARTS_AFTER = /^after/i;
const SPACE_RUNS = /\s+/g;
const WITHIN = /\bwithin\b/i;

/** GA must be written in capitals to be General Availability. */
function acceptEnglishEvent(words: string): boolean {
  return !GA_ANY_CASE.test(words) || GA_CAPITALS.test(words);
}

/** An event-relative phrase: it carries relative_to_event whether the event's date is known or not. */
function pushEvent(scan: Scan, m: RegExpExecArray, date: string | null, event: string, deadline: boolean): void {
  pushMatch(scan, m, 'event', { date, event, deadline, warnings: ['relative_to_event'], priority: 3 });
}

export function events(scan: Scan): void {
  const { text } = scan;
  if (HAS_ZH.test(text)) chinese(scan, text);
  if (scan.latin && HAS_EN.test(text)) english(scan, text);
}

function chinese(scan: Scan, text: string): void {
  eachMatch(ZH_EVENT, text, (m) => {
    const event = m[2]!;
    const sameDay = m[4] !== undefined;
    const before = m[5] !== undefined && m[5].endsWith('前');
    const within = m[8] !== undefined;
    const base = findEventDate(scan.events, event, countsFromEnd(event, m[3] !== undefined, !before && !sameDay));
    let date: string | null = null;
    let deadline = before || within;
    if (m[6] !== undefined) {
      const n = parseNumber(m[6]);
      if (n === null) return;
      if (base !== null) date = offsetDate(base, before ? -1 : 1, n, unitOf(m[7]!));
    } else if (sameDay || before) {
      date = base;
      deadline = deadline || before;
    }
    pushEvent(scan, m, date, event, deadline);
  });
}

/** 3 days before launch, two weeks after the code freeze. */
function offsets(scan: Scan, text: string): void {
  eachMatch(EN_EVENT_OFFSET, text, (m) => {
    const words = m[5]!.trim();
    const n = parseNumber(m[1]!);
    if (!acceptEnglishEvent(words) || n === null) return;
    const sign = STARTS_AFTER.test(m[4]!) ? 1 : -1;
    const base = findEventDate(scan.events, words, countsFromEnd(words, m[6] !== undefined, sign > 0));
    const date = base === null ? null : offsetDate(base, sign, n, unitOf(m[3]!, m[2]));
    pushEvent(scan, m, date, words, sign < 0);
  });
}

function english(scan: Scan, text: string): void {
  if (OFFSET_HINT.test(text)) offsets(scan, text);
  eachMatch(EN_EVENT, text, (m) => {
    const words = m[2]!.trim();
    if (!acceptEnglishEvent(words)) return;
    const marker = m[1]!.toLowerCase().replace(SPACE_RUNS, ' ');
    // "on the review" / "by the meeting" are weak: only with a known date or a clear milestone word.
    const base = findEventDate(scan.events, words, m[4] !== undefined);
    if (marker === 'on' && m[3] === undefined && base === null) return;
    const after = marker === 'after';
    const date = after ? null : base;
    const deadline = !after && marker !== 'on' && marker !== 'the day of';
    pushEvent(scan, m, date, words, deadline);
  });
  if (WITHIN.test(text)) {
    eachMatch(EN_WITHIN_OF, text, (m) => {
      const written = m[4]!.trim();
      const words = written.replace(EN_TRAILING_END, '');
      const n = parseNumber(m[1]!);
      if (n === null) return;
      const base = findEventDate(scan.events, words, countsFromEnd(words, words !== written, true));
      const date = base === null ? null : offsetDate(base, 1, n, unitOf(m[3]!, m[2]));
      pushEvent(scan, m, date, words, true);
    });
  }
}
