import type { DateContext, DateMention } from '../dates/types';
import type { ItemKind, Person } from '../model/items';
import type { Roster } from '../owners/roster';
import { datesIn, isStartDate } from './deadlines';
import { hasVagueWords } from './filters';
import { looksLikeChineseName } from '../owners/roster';
import { classifyLabel, splitLabel, type Label, type LabelKind } from './labels';
import { inOrder, isWhiteSpace, sliceLine, withItem, type Line } from './line';
import { collaboratorsBesides, groupMentions, hasKind, membersOf, OWNER_VERBS, ownersOf, peopleGroups, type OwnerState, type PeopleGroup } from './people';
import { findPeople, plainMention, type PersonMention } from '../owners/mentions';
import { bothScripts } from '../text/traditional';
import { AGREED, DECISION_MARKER } from './markers';

/** One candidate item read from a line, before the section decides whether it is one. */
export interface Draft {
  kind: ItemKind | null;
  /** The text the item was read from. */
  text: string;
  title: string;
  owners: Person[];
  ownerState: OwnerState;
  collaborators: Person[];
  dates: readonly DateMention[];
  evidence: Evidence;
}

/** What speaks for a line being an item, for sections that do not say so themselves. */
export interface Evidence {
  /** Owners named by a label, a leading name, 由X or X负责. */
  owner: boolean;
  /** 负责/牵头/跟进, "to", "will", 我来. */
  commitment: boolean;
  /** 定为/确定为/confirmed + a date. */
  decisionMarker: boolean;
  /** "agreed that", 会议决定. */
  agreed: boolean;
  /** "预算评审会定于明年 1 月下旬，具体时间待定": a schedule still open, not a decision or task. */
  scheduledVaguely: boolean;
  /** The named owner only reports something ("Sandy 说…"). */
  reported: boolean;
  /** The owner comes from a speaker label ("王芳：…"). */
  speaker: boolean;
  /** The kind was given by a label (决议：, TODO:). */
  labelled: boolean;
}

export interface LineContext {
  roster: Roster;
  dates: DateContext;
}

export interface LineAnalysis {
  /** The first label of the line, when it has one. */
  label: Label | null;
  /** Text after the labels (for owner/deadline field lines). */
  rest: Line;
  drafts: Draft[];
}

const BULLET = /^(?:[\s•·●▪◦‣⁃∙➤→►✅✔☑✓❌⭐\-*+]|\uFE0F)+/u;
/** "Priya", "Raj Patel", "@mike.t". */
const EN_NAME = "(?:@?[A-Z][\\w.'’-]*(?: [A-Z][a-z]+)?|@[\\w.-]+)";
/** What joins English names: "Priya and Raj", "Ana, Ben & Carl". */
const EN_NAME_JOINER = /\s*(?:,|and|&|\+)\s*/;
/** Names at the start of an English line, then what they will do: "Priya to send…", "Daniel – finalize…". */
const EN_OWNER = new RegExp(
  `^(${EN_NAME}(?:${EN_NAME_JOINER.source}${EN_NAME})*)\\s+(?:(?:will|shall|should|must|needs? to|is to|are to|to)\\s+(?:also\\s+|then\\s+)?|[–—-]{1,2}\\s+)`,
);
const EN_NOT_OWNER =
  /^(?:The|This|That|These|Those|It|There|Here|Some(?:one|body)|Any(?:one|body)|Nobody|Every(?:one|body)|Go-live|Launch|Budget|Action|Decision|Notes?|If|When|After|Before|Then|Also|Please)$/;
