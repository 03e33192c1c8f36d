/** Numbers as written in date phrases: ASCII digits, Chinese numerals (二十一, 两, 〇), English words. */

const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Chinese numerals as they are written in dates (regex class content; no 廿/卅). */
export const CN_NUMERALS = '〇零一二两三四五六七八九十';
const CN_ONE_TO_NINE = '[一二三四五六七八九]';

/** Regex source for a number of up to three digits or Chinese numerals (no capture group). */
export const NUM = `(?:\\d{1,3}|[${CN_NUMERALS}廿卅]{1,4})`;
/** Regex source for a month number, Arabic or Chinese (longest alternatives first; no capture group). */
export const MONTH_NUM = `(?:1[0-2]|0?[1-9]|十[一二]?|${CN_ONE_TO_NINE})`;
/** Regex source for a day of the month, Arabic or Chinese: 20, 二十, 廿三, 卅一 (no capture group). */
export const DAY_NUM = `(?:3[01]|[12]\\d|0?[1-9]|(?:[二三]?十|廿)${CN_ONE_TO_NINE}?|卅一?|${CN_ONE_TO_NINE})`;

/** 十/百 multiply the digit before them (none: 1); 廿/卅 are 20/30 on their own. */
const CN_MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100 };
const CN_TENS: Readonly<Record<string, number>> = { 廿: 20, 卅: 30 };

/** Chinese numerals below 1000: 十 → 10, 二十一 → 21, 廿三 → 23, 一〇 → 10, 二〇二五 → 2025, 两 → 2. */
export function parseChineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  // With 十/百/廿/卅 a digit multiplies the unit after it (二十一); without, digits are read one by one (二〇二五).
  const hasUnits = /[十百廿卅]/.test(s);
  let total = 0;
  let current = 0;
  for (const ch of s) {
    const digit = CN_DIGITS[ch];
    const multiplier = CN_MULTIPLIERS[ch];
    if (digit !== undefined) current = hasUnits ? digit : current * 10 + digit;
    else if (multiplier !== undefined) {
      total += (current || 1) * multiplier;
      current = 0;
    } else if (CN_TENS[ch] !== undefined) total += CN_TENS[ch];
    else return null;
  }
  return total + current;
}

/** English count words (an before a, as the regex tries them in this order). */
const EN_COUNTS: Readonly<Record<string, number>> = {
  an: 1, a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30,
};
/** The count phrases the rules match besides the count words. */
const EN_PHRASES: Readonly<Record<string, number>> = { 'a couple of': 2, 'a few': 3, 'half a': 0.5, 'half an': 0.5 };

/** Regex source for an English count: digits or a number word. */
export const EN_NUM = `(?:\\d{1,3}|${Object.keys(EN_COUNTS).join('|')})`;

/** Regex source for a count before a unit: a number or 半 (half), as one capture group. */
export const ZH_COUNT = `(${NUM}|半)`;

/** Digits, Chinese numerals, 半 (½), English number words or phrases (a couple of, a few, half an) → number; null when unreadable. */
export function parseNumber(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  if (t === '半') return 0.5;
  if (/^\d+$/.test(t)) return Number(t);
  const words = t.toLowerCase().replace(/\s+/g, ' ');
  const en = EN_COUNTS[words] ?? EN_PHRASES[words];
  if (en !== undefined) return en;
  return parseChineseNumber(t);
}
