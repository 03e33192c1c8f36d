import { EVENT_EN_SOURCE, EVENT_ZH_SOURCE, ZH_END_SOURCE } from './eventWords';
import { TRADITIONAL, normalizeText } from './normalize';
import { CN_NUMERALS } from './numerals';
import { EN_HOLIDAY_SOURCE, ZH_HOLIDAY_SOURCE } from './rules/holidays';
import { MONTH_ABBREVIATIONS } from './rules/monthNames';
import { EN_DAY_WORD_SOURCE } from './rules/relativeDays';
import { EN_VAGUE_HINT, ZH_VAGUE_HINT } from './rules/vague';
import { EN_WEEKDAY_ABBREVIATIONS } from './rules/weekdays';

/**
 * A cheap first test: can this text hold a date phrase at all? Most lines of minutes cannot, and must cost
 * one regex test. The trigger is written for Simplified text and ASCII digits; text holding Traditional
 * characters or full-width digits is normalised and tested again.
 */

/** A digit counts only beside something that can make it a date or a time (so "8000 台", "45 万元" stay out). */
const DIGITS =
  '\\d\\s*(?:[年月日号点时天周个小工季:/.\\-Q：／．－]|st\\b|nd\\b|rd\\b|th\\b|[ap]\\.?m(?![a-z]))|[:/.\\-：／．－]\\s*\\d|Q\\s*[1-4]|周\\d';

const ZH =
  `${DIGITS}|` +
  `[${CN_NUMERALS}廿卅半]\\s*[月日号天周个点时小]|周[一二三四五六日天末内]|[本这下上][个]?周|星期|礼拜|` +
  '今[天日晚早夜明]|明[天日早晚儿年]|后天|昨[天日]|前天|当[天日月]|月[底末初中内]|[上中下]旬|季度|年[底末内中初]|' +
  '[本这下次上当]个?月|工作[日天]|下班|中午|[上下]午|晚上|早上|凌晨|傍晚|' +
  `${ZH_VAGUE_HINT}|${ZH_HOLIDAY_SOURCE}|` +
  // The marker first, then a look back for the event word: much cheaper than trying every word everywhere.
  `[前后当](?<=(?:${EVENT_ZH_SOURCE})(?:${ZH_END_SOURCE})?日?\\s*(?:之|以)?.)`;

const EN =
  `\\b(?:${MONTH_ABBREVIATIONS}|${EN_WEEKDAY_ABBREVIATIONS}|${EN_VAGUE_HINT}|${EN_HOLIDAY_SOURCE}|${EN_DAY_WORD_SOURCE}|` +
  'week|month|quarter|year|eo[dwmyqb]|cob|noon|midday|end\\s+of|close\\s+of|fortnight|days?|hours?|the\\s+\\d)' +
  `|\\b(?:before|after|prior\\s+to|ahead\\s+of|until|till|by|on|of)\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,2}${EVENT_EN_SOURCE}\\b`;

const TRIGGER = new RegExp(`${ZH}|${EN}`, 'i');

/** Characters that normalisation changes and that can matter: Traditional forms and full-width digits/letters. */
const NEEDS_NORMALIZING = new RegExp(`[\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a${TRADITIONAL}]`);

/** True when the text may hold a date phrase; false means findDates can return [] at once. */
export function mayHoldDate(text: string): boolean {
  if (TRIGGER.test(text)) return true;
  return NEEDS_NORMALIZING.test(text) && TRIGGER.test(normalizeText(text));
}