/** 我来, 我下周…, 由X负责, "will", "to": someone takes the work on. */
const COMMITMENT = bothScripts(
  /(?:负责|牵头|跟进|主责|我这边|我(?:这边)?.{0,6}?(?:[会来先把去]|[今明]天|[下本]周|周[一二三四五六日])|由\S{1,8}(?:负责|整理|评估|跟进|发布|统一|提供|准备|安排)|\bI'll\b|\bwill\b|\bto\b)/i,
);
/** The owner words after a name, cut from the title with it ("王芳负责"); sticky, read where the name ends. */
const OWNER_WORDS = bothScripts(new RegExp(`\\s*(?:一起|共同)?\\s*(?:${OWNER_VERBS})?`, 'y'));
/** 由, 交由 before a name, cut from the title with it. */
const HANDED_TO = /(?:由|交由)\s*$/;

/** Labels whose line is a field of the item or meeting, or a topic heading: no clauses to read. */
const FIELD_LABELS: ReadonlySet<LabelKind> = new Set<LabelKind>(['owner-field', 'due-field', 'collaborator-field', 'meeting-field', 'topic-heading']);

export interface LineOptions {
  /** The section says every line is a decision: no splitting into several items, start dates count. */
  decisions?: boolean;
}

/** Analyse one line of minutes: its label, then its clauses grouped into items. */
export function analyzeLine(input: Line, ctx: LineContext, options: LineOptions = {}): LineAnalysis {
  const bullet = mayStartWithBullet(input.text) ? (BULLET.exec(input.text)?.[0].length ?? 0) : 0;
  let line = bullet === 0 ? input : sliceLine(input, bullet, input.text.length);
  let label: Label | null = null;
  let labelOwners: PeopleGroup | null = null;
  let labelKind: ItemKind | null = options.decisions ? 'decision' : null;
  let topic = '';
  let committed = false;
  for (let guard = 0; guard < 2; guard++) {
    const split = splitLabel(line.text);
    if (!split) break;
    const classified = classifyLabel(split.label, ctx.roster);
    const kind = classified.kind;
    if (kind === 'topic' && guard > 0) break;
    if (kind === 'people' && classified.people) labelOwners = leadingGroup(split.label.length, classified.people);
    const kindGiven = kind === 'decision' || kind === 'todo';
    if (kindGiven) labelKind = kind;
    if (split.owner) {
      const ownerLabel = classifyLabel(split.owner, ctx.roster);
      if (ownerLabel.people) labelOwners = leadingGroup(split.owner.length, ownerLabel.people);
    }
    if (kind === 'topic' || kind === 'topic-heading') topic = split.label.trim();
    label ??= classified;
    line = sliceLine(line, split.restStart, line.text.length);
    if (!kindGiven) break;
  }
  const source = input.text.trim();
  if (label && FIELD_LABELS.has(label.kind)) {
    return { label, rest: line, drafts: [] };
  }
  // English "Priya to send…", "Daniel – finalize…", "Raj will publish…".
  const en = mayStartWithEnglishName(line.text) ? EN_OWNER.exec(line.text) : null;
  if (en?.[1] && /^I$/.test(en[1])) {
    // "Fiona: I will send…": the speaker owns it.
    committed = true;
  } else if (en?.[1] && !EN_NOT_OWNER.test(en[1].replace(/^@/, ''))) {
    const names = en[1].split(EN_NAME_JOINER).filter(Boolean);
    const groups = peopleGroups(sliceLine(line, 0, en[1].length), ctx.roster);
    const members = membersOf(groups);
    const known: readonly PersonMention[] =
      members.length > 0
        ? members
        : names.map((name) => ({ start: 0, end: 0, name: name.replace(/^@/, ''), kind: /^we$/i.test(name) ? 'collective' : 'person', explicit: false }));
    labelOwners = leadingGroup(en[1].length, known);
    committed = /\b(?:will|shall|should|must|need|needs|to)\b/i.test(en[0]);
    line = sliceLine(line, en[0].length, line.text.length);
  } else if (!labelOwners) {
    labelOwners = unknownLeadingName(line);
  }
  const drafts = analyzeClauses(line, ctx, {
    labelOwners,
    labelKind,
    topic,
    source,
    committed,
    labelled: label?.kind === 'decision' || label?.kind === 'todo',
    speaker: label?.kind === 'people',
  });
  return { label, rest: line, drafts };
}

/** Whether BULLET can match: not when the line starts with an ideograph, an ASCII letter or a digit. */
function mayStartWithBullet(text: string): boolean {
  const first = text.charCodeAt(0);
  return !(isCjk(first) || (first >= 0x30 && first <= 0x39) || ((first | 0x20) >= 0x61 && (first | 0x20) <= 0x7a));
}

/** Whether EN_OWNER can match: its names start with a capital or an @. */
function mayStartWithEnglishName(text: string): boolean {
  const first = text.charCodeAt(0);
  return (first >= 65 && first <= 90) || first === AT;
}

const AT = 0x40;

/**
 * A name the roster does not know, at the very start of a line: "包蕾 3 个工作日内…".
 * Only a surname-led Chinese name directly followed by a space or a number.
 */
function unknownLeadingName(line: Line): PeopleGroup | null {
  const name = /^([\u3400-\u9fff]{2,3})(?=\s|\d)/.exec(line.text)?.[1];
  if (!name || !looksLikeChineseName(name)) return null;
  return leadingGroup(name.length, [plainMention(0, name, 'person')]);
}

/** The people named at the start of a line, up to `end`, who lead what it says. */
function leadingGroup(end: number, members: readonly PersonMention[]): PeopleGroup {
  return { start: 0, end, members, role: 'leading' };
}

/**
 * The clauses read as one item so far. Its lists are never changed in place: a clause joining the work makes new
 * ones (see `joined`), so a clause's own lists (often the line's, often empty) serve as they are.
 */
interface Work {
  owners: PeopleGroup | null;
  extraOwners: readonly PeopleGroup[];
  collaborators: readonly Person[];
  dates: readonly DateMention[];
  content: boolean;
  decision: boolean;
  /** The title so far: the clauses' contributions that are not blank, joined. */
  title: string;
  commitment: boolean;
  /** People named in passing (not as owner, collaborator or receiver). */
  others: readonly PersonMention[];
  /** The clauses as written (those not blank), for decisions, whose dates belong to what was decided. */
  raw: string;
  /** 大家, 各组 named as doing it. */
  collective: boolean;
  /** The owner only reports ("Sandy 说…"). */
  reported: boolean;
}

interface ClauseOptions {
  labelOwners: PeopleGroup | null;
  labelKind: ItemKind | null;
  topic: string;
  /** The whole line, for the item's source text and the filters. */
  source: string;
  /** The line's English owner said "will" or "to", or the speaker "I will". */
  committed: boolean;
  /** The line's label gives the kind (决议：, TODO:). */
  labelled: boolean;
  /** The line's label names who speaks. */
  speaker: boolean;
}

/** "零售运营部提供业务口径", "技术参数部分由温斌提供": someone supplies input to another's item. */
/** A clause this short after someone's name is one verb (验收, 审核, review): no task of its own. */
const SHORT_ACT = 3;
const GENERIC_ACT = bothScripts(/^(?:全[部数])?(?:完成|提交|交付|反馈|回[复覆]|发出|上线|关闭|定稿|给我|done|complete|finish)$/i);
const SUPPLIES = bothScripts(/^(?:提供|给出|支[持援]|协助|配合|(?:to |will )?(?:support|help|assist)\b)/i);
/** "Sandy 说…", "郝敏认为…": reported speech, not a commitment. */
const REPORTED = bothScripts(
  /^\s*(?:说|提到|认为|表示|觉得|建议|提[出醒]|介绍|解释|补充|强调|反映|希望|指出|问|询问|said|says|mentioned|noted|thinks|suggested|raised|asked|reminded|wants|would like)/i,
);

function analyzeClauses(line: Line, ctx: LineContext, opts: ClauseOptions): Draft[] {
  if (line.text.trim().length === 0) return [];
  const { labelOwners, labelKind } = opts;
  const decisionLine = labelKind === 'decision';
  const labelHasPerson = labelOwners !== null && hasPerson(labelOwners);
  const spans = splitClauses(line.text);
  // People and dates are found once per line, then shared out to the clauses.
  const lineMentions = findPeople(line.text, ctx.roster, line.people);
  const lineDates = datesIn(line, ctx.dates);
  // The whole line says whether it was agreed: asked once, not per draft.
  const agreed = AGREED.test(opts.source);
  let drafts: Draft[] | null = null;
  let shared: readonly DateMention[] = NONE;
  let cur: Work | null = null;
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]!;
    // A clause that is the whole line (most lines are one clause) is the line itself.
    const clause = span.start === 0 && span.end === line.text.length ? line : sliceLine(line, span.start, span.end);
    const groups = groupMentions(clause.text, within(lineMentions, span));
    // A speaker's own label beats a department at the start of what they say (邓琪：产品中心页面 PRD).
    if (labelHasPerson) for (const g of groups) if (g.role === 'leading' && !hasPerson(g)) g.role = 'other';
    const inClause = within(lineDates, span);
    const dates = decisionLine ? inClause : withoutStartDates(clause, inClause);
    // Most clauses name nobody: their empty list of groups serves every role.
    let ownerGroups = groups.length === 0 ? groups : groups.filter((g) => g.role === 'owner' || (!decisionLine && g.role === 'leading'));
    let collabGroups = groups.length === 0 ? groups : groups.filter(isCollaborator);
    const residual = residualText(clause.text, groups, dates);
    if (ownerGroups.length > 0 && cur && ownerGroups.every((g) => SUPPLIES.test(clause.text.slice(g.end).replace(/^\s*(?:一起|共同)?/, '')))) {
      collabGroups = [...collabGroups, ...ownerGroups];
      ownerGroups = [];
    }
    const owned = ownerGroups.length > 0;
    /** The clause names a day (not only a time, an event or something vague). */
    const dated = dates.some(hasDay);
    // Without a topic the joined text is " " + the clause, which reads the same.
    const marker = !owned && dated && DECISION_MARKER.test(opts.topic ? `${opts.topic} ${clause.text}` : clause.text);
    const title = decisionLine ? clause.text : titleOf(clause.text, groups.length === 0 ? groups : groups.filter(isTitleGroup), dates);
    const commitment = COMMITMENT.test(clause.text);
    const hasContent = residual.length > 0;
    const dateOnly = dates.length > 0 && !owned && DATE_ONLY_RESIDUAL.test(residual);

    if (dateOnly && index === 0 && spans.length > 1 && !decisionLine) {
      shared = dates;
      continue;
    }
    /** The owners a new piece of work starts with when the clause names none of its own. */
    let carriedOwners: PeopleGroup | null = null;
    if (cur) {
      const work: Work = cur;
      const collabOnly = collabGroups.length > 0 && !owned && !dated;
      const ownerOnly = owned && !hasContent && dates.length === 0;
      const hasOwner = work.owners !== null || labelOwners !== null;
      const newActor = owned && hasOwner && work.content && hasContent && !sameGroup(ownerGroups[0]!, work.owners);
      const secondDate = dates.some(isCurrentDay) && work.dates.some(isCurrentDay) && !owned && hasContent;
      const decisionSplit = (marker && !work.decision && work.content) || (work.decision && owned && hasContent);
      if (collabOnly) {
        // "IT 运维部配合提供证据": what the collaborator does stays out of the owner's title.
        work.collaborators = joined(work.collaborators, collaboratorsOf(collabGroups));
        continue;
      }
      if (ownerOnly) {
        work.extraOwners = joined(work.extraOwners, ownerGroups);
        continue;
      }
      if (owned && hasOwner && work.content && isShortAct(clause.text, groups, residual) && !dated) {
        if (work.owners?.role === 'leading' && ownerGroups.some((g) => g.role === 'owner')) {
          // "歐陽德缺席，…由陳卓賢負責聯絡": the one named responsible owns it.
          work.owners = ownerGroups.find((g) => g.role === 'owner')!;
          work.extraOwners = NONE;
        } else {
          // "8 月底前部署完成，Leon 邵 验收": someone who checks the work helps with it.
          work.collaborators = joined(work.collaborators, collaboratorsOf(ownerGroups));
        }
        continue;
      }
      if (decisionLine || !(newActor || secondDate || decisionSplit)) {
        if (!work.owners && ownerGroups[0]) work.owners = ownerGroups[0];
        else work.extraOwners = joined(work.extraOwners, ownerGroups);
        work.collaborators = joined(work.collaborators, collaboratorsOf(collabGroups));
        work.dates = joined(work.dates, dates);
        work.content ||= hasContent;
        work.decision ||= marker && !work.owners;
        work.commitment ||= commitment;
        work.others = joined(work.others, othersOf(groups));
        const joiner = joinerBefore(line.text, span.start);
        work.raw += nonBlank(joiner + clause.text);
        work.collective ||= collectiveIn(groups);
        // "12 月 10 日前完成": once the date is gone, a bare 完成 adds nothing to the title.
        if (title && !GENERIC_ACT.test(title.trim())) work.title += nonBlank(joiner + title);
        continue;
      }
      // A new piece of work: a new actor, a second date (same owner, no owner of its own), or a decision.
      drafts = withItem(drafts, toDraft(work, opts, shared, agreed));
      if (secondDate) carriedOwners = work.owners;
    }
    cur = {
      owners: ownerGroups[0] ?? carriedOwners,
      extraOwners: ownerGroups.length > 1 ? ownerGroups.slice(1) : NONE,
      collaborators: collaboratorsOf(collabGroups),
      dates,
      content: hasContent,
      decision: marker,
      title: nonBlank(title),
      commitment,
      others: othersOf(groups),
      raw: nonBlank(clause.text),
      collective: collectiveIn(groups),
      reported: reportedBy(clause.text, ownerGroups),
    };
  }
  // A work is done once the next one starts (it changes no more): its draft is made then.
  if (cur) drafts = withItem(drafts, toDraft(cur, opts, shared, agreed));
  return drafts ?? [];
}

