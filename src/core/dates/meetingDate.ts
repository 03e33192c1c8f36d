import { normalizeText } from './normalize';
import { fullDate } from './resolve';
import { readWrittenDates } from './rules/explicit';
import { readNamedDates } from './rules/monthNames';
import type { IsoDate } from './types';

/**
 * The meeting date from a 沟通时间/日期/Date field value: "2025年6月11日 14:00-15:30", "2025-03-18（周二）",
 * "2025/07/08", "2025.4.22", "114 年 12 月 29 日（一）", "June 3, 2025", "Tue Apr 15, 2025", "30 Oct 2025".
 * A date without a year ("4月9日 上午 9:30", "08/12") takes fallbackYear when given, else null.
 * The first date in the text wins.
 */
export function parseMeetingDate(text: string, fallbackYear?: number): IsoDate | null {
  if (text.trim() === '') return null;
  const normalized = normalizeText(text);
  // 今年/明年 need a year to be relative to; without one they resolve to NaN and are skipped.
  const year = fallbackYear ?? Number.NaN;
  const written = [...readWrittenDates(normalized, year), ...readNamedDates(normalized)]
    .filter((w) => !w.dotted)
    .sort((a, b) => a.start - b.start);
  for (const w of written) {
    const y = w.y ?? fallbackYear;
    const date = y === undefined ? null : fullDate(y, w.m, w.d);
    if (date !== null) return date;
  }
  return null;
}
