import { addBusinessDays } from '../calendar';
import { EN_NUM, NUM, parseNumber } from '../numerals';
import type { Scan } from '../token';
import { eachMatch, pushMatch } from '../token';

/**
 * Working days: N个工作日(内) / N個工作天 / N business days / within 5 working days → the N-th Monday–Friday
 * day after the meeting (holidays ignored, so 3 working days from 2025-12-29 is 2026-01-01).
 */

const ZH_BUSINESS = new RegExp(`(?<![\\d.第])(${NUM})\\s*个?\\s*工作[日天]\\s*([之以]?[内后])?`, 'g');
const EN_BUSINESS = new RegExp(`\\b(?:(in|within)\\s+)?(${EN_NUM})\\s+(?:business|working|work)\\s+days?\\b`, 'gi');

/** What every English match holds, as a cheap first test. */
const EN_BUSINESS_HINT = /\b(?:business|working|work)\s+day/i;

/** The count'th working day after the meeting; `within` (以内, within) makes it a deadline. */
function pushBusinessDays(scan: Scan, m: RegExpExecArray, count: string, within: boolean): void {
  const n = parseNumber(count);
  if (n === null || n <= 0 || n > 366) return;
  pushMatch(scan, m, 'date', { date: addBusinessDays(scan.meeting, n), deadline: within, span: { n, unit: 'business' } });
}

export function businessDays(scan: Scan): void {
  const { text } = scan;
  if (text.includes('工作')) {
    eachMatch(ZH_BUSINESS, text, (m) => pushBusinessDays(scan, m, m[1]!, m[2] !== undefined && m[2].endsWith('内')));
  }
  if (scan.latin && EN_BUSINESS_HINT.test(text)) {
    eachMatch(EN_BUSINESS, text, (m) => pushBusinessDays(scan, m, m[2]!, m[1]?.toLowerCase() === 'within'));
  }
}
