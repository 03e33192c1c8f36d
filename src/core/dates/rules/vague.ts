import type { Scan } from '../token';
import { eachMatch, pushMatch } from '../token';

/**
 * Vague deadlines: 尽快, 后续, 择期, 待定, 另行通知, 另行安排, 时间另定, 再定, 持续, 长期, 会后, 下次会上, TBD, ASAP,
 * ongoing, as soon as possible, at some point, every week… → date null, vague, warning vague_deadline.
 * A section heading such as 后续行动/后续事项 is not a deadline. (The scanner adds vague_deadline to every vague token.)
 */

const ZH_VAGUE =
  /尽[快早]|越快越好|第一时间|后续(?!行动|事项|计划|工作|步骤|跟进事项|安排如下)|择期|待定|另行(?:通知|安排|讨论|确定|排期)|时间另定|另定|再定|再排期|另议|持续(?!时间|时长|性|了)|长期(?!合作|以来|来看|目标|规划|战略|价值|资产|负债|股权)|随时|不定期|视情况|会后|下[次周](?:会议?|例会)上|下次再议|每(?:[天日周月年]|个月|季度)(?![一二三四五六日天])/g;

const EN_VAGUE =
  /\b(?:ASAP|TBD|TBC|TBA|as\s+soon\s+as\s+(?:possible|we\s+can)|on-?going|on\s+an\s+ongoing\s+basis|at\s+some\s+point|when(?:ever)?\s+possible|not\s+(?:yet\s+)?scheduled|no\s+date\s+(?:yet|set)|(?:every|each)\s+(?:other\s+)?(?:day|week|month|quarter|year|morning|evening)|continuous(?:ly)?)\b/gi;

/** What every vague phrase holds, as a cheap first test (also in the date trigger's list). */
export const ZH_VAGUE_HINT = '尽快|尽早|越快|第一时间|后续|择期|待定|另行|另定|再定|再排|另议|持续|长期|随时|不定期|视情况|会后|会上|再议|每[天日周月个季年]';
export const EN_VAGUE_HINT = 'asap|tb[dca]|soon|on-?going|some\\s+point|possible|scheduled|no\\s+date|every|each|continuous';
const HAS_ZH = new RegExp(ZH_VAGUE_HINT);
// Every English match starts at one of these words: \b keeps the test off the inside of words (ongoing's o).
const HAS_EN = new RegExp(`\\b(?:${EN_VAGUE_HINT})`, 'i');

export function vague(scan: Scan): void {
  const { text } = scan;
  if (HAS_ZH.test(text)) eachMatch(ZH_VAGUE, text, (m) => pushMatch(scan, m, 'vague', { vague: true, priority: 1 }));
  if (scan.latin && HAS_EN.test(text)) eachMatch(EN_VAGUE, text, (m) => pushMatch(scan, m, 'vague', { vague: true, priority: 1 }));
}
