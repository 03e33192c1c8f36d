import { describe, expect, it } from 'vitest';
import { hasVagueWords, isCancelled, isDeferral, isDoneText, isFyi, isHedge, isNextMeeting, isQuestion } from '../../../src/core/extract/filters';

describe('line filters', () => {
  it('find English words in any case, in English and in Chinese lines', () => {
    expect(isFyi('fyi: the dashboard was migrated')).toBe(true);
    expect(isFyi('王芳：FYI 看板已迁移')).toBe(true);
    expect(isHedge('We MIGHT revisit this if budget allows')).toBe(true);
    expect(isCancelled('周会 Cancelled')).toBe(true);
    expect(isDoneText('The migration WAS DONE last week')).toBe(true);
    expect(isNextMeeting('  Next Sync: Friday')).toBe(true);
    expect(isDeferral('议题 deferred to Q3')).toBe(true);
    expect(hasVagueWords('同步 every Monday')).toBe(true);
    expect(isQuestion('q: who owns this')).toBe(true);
  });

  it('find Chinese words in both scripts, in Chinese and in mixed lines', () => {
    expect(isHedge('可以考慮引入新的埋点方案')).toBe(true);
    expect(isDoneText('Release 2.3 已於上周完成')).toBe(true);
    expect(isNextMeeting('下次會議：6月20日')).toBe(true);
    expect(hasVagueWords('Sync 每周一次')).toBe(true);
    expect(isDeferral('Pricing: 下次再議')).toBe(true);
  });

  it('read a question mark at the end in any language, and nothing in lines without the words', () => {
    expect(isQuestion('Is the vendor contract signed?')).toBe(true);
    expect(isQuestion('合同签了吗？（待确认）')).toBe(true);
    expect(isQuestion('1299 ? 12')).toBe(false);
    for (const text of ['杨磊：下月初项目1确认预算方案', 'Action: Sofia to review the vendor contract by Friday.', '2025-06-09', '']) {
      expect([isFyi, isHedge, isCancelled, isDoneText, isNextMeeting, isDeferral, hasVagueWords, isQuestion].map((f) => f(text))).toEqual(Array(8).fill(false));
    }
  });
});
