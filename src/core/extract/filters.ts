/**
 * Lines that are not items: finished work, hedges, cancellations, questions, FYI, the next meeting.
 * Each rule is a test of the line's text (its words, see wordsIn); the extractor asks them by name.
 */

import { bothScripts } from '../text/traditional';

const DONE = wordsIn(
  /(?:已完成|已经完成|已于.{0,12}(?:完成|上线|确认)|已上线|已收到|已处理|已修[复復]|已结项|已获审批|已续签|已发布|已签约|已确认|已部署|已配置|已发(?:[送出])?[。.!！]?\s*$|会上已处理)/,
  /(?:\b(?:was|were|is) done\b|\bheld on\b|\b(?:was|were) completed\b|\bcompleted on\b|\bshipped on\b|\bwent live\b|\balready (?:done|sent|shipped)\b|（done）|\(done\)|—\s*done\b)/i,
);
const HEDGE = wordsIn(
  /(?:可以?考虑|也许|或许|考虑是否|暂不立项|不承诺|想一想|再看|不急|先作为参考)/,
  /(?:maybe|might consider|we might|could consider|\bmight\b.*\bif\b|nobody committed|no one owns|not scheduled|at some point|parked)/i,
);
const CANCELLED = wordsIn(/(?:已取消|取消[，。]|已作废|不再执行)/, /\bcancell?ed\b/i);
/** "…?", "…？（待确认）": a question in any language. */
const ENDS_IN_QUESTION_MARK = /[?？]\s*(?:（[^）]*）)?$/;
const QUESTION_WORDS = wordsIn(/(?:^(?:\d+[.、]\s*)?(?:是否|要不要|[能可]否)|询问|问到|有人提议)/, /(?:^Q[:：]|\basked whether\b|not discussed)/i);
const QUESTION = (text: string): boolean => ENDS_IN_QUESTION_MARK.test(text) || QUESTION_WORDS(text);
const FYI = wordsIn(/(?:无新增待办|仅供参考|不形成决议)/, /(?:no new action items|for your information|\bFYI\b)/i);
const NEXT_MEETING = wordsIn(
  /(?:下次(?:会议|沟通|例会|碰头|同步|周会|会)(?:时间)?(?:[:：]|定[在于]|安排在|暂定|在)|会议于.{0,10}结束)/,
  /^\s*next (?:sync|meeting|check-?in|call)\b/i,
);
const DEFERRAL = wordsIn(
  /(?:下次(?:会议)?再议|未达成一致|暂未结论|未讨论出结论|不做决定|下次会议讨论|待总部战略会|今天不讨论|没有展开讨论)/,
  /(?:back on the agenda|not settled|\bdeferred to\b|\bpostponed to\b|left open|was parked|not discussed further)/i,
);
/** "暂不对外发布声明": a decision not to act, not a task. */
const NON_ACTION = bothScripts(/^[^，,]{0,12}(?:暂不|无需|不需要|不必)|暂不(?:处理|考虑|推进|做|立项|跟进)|先观望|无需跟进/);

/**
 * A rule's words: the Chinese ones (both scripts; each holds an ideograph) matched as written, the English ones in
 * any case. Two patterns, not one alternation under /i: case-folding each character of a Chinese line doubles the
 * cost, and each pattern is asked only of a text that can hold its words: the Chinese ones need an ideograph, the
 * English ones a Latin letter (no other character folds to one).
 */
export function wordsIn(chinese: RegExp, english: RegExp): (text: string) => boolean {
  const chineseWords = bothScripts(chinese);
  const englishWords = bothScripts(english);
  return (text) => {
    const scripts = scriptsIn(text);
    return ((scripts & IDEOGRAPHS) !== 0 && chineseWords.test(text)) || ((scripts & LATIN_LETTERS) !== 0 && englishWords.test(text));
  };
}

const IDEOGRAPHS = 1;
const LATIN_LETTERS = 2;

/** Which of ideographs (U+3400–U+9FFF) and ASCII letters a text holds, as bits; the scan stops once it has both. */
function scriptsIn(text: string): number {
  let scripts = 0;
  for (let i = 0; i < text.length && scripts !== (IDEOGRAPHS | LATIN_LETTERS); i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) scripts |= IDEOGRAPHS;
    else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) scripts |= LATIN_LETTERS;
  }
  return scripts;
}

/**
 * A rule's test that remembers its last text and answer: the drafts of one line are checked in turn against the same
 * text, and most lines hold one draft, so one answer is all there is to keep.
 */
function rememberingLast(holds: (text: string) => boolean): (text: string) => boolean {
  let lastText: string | null = null;
  let lastAnswer = false;
  return (text) => {
    if (text !== lastText) {
      lastText = text;
      lastAnswer = holds(text);
    }
    return lastAnswer;
  };
}

export const isDoneText = rememberingLast(DONE);
export const isHedge = rememberingLast(HEDGE);
export const isNonAction = (t: string): boolean => NON_ACTION.test(t);
export const isCancelled = rememberingLast(CANCELLED);
export const isQuestion = rememberingLast(QUESTION);
export const isFyi = rememberingLast(FYI);
export const isNextMeeting = rememberingLast(NEXT_MEETING);
export const isDeferral = rememberingLast(DEFERRAL);

/** Deadline words that mean "no date yet", beyond what the date layer reports as vague. */
const VAGUE_EXTRA = wordsIn(
  /(?:再说|再排|另行安排|另行讨论|再讨论|时间另定|具体时间待定|新日期待定|每[周天月]|定期|持续(?!\s*[\d一二三四五六七八九十两几半]))/,
  /(?:every (?:monday|tuesday|wednesday|thursday|friday|week|day|month)|ongoing|TBD)/i,
);

/** VAGUE_EXTRA: a line's drafting, acceptance and due date each ask it of the same text in turn. */
export const hasVagueWords = rememberingLast(VAGUE_EXTRA);

const METRIC = bothScripts(/\d+(?:\.\d+)?\s*%|[$¥￥]\s?\d|\d\s*[万元亿]|NT\$|HK\$|USD/);

/** A line that only reports numbers: metrics, money, percentages. */
export function isMetricsOnly(t: string): boolean {
  return METRIC.test(t) && !/前|by |before |due /i.test(t);
}
