import { bothScripts } from '../text/traditional';

/** What a part of the minutes holds, from its heading or label. */
export type SectionKind = 'decision' | 'todo' | 'info' | 'neutral';

/** Words that head decisions, to-dos or discussion notes, as a section's title or as a line's label (see labels.ts). */
export const DECISION_WORDS = '决议|结论|决定|共识';
export const TODO_WORDS = '待办|行动|跟进|任务|措施';
export const INFO_WORDS = '背景|讨论|说明|备注|其他|情况|结果|数据|进展|议程|other|notes|context|summary|status|updates|highlights|agenda|fyi|recap';

const DECISION = bothScripts(new RegExp(`${DECISION_WORDS}|形成以下意见|decision|conclusion|agreed|resolution`, 'i'));
const TODO = bothScripts(
  new RegExp(
    `${TODO_WORDS}|action|\\btodo\\b|to-do|后续|分工|next steps|follow|处理安排|追踪|新增事项|遗留事项|计划|open items|new this week|carried over|风险|\\brisk|责任矩阵|应对|\\bAI\\b|owner|assignments`,
    'i',
  ),
);
const INFO = bothScripts(
  new RegExp(`${INFO_WORDS}|汇报|争议|分歧|open issues|disputes|同步|要点|回顾|成果|经验|改进点|改善的地方|做得好|摘要|discussion|通报|概要|开场|review|内容|纪要|记录`, 'i'),
);
/** 上次待办回顾: the open items carried over are to-dos again. */
const CARRIED_OVER = bothScripts(/^(?:上[次周])?待办回顾|carried over/i);
/** "本次不形成决议" says there are none. */
const NO_DECISION = bothScripts(/不形成决议/);

/** Classify a heading's text (numbering and brackets removed). */
export function classifySection(heading: string): SectionKind {
  const text = heading.replace(/^[\s#【[（(]*[0-9一二三四五六七八九十]*[.、．)）\s]*/, '').replace(/[】\]：:\s]+$/, '');
  if (CARRIED_OVER.test(text)) return 'todo';
  if (DECISION.test(text) && !NO_DECISION.test(text)) return 'decision';
  if (TODO.test(text)) return 'todo';
  if (INFO.test(text)) return 'info';
  return 'neutral';
}

/** A colon with text after it: a labelled line ("决议：…"), not a heading. */
export const COLON_THEN_TEXT = /[：:]\s*\S/;
/** A line that ends in a colon heads what follows ("行动项："). Its last code, not a pattern: asked of most lines. */
export function endsWithColon(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x3a || last === 0xff1a;
}

/** "一、", "三." at the start of a heading. */
const CN_NUMBERING = /^[一二三四五六七八九十]+[、.．]/;
/** 【待办】 or a Markdown heading. */
const BRACKETED_OR_MARKDOWN = /^(?:【[^】]{1,30}】$|#{1,6}\s)/;

/**
 * Whether a paragraph reads as a section heading in pasted minutes: "一、讨论要点", "【待办】",
 * "行动项：", "Action items". Labelled lines with content after the colon are not headings.
 */
export function looksLikeSectionLine(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 40) return false;
  if (CN_NUMBERING.test(t) || BRACKETED_OR_MARKDOWN.test(t)) return !COLON_THEN_TEXT.test(t.replace(CN_NUMBERING, '')) || endsWithColon(t);
  if (endsWithColon(t)) return t.length <= 24;
  // A short English line without a sentence end: "Action items", "Key decisions", "Notes".
  if (/^[A-Za-z][A-Za-z /&()-]{1,40}$/.test(t) && !/[.!?]$/.test(t) && t.split(/\s+/).length <= 4) {
    return classifySection(t) !== 'neutral';
  }
  return false;
}