/** The one empty list every empty list of a clause can be: nothing adds to it (lists are joined, see `joined`). */
const NONE: readonly never[] = [];

/** Two lists as one: either list itself when the other is empty (the usual case), else a new list. */
function joined<T>(a: readonly T[], b: readonly T[]): readonly T[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b];
}

/** A title or clause part as the item's text takes it: a blank one adds nothing. */
function nonBlank(part: string): string {
  return part.trim().length > 0 ? part : '';
}

/** The dates of a clause without those that only say when something starts; the list itself when none do. */
function withoutStartDates(clause: Line, dates: readonly DateMention[]): readonly DateMention[] {
  for (let i = 0; i < dates.length; i++) if (isStartDate(clause, dates[i]!)) return dates.filter((m) => !isStartDate(clause, m));
  return dates;
}

function isCollaborator(g: PeopleGroup): boolean {
  return g.role === 'collaborator';
}

/** The groups a title is cut around: not those named in passing or as receivers. */
function isTitleGroup(g: PeopleGroup): boolean {
  return g.role !== 'other' && g.role !== 'receiver';
}

function isOwnerGroup(g: PeopleGroup): boolean {
  return g.role === 'owner';
}

function isVague(d: DateMention): boolean {
  return d.vague;
}

/** A mention that names a day. */
function hasDay(d: DateMention): boolean {
  return d.date !== null;
}

