import type { Person } from '../model/items';
import { isCollective, isUndecided } from './classify';
import type { Roster } from './roster';
import { looksLikeChineseName } from './roster';
import { bothScripts } from '../text/traditional';
import { DEPARTMENT_SUFFIX, GROUP_UNITS, ROLE_TITLE_WORDS, ROLE_TITLES } from './vocabulary';

/** A person chip or @mention carried by the document (Google person chip, Feishu mention_user). */
export interface PersonChip {
  start: number;
  end: number;
  person: Person;
}

export type MentionKind = 'person' | 'department' | 'collective' | 'undecided';

/** Someone named in a piece of text. */
export interface PersonMention {
  start: number;
  end: number;
  /** As written, without '@'. */
  name: string;
  kind: MentionKind;
  /** Identity from a chip. */
  person?: Person;
  /** Written as an @mention or a chip. */
  explicit: boolean;
}

/** Words a department or role is named right after: 由产品部, 请法务负责人. */
const CONNECTIVES = '由和与及同跟给向对在将把请让为';
const CLAUSE_PUNCTUATION = '、，,;；：:（(';

/** The start of a name: after the start, a non-CJK character, clause punctuation or one of `lead`; not on `lead`. */
function atBoundary(lead: string): string {
  return `(?<=^|[^\\u3400-\\u9fff]|[${lead}${CLAUSE_PUNCTUATION}])(?![${lead}])`;
}

/**
 * A department not in the roster: a short name right after a boundary (start, punctuation, 由/和/与…), so that
 * 开业前两周全部 or 通知各部门 are not departments. Roster departments are matched first and need no boundary.
 */
const DEPT_RE = bothScripts(
  new RegExp(`${atBoundary(`${CONNECTIVES}从是的了`)}(?:[A-Za-z]{1,8} ?)?[\\u3400-\\u9fff]{0,5}?${DEPARTMENT_SUFFIX}(?:${ROLE_TITLE_WORDS})?`, 'g'),
);
const COLLECTIVE_RE = bothScripts(
  new RegExp(`(?:大家|我们|全员|各(?:${GROUP_UNITS})|\\b(?:all department heads|everyone|everybody|we|all teams)\\b)`, 'gi'),
);
const UNDECIDED_RE = bothScripts(/(?:负责人|owner|Owner)?\s*(?:待定|未定|TBD)/g);

const AT = 0x40;
const FULL_WIDTH_AT = 0xff20;

/** Lines up to this long share one scratch array of marks; a longer text gets its own. */
const SCRATCH_MAX = 4096;
let scratch = new Uint8Array(256);

/**
 * `length` cleared marks. A fresh typed array per call was a real cost (past 64 bytes its memory is allocated
 * outside the JS heap); findPeople never runs inside itself, so one scratch array serves every call.
 */
function usedMarks(length: number): Uint8Array {
  if (length > SCRATCH_MAX) return new Uint8Array(length);
  if (length > scratch.length) scratch = new Uint8Array(SCRATCH_MAX);
  else scratch.fill(0, 0, length);
  return scratch;
}

/**
 * Every person, department, group and "TBD" named in `text`, left to right, not overlapping.
 * Chips win, then @mentions, then roster names, then department patterns.
 */
export function findPeople(text: string, roster: Roster, chips: readonly PersonChip[] = []): PersonMention[] {
  const found: PersonMention[] = [];
  // Which characters already belong to a mention: earlier (stronger) rules win.
  const used = usedMarks(text.length + 1);
  for (const chip of chips) addMention(found, used, { start: chip.start, end: chip.end, name: chip.person.name, kind: 'person', person: chip.person, explicit: true });

  for (let i = 0; i < text.length; i++) {
    if (used[i]) continue;
    const code = text.charCodeAt(i);
    if (code === AT || code === FULL_WIDTH_AT) {
      const m = atMention(text, i + 1, roster);
      if (m && isFree(used, i, m.end)) {
        addMention(found, used, { ...m, start: i, explicit: true });
        i = m.end - 1;
      }
      continue;
    }
    const r = roster.matchAt(text, i);
    if (r && isFree(used, i, i + r.text.length)) {
      const end = i + r.text.length;
      // A roster department followed by a role title is a role: 技术部主管.
      const role = r.entry.kind === 'department' ? roleTitleAt(text, end) : undefined;
      const finalEnd = role ? end + role.length : end;
      addMention(found, used, plainMention(i, text.slice(i, finalEnd), r.entry.kind));
      i = finalEnd - 1;
    }
  }
  if (MAYBE_DEPARTMENT.test(text) || MAYBE_GROUP.test(text)) addUnlisted(found, used, text);
  return found.sort(byStart);
}

