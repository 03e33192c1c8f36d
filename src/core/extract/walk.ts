/**
 * The walk through the minutes, block by block: sections set what a line may be, tables give their rows,
 * 负责人/完成时限 lines attach to the item above, and each line's drafts are accepted or not.
 */
import type { Block, HeadingBlock, ListItemBlock, ParagraphBlock } from '../model/document';
import type { ActionItem, ItemKind } from '../model/items';
import { blockText } from '../model/text';
import { acceptDraft, type Placement } from './accept';
import { attachField, type Candidate } from './attach';
import { analyzeLine, type Draft, type LineAnalysis, type LineContext } from './clauses';
import { finishItem, fromTableRow } from './finish';
import { isHintText } from './hint';
import { lineOf, sliceLine } from './line';
import { proseDecisions } from './prose';
import { classifySection, COLON_THEN_TEXT, endsWithColon, looksLikeSectionLine, type SectionKind } from './sections';
import { readItemTable } from './tables';
import { bothScripts } from '../text/traditional';

type TextBlock = HeadingBlock | ParagraphBlock | ListItemBlock;

/** A paragraph longer than this is prose: only explicit agreements are read from it. */
const PROSE_LENGTH = 140;
const MIDLINE_LABEL = bothScripts(/[。；;]\s*(?=(?:会议)?(?:决议|结论|决定|待办|行动项)\s*[：:])/);
const ITEM_SECTIONS: ReadonlySet<SectionKind> = new Set(['todo', 'decision']);
const DECISIONS_FOLLOW = bothScripts(/形成以下意见|决定如下|agreed the following/i);
/** What can make a line in a discussion section an item: a label, an owner/deadline field, a decision marker. */
const MAY_MATTER_IN_INFO = bothScripts(
  /[：:]|定[为在于档]|确定|推迟到|延期到|confirmed|stays on|set for|held on|agreed|一致同意|达成一致|决定|形成以下意见/i,
);
/** Words every DISCUSSION match holds: most paragraphs skip its backtracking. */
const MAY_DISCUSS = bothScripts(/讨论中|争论|争议|认为/);
/** A paragraph that reports a discussion: 讨论中, 争议, or "A 认为…，B 认为…". */
const DISCUSSION = bothScripts(/讨论中|争论|争议|[^，,]{1,6}认为[^，,]{0,20}[，,].{0,40}(?:认为|希望)/);

/**
 * Walk the minutes block by block; each block's plain text is given (empty for tables). The walk's state lives
 * in the closure (names that minify, unlike a class's fields).
 */
