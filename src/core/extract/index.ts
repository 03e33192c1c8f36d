import type { DateContext, IsoDate } from '../dates/types';
import type { Block, MinutesDocument } from '../model/document';
import type { ActionItem, DocumentWarning, Extraction, ItemKind } from '../model/items';
import { blockText } from '../model/text';
import { collectEventDates } from '../dates/index';
import { isHintText } from './hint';
import { analyzeLine, type Draft } from './clauses';
import { lineOf, sliceLine } from './line';
import { collectRecordFields, interpretRecord } from './record';
import { classifySection, looksLikeSectionLine, type SectionKind } from './sections';
import { readItemTable } from './tables';
import { acceptDraft } from './accept';
import { attachField, type Candidate } from './attach';
import { proseDecisions } from './prose';
import { finishItem, fromTableRow } from './finish';
import { dedupeItems } from './dedupe';

export interface ExtractOptions {
  /** The meeting date (YYYY-MM-DD) when the caller knows it (CLI --date); else the document's 沟通时间. */
  meetingDate?: string;
  /** Today's date (YYYY-MM-DD): the last fallback for the meeting date, with a warning. */
  today: string;
}

/** A paragraph longer than this is prose: only explicit agreements are read from it. */
const PROSE_LENGTH = 140;
const MIDLINE_LABEL = /[。；;]\s*(?=(?:会议|會議)?(?:决议|決議|结论|結論|决定|決定|待办|待辦|行动项|行動項)\s*[：:])/;
const ITEM_SECTIONS: ReadonlySet<SectionKind> = new Set(['todo', 'decision']);
/** What can make a line in a discussion section an item: a label, an owner/deadline field, a decision marker. */
const MAY_MATTER_IN_INFO =
  /[：:]|定为|定為|定在|定于|定於|确定|確定|定档|推迟到|推遲到|延期到|confirmed|stays on|set for|held on|agreed|一致同意|达成一致|達成一致|决定|決定|形成以下意见/i;
/** Words every DISCUSSION match holds: most paragraphs skip its backtracking. */
const MAY_DISCUSS = /讨论中|討論中|争论|爭論|争议|爭議|认为|認為/;
const DISCUSSION = /讨论中|討論中|争论|爭論|争议|爭議|[^，,]{1,6}(?:认为|認為)[^，,]{0,20}[，,].{0,40}(?:认为|認為|希望)/;

