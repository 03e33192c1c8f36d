import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_UNIT, DAY_WORD, LATIN, MOVED, PERIOD, RELATIVE_DAY, TIME, WAIT, charGroups } from '../../../src/core/dates/charGroups';
import { findDates } from '../../../src/core/dates/index';

/** Each group answers exactly what the character-class test it replaced answered. */
const CLASSES: readonly [number, RegExp][] = [
  [LATIN, /[A-Za-z]/],
  [DAY_UNIT, /[号日]/],
  [RELATIVE_DAY, /[天日早晚夜周星礼月时头]/],
  [DAY_WORD, /[今明后昨前当]/],
  [PERIOD, /[月旬年季Q]/],
  [TIME, /[:点时]/],
  [MOVED, /[至到为]/],
  [WAIT, /[待等]/],
];

const PIECES = ['号', '日', '天', '周', '月', 'Q', 'q', ':', '：', '点', '至', '待', '等', '今', '前', 'a', 'Z', '1', ' ', '，', '旬', '季', '头', '为'];

describe('charGroups', () => {
  it('matches the character classes it stands for', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        const groups = charGroups(text);
        for (const [group, re] of CLASSES) expect((groups & group) !== 0, `${text} ${re.source}`).toBe(re.test(text));
      }),
      { numRuns: 2000, seed: 20250609 },
    );
  });
});

describe('findDates on a text with many phrases', () => {
  it('keeps every phrase, in order, whether few or many (the selection sorts short and long lists alike)', () => {
    const days = ['周一', '周二', '周三', '周四', '周五'];
    for (const count of [3, 16, 17, 40]) {
      const text = Array.from({ length: count }, (_, i) => `事项${i}${days[i % 5]!}前`).join('；');
      const mentions = findDates(text, { meetingDate: '2025-06-09' });
      expect(mentions.map((m) => m.text)).toEqual(Array.from({ length: count }, (_, i) => `${days[i % 5]!}前`));
    }
  });
});
