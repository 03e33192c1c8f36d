import { meetingFieldOfLabel, type MeetingFieldLabel } from '../template/index';
import { isCollective, isUndecided } from '../owners/classify';
import { looksLikeChineseName, type Roster } from '../owners/roster';
import { findPeople, type PersonMention } from '../owners/mentions';
import { bothScripts } from '../text/traditional';
import { memoFor, type BoundedMemo } from './memo';
import { plainMention } from '../owners/mentions';
import { DECISION_WORDS, INFO_WORDS, TODO_WORDS } from './sections';

/** What the label before a colon says about the rest of the line. */
export type LabelKind =
  | 'decision'
  | 'todo'
  | 'owner-field'
  | 'due-field'
  | 'collaborator-field'
  | 'info'
  | 'topic-heading'
  | 'meeting-field'
  | 'people'
  | 'topic';

/** Read-only: the one remembered label serves every line that has it. */
export interface Label {
  readonly kind: LabelKind;
  readonly text: string;
  /** For 'people' labels (a speaker or owner): who. */
  readonly people?: readonly PersonMention[];
  readonly field?: MeetingFieldLabel;
}

const DECISION_LABEL = bothScripts(
  new RegExp(`^(?:(?:会议)?(?:${DECISION_WORDS})(?:[一二三四五六七八九十\\d]+)?|(?:key )?decisions?|agreed|最[后终]\\s*agreed|conclusions?|resolutions?)$`, 'i'),
);
const TODO_LABEL = bothScripts(
  new RegExp(`^(?:${TODO_WORDS}|todo|to-do|actions?|ai|action items?|行动项|follow-?ups?|next steps?|处理意见|解决方案|应对措施|改进措施)$`, 'i'),
);
const OWNER_FIELD = bothScripts(/^(?:负责人|责任[人方]|负责部门|负责部门\/人|执行人|owners?|assignees?)$/i);
const DUE_FIELD = bothScripts(
  /^(?:完成时限|时限|截[止至]|截止(?:时间|日期)|完成期限|完成时间|期限|时间要求|deadline|due(?: date| by)?|target date|by when)$/i,
);
const COLLAB_FIELD = bothScripts(/^(?:配合|配合人|配合部门|协助|协助人|协办|collaborators?|support)$/i);
const INFO_LABEL = bothScripts(
  new RegExp(`^(?:${INFO_WORDS}|note|update|highlight|现状|情况说明|补充说明|reminder|评审对象|活动概要|answer|q|问题|风险|影响|[原根]因|background|what happened)$`, 'i'),
);
const TOPIC_HEADING = bothScripts(/^(?:议题|topic)\s*[一二三四五六七八九十\d]*$/i);
/** The kinds read from the label's words alone, in the order they are asked. */
const LABEL_WORDS: readonly (readonly [RegExp, LabelKind])[] = [
  [DECISION_LABEL, 'decision'],
  [TODO_LABEL, 'todo'],
  [OWNER_FIELD, 'owner-field'],
  [DUE_FIELD, 'due-field'],
  [COLLAB_FIELD, 'collaborator-field'],
  [INFO_LABEL, 'info'],
  [TOPIC_HEADING, 'topic-heading'],
];
/** "TODO (Hannah)": a to-do label naming its owner. */
const TODO_WITH_OWNER = bothScripts(/^(TODO|Action|AI|待办)\s*[（(]\s*([^)）]+?)\s*[)）]$/i);

/**
 * Classify the text before a colon. Remembered per roster (one per extraction): speaker and section labels
 * (王芳, Action, 决议) repeat line after line. Bounded (cleared when full); shared, as nothing changes a label or
 * a mention.
 */
export function classifyLabel(label: string, roster: Roster): Label {
  const memo = memoFor(labelMemos, roster, 1024);
  return memo.get(label) ?? memo.set(label, classify(label, roster));
}

const labelMemos = new WeakMap<Roster, BoundedMemo<string, Label>>();

function classify(label: string, roster: Roster): Label {
  const text = label.trim().replace(/^[@＠]/, '@');
  const bare = text.replace(/^[\s【[]+|[\s】\]]+$/g, '');
  for (const [words, kind] of LABEL_WORDS) if (words.test(bare)) return { kind, text };
  const field = meetingFieldOfLabel(bare);
  if (field) return { kind: 'meeting-field', text, field };
  const people = peopleLabel(bare, roster);
  if (people) return { kind: 'people', text, people };
  return { kind: 'topic', text };
}

/** "Paul and Rachel", "Ana, Ben & Carl Diaz": English names only. */
const LATIN_NAME = '[A-Z][a-z]+(?: [A-Z][a-z]+)?';
const LATIN_JOINER = /\s*(?:and|&|,)\s*/;
const LATIN_NAMES = new RegExp(`^${LATIN_NAME}(?:${LATIN_JOINER.source}${LATIN_NAME})*$`);

/**
 * A label that names who speaks or owns: "王芳", "研发宁波", "工程部鲍勇", "Tom、李雷", "@Amy", "Paul and Rachel",
 * "产品部", "技术部主管", "各业务部门接口人".
 */
function peopleLabel(label: string, roster: Roster): PersonMention[] | null {
  if (label.length === 0 || label.length > 30) return null;
  const mentions = findPeople(label, roster);
  const last = mentions[mentions.length - 1];
  if (last && last.end >= label.replace(/\s+$/, '').length) {
    // Everything left of the names must be names, joiners or a short role word (研发, PM, QA).
    const covered = mentions.reduce((n, m) => n + (m.end - m.start), 0);
    const rest = label.length - covered;
    if (rest <= 4 || mentions.length >= 2) return mentions;
  }
  if (isCollective(label) || isUndecided(label)) {
    return [plainMention(0, label, isUndecided(label) ? 'undecided' : 'collective')];
  }
  if (looksLikeChineseName(label)) return [plainMention(0, label, 'person')];
  if (LATIN_NAMES.test(label) && !/^(?:Notes?|Action|Decision|Status|Summary|Context|Reminder|Other|Date|Time|Location|Goal|Topic|Agenda|Owner|Due|Updates?|Answer)$/i.test(label)) {
    const names = label.split(LATIN_JOINER);
    let pos = 0;
    return names.map((name) => {
      const start = label.indexOf(name, pos);
      pos = start + name.length;
      return plainMention(start, name, 'person');
    });
  }
  return null;
}

const LABEL = /^([^：:\n]{1,30}?)\s*[：:]\s*/;

/**
 * The labels at the start of a line ("AI: Daniel – …" has one; "TODO (Hannah): …" one with an owner); the text
 * after them starts at `restStart`.
 */
export function splitLabel(text: string): { label: string; owner?: string; restStart: number } | null {
  // Most lines hold no colon at all: no pattern to try at each of their first 30 characters.
  if (text.indexOf('：') < 0 && text.indexOf(':') < 0) return null;
  const m = LABEL.exec(text);
  if (!m || !m[1]) return null;
  const label = m[1];
  const restStart = m[0].length;
  // 14:00, 16:9, http://: a colon between digits or in a URL is not a label.
  if ((/\d$/.test(label) && isDigit(text.charCodeAt(restStart))) || /https?$/i.test(label)) return null;
  // The pattern took the spaces after the colon: the rest is empty or starts with what it says.
  const withOwner = restStart === text.length ? null : TODO_WITH_OWNER.exec(label);
  if (withOwner?.[1] && withOwner[2]) return { label: withOwner[1], owner: withOwner[2], restStart };
  return { label, restStart };
}

/** An ASCII digit, by code (NaN past the end is none). */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