export function walkMinutes(blocks: readonly Block[], texts: readonly string[], ctx: LineContext, meetingDate: string): ActionItem[] {
  const items: ActionItem[] = [];
  let section: SectionKind = 'neutral';
  /** A list item ending in ：("2. 分工：") heads the items nested under it. */
  let listSection: { level: number; kind: SectionKind } | null = null;
  /** "议题四：数据出境评估": becomes an item if 负责人/完成时限 lines follow it directly. */
  let topic: Candidate | null = null;
  /** The item 负责人/完成时限 lines attach to. */
  let last: Candidate | null = null;
  /** Owners by list level: a sub-item without an owner belongs to the item it is nested under. */
  const listOwners: ActionItem['owners'][] = [];

  const textBlock = (block: TextBlock, index: number, text: string): void => {
    // Empty lines and the template's own hints (（如：…）) say nothing about this meeting.
    if (!text || isHintText(text) || sectionLine(block, text)) return;
    const where: SectionKind = listSection?.kind ?? section;
    const checked = block.type === 'listItem' ? block.checked : undefined;
    // Discussion notes are most of the minutes: only a labelled line, a checkbox or a settled decision can be an item there.
    if (where === 'info' && checked === undefined && !MAY_MATTER_IN_INFO.test(text)) return;
    const whole = lineOf(block.content);
    const cut = mayHoldMidlineLabel(whole.text) ? MIDLINE_LABEL.exec(whole.text) : null;
    // Only the labelled part of "背景句。会议决议：…" is read; the sentence before it is context.
    const line = cut ? sliceLine(whole, cut.index + 1, whole.text.length) : whole;
    const analysis = analyzeLine(line, ctx, { decisions: where === 'decision' });
    if (fieldLine(analysis, block, index)) return;
    // Prose (a long paragraph, or one that reports a discussion) yields only explicit agreements.
    const prose =
      block.type === 'paragraph' && where !== 'todo' && ((text.length > PROSE_LENGTH && sentenceCount(text) > 1) || (MAY_DISCUSS.test(text) && DISCUSSION.test(text)));
    const drafts: Draft[] = prose ? proseDecisions(line, ctx) : analysis.drafts;
    const label = analysis.label;
    if (drafts.length === 0) return;
    // Where the line stands is the same for each of its drafts.
    const placement: Placement = { section: where, checkbox: checked !== undefined, infoLabel: label?.kind === 'info', prose, transcript: block.type === 'paragraph' };
    for (const draft of drafts) {
      const kind: ItemKind | null = acceptDraft(draft, placement);
      if (kind) add(draft, kind, block, index, label !== null, checked);
    }
  };

  /** Headings and heading-like lines change the section; true when the block was one. */
  const sectionLine = (block: TextBlock, text: string): boolean => {
    if (block.type === 'heading' || (block.type === 'paragraph' && looksLikeSectionLine(text))) {
      // "决议：…" with content is a labelled line, not a heading.
      if (block.type === 'heading' || !COLON_THEN_TEXT.test(text)) {
        const kind = classifySection(text);
        section = kind === 'neutral' && block.type !== 'heading' ? section : kind;
        if (DECISIONS_FOLLOW.test(text)) section = 'decision';
        listSection = null;
        topic = null;
        last = null;
        return true;
      }
    }
    if (block.type === 'paragraph' && DECISIONS_FOLLOW.test(text) && endsWithColon(text)) {
      section = 'decision';
      return true;
    }
    if (block.type !== 'listItem') {
      listSection = null;
      return false;
    }
    if (listSection && block.level <= listSection.level) listSection = null;
    if (endsWithColon(text) && looksLikeSectionLine(text)) {
      listSection = { level: block.level, kind: classifySection(text) };
      return true;
    }
    return false;
  };

  /** Meeting fields, 议题 topics and 负责人/完成时限/配合 lines; true when the line was one of them. */
  const fieldLine = (analysis: LineAnalysis, block: Block, index: number): boolean => {
    const label = analysis.label;
    if (label?.kind === 'meeting-field') return true;
    if (label?.kind === 'topic-heading') {
      topic = { blockIndex: index, block, draft: topicDraft(analysis.rest.text), item: null };
      last = null;
      return true;
    }
    if (!label || (label.kind !== 'owner-field' && label.kind !== 'due-field' && label.kind !== 'collaborator-field')) return false;
    const target = last ?? topic;
    if (!target) return true;
    attachField(target, label.kind, analysis.rest, ctx);
    // The item takes its owner and deadline from the field lines: it is a to-do now, whatever it was.
    const item = finishItem(target.draft, 'todo', target.block, target.blockIndex, meetingDate, target.item?.source.via ?? 'line');
    if (target.item) Object.assign(target.item, item);
    else items.push((target.item = item));
    last = target;
    return true;
  };

  const add = (draft: Draft, kind: ItemKind, block: TextBlock, index: number, labelled: boolean, checked: boolean | undefined): void => {
    const listItem = block.type === 'listItem';
    if (listItem && kind === 'todo' && draft.owners.length === 0 && draft.ownerState === 'none') {
      const parent = listOwners.slice(0, block.level).reverse().find((o) => o && o.length > 0);
      if (parent) {
        draft.owners = parent;
        draft.ownerState = 'named';
      }
    }
    const via: ActionItem['source']['via'] = listItem ? 'list' : labelled ? 'line' : 'sentence';
    const item = finishItem(draft, kind, block, index, meetingDate, via);
    if (checked === true) item.status = 'done';
    if (listItem) listOwners[block.level] = item.owners;
    items.push(item);
    last = { blockIndex: index, block, draft, item };
  };

  const titleBlock = blocks.findIndex((b, i) => b.type !== 'table' && texts[i]!.trim() !== '');
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (index === titleBlock && isTitleLine(block, texts[index]!)) continue;
    if (block.type !== 'table') textBlock(block, index, texts[index]!.trim());
    else {
      const rows = readItemTable(block, { roster: ctx.roster, dates: ctx.dates, section });
      if (!rows) continue;
      for (const row of rows) items.push(fromTableRow(row, block, index, meetingDate));
      last = null;
    }
  }
  return items;
}

/** Whether MIDLINE_LABEL can match: it needs a sentence end (。；;) and a colon after it. */
function mayHoldMidlineLabel(text: string): boolean {
  return (text.includes('。') || text.includes('；') || text.includes(';')) && (text.includes('：') || text.includes(':'));
}

/** The first line names the meeting ("…周会 2025-02-19", "# SOC 2 Readiness – Weekly Checklist"): no item. */
function isTitleLine(block: Block, text: string): boolean {
  if (ITEM_SECTIONS.has(classifySection(blockText(block)))) return false;
  if (block.type === 'heading') return true;
  return block.type === 'paragraph' && text.length <= 80 && !/^[^：:]{1,30}[：:]\s*\S/.test(text);
}

function sentenceCount(text: string): number {
  return text.split(/[。！？!?]|\.\s+(?=[A-Z])/).filter((s) => s.trim().length > 0).length;
}

function topicDraft(text: string): Draft {
  return {
    kind: 'todo',
    text,
    title: text.trim(),
    owners: [],
    ownerState: 'none',
    collaborators: [],
    dates: [],
    evidence: { owner: false, commitment: false, decisionMarker: false, scheduledVaguely: false, reported: false, speaker: false, agreed: false, labelled: true },
  };
}
