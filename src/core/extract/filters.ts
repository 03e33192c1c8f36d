/**
 * Lines that are not items: finished work, hedges, cancellations, questions, FYI, the next meeting.
 * Each rule is a pattern over the line's text; the extractor asks them by name.
 */

import { bothScripts } from '../text/traditional';

const DONE = bothScripts(/(?:已完成|已经完成|已于.{0,12}(?:完成|上线|确认)|已上线|已收到|已处理|已修[复復]|已结项|已获审批|已续签|已发布|已签约|已确认|已部署|已配置|已发(?:[送出])?[。.!！]?\s*$|会上已处理|\b(?:was|were|is) done\b|\bheld on\b|\b(?:was|were) completed\b|\bcompleted on\b|\bshipped on\b|\bwent live\b|\balready (?:done|sent|shipped)\b|（done）|\(done\)|—\s*done\b)/i);
const HEDGE = bothScripts(
  /(?:可以?考虑|也许|或许|考虑是否|暂不立项|不承诺|maybe|might consider|we might|could consider|\bmight\b.*\bif\b|nobody committed|no one owns|not scheduled|at some point|parked|想一想|再看|不急|先作为参考)/i,
);
const CANCELLED = bothScripts(/(?:已取消|取消[，。]|已作废|不再执行|\bcancell?ed\b)/i);
const QUESTION = bothScripts(/(?:[?？]\s*(?:（[^）]*）)?$|^Q[:：]|^(?:\d+[.、]\s*)?(?:是否|要不要|[能可]否)|询问|问到|有人提议|\basked whether\b|not discussed)/i);
const FYI = bothScripts(/(?:无新增待办|no new action items|仅供参考|不形成决议|for your information|\bFYI\b)/i);
const NEXT_MEETING = bothScripts(
  /(?:下次(?:会议|沟通|例会|碰头|同步|周会|会)(?:时间)?(?:[:：]|定[在于]|安排在|暂定|在)|^\s*next (?:sync|meeting|check-?in|call)\b|会议于.{0,10}结束)/i,
);
const DEFERRAL = bothScripts(
  /(?:下次(?:会议)?再议|未达成一致|back on the agenda|not settled|暂未结论|未讨论出结论|不做决定|下次会议讨论|待总部战略会|今天不讨论|\bdeferred to\b|\bpostponed to\b|没有展开讨论|left open|was parked|not discussed further)/i,
);
/** "暂不对外发布声明": a decision not to act, not a task. */
const NON_ACTION = bothScripts(/^[^，,]{0,12}(?:暂不|无需|不需要|不必)|暂不(?:处理|考虑|推进|做|立项|跟进)|先观望|无需跟进/);

/**
 * A pattern's test that remembers its last text and answer: the drafts of one line are checked in turn against the same
 * text, and most lines hold one draft, so one answer is all there is to keep.
 */
function rememberingLast(pattern: RegExp): (text: string) => boolean {
  let lastText: string | null = null;
  let lastAnswer = false;
  return (text) => {
    if (text !== lastText) {
      lastText = text;
      lastAnswer = pattern.test(text);
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
const VAGUE_EXTRA = bothScripts(
  /(?:再说|再排|另行安排|另行讨论|再讨论|时间另定|具体时间待定|新日期待定|every (?:monday|tuesday|wednesday|thursday|friday|week|day|month)|每[周天月]|定期|持续(?!\s*[\d一二三四五六七八九十两几半])|ongoing|TBD)/i,
);

/** VAGUE_EXTRA.test: a line's drafting, acceptance and due date each ask it of the same text in turn. */
export const hasVagueWords = rememberingLast(VAGUE_EXTRA);

const METRIC = bothScripts(/\d+(?:\.\d+)?\s*%|[$¥￥]\s?\d|\d\s*[万元亿]|NT\$|HK\$|USD/);

/** A line that only reports numbers: metrics, money, percentages. */
export function isMetricsOnly(t: string): boolean {
  return METRIC.test(t) && !/前|by |before |due /i.test(t);
}
