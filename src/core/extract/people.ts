import type { Person } from '../model/items';
import { findPeople, toPerson, type PersonMention } from '../owners/mentions';
import type { Roster } from '../owners/roster';
import { RECEIVER_BEFORE } from '../owners/vocabulary';
import { bothScripts } from '../text/traditional';
import { withItem, type Line } from './line';

/** What a group of names does in a clause. */
export type PeopleRole = 'owner' | 'leading' | 'collaborator' | 'receiver' | 'other';

/** Names written next to each other ("邵华、龚伟", "信息安全部阎凯", "@Ryan + @孔菲") and their role. */
export interface PeopleGroup {
  start: number;
  end: number;
  /** Read-only: a label's remembered mentions lead many lines. */
  members: readonly PersonMention[];
  role: PeopleRole;
}

const JOINER = bothScripts(/^\s*(?:、|,|，|[和与及]|以及|&|＆|\+|\/|and)?\s*$/i);
/** The words after a name that make them the owner (longer first: the title cuts what they match). */
export const OWNER_VERBS = '牵头|负责|主责|具体跟进|跟进一下|跟进';
/** Sticky, like COLLAB_AFTER: read where a name ends, in the text as it stands (see `followsAt`). */
const OWNER_AFTER = bothScripts(new RegExp(`\\s*(?:一起|共同)?\\s*(?:${OWNER_VERBS}|统筹|主导|owns\\b|leads\\b)`, 'iy'));
const COLLAB_AFTER = bothScripts(/\s*(?:配合|协助|协办|支[持援]|协同|assists?\b|supports?\b|helps?\b)/iy);
/** What comes before names that lead their clause: nothing, a label's colon, a bracket, a dash. */
const LEADING_BEFORE = /^[\s@＠]*$|(?:[：:（(]|\s[—–-]{1,2})\s*[@＠]?$/;
const OWNER_BEFORE = bothScripts(/(?:由|交由|请|协助|配合)\s*$/);

/** Group the people named in a line and decide what each group does there. */
export function peopleGroups(line: Line, roster: Roster): PeopleGroup[] {
  return groupMentions(line.text, findPeople(line.text, roster, line.people));
}

/** Group mentions already found in `text` (offsets relative to it) and give each group its role there. */
export function groupMentions(text: string, mentions: readonly PersonMention[]): PeopleGroup[] {
  if (mentions.length === 0) return [];
  const first = mentions[0]!;
  /** The members of the last group, still growing. */
  let members: PersonMention[] = [first];
  let last: PeopleGroup = { start: first.start, end: first.end, members, role: 'other' };
  // Made as a list of one (see withItem): most clauses name one group.
  const groups: PeopleGroup[] = [last];
  for (let i = 1; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (JOINER.test(text.slice(last.end, m.start))) {
      members.push(m);
      last.end = m.end;
    } else {
      members = [m];
      last = { start: m.start, end: m.end, members, role: 'other' };
      groups.push(last);
    }
  }
  for (const g of groups) g.role = roleOf(text, g);
  return groups;
}

function roleOf(text: string, g: PeopleGroup): PeopleRole {
  if (followsAt(COLLAB_AFTER, text, g.end)) return 'collaborator';
  const before = text.slice(0, g.start);
  if (ownerWordsAt(text, g.end) || OWNER_BEFORE.test(before)) return 'owner';
  if (RECEIVER_BEFORE.test(before)) return 'receiver';
  // At the start, after a label, in brackets at the end ("（梁栋，9月10日）") or after a dash ("— @mike.t").
  if (LEADING_BEFORE.test(before)) return 'leading';
  return 'other';
}

/** Whether owner words (负责, 牵头, owns) come at `at`, right after a name: that name owns the work. */
export function ownerWordsAt(text: string, at: number): boolean {
  return followsAt(OWNER_AFTER, text, at);
}

/** Whether a sticky pattern matches at `at`: the rest of the text read in place, not sliced off. */
function followsAt(sticky: RegExp, text: string, at: number): boolean {
  sticky.lastIndex = at;
  return sticky.test(text);
}

/** The groups that may own the work: not those who help (配合) or receive it (发给…). */
export function ownerCandidates(groups: readonly PeopleGroup[]): PeopleGroup[] {
  return groups.filter((g) => g.role !== 'collaborator' && g.role !== 'receiver');
}

/** Every member of the groups, in order (a loop: flatMap was a hot spot per clause); one group's own list as it is. */
export function membersOf(groups: readonly PeopleGroup[]): readonly PersonMention[] {
  if (groups.length === 1) return groups[0]!.members;
  const out: PersonMention[] = [];
  for (const g of groups) for (const m of g.members) out.push(m);
  return out;
}

/** Owners from a group of mentions: people beat departments, groups and "TBD" count as nobody. */
export function ownersOf(members: readonly PersonMention[]): { owners: Person[]; state: OwnerState } {
  if (hasKind(members, 'person')) return { owners: peopleOfKind(members, 'person'), state: 'named' };
  if (hasKind(members, 'department')) return { owners: peopleOfKind(members, 'department'), state: 'named' };
  return { owners: [], state: hasKind(members, 'undecided') ? 'undecided' : hasKind(members, 'collective') ? 'collective' : 'none' };
}

/** Whether any of the mentions is of this kind (a loop, no closure: asked per clause). */
export function hasKind(members: readonly PersonMention[], kind: PersonMention['kind']): boolean {
  for (const m of members) if (m.kind === kind) return true;
  return false;
}

/** The first of each person among the members of one kind, in order. */
function peopleOfKind(members: readonly PersonMention[], kind: PersonMention['kind']): Person[] {
  let out: Person[] | null = null;
  for (const m of members) if (m.kind === kind) out = addPerson(out, toPerson(m));
  return out ?? [];
}

export type OwnerState = 'named' | 'collective' | 'undecided' | 'none';

/** The first of each person (by email, id or name), in order; lists are short, so a loop rather than a Set. */
export function uniquePeople(people: readonly Person[]): Person[] {
  let out: Person[] | null = null;
  for (const p of people) out = addPerson(out, p);
  return out ?? [];
}

/** The collaborators, each once, but not those who own the item (by name). */
export function collaboratorsBesides(collaborators: readonly Person[], owners: readonly Person[]): Person[] {
  if (collaborators.length === 0) return [];
  return uniquePeople(collaborators).filter((c) => !owners.some((o) => o.name === c.name));
}

/** The list with a person added unless it holds them already (by email, id or name); made on the first (see withItem). */
function addPerson(list: Person[] | null, p: Person): Person[] {
  const key = personKey(p);
  if (list) for (const q of list) if (personKey(q) === key) return list;
  return withItem(list, p);
}

function personKey(p: Person): string {
  return p.email ?? p.id ?? p.name;
}