function byStart(a: PersonMention, b: PersonMention): number {
  return a.start - b.start;
}

/** The role title (主管, 经理) written at `at`, if any. */
function roleTitleAt(text: string, at: number): string | undefined {
  for (const title of ROLE_TITLES) if (text.startsWith(title, at)) return title;
  return undefined;
}

/** Departments, roles, groups and "TBD" the roster does not list, found by their patterns. */
function addUnlisted(found: PersonMention[], used: Uint8Array, text: string): void {
  addMatches(found, used, text, DEPT_RE, 'department', isUnlistedDepartment);
  // A name the roster does not know, written right after a department: "产品部 钟磊", "客服部 杨帆".
  for (const dept of found.filter(isDepartment)) {
    const after = NAME_AFTER_DEPARTMENT.exec(text.slice(dept.end, dept.end + 6));
    const name = after?.[1];
    if (name && looksLikeChineseName(name)) addIfFree(found, used, plainMention(dept.end + after[0].length - name.length, name, 'person'));
  }
  if (MAYBE_ROLE.test(text)) addMatches(found, used, text, ROLE_RE, 'department', isUnlistedRole);
  if (MAYBE_EN_DEPARTMENT.test(text)) addMatches(found, used, text, EN_DEPARTMENT_RE, 'department');
  if (MAYBE_COLLECTIVE.test(text)) addMatches(found, used, text, COLLECTIVE_RE, 'collective');
  if (MAYBE_UNDECIDED.test(text)) addMatches(found, used, text, UNDECIDED_RE, 'undecided');
}

function isUnlistedDepartment(name: string): boolean {
  return !NOT_A_DEPARTMENT.test(name) && name.length >= 2 && !SUFFIX_ONLY.test(name);
}

function isUnlistedRole(name: string): boolean {
  return !NOT_A_DEPARTMENT.test(name);
}

function isDepartment(m: PersonMention): boolean {
  return m.kind === 'department';
}

/**
 * Each match of the global regex `re` that `accept`s its text and overlaps no earlier mention becomes a
 * mention of `kind`. An exec loop: matchAll copies the regex on every call, and this runs per line.
 */
function addMatches(found: PersonMention[], used: Uint8Array, text: string, re: RegExp, kind: MentionKind, accept?: (name: string) => boolean): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const name = m[0];
    if (name.length === 0) re.lastIndex += 1;
    else if (!accept || accept(name)) addIfFree(found, used, plainMention(m.index, name, kind));
  }
}

/** A mention written as plain text (not a chip or an @mention). */
export function plainMention(start: number, name: string, kind: MentionKind): PersonMention {
  return { start, end: start + name.length, name, kind, explicit: false };
}

/** Whether no character in [s, e) belongs to a mention yet. */
function isFree(used: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (used[k]) return false;
  return true;
}

function addMention(found: PersonMention[], used: Uint8Array, m: PersonMention): void {
  found.push(m);
  used.fill(1, m.start, m.end);
}

function addIfFree(found: PersonMention[], used: Uint8Array, m: PersonMention): void {
  if (isFree(used, m.start, m.end)) addMention(found, used, m);
}