const DATE_ONLY_RESIDUAL = bothScripts(
  /^(?:请|确认|务必|须|需要?|要|在|于|最晚|最迟|by|before|due|until|nolaterthan|within|target)?(?:前|之前|以前|或之前|以内|内)?(?:完成|交付|提交|反馈|回[复覆]|给结论|发出|发布|上线|落实|给我|给清单)?$/i,
);

function toDraft(w: Work, opts: ClauseOptions, shared: readonly DateMention[], agreed: boolean): Draft {
  const { labelOwners, labelKind, topic } = opts;
  const text = opts.source;
  const vagueText = hasVagueWords(text) || w.dates.some(isVague);
  const decisionMarker = w.decision && !vagueText;
  const kind: ItemKind | null = labelKind ?? (decisionMarker ? 'decision' : null);
  const groups = w.owners ? [w.owners, ...w.extraOwners] : w.extraOwners;
  // Without groups the line resolves to nobody: the label or the people named in passing decide.
  let resolved = groups.length > 0 ? ownersOf(membersOf(groups)) : null;
  const linePerson = groups.some(hasPerson);
  // The label speaks for the line unless the line names a person of its own (a department gives way to a person).
  if (labelOwners && (resolved?.state !== 'named' || !linePerson)) {
    const labelResolved = ownersOf(labelOwners.members);
    if (labelResolved.state !== 'none') resolved = labelResolved;
  }
  if (resolved?.state === 'named' && !linePerson && !(labelOwners !== null && hasPerson(labelOwners)) && w.others.length > 0) {
    resolved = ownersOf(w.others);
  }
  resolved ??= ownersOf(NONE);
  let title = cleanTitle(kind === 'decision' ? w.raw : w.title);
  if (topic) title = cleanTitle(title ? `${topic}：${title}` : topic);
  if (!title) title = cleanTitle(text);
  const dates = w.dates.length > 0 ? w.dates : shared;
  const collaborators = collaboratorsBesides(w.collaborators, resolved.owners);
  const namedOwner = groups.some(isOwnerGroup);
  // A decision has owners only when the line says who carries it out.
  const ownerless = kind === 'decision' && !namedOwner;
  return {
    kind,
    text,
    title,
    owners: ownerless ? [] : resolved.owners,
    ownerState: ownerless ? 'none' : resolved.state === 'none' && w.collective ? 'collective' : resolved.state,
    collaborators,
    dates,
    evidence: {
      owner: resolved.state === 'named' || resolved.state === 'undecided',
      commitment: w.commitment || namedOwner || opts.committed,
      decisionMarker,
      scheduledVaguely: w.decision && vagueText,
      reported: w.reported,
      speaker: opts.speaker,
      agreed,
      labelled: opts.labelled,
    },
  };
}

