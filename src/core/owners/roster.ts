import { CJK_DOUBLE_SURNAMES, CJK_SURNAMES, DEPARTMENT_SUFFIX, NOT_NAMES, ROLE_TITLES } from './vocabulary';
import { isCollective } from './classify';
import { bothScripts } from '../text/traditional';

/** Someone (or some unit) listed in 参与部门及人员 / 主持人/记录人 / 参会. */
export interface RosterEntry {
  /** The person's name, or the department's name for a unit. */
  name: string;
  kind: 'person' | 'department';
  department?: string;
}

const DEPT_AT_END = bothScripts(new RegExp(`${DEPARTMENT_SUFFIX}$`));
const PARENS = /^(.*?)[（(]([^（）()]*)[）)](.*)$/;
const STATUS_WORDS = bothScripts(/(?:（[^）]*(?:请假|缺席|主持|记录|牵头)[^）]*）|\((?:[^)]*)\)|缺席|列席|请假)$/);
const CJK = '\\u3400-\\u9fff';

/** Split on list separators that are not inside parentheses. */
export function splitTopLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth === 0 && separators.test(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Parse a participants value: "产品部（周婷、陈思远）、市场部 林小雨", "Priya (Marketing), Daniel", "@江涛 @采购部-胡斌". */
export function parseRosterField(value: string): RosterEntry[] {
  const text = value.replace(/[\u200b\ufeff]/g, '').trim();
  if (!text) return [];
  const atCount = (text.match(/@/g) ?? []).length;
  const pieces = atCount >= 2 ? text.split('@').map((p) => p.trim().replace(/[,，、;；]+$/, '')).filter(Boolean) : splitTopLevel(text, LIST_SEPARATORS);
  return dedupe(pieces.flatMap((piece) => parsePiece(piece, undefined)));
}

const LIST_SEPARATORS = /[、，,;；]/;
/** Two or three CJK characters and nothing else: a name in a list of names. */
const SHORT_CJK_NAME = /^[\u3400-\u9fff]{2,3}$/;

function departmentEntry(name: string): RosterEntry {
  return { name, kind: 'department' };
}

function personEntry(name: string, department: string | undefined): RosterEntry {
  return department ? { name, kind: 'person', department } : { name, kind: 'person' };
}

/** Whether the text ends with a department suffix once its spaces are dropped ("IT 部"). */
function isDepartmentName(text: string): boolean {
  return DEPT_AT_END.test(text.replace(/\s+/g, ''));
}

function parsePiece(raw: string, inheritedDept: string | undefined): RosterEntry[] {
  let piece = raw.trim().replace(/^[@＠]/, '');
  // "财务部：刘敏" — a department label before a name.
  const labelled = /^([^：:]{1,12})[：:](.+)$/.exec(piece);
  const label = labelled?.[1]!.trim();
  if (label && DEPT_AT_END.test(label)) return [departmentEntry(label), ...parsePiece(labelled![2]!, label)];
  const paren = PARENS.exec(piece);
  if (paren) {
    const before = paren[1]!.trim();
    const inside = paren[2]!.trim();
    const after = paren[3]!.trim();
    if (before && DEPT_AT_END.test(before) && looksLikeNameList(inside)) {
      const names = splitTopLevel(inside, LIST_SEPARATORS).flatMap((p) => (SHORT_CJK_NAME.test(p) ? [personEntry(p, before)] : parsePiece(p, before)));
      return [departmentEntry(before), ...names];
    }
    if (/^[A-Za-z]/.test(before) && !/[\u3400-\u9fff]/.test(inside) && after === '') {
      // "Priya (Marketing)": the parentheses hold a team or role.
      return parsePiece(before, inside);
    }
    piece = `${before}${after ? ` ${after}` : ''}`.trim();
  }
  piece = piece.replace(STATUS_WORDS, '').trim();
  // "外部顾问 2 人", "若干同事": a group of unnamed people.
  if (/\d+\s*(?:人|位)$|若干|同事们?$/.test(piece)) return [];
  if (!piece || isCollective(piece)) return [];
  const dash = /^(.+?)[-－–](.+)$/.exec(piece);
  const dashDept = dash?.[1]!.trim();
  if (dashDept && DEPT_AT_END.test(dashDept)) return [personEntry(dash![2]!.trim(), dashDept)];
  const person = trailingPersonName(piece);
  if (person) {
    const dept = piece.slice(0, piece.length - person.length).trim();
    return dept && isDepartmentName(dept) ? [departmentEntry(dept), personEntry(person, dept)] : [personEntry(person, inheritedDept)];
  }
  if (isDepartmentName(piece) || ROLE_TITLES.some((t) => piece.endsWith(t))) return [departmentEntry(piece)];
  return [];
}

function looksLikeNameList(inside: string): boolean {
  return splitTopLevel(inside, LIST_SEPARATORS).every((p) => trailingPersonName(p) !== null || /^[A-Z]/.test(p) || SHORT_CJK_NAME.test(p));
}

const MIXED_NAME_AT_END = new RegExp(`([A-Z][A-Za-z'’-]+ [${CJK}])$`);
const CJK_NAME_AT_END = new RegExp(`(?:^|\\s)([${CJK}]{2,4})$`);

/** The person's name at the end of a roster piece: "客服中心 韩梅" → 韩梅, "Amazon 运营 Sandy 付" → "Sandy 付". */
export function trailingPersonName(piece: string): string | null {
  const text = piece.trim();
  const mixed = MIXED_NAME_AT_END.exec(text);
  if (mixed?.[1]) return mixed[1];
  const latin = /(?:^|[\s\u3400-\u9fff])([A-Z][a-z][A-Za-z'’-]*(?: [A-Z][a-z][A-Za-z'’-]*)?)$/.exec(text);
  if (latin?.[1]) return latin[1];
  const handle = /^([a-z][\w.-]*[a-z0-9])$/i.exec(text);
  if (handle?.[1] && /[._-]/.test(handle[1])) return handle[1];
  const cjkTail = CJK_NAME_AT_END.exec(text);
  const name = cjkTail?.[1];
  if (name && !DEPT_AT_END.test(name) && !ROLE_TITLES.some((t) => name.endsWith(t)) && !NOT_NAMES.has(name)) {
    // A piece that is only Chinese characters must read as a name; after a department anything goes (许可).
    if (name.length < text.length || looksLikeChineseName(name)) return name;
  }
  return null;
}

