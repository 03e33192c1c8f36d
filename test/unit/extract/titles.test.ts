import { describe, expect, it } from 'vitest';
import { cleanTitle, splitClauses } from '../../../src/core/extract/clauses';

/** cleanTitle's rules applied one after another, without its short cuts: what every title must come out as. */
function cleanTitleByRules(title: string): string {
  return title
    .replace(/^\s*(?:我们?这边|我來|我来|我会|我會|我先|我們|我们|我|I'll\b|I will\b|I\b(?!['’]))\s*(?=\S)/, '')
    .replace(/\s+/g, ' ')
    .replace(/（\s*[，,、]?\s*）|\(\s*[,]?\s*\)/g, '')
    .replace(/\s*[—–]{1,2}\s*(?=[，,；;]|$)/g, '')
    .replace(/[，,、]\s*[，,、]/g, '，')
    .replace(/\s+(?=[,，;；])/g, '')
    .replace(/^[\s，,、;；:：.。\-–—+&/]+/, '')
    .replace(/[\s，,、;；:：.。\-–—+&(（/]+$/, '')
    .replace(/\s+(?:for|on|at|by|in|to|with)$/i, '')
    .trim();
}

/** Deterministic titles built from the pieces the short cuts are about: words, I / I will, stops, spaces. */
function* titles(): Generator<string> {
  const heads = ['', 'I ', 'I will ', "I'll ", 'I', '我来', '  '];
  const bodies = ['send the budget', 'review it for', 'I', 'will', 'fix bug 12 on', 'a', '预算', 'Q3 plan by', 'send (draft)'];
  const tails = ['', ' .', '.', ' ;', ', ,', ' : .', '  ', ' . x', '，', ' —', ' for', '.\t', ' ..'];
  for (const h of heads) for (const b of bodies) for (const t of tails) yield h + b + t;
}

describe('cleanTitle', () => {
  it('gives what its rules give, one after another', () => {
    for (const title of titles()) expect(cleanTitle(title), JSON.stringify(title)).toBe(cleanTitleByRules(title));
  });
});

describe('splitClauses', () => {
  it('drops clauses of white space only, for every kind of white space trim() knows', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if ('，；。！？;!,. （(「“《【[）)」”》】]'.includes(ch)) continue;
      if (splitClauses(`甲，${ch}，乙`).length !== (ch.trim() === '' ? 2 : 3)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
