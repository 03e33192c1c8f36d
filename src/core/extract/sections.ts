/** What a part of the minutes holds, from its heading or label. */
export type SectionKind = 'decision' | 'todo' | 'info' | 'neutral';

const DECISION = /决议|決議|结论|結論|[决決]定|共[识識]|形成以下意见|decision|conclusion|agreed|resolution/i;
const TODO = /待[办辦]|行[动動]|action|\btodo\b|to-do|跟[进進]|后续|後續|分工|任[务務]|next steps|follow|[处處]理安排|改善行动|追[踪蹤]|新增事[项項]|遗留事项|遺留事項|计划|計劃|open items|new this week|carried over|风险|風險|\brisk|责任矩阵|責任矩陣|应对|應對|措施|\bAI\b|owner|assignments/i;
const INFO = /汇报|匯報|争议|爭議|分歧|open issues|disputes|同步|讨论|討論|要[点點]|背景|回[顾顧]|[进進]展|情[况況]|[结結]果|成果|经验|經驗|改进点|改進點|改善的地方|做得好|摘要|notes|updates|highlights|status|summary|discussion|context|备注|備註|其他|other|[说說]明|通[报報]|数据|數據|概要|开场|開場|[议議]程|agenda|recap|review|评审结果|評審結果|fyi|[内內]容|[纪紀]要|记录|記錄/i;

/** Classify a heading's text (numbering and brackets removed). */
export function classifySection(heading: string): SectionKind {
  const text = heading.replace(/^[\s#【[（(]*[0-9一二三四五六七八九十]*[.、．)）\s]*/, '').replace(/[】\]：:\s]+$/, '');
  if (/^(?:上[次周])?待办回顾|carried over/i.test(text)) return 'todo';
  if (DECISION.test(text) && !/不形成决议/.test(text)) return 'decision';
  if (TODO.test(text)) return 'todo';
  if (INFO.test(text)) return 'info';
  return 'neutral';
}

const SECTION_LINE = /^(?:[一二三四五六七八九十]+[、.．]|【[^】]{1,30}】$|#{1,6}\s)/;

/**
 * Whether a paragraph reads as a section heading in pasted minutes: "一、讨论要点", "【待办】",
 * "行动项：", "Action items". Labelled lines with content after the colon are not headings.
 */
export function looksLikeSectionLine(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 40) return false;
  if (SECTION_LINE.test(t)) return !/[：:]\s*\S/.test(t.replace(/^[一二三四五六七八九十]+[、.．]/, '')) || /[：:]$/.test(t);
  if (/[：:]$/.test(t)) return t.length <= 24;
  // A short English line without a sentence end: "Action items", "Key decisions", "Notes".
  if (/^[A-Za-z][A-Za-z /&()-]{1,40}$/.test(t) && !/[.!?]$/.test(t) && t.split(/\s+/).length <= 4) {
    return classifySection(t) !== 'neutral';
  }
  return false;
}
