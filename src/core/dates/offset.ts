import { addBusinessDays, addDays, addMonths } from './calendar';
import { ZH_COUNT } from './numerals';
import type { IsoDate } from './types';

/** A duration counted from some day: 3 天, 2 个工作日, 48 小时, two weeks, a month. */
export type Unit = 'day' | 'business' | 'week' | 'month' | 'hour';

export interface Span {
  n: number;
  unit: Unit;
}

/** Regex source for a Chinese duration counted from something: 两天, 3 个工作日, 半个月, 48 小时 (count, unit). */
export const ZH_SPAN = `${ZH_COUNT}\\s*个?\\s*(个工作日|工作[日天]|[天日周月]|星期|礼拜|小时)`;

/**
 * The day `n` units after (sign 1) or before (sign −1) `base`. Hours round up to whole days (48 小时内 →
 * 2 days, 2 小时内 → the same day); half a month is 15 days; other fractions have no day.
 */
export function offsetDate(base: IsoDate, sign: number, n: number, unit: Unit): IsoDate | null {
  if (unit === 'hour') return addDays(base, sign * (n < 24 ? 0 : Math.ceil(n / 24)));
  if (unit === 'month') return n === 0.5 ? addDays(base, sign * 15) : Number.isInteger(n) ? addMonths(base, sign * n) : null;
  if (!Number.isInteger(n)) return null;
  if (unit === 'business') return addBusinessDays(base, sign * n);
  return addDays(base, sign * n * (unit === 'week' ? 7 : 1));
}

/** The unit of a Chinese or English unit word: 个工作日/工作天/天/日/周/星期/礼拜/月/小时, days/weeks/… */
export function unitOf(word: string, business?: string): Unit {
  if ((business !== undefined && business.trim() !== '') || word.includes('工作')) return 'business';
  if (/^(?:周|星期|礼拜|week)/i.test(word)) return 'week';
  if (/^(?:个?月|month)/i.test(word)) return 'month';
  if (/^(?:小时|钟头|hour)/i.test(word)) return 'hour';
  return 'day';
}
