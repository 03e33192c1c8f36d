/**
 * Lines that are not items: finished work, hedges, cancellations, questions, FYI, the next meeting.
 * Each rule is a pattern over the line's text; the extractor asks them by name.
 */

const DONE = /(?:已完成|已经完成|已於.{0,12}完成|已于.{0,12}(?:完成|上线|確認|确认)|已上[线線]|已收到|已[处處]理|已修[复復]|已结项|已結項|已获审批|已獲審批|已续签|已續簽|已[发發]布|已签约|已簽約|已确认|已確認|已部署|已配置|已发(?:[送出])?[。.!！]?\s*$|会上已处理|\bwas done\b|\bwere done\b|\bis done\b|\bheld on\b|\bwas completed\b|\bwere completed\b|\bcompleted on\b|\bshipped on\b|\bwent live\b|\balready (?:done|sent|shipped)\b|（done）|\(done\)|—\s*done\b)/i;
const HEDGE = /(?:可以考虑|可考慮|可以考慮|也[许許]|或[许許]|考[虑慮]是否|暂不立项|暫不立項|暂不承诺|暫不承諾|不承诺|maybe|might consider|we might|could consider|\bmight\b.*\bif\b|nobody committed|no one owns|not scheduled|at some point|parked|想一想|再看|不急|先作为参考|先作為參考)/i;
const CANCELLED = /(?:已取消|取消，|取消。|已作废|不再[执執]行|\bcancell?ed\b)/i;
const QUESTION = /(?:[?？]\s*(?:（[^）]*）)?$|^Q[:：]|^(?:\d+[.、]\s*)?(?:是否|要不要|[能可]否)|询问|詢問|[问問]到|有人提[议議]|\basked whether\b|not discussed)/i;
const FYI = /(?:无新增待办|無新增待辦|no new action items|仅供参考|僅供參考|不形成决议|不形成決議|for your information|\bFYI\b)/i;
const NEXT_MEETING = /(?:下次(?:会议|會議|[沟溝]通|例[会會]|碰[头頭]|同步|周会|週會|[会會])(?:时间|時間)?(?:[:：]|定[在于]|定於|安排在|[暂暫]定|在)|^\s*next (?:sync|meeting|check-?in|call)\b|会议于.{0,10}结束|會議於.{0,10}結束)/i;
const DEFERRAL = /(?:下次(?:会议|會議)?再议|下次(?:会议|會議)?再議|未[达達]成一致|back on the agenda|not settled|暂未结论|暫未結論|未讨论出结论|未討論出結論|[这本]次不做决定|不做决定|放到下次会议讨论|下次会议讨论|下次會議討論|待总部战略会|今天不讨论|\bdeferred to\b|\bpostponed to\b|没有展开讨论|沒有展開討論|left open|was parked|not discussed further)/i;

/**
 * A test that remembers its last text and answer: the drafts of one line are checked in turn against the same
 * text, and most lines hold one draft, so one answer is all there is to keep.
 */
function rememberingLast(test: (text: string) => boolean): (text: string) => boolean {
  let lastText: string | null = null;
  let lastAnswer = false;
  return (text) => {
    if (text !== lastText) {
      lastText = text;
      lastAnswer = test(text);
    }
    return lastAnswer;
  };
}

export const isDoneText = rememberingLast((t) => DONE.test(t));
export const isHedge = rememberingLast((t) => HEDGE.test(t));
/** "暂不对外发布声明": a decision not to act, not a task. */
export const isNonAction = (t: string): boolean =>
  /^[^，,]{0,12}(?:暂不|暫不|无需|無需|不需要|不必)|(?:暂不|暫不)(?:处理|處理|考虑|考慮|推进|推進|做|立项|立項|跟进|跟進)|先观望|先觀望|无需跟进|無需跟進/.test(t);
export const isCancelled = rememberingLast((t) => CANCELLED.test(t));
export const isQuestion = rememberingLast((t) => QUESTION.test(t));
export const isFyi = rememberingLast((t) => FYI.test(t));
export const isNextMeeting = rememberingLast((t) => NEXT_MEETING.test(t));
export const isDeferral = rememberingLast((t) => DEFERRAL.test(t));

/** Deadline words that mean "no date yet", beyond what the date layer reports as vague. */
export const VAGUE_EXTRA = /(?:再[说說]|再排|再排期|另行安排|另行讨论|另行討論|再讨论|再討論|下周会上再讨论|时间另定|時間另定|具体时间待定|新日期待定|every (?:monday|tuesday|wednesday|thursday|friday|week|day|month)|每[周週]|每[天月]|定期|持续(?!\s*[\d一二三四五六七八九十两几半])|持續(?!\s*[\d一二三四五六七八九十兩幾半])|ongoing|timing TBD|TBD)/i;

/** VAGUE_EXTRA.test: a line's drafting, acceptance and due date each ask it of the same text in turn. */
export const hasVagueWords = rememberingLast((t) => VAGUE_EXTRA.test(t));

/** A line that only reports numbers: metrics, money, percentages. */
export function isMetricsOnly(t: string): boolean {
  return /\d+(?:\.\d+)?\s*%|[$¥￥]\s?\d|\d\s*(?:万元|萬元|元|万|萬|亿|億)|NT\$|HK\$|USD/.test(t) && !/前|[之以]前|by |before |due /i.test(t);
}