/** A Chinese character (CJK ideographs, extension A and the main block). */
const CJK = /[\u3400-\u9fff]/;

/** One verb after a name: "验收", "审核", "reviews it". */
function isShortAct(text: string, groups: readonly PeopleGroup[], residual: string): boolean {
  if (CJK.test(residual)) return residual.length <= SHORT_ACT;
  const start = groups.length > 0 ? groups[groups.length - 1]!.end : 0;
  return text.slice(start).trim().split(/\s+/).filter(Boolean).length <= 2;
}

/** How a clause was joined to the one before it, as the title should show it. */
function joinerBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 5), start);
  if (/ and $/.test(before)) return ' and ';
  const ch = before.trim().slice(-1);
  if (ch === ',' || ch === ';' || ch === '.') return `${ch === '.' ? ';' : ch} `;
  return '，';
}

/**
 * The mentions inside a clause, re-positioned relative to it. Nothing changes a mention or these lists: a clause
 * that starts the line holds its mentions as they stand, and the line's own list when it holds them all.
 */
function within<T extends { start: number; end: number }>(all: readonly T[], span: { start: number; end: number }): readonly T[] {
  if (span.start === 0 && allWithin(all, span.end)) return all;
  let out: T[] | null = null;
  for (const m of all) {
    if (m.start < span.start || m.end > span.end) continue;
    out = withItem(out, span.start === 0 ? m : { ...m, start: m.start - span.start, end: m.end - span.start });
  }
  return out ?? NONE;
}

