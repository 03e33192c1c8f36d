import { describe, expect, it } from 'vitest';
import { longestFirst } from '../../../src/core/text/alternation';

describe('longestFirst', () => {
  it('puts a word before the shorter words it holds, so the alternation matches it whole', () => {
    const source = longestFirst(['后天', '大后天', '国庆', '国庆节']);
    expect(new RegExp(source).exec('大后天前')?.[0]).toBe('大后天');
    expect(new RegExp(source).exec('国庆节前')?.[0]).toBe('国庆节');
  });

  it('keeps the order of words of one length and leaves its input alone', () => {
    const words = ['今天', '明天', '大后天'];
    expect(longestFirst(words)).toBe('大后天|今天|明天');
    expect(words).toEqual(['今天', '明天', '大后天']);
  });
});