/** Whether a bare CJK string reads as a personal name (surname + 1–2 characters). */
export function looksLikeChineseName(text: string): boolean {
  if (NOT_NAMES.has(text)) return false;
  if (CJK_DOUBLE_SURNAMES.some((s) => text.startsWith(s))) return text.length >= 3 && text.length <= 4;
  return text.length >= 2 && text.length <= 3 && CJK_SURNAMES.includes(text[0] ?? '');
}

function dedupe(entries: RosterEntry[]): RosterEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.kind}:${e.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The roster as a matcher: longest name (or alias) starting at a position. */
export class Roster {
  /** Keyed by the first character's code: no one-character string per position scanned. */
  private readonly byFirstChar = new Map<number | string, { text: string; lower: string; latin: boolean; entry: RosterEntry }[]>();
  /** 1 where some name starts with that character: most positions are rejected without a map lookup. */
  private readonly firstCodes = new Uint8Array(0x10000);
  readonly entries: RosterEntry[];

  constructor(entries: readonly RosterEntry[]) {
    this.entries = dedupe([...entries]);
    for (const entry of this.entries) {
      for (const alias of aliasesOf(entry)) this.add(alias, entry);
    }
    for (const list of new Set(this.byFirstChar.values())) list.sort((a, b) => b.text.length - a.text.length);
  }

  private add(text: string, entry: RosterEntry): void {
    const first = text[0] ?? '';
    // Filed under both cases of the first letter, so matching needs no case folding per character.
    const lower = charKey(first.toLowerCase());
    const list = this.byFirstChar.get(lower) ?? [];
    if (!list.some((x) => x.text === text)) list.push({ text, lower: text.toLowerCase(), latin: /^[A-Za-z]/.test(text), entry });
    for (const key of [lower, charKey(first.toUpperCase())]) {
      this.byFirstChar.set(key, list);
      if (typeof key === 'number') this.firstCodes[key] = 1;
    }
  }

  /** The longest roster name written at `pos` in `text`, as written there. */
  matchAt(text: string, pos: number): { text: string; entry: RosterEntry } | null {
    if (pos < 0 || pos >= text.length) return null;
    const code = text.charCodeAt(pos);
    if (this.firstCodes[code] === 0) return null;
    const list = this.byFirstChar.get(code);
    if (!list) return null;
    for (const candidate of list) {
      const latin = candidate.latin;
      if (!latin) {
        if (text.startsWith(candidate.text, pos)) return { text: candidate.text, entry: candidate.entry };
        continue;
      }
      if (!readsAsLowered(text, pos, candidate)) continue;
      const end = pos + candidate.text.length;
      // Latin names stand as whole words: "Sam" is not in "Samsung".
      if (isAsciiAlphanumeric(text.charCodeAt(pos - 1)) || isAsciiAlphanumeric(text.charCodeAt(end))) continue;
      return { text: text.slice(pos, end), entry: candidate.entry };
    }
    return null;
  }

  has(name: string): boolean {
    const m = this.matchAt(name, 0);
    return m !== null && m.text.length === name.length;
  }

  get persons(): string[] {
    return this.entries.filter((e) => e.kind === 'person').map((e) => e.name);
  }
}

/**
 * Whether the text from `pos`, lowercased, reads as a name's lowercased form: slice(…).toLowerCase() compared, but
 * by code while the text is ASCII (lowercasing ASCII goes letter by letter and keeps the length), so most
 * positions are rejected without a slice and a lowercased copy.
 */
function readsAsLowered(text: string, pos: number, name: { text: string; lower: string }): boolean {
  const length = name.text.length;
  if (name.lower.length === length) {
    let i = 0;
    for (; i < length; i++) {
      const code = text.charCodeAt(pos + i);
      if (code >= 0x80) break;
      // NaN, past the end of the text, equals nothing.
      if ((code >= 0x41 && code <= 0x5a ? code + 0x20 : code) !== name.lower.charCodeAt(i)) return false;
    }
    if (i === length) return true;
  }
  return text.slice(pos, pos + length).toLowerCase() === name.lower;
}

/** [A-Za-z0-9], by code (NaN, before or past a text, is none). */
function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

/** One UTF-16 unit keys by its code; anything else (a case mapping that grows) can never match one unit. */
function charKey(s: string): number | string {
  return s.length === 1 ? s.charCodeAt(0) : s;
}

/** Names people are called by in the text: the full name, a Latin first name, a Chinese given name. */
function aliasesOf(entry: RosterEntry): string[] {
  const out = [entry.name];
  if (entry.kind === 'department') {
    const compact = entry.name.replace(/\s+/g, '');
    if (compact !== entry.name) out.push(compact);
    return out;
  }
  const latinFirst = /^([A-Z][a-z][A-Za-z'’-]+) [A-Z\u3400-\u9fff]/.exec(entry.name);
  if (latinFirst?.[1]) out.push(latinFirst[1]);
  if (/^[\u3400-\u9fff]{3}$/.test(entry.name) && !CJK_DOUBLE_SURNAMES.some((s) => entry.name.startsWith(s))) {
    out.push(entry.name.slice(1));
  }
  return out;
}