function allWithin(all: readonly { end: number }[], end: number): boolean {
  for (let i = 0; i < all.length; i++) if (all[i]!.end > end) return false;
  return true;
}

/** A mention of a day that is not an old one (原定…). */
function isCurrentDay(d: DateMention): boolean {
  return d.date !== null && !d.stale;
}

function hasPerson(g: PeopleGroup): boolean {
  return hasKind(g.members, 'person');
}

function collectiveIn(groups: readonly PeopleGroup[]): boolean {
  for (const g of groups) if (g.role !== 'receiver' && hasKind(g.members, 'collective')) return true;
  return false;
}

function reportedBy(text: string, owners: readonly PeopleGroup[]): boolean {
  for (const g of owners) if (REPORTED.test(text.slice(g.end))) return true;
  return false;
}

function othersOf(groups: readonly PeopleGroup[]): readonly PersonMention[] {
  if (groups.length === 0) return NONE;
  const out: PersonMention[] = [];
  for (const g of groups) if (g.role === 'other') for (const m of g.members) if (m.kind === 'person') out.push(m);
  return out;
}

/** The people of groups that help with the work, as each group resolves its owners. */
function collaboratorsOf(groups: readonly PeopleGroup[]): readonly Person[] {
  if (groups.length === 0) return NONE;
  if (groups.length === 1) return ownersOf(groups[0]!.members).owners;
  const out: Person[] = [];
  for (const g of groups) out.push(...ownersOf(g.members).owners);
  return out;
}

function sameGroup(a: PeopleGroup, b: PeopleGroup | null): boolean {
  if (!b) return false;
  // One name each, the usual case: no lists to sort.
  if (a.members.length === 1 && b.members.length === 1) return a.members[0]!.name === b.members[0]!.name;
  return namesKey(a) === namesKey(b);
}

/** The names of a group sorted and joined by '|'; two names (the usual case after one) need no list to sort. */
function namesKey(g: PeopleGroup): string {
  if (g.members.length === 2) {
    const first = g.members[0]!.name;
    const second = g.members[1]!.name;
    return first <= second ? `${first}|${second}` : `${second}|${first}`;
  }
  return g.members.map((m) => m.name).sort().join('|');
}

/** What the residual drops wherever it stands, by code: white space, punctuation and @. */
const RESIDUAL_DROPS = new Uint8Array(0x10000);
for (const ch of '@＠，,。.;；:：、()（）「」“”"\'!！') RESIDUAL_DROPS[ch.charCodeAt(0)] = 1;
for (let code = 0; code < RESIDUAL_DROPS.length; code++) if (isWhiteSpace(code)) RESIDUAL_DROPS[code] = 1;
const RESIDUAL_OWNER_WORDS = bothScripts(new RegExp(`一起|共同|${OWNER_VERBS}|配合|协助|^由|^交由`, 'g'));
/** The first characters of RESIDUAL_OWNER_WORDS: most clauses hold none, and skip its alternation. */
const OWNER_WORD_START = bothScripts(/[一共牵负主具跟配协由交]/);

/** The clause's text without the people and dates in it: what is left says whether it holds an action. */
function residualText(text: string, groups: readonly PeopleGroup[], dates: readonly DateMention[]): string {
  let rest = keptText(text, dates.length === 0 ? groups : groups.length === 0 ? dates : [...groups, ...dates]);
  if (OWNER_WORD_START.test(rest)) rest = rest.replace(RESIDUAL_OWNER_WORDS, '');
  // Only a rest as short as the longest of these words ("no later than") can be one of them.
  return rest.length <= 13 ? rest.replace(/^(?:by|before|due|until|no later than|within|on|target)$/i, '') : rest;
}

