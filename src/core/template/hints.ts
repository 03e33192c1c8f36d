import type { TemplateLang } from './types';

/** zh 如/例如/比如 + a colon or an opening quote; en e.g./eg/for example. */
const HINT_LEAD_ZH = /^\((?:如|例如|比如|示例)\s*[:“”"'‘’「『]/u;
const HINT_LEAD_EN = /^\((?:e\.?\s?g\.?|for example|example)[\s,:.]/iu;

/** Wrap a hint the way the template writes it: （如：…） in Chinese, (e.g. …) in English. */
export function hint(text: string, lang: TemplateLang): string {
  return lang === 'zh' ? `（如：${text}）` : `(e.g. ${text})`;
}

/**
 * True when the whole text is a template hint: （如：…）, the guide's own （如“…”）, or (e.g. …).
 * A cell whose hint was kept but followed by real text is not a hint, so it is still read.
 */
export function isTemplateHint(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (t.length < 4 || !t.endsWith(')')) return false;
  if (!HINT_LEAD_ZH.test(t) && !HINT_LEAD_EN.test(t)) return false;
  return closingParenIndex(t) === t.length - 1;
}

/** Index of the parenthesis closing the one at index 0, or -1. */
function closingParenIndex(t: string): number {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
