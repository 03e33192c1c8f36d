import { CliError } from './errors';

/** A real calendar date written as YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY-MM-DD of a moment in the machine's local time zone. */
export function localIsoDate(date: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** Today for the extractor: MINUTES_TODAY when set (tests), else the local clock. */
export function today(env: Readonly<Record<string, string | undefined>>, now: Date): string {
  const override = env['MINUTES_TODAY'];
  if (override !== undefined && override !== '') {
    if (!isIsoDate(override)) throw new CliError(`invalid MINUTES_TODAY '${override}' (expected YYYY-MM-DD)`);
    return override;
  }
  return localIsoDate(now);
}

/** Validate a --date value. */
export function meetingDateOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new CliError(`invalid date '${value}' (expected a real date as YYYY-MM-DD)`);
  return value;
}