/** The deadline words around a date ("by", 最晚, 之前), cut from the title with it. */
const DEADLINE_BEFORE = bothScripts(/(?:\b(?:by|before|due|until|no later than|within|on|in|for)\s+|(?:[在于]|最[晚迟])\s*)$/i);
/** Sticky: read where the date ends. */
const DEADLINE_AFTER = bothScripts(/\s*(?:或之前|[之以]前|前|以内|内)?\s*/y);

/** A clause's contribution to the title: without the owners at its start, its dates and deadline words. */
function titleOf(text: string, groups: readonly PeopleGroup[], dates: readonly DateMention[]): string {
  if (groups.length === 0 && dates.length === 0) return text;
  let cut: { start: number; end: number }[] | null = null;
  for (const g of groups) {
    if (g.role === 'collaborator') return '';
    cut = withItem(cut, { start: g.start - lengthBefore(HANDED_TO, text, g.start), end: g.end + lengthAt(OWNER_WORDS, text, g.end) });
  }
  for (const d of dates) {
    if (d.event !== undefined) continue;
    // The deadline word and the space the date leaves behind go with it ("日本节点 8 月底前 部署").
    cut = withItem(cut, { start: d.start - lengthBefore(DEADLINE_BEFORE, text, d.start), end: d.end + lengthAt(DEADLINE_AFTER, text, d.end) });
  }
  return cut ? without(text, cut) : text;
}

/** The length of a sticky pattern's match at `at` (0 without one), read from lastIndex: no match array, no slice. */
function lengthAt(sticky: RegExp, text: string, at: number): number {
  sticky.lastIndex = at;
  return sticky.test(text) ? sticky.lastIndex - at : 0;
}

/**
 * The length of the match of a pattern ending in `$` that ends `text` at `end` (0 without one). search, not
 * exec: the match ends where the text does, so its start says its length, and no match array is made.
 */
function lengthBefore(endAnchored: RegExp, text: string, end: number): number {
  const start = text.slice(0, end).search(endAnchored);
  return start < 0 ? 0 : end - start;
}

/**
 * `text` without the given ranges (they may overlap and come in any order) and without RESIDUAL_DROPS: one pass by
 * code that slices the runs kept, rather than a cut and then a global replace over what is left.
 */
function keptText(text: string, ranges: readonly { start: number; end: number }[]): string {
  const sorted = inOrder(ranges) ? ranges : [...ranges].sort((a, b) => a.start - b.start);
  let out = '';
  let r = 0;
  let i = 0;
  while (i < text.length) {
    // Past every range that starts here or before.
    for (; r < sorted.length && sorted[r]!.start <= i; r++) if (sorted[r]!.end > i) i = sorted[r]!.end;
    const stop = r < sorted.length ? sorted[r]!.start : text.length;
    let runStart = i;
    for (; i < stop; i++) {
      if (RESIDUAL_DROPS[text.charCodeAt(i)] === 0) continue;
      if (i > runStart) out += text.slice(runStart, i);
      runStart = i + 1;
    }
    if (stop > runStart) out += text.slice(runStart, stop);
  }
  return out;
}

/** `text` with the given ranges cut out (ranges may overlap and come in any order). */
function without(text: string, ranges: readonly { start: number; end: number }[]): string {
  if (ranges.length === 0) return text;
  const sorted = inOrder(ranges) ? ranges : [...ranges].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    if (r.start > at) out += text.slice(at, r.start);
    if (r.end > at) at = r.end;
  }
  return at < text.length ? out + text.slice(at) : out;
}

/**
 * What any of cleanTitle's replacements needs: whitespace, a bracket or dash, two separators in a row, or a
 * 我/I or punctuation at an end. Most table titles have none and are returned as they are.
 */
const TITLE_NOISE = /\s|[（(—–]|[，,、][，,、]|^[我I，,、;；:：.。\-+&/]|[，,、;；:：.。\-+&/]$/;

const LEADING_SELF = bothScripts(/^\s*(?:我们?这边|我[来会先们]|我|I'll\b|I will\b|I\b(?!['’]))\s*(?=\S)/);
const TRAILING_PREPOSITION = /\s+(?:for|on|at|by|in|to|with)$/i;
/**
 * ASCII words joined by single spaces, then at most spaces and stops (what a cut deadline leaves: "send the
 * budget for project 3 ."): the stops go, and of the other rules only the trailing preposition can apply.
 */
