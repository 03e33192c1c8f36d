import { EN_NUM, parseNumber } from '../numerals';
import { ZH_SPAN, unitOf } from '../offset';
import type { Scan } from '../token';
import { eachMatch, pushMatch } from '../token';

/**
 * Phrases counted back from a date written earlier in the same text: "closes June 30, 我会提前两天发" (06-28),
 * "6 月 1 日起生效，必须在那之前完成" (06-01), "two days before that", "by then". The rule only marks them
 * (`back`); the scanner resolves them against the date before them, or drops them when there is none.
 */

const ZH_AHEAD = new RegExp(`提前\\s*${ZH_SPAN}|(?:在\\s*)?[那此这]\\s*[之以]前`, 'g');
const EN_AHEAD = new RegExp(
  `\\b(?:(${EN_NUM})\\s+(business\\s+|working\\s+)?(days?|weeks?)\\s+(?:before\\s+(?:that|then)|prior\\s+to\\s+that|earlier|ahead|in\\s+advance)|(?:before|by)\\s+then)\\b`,
  'gi',
);

/** What every match of the patterns holds, as a cheap first test. */
const ZH_AHEAD_HINT = /提前|[之以]前/;
const EN_AHEAD_HINT = /then|that|earlier|ahead|advance/;

export function anaphora(scan: Scan): void {
  const { text } = scan;
  if (ZH_AHEAD_HINT.test(text)) {
    eachMatch(ZH_AHEAD, text, (m) => {
      const n = m[1] === undefined ? 0 : parseNumber(m[1]);
      if (n === null) return;
      pushMatch(scan, m, 'date', { back: { n, unit: unitOf(m[2] ?? '') }, deadline: true });
    });
  }
  if (scan.latin && EN_AHEAD_HINT.test(text)) {
    eachMatch(EN_AHEAD, text, (m) => {
      const n = m[1] === undefined ? 0 : parseNumber(m[1]);
      if (n === null) return;
      pushMatch(scan, m, 'date', { back: { n, unit: unitOf(m[3] ?? '', m[2]) }, deadline: true });
    });
  }
}