/** Document model → meeting record + decisions and to-dos + warnings (see ../shared/EXTRACTION.md). */
export function extractMinutes(doc: MinutesDocument, options: ExtractOptions): Extraction {
  const blocks = doc.blocks;
  const fields = collectRecordFields(blocks);
  const fallbackYear = Number((options.meetingDate ?? options.today).slice(0, 4));
  const record = interpretRecord(fields, blocks, doc.title, fallbackYear);
  const warnings: DocumentWarning[] = [];
  const meetingDate = options.meetingDate ?? record.writtenDate ?? options.today;
  if (!options.meetingDate && !record.writtenDate) {
    warnings.push({ code: 'no_meeting_date', message: `No meeting date found in the minutes; deadlines are read relative to today (${options.today}).` });
  }
  const meeting = { ...record.meeting, date: meetingDate };
  // Each block's text once (a table's only for the event dates): headings and the walk below read it.
  const texts = blocks.map((b) => (b.type === 'table' ? '' : blockText(b)));
  // The event dates stated in the minutes (上线日期定为7月1日) matter only to a line with a phrase relative to an
  // event (上线前): they are read from the whole text on first need, and most minutes never need them.
  const wholeText = (): string => blocks.map((b, i) => (b.type === 'table' ? blockText(b) : texts[i]!)).join('\n');
  let events: Record<string, IsoDate> | undefined;
  const dates: DateContext = {
    meetingDate,
    get events(): Record<string, IsoDate> {
      events ??= collectEventDates(wholeText(), { meetingDate });
      return events;
    },
  };
  const ctx = { roster: record.roster, dates };

  const items: ActionItem[] = [];
  let section: SectionKind = 'neutral';
  let listSection: { level: number; kind: SectionKind } | null = null;
  let topic: Candidate | null = null;
  let last: Candidate | null = null;

  const titleBlock = blocks.findIndex((b, i) => b.type !== 'table' && texts[i]!.trim() !== '');
  // A sub-item without an owner belongs to the item it is nested under.
  const listOwners: ActionItem['owners'][] = [];
  blocks.forEach((block, blockIndex) => {
    if (blockIndex === titleBlock && isTitleLine(block) && !ITEM_SECTIONS.has(classifySection(blockText(block)))) return;
    if (block.type === 'table') {
      const rows = readItemTable(block, { ...ctx, section });
      if (!rows) return;
      for (const row of rows) items.push(fromTableRow(row, block, blockIndex, meetingDate));
      last = null;
      return;
    }
    const text = texts[blockIndex]!.trim();
    // Empty lines and the template's own hints (（如：…）) say nothing about this meeting.
    if (!text || isHintText(text)) return;
    if (block.type === 'heading' || (block.type === 'paragraph' && looksLikeSectionLine(text))) {
      const kind = classifySection(text);
      // "决议：…" with content is a labelled line, not a heading.
      if (block.type === 'heading' || !/[：:]\s*\S/.test(text)) {
        section = kind === 'neutral' && block.type !== 'heading' ? section : kind;
        if (/形成以下意见|决定如下|決定如下|agreed the following/i.test(text)) section = 'decision';
        listSection = null;
        topic = null;
        last = null;
        return;
      }
    }
    if (block.type === 'paragraph' && /形成以下意见|决定如下|決定如下|agreed the following/i.test(text) && /[：:]$/.test(text)) {
      section = 'decision';
      return;
    }
    if (block.type === 'listItem') {
      if (listSection && block.level <= listSection.level) listSection = null;
      if (looksLikeSectionLine(text) && /[：:]$/.test(text)) {
        listSection = { level: block.level, kind: classifySection(text) };
        return;
      }
    } else listSection = null;
    const where: SectionKind = listSection?.kind ?? section;

    const checked = block.type === 'listItem' ? block.checked : undefined;
    // Discussion notes are most of the minutes: only a labelled line, a checkbox or a settled decision can be an item there.
    if (where === 'info' && checked === undefined && !MAY_MATTER_IN_INFO.test(text)) return;
    const whole = lineOf(block.content);
    const cut = MIDLINE_LABEL.exec(whole.text);
    // Only the labelled part of "背景句。会议决议：…" is read; the sentence before it is context.
    const line = cut ? sliceLine(whole, cut.index + 1, whole.text.length) : whole;
    const analysis = analyzeLine(line, ctx, { decisions: where === 'decision' });
    const label = analysis.label;
    if (label?.kind === 'meeting-field') return;
    if (label?.kind === 'topic-heading') {
      topic = { blockIndex, block, draft: topicDraft(analysis.rest.text), item: null };
      last = null;
      return;
    }
    if (label && (label.kind === 'owner-field' || label.kind === 'due-field' || label.kind === 'collaborator-field')) {
      const target = last ?? topic;
      if (target) {
        attachField(target, label.kind, analysis.rest, ctx);
        if (!target.item) {
          target.item = finishItem(target.draft, 'todo', target.block, target.blockIndex, meetingDate, 'line');
          items.push(target.item);
        } else refresh(target, meetingDate);
        last = target;
      }
      return;
    }
    // Prose (a long paragraph, or one that reports a discussion) yields only explicit agreements.
    const prose = block.type === 'paragraph' && where !== 'todo' && ((text.length > PROSE_LENGTH && sentenceCount(text) > 1) || (MAY_DISCUSS.test(text) && DISCUSSION.test(text)));
    const drafts: Draft[] = prose ? proseDecisions(line, ctx) : analysis.drafts;
    for (const draft of drafts) {
      const kind: ItemKind | null = acceptDraft(draft, { section: where, checkbox: checked !== undefined, infoLabel: label?.kind === 'info', prose, transcript: block.type === 'paragraph' });
      if (!kind) continue;
      if (block.type === 'listItem' && kind === 'todo' && draft.owners.length === 0 && draft.ownerState === 'none') {
        const parent = listOwners.slice(0, block.level).reverse().find((o) => o && o.length > 0);
        if (parent) {
          draft.owners = parent;
          draft.ownerState = 'named';
        }
      }
      const item = finishItem(draft, kind, block, blockIndex, meetingDate, viaOf(block, label !== null));
      if (checked === true) item.status = 'done';
      if (block.type === 'listItem') listOwners[block.level] = item.owners;
      items.push(item);
      last = { blockIndex, block, draft, item };
    }
  });

  const finalItems = dedupeItems(items, meetingDate);
  if (finalItems.length === 0) warnings.push({ code: 'no_items', message: 'No decisions or to-dos were found in these minutes.' });
  return { meeting, items: finalItems, warnings };
}

/** The first line names the meeting ("…周会 2025-02-19", "# SOC 2 Readiness – Weekly Checklist"): no item. */
function isTitleLine(block: Block): boolean {
  if (block.type === 'heading') return true;
  if (block.type !== 'paragraph') return false;
  const text = blockText(block);
  return text.length <= 80 && !/^[^：:]{1,30}[：:]\s*\S/.test(text);
}

function sentenceCount(text: string): number {
  return text.split(/[。！？!?]|\.\s+(?=[A-Z])/).filter((s) => s.trim().length > 0).length;
}

function viaOf(block: Block, labelled: boolean): ActionItem['source']['via'] {
  if (block.type === 'listItem') return 'list';
  return labelled ? 'line' : 'sentence';
}

/** "议题四：数据出境评估" becomes an item only if a 负责人/完成时限 line follows it without a 结论 in between. */
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

function refresh(target: Candidate, meetingDate: string): void {
  if (!target.item) return;
  const kind = target.item.kind;
  const updated = finishItem(target.draft, kind === 'decision' ? 'todo' : kind, target.block, target.blockIndex, meetingDate, target.item.source.via);
  Object.assign(target.item, updated);
}