const PLAIN_WORDS = /^([A-Za-z0-9]+(?: [A-Za-z0-9]+)*)[ .,;:]*$/;

/** Trim list residue, brackets and punctuation left at the ends of a title, and a leading 我/I. */
export function cleanTitle(title: string): string {
  // An empty title (a missing cell) has nothing to clean.
  if (title === '' || !TITLE_NOISE.test(title)) return title;
  const unprefixed = title.replace(LEADING_SELF, '');
  const plain = PLAIN_WORDS.exec(unprefixed);
  if (plain) return plain[1]!.replace(TRAILING_PREPOSITION, '');
  let spaced = unprefixed.replace(/\s+/g, ' ');
  // Empty brackets and dangling dashes, only where a bracket or a dash is written (most titles hold none).
  if (spaced.includes('（') || spaced.includes('(')) spaced = spaced.replace(/（\s*[，,、]?\s*）|\(\s*[,]?\s*\)/g, '');
  if (spaced.includes('—') || spaced.includes('–')) spaced = spaced.replace(/\s*[—–]{1,2}\s*(?=[，,；;]|$)/g, '');
  return spaced
    .replace(/[，,、]\s*[，,、]/g, '，')
    .replace(/\s+(?=[,，;；])/g, '')
    .replace(/^[\s，,、;；:：.。\-–—+&/]+/, '')
    .replace(/[\s，,、;；:：.。\-–—+&(（/]+$/, '')
    .replace(TRAILING_PREPOSITION, '')
    .trim();
}

/** What each character can do in splitClauses, by code: the loop visits every character of the minutes. */
const OPENER = 1;
const CLOSER = 2;
const HARD_STOP = 4;
const BOUNDARY_CANDIDATE = 8;
const CLAUSE_CHARS = new Uint8Array(0x10000);
for (const [chars, role] of [['（(「“《【[', OPENER], ['）)」”》】]', CLOSER], ['，；。！？;!', HARD_STOP], ['，；。！？;!,. ', BOUNDARY_CANDIDATE]] as const) {
  for (const ch of chars) CLAUSE_CHARS[ch.charCodeAt(0)]! |= role;
}

/**
 * Split a line into clauses at ，；。 (and at "," between Chinese words, "; " and ". " in English), never inside
 * brackets or quotes, nor inside numbers like 1,299.
 */
export function splitClauses(text: string): { start: number; end: number }[] {
  let spans: { start: number; end: number }[] | null = null;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const role = CLAUSE_CHARS[text.charCodeAt(i)]!;
    if (role === 0) continue;
    if (role & OPENER) depth++;
    else if (role & CLOSER && depth > 0) depth--;
    if (depth > 0 || !(role & BOUNDARY_CANDIDATE)) continue;
    // Neighbours by code, not as one-character strings (each a new string for Chinese text).
    const ch = text.charCodeAt(i);
    const prev = text.charCodeAt(i - 1);
    let split = false;
    let width = 1;
    if (role & HARD_STOP) split = true;
    else if (ch === COMMA && (isCjk(prev) || isCjk(text.charCodeAt(i + 1))) && !isAsciiDigit(prev)) split = true;
    else if (ch === FULL_STOP && /\s/.test(text[i + 1] ?? '') && /[a-z)]/.test(text[i - 1] ?? '')) split = true;
    else if (ch === SPACE && text.startsWith(' and ', i) && /^ and (?=[a-z]+ )/.test(text.slice(i, i + 12)) && /[a-z0-9)]$/i.test(text[i - 1] ?? '') && !CJK.test(text)) {
      // "open a ticket today and get a root-cause statement by Monday": two actions, maybe two deadlines.
      split = true;
      width = 5;
    }
    if (split) {
      if (hasNonSpace(text, start, i)) spans = withItem(spans, { start, end: i });
      start = i + width;
      i += width - 1;
    }
  }
  if (hasNonSpace(text, start, text.length)) spans = withItem(spans, { start, end: text.length });
  return spans ?? [];
}

const COMMA = 0x2c;
const FULL_STOP = 0x2e;
const SPACE = 0x20;

/** A code of CJK (see CJK); NaN, past either end of a text, is none. */
function isCjk(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Whether text[start, end) holds anything but white space, read in place (no slice). */
function hasNonSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhiteSpace(text.charCodeAt(i))) return true;
  return false;
}
