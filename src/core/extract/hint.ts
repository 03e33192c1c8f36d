import { isTemplateHint } from '../template/index';

/**
 * isTemplateHint, with a cheap look first: it NFKC-normalises the whole text, yet a hint starts with "(" and
 * ends with ")" once normalised. A character NFKC leaves alone and no neighbour composes into a bracket
 * (ASCII, a CJK ideograph, 。) at either end rules a hint out, which is nearly every line of minutes.
 */
export function isHintText(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  const first = t.charCodeAt(0);
  const last = t.charCodeAt(t.length - 1);
  if ((stable(first) && first !== OPEN) || (stable(last) && last !== CLOSE)) return false;
  return isTemplateHint(text);
}

const OPEN = 0x28;
const CLOSE = 0x29;
const IDEOGRAPHIC_FULL_STOP = 0x3002;

function stable(code: number): boolean {
  return code < 0x80 || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || code === IDEOGRAPHIC_FULL_STOP;
}
