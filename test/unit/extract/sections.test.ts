import { describe, expect, it } from 'vitest';
import { classifySection, looksLikeSectionLine } from '../../../src/core/extract/sections';
import { splitClauses } from '../../../src/core/extract/clauses';
import { isCancelled, isDeferral, isDoneText, isHedge, isNextMeeting, isQuestion } from '../../../src/core/extract/filters';

describe('classifySection', () => {
  it.each([
    ['二、决议事项', 'decision'],
    ['【会议结论】', 'decision'],
    ['Key decisions', 'decision'],
    ['三、讨论与结论', 'decision'],
    ['三、待办事项', 'todo'],
    ['行动项：', 'todo'],
    ['四、后续行动', 'todo'],
    ['Action items', 'todo'],
    ['Next steps', 'todo'],
    ['风险预警 / Risk register', 'todo'],
    ['上次待办回顾', 'todo'],
    ['一、讨论要点', 'info'],
    ['二、成功经验', 'info'],
    ['三、待改进点', 'info'],
    ['Highlights', 'info'],
    ['二、各部门同步', 'info'],
    ['一、搬迁时间', 'neutral'],
  ] as const)('%s → %s', (heading, kind) => expect(classifySection(heading)).toBe(kind));
});

describe('looksLikeSectionLine', () => {
  it('knows headings from labelled lines', () => {
    expect(looksLikeSectionLine('一、讨论要点')).toBe(true);
    expect(looksLikeSectionLine('行动项：')).toBe(true);
    expect(looksLikeSectionLine('Action items')).toBe(true);
    expect(looksLikeSectionLine('结论：隐私政策按监管最新模板重写')).toBe(false);
    expect(looksLikeSectionLine('王芳：我周三提交接口文档')).toBe(false);
  });
});

describe('splitClauses', () => {
  const parts = (t: string): string[] => splitClauses(t).map((s) => t.slice(s.start, s.end).trim());
  it('splits Chinese clauses but not inside brackets or numbers', () => {
    expect(parts('本周五前，罗一鸣完成设计，田甜完成报名（天猫，京东）。')).toEqual(['本周五前', '罗一鸣完成设计', '田甜完成报名（天猫，京东）']);
    expect(parts('定价 1,299 元，早鸟价 1,199 元')).toEqual(['定价 1,299 元', '早鸟价 1,199 元']);
  });
  it('keeps English commas inside a sentence', () => {
    expect(parts('Fatima will set up the vendors in January, after the freeze lifts (target Jan 6).')).toHaveLength(1);
    expect(parts('Victor owns the backlog; Karen remains sponsor.')).toEqual(['Victor owns the backlog', 'Karen remains sponsor.']);
  });
});

describe('filters', () => {
  it('recognise lines that are not items', () => {
    expect(isDoneText('技术部：订单中心 v3.4 已于 5 月 6 日上线，运行平稳。')).toBe(true);
    expect(isHedge('可以考虑明年引入 AI 客服分流，暂不立项。')).toBe(true);
    expect(isHedge('We might consider a second pilot wave, but nobody committed to it.')).toBe(true);
    expect(isCancelled('原计划 11 月的校园快闪活动已取消，不再执行。')).toBe(true);
    expect(isQuestion('Q: Should we expand weekend support hours? Not discussed further.')).toBe(true);
    expect(isNextMeeting('下次沟通时间：6月18日 14:00（同一会议室）')).toBe(true);
    expect(isDeferral('讨论了是否增加企业团购渠道，暂未结论，下次再议。')).toBe(true);
    expect(isDoneText('提交第三方除菌检测报告')).toBe(false);
  });
});
