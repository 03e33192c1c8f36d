import type { IsoDate } from './types';

/**
 * Calendar arithmetic on plain YYYY-MM-DD strings. Everything goes through day numbers computed with
 * Date.UTC, so the answers never depend on the host's time zone (Node, browser, Apps Script).
 */

const MS_PER_DAY = 86_400_000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Two digits: 7 → '07'. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** YYYY-MM-DD from parts; no validation (see isValidYmd). */
export function toIso(y: number, m: number, d: number): IsoDate {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function parseIso(iso: IsoDate): Ymd {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const { y, m, d } = parseIso(value);
  return isValidYmd(y, m, d);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month m (1–12) of year y. */
export function daysInMonth(y: number, m: number): number {
  // Leap years: every 4th, except centuries not divisible by 400.
  return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The last day converted: almost every call is for the meeting date (addDays, mondayOf, diffDays from it). */
let lastIso = '';
let lastDay = 0;

/** Days since 1970-01-01. */
export function dayNumber(iso: IsoDate): number {
  if (iso !== lastIso) {
    const { y, m, d } = parseIso(iso);
    lastDay = Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
    lastIso = iso;
  }
  return lastDay;
}

export function fromDayNumber(n: number): IsoDate {
  const date = new Date(n * MS_PER_DAY);
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

/** b − a in days. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday of a day number: Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday). */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function weekday(iso: IsoDate): number {
  return weekdayOf(dayNumber(iso));
}

/** The Monday of the (Monday–Sunday) week holding iso. */
export function mondayOf(iso: IsoDate): IsoDate {
  return addDays(iso, 1 - weekday(iso));
}

/** The last day of iso's month. */
export function lastDayOfMonth(iso: IsoDate): IsoDate {
  const { y, m } = parseIso(iso);
  return toIso(y, m, daysInMonth(y, m));
}

/** Same day n months later (or earlier), clamped to the month's last day (01-31 + 1 month → 02-28). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const { y, m, d } = parseIso(iso);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return toIso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The first day of the month `months` after iso's month (0 = iso's own month). */
export function monthStart(iso: IsoDate, months = 0): IsoDate {
  return addMonths(`${iso.slice(0, 8)}01`, months);
}

/**
 * The n-th Monday–Friday day after iso (n ≥ 1), or before it (n ≤ −1); holidays are ignored; n = 0 returns
 * iso. Counting starts the day after iso: 3 business days from a Thursday is the next Tuesday.
 */
export function addBusinessDays(iso: IsoDate, n: number): IsoDate {
  let day = dayNumber(iso);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(Math.trunc(n));
  while (left > 0) {
    day += step;
    if (weekdayOf(day) <= 5) left -= 1;
  }
  return fromDayNumber(day);
}

/** -1, 0 or 1, like a sort comparator. */
export function compare(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Last day of the quarter (1–4) of year y. */
export function quarterEnd(y: number, quarter: number): IsoDate {
  const m = quarter * 3;
  return toIso(y, m, daysInMonth(y, m));
}

/** Quarter 1–4 holding month m. */
export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/**
 * The n-th (1-based; −1 for the last) given ISO weekday of a month, e.g. the 4th Thursday of November;
 * null when the month has no such day (a fifth Monday).
 */
export function nthWeekdayOfMonth(y: number, m: number, isoWeekday: number, n: number): IsoDate | null {
  if (n === -1) {
    const last = toIso(y, m, daysInMonth(y, m));
    return addDays(last, -((weekday(last) - isoWeekday + 7) % 7));
  }
  const day = 1 + ((isoWeekday - weekday(toIso(y, m, 1)) + 7) % 7) + (n - 1) * 7;
  return day <= daysInMonth(y, m) ? toIso(y, m, day) : null;
}