/** Titles a role ends with; every role scan needs one of them somewhere in the text. */
const ROLE_ENDINGS = '负责人|主管|经理|总监|组长|主任';
/** A role named on its own at a boundary: 法务负责人, 运营主管, 项目经理. */
const ROLE_RE = bothScripts(new RegExp(`${atBoundary(CONNECTIVES)}[\\u3400-\\u9fff]{2,4}?(?:${ROLE_ENDINGS})`, 'g'));
/** Teams named in English minutes: "Product delivers…", "Legal team to review…". */
const EN_TEAMS = 'Product|Engineering|Marketing|Finance|Legal|Sales|Support|Design|Operations|Ops|HR|IT|Procurement|Security|QA|Compliance|Facilities|Data|Platform';
const EN_DEPARTMENT_RE = new RegExp(
  `\\b(?:${EN_TEAMS}|Customer (?:Service|Success|Care)|Infra(?:structure)?)(?: (?:team|Team|department|Department|dept))?\\b(?=\\s+(?:to\\s+|will\\s+|shall\\s+|owns\\b|leads\\b|[a-z]+s\\b))`,
  'g',
);
const NOT_A_DEPARTMENT = bothScripts(/^[各本全该此新旧大小其他]/);
const SUFFIX_ONLY = bothScripts(new RegExp(`^${DEPARTMENT_SUFFIX}$`));
const NAME_AFTER_DEPARTMENT = /^ ?([\u3400-\u9fff]{2,3})/;
/** What each later scan needs somewhere in the text (a word every match contains): most texts skip most scans. */
const MAYBE_ROLE = bothScripts(new RegExp(ROLE_ENDINGS));
const MAYBE_EN_DEPARTMENT = /[A-Z]/;
const MAYBE_COLLECTIVE = /[大我全各]|all|every|we/i;
const MAYBE_UNDECIDED = /待定|未定|TBD/;
/** Cheap tests that let most clauses skip the department and group scans. */
const MAYBE_DEPARTMENT = bothScripts(new RegExp(`[部组中心办处室课科团队会]|${ROLE_ENDINGS}`));
const MAYBE_GROUP = bothScripts(new RegExp(`大家|我们|全[员体]|各|we\\b|all\\b|every|待定|未定|TBD|\\b(?:${EN_TEAMS}|Customer|Infra)\\b`, 'i'));

function atMention(text: string, pos: number, roster: Roster): Omit<PersonMention, 'start' | 'explicit'> | null {
  const r = roster.matchAt(text, pos);
  if (r) return { end: pos + r.text.length, name: r.text, kind: r.entry.kind };
  const handle = /^[A-Za-z][\w.-]*[A-Za-z0-9]|^[A-Za-z]/.exec(text.slice(pos));
  if (handle) {
    let name = handle[0];
    // "@Kevin Zhang": a capitalised given name followed by a capitalised family name.
    const family = /^ ([A-Z][A-Za-z'’-]*[a-z])(?![A-Za-z])/.exec(text.slice(pos + name.length));
    if (/^[A-Z][a-z]+$/.test(name) && family?.[1]) name += ` ${family[1]}`;
    return { end: pos + name.length, name, kind: isCollective(name) ? 'collective' : 'person' };
  }
  const cjk = /^[\u3400-\u9fff]{2,4}/.exec(text.slice(pos));
  if (cjk) {
    // "@采购部-胡斌": a department prefix before the name.
    let name = cjk[0];
    if (!looksLikeChineseName(name)) {
      for (let len = Math.min(4, name.length); len >= 2; len--) {
        if (looksLikeChineseName(name.slice(0, len))) {
          name = name.slice(0, len);
          break;
        }
      }
    }
    return { end: pos + name.length, name, kind: 'person' };
  }
  return null;
}

/** Turn a mention into a Person for an item. */
export function toPerson(m: PersonMention): Person {
  return m.person ? { ...m.person, name: m.person.name || m.name } : { name: m.name };
}

/** Whether a whole owner cell / label says "nobody yet". */
export function isNoOwnerText(text: string): boolean {
  return isUndecided(text) || text.trim() === '';
}
