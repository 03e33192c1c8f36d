import type { ItemWarning } from '../model/items';
import { parseIso, weekday } from './calendar';
import { LATIN, charGroups } from './charGroups';
import type { Span } from './offset';
import type { DateContext, IsoDate } from './types';

/** What a rule recognised; decides how tokens merge with their neighbours. */
export type TokenKind =
  | 'date' // a calendar date (explicit or relative)
  | 'weekday' // 周五 / Friday: yields to an explicit date written next to it
  | 'time' // 10:00 / 下午3点 / EOD / 下班前
  | 'vague' // 尽快 / TBD
  | 'event' // 上线前 / before launch
  | 'range'; // 6月3日至6月5日

/** A candidate phrase found by one rule family, before overlaps are resolved and neighbours merged. */
export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
  date: IsoDate | null;
  time: string | null;
  deadline: boolean;
  vague: boolean;
  event?: string;
  rangeStart?: IsoDate;
  rangeEnd?: IsoDate;
  warnings: ItemWarning[];
  /** A date written out in full (2025-06-20, 6月20日, June 20): beats a weekday next to it. */
  explicit?: boolean;
  /** A time of day that only counts next to a date (两点, 10:00 without 前). */
  weak?: boolean;
  /** 今晚/明晚: a bare hour after it is p.m. */
  daypart?: 'am' | 'pm';
  /** The weekday a weekday token names (Monday = 1), to check it against an explicit date beside it. */
  weekdayNumber?: number;
  /** A time written as a bare hour (10点, 9:30) that 今晚/明晚 turns into p.m. */
  bareHour?: boolean;
  /** A bare 1–6 o'clock read as p.m.; 明早/今早 beside it turns it back to a.m. */
  assumedPm?: boolean;
  /** A duration counted from the meeting (3 天内, 2 个工作日内, within 2 days): an event clause before it may own it. */
  span?: Span;
  /** 提前两天 / 在那之前: counted back from the date written before it in the same text. */
  back?: Span;
  /** Higher wins between tokens of equal length; createToken makes it 2 unless the rule says otherwise. */
  priority: number;
}

/** The text being scanned plus the meeting date broken into parts; rules push tokens into `tokens`. */
export interface Scan {
  /** Normalised text (same length as the original). */
  readonly text: string;
  readonly meeting: IsoDate;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Meeting weekday, Monday = 1 … Sunday = 7. */
  readonly wd: number;
  readonly events: Readonly<Record<string, IsoDate>> | undefined;
  /**
   * The text holds a Latin letter. Without one no English pattern can match, and its cheap test is skipped
   * too: most Chinese lines have none. (Normalised text, so full-width letters are ASCII already.)
   */
  readonly latin: boolean;
  /** The character groups the text holds (see charGroups): a rule family's cheap first test. */
  readonly chars: number;
  readonly tokens: Token[];
}

/** The last meeting date broken into parts: one entry, since a document is scanned line by line. */
let lastMeeting: { iso: IsoDate; y: number; m: number; d: number; wd: number } | null = null;

function meetingParts(iso: IsoDate): { y: number; m: number; d: number; wd: number } {
  if (lastMeeting === null || lastMeeting.iso !== iso) lastMeeting = { iso, ...parseIso(iso), wd: weekday(iso) };
  return lastMeeting;
}

export function createScan(text: string, ctx: DateContext): Scan {
  const { y, m, d, wd } = meetingParts(ctx.meetingDate);
  const chars = charGroups(text);
  return {
    text,
    meeting: ctx.meetingDate,
    year: y,
    month: m,
    day: d,
    wd,
    events: ctx.events,
    latin: (chars & LATIN) !== 0,
    chars,
    tokens: [],
  };
}

type TokenFields = Partial<Omit<Token, 'start' | 'end' | 'kind'>>;

/**
 * Every token is created with every field, in one order, so all tokens share one object shape and the
 * scanner's property reads stay monomorphic (measurably faster than tokens of a dozen shapes).
 */
export function createToken(start: number, end: number, kind: TokenKind, fields: TokenFields = {}): Token {
  const token: Token = {
    start,
    end,
    kind,
    date: null,
    time: null,
    deadline: false,
    vague: false,
    warnings: [],
    event: undefined,
    rangeStart: undefined,
    rangeEnd: undefined,
    explicit: undefined,
    weak: undefined,
    daypart: undefined,
    weekdayNumber: undefined,
    bareHour: undefined,
    assumedPm: undefined,
    span: undefined,
    back: undefined,
    priority: 2,
  };
  return Object.assign(token, fields);
}

export function pushToken(scan: Scan, start: number, end: number, kind: TokenKind, fields: TokenFields = {}): void {
  scan.tokens.push(createToken(start, end, kind, fields));
}

/** pushToken for the span of a regex match. */
export function pushMatch(scan: Scan, m: RegExpExecArray, kind: TokenKind, fields: TokenFields = {}): void {
  pushToken(scan, m.index, matchEnd(m), kind, fields);
}

/** A date written out in full (2025-06-20, 6月20日, June 20, the first Monday of July). */
export const EXPLICIT = { explicit: true, priority: 3 } as const;

/** Where a regex match ends in the text. */
export function matchEnd(m: RegExpExecArray): number {
  return m.index + m[0].length;
}

/** The phrase at start–end is the whole text but for spaces: a table cell holding just this phrase. */
export function isWholeText(text: string, start: number, end: number): boolean {
  return text.trim() === text.slice(start, end);
}

/** Up to `length` characters of `text` right before `start`. */
export function textBefore(text: string, start: number, length: number): string {
  return text.slice(Math.max(0, start - length), start);
}

/** A rule family: scans the whole text and pushes what it finds. */
export type Rule = (scan: Scan) => void;

/** Run a global regex over the scan's text and call back for each match. */
export function eachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    fn(m);
    if (m[0].length === 0) re.lastIndex += 1;
  }
}
