import type { ItemKind } from '../model/items';
import type { Draft } from './clauses';
import { isConcrete } from './deadlines';
import { isCancelled, isDeferral, isDoneText, isFyi, isHedge, isMetricsOnly, isNextMeeting, isNonAction, isQuestion, hasVagueWords } from './filters';
import type { SectionKind } from './sections';

export interface Placement {
  section: SectionKind;
  /** The line is a checkbox item. */
  checkbox: boolean;
  /** The line has an information label (现状：, Notes:). */
  infoLabel: boolean;
  /** The line is a prose paragraph (only explicit agreements were read). */
  prose: boolean;
  /** The line is a paragraph, not a list item: with a speaker label it is a transcript line. */
  transcript: boolean;
}

/**
 * Whether a draft is an item here, and of which kind. Sections that are about items (待办, 决议) take what
 * they hold; elsewhere a line must show an owner with a deadline or a commitment, or a settled decision.
 */
export function acceptDraft(draft: Draft, where: Placement): ItemKind | null {
  const text = draft.text;
  const kind: ItemKind = draft.kind ?? (where.section === 'decision' ? 'decision' : 'todo');
  if (!draft.title || isFyi(text) || isNextMeeting(text) || isDeferral(text)) return null;
  if (isQuestion(text) && !where.checkbox) return null;
  if (kind === 'todo' && (isHedge(text) || isCancelled(text) || isNonAction(draft.title) || (isDoneText(text) && !where.checkbox))) return null;
  if (kind === 'decision' && isHedge(text)) return null;
  const evidence = draft.evidence;
  if (where.prose) return evidence.agreed ? 'decision' : null;
  if (evidence.scheduledVaguely && draft.ownerState !== 'named') return null;
  if (where.checkbox || evidence.labelled) return kind;
  if (where.infoLabel) return evidence.decisionMarker ? 'decision' : null;

  const hasDate = draft.dates.some(isConcrete);
  const vague = draft.dates.some((d) => d.vague) || hasVagueWords(text);
  switch (where.section) {
    case 'decision':
      return kind;
    case 'todo':
      if (kind === 'todo' && draft.ownerState === 'none' && !hasDate && isMetricsOnly(text)) return null;
      return kind;
    case 'info':
      return evidence.decisionMarker || evidence.agreed ? 'decision' : null;
    case 'neutral': {
      if (evidence.decisionMarker || evidence.agreed) return 'decision';
      if (kind === 'decision') return 'decision';
      if (evidence.reported) return null;
      // "郑秋实：今天主要对齐两件事": a speaker's line is a to-do only when they commit or set a deadline.
      if (where.transcript && evidence.speaker && !evidence.commitment && !draft.dates.some((d) => d.deadline && d.date !== null)) return null;
      const named = draft.ownerState === 'named';
      if (isMetricsOnly(text) && !hasDate && !named) return null;
      if (named && (hasDate || vague || evidence.commitment)) return 'todo';
      if (draft.ownerState === 'collective' && hasDate) return 'todo';
      if (draft.ownerState === 'undecided') return 'todo';
      return null;
    }
  }
}
