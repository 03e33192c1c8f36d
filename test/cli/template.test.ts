import { describe, expect, it } from 'vitest';
import { minutes } from './run-cli';

const SCENARIOS = ['general', 'kickoff', 'requirements', 'problem', 'progress', 'retro'];

describe('minutes template', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const scenario of SCENARIOS) {
      it(`${scenario} in ${lang} is Markdown with the record's tables`, () => {
        const r = minutes(['template', '--scenario', scenario, '--lang', lang, '--format', 'md']);
        expect(r.code).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout).toMatch(/^# /);
        expect(r.stdout.endsWith('\n')).toBe(true);
        if (lang === 'zh') {
          for (const word of ['跨部门沟通记录表', '沟通主题', '沟通时间', '参与部门及人员', '决议事项', '待办事项', '负责人', '完成时限']) {
            expect(r.stdout).toContain(word);
          }
        } else {
          expect(r.stdout).not.toMatch(/[\u4e00-\u9fff]{2}/);
          expect(r.stdout.toLowerCase()).toContain('owner');
        }
        // GFM tables: a header separator row.
        expect(r.stdout).toMatch(/^\|(\s*:?-{3,}:?\s*\|)+\s*$/m);
      });
    }
  }

  it('defaults to the general Chinese template', () => {
    const r = minutes(['template']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(minutes(['template', '--scenario', 'general', '--lang', 'zh']).stdout);
  });

  it('scenario variants add their own parts', () => {
    const general = minutes(['template']).stdout;
    const problem = minutes(['template', '--scenario', 'problem']).stdout;
    const progress = minutes(['template', '--scenario', 'progress']).stdout;
    expect(problem.length).toBeGreaterThan(general.length);
    expect(problem).toContain('问题解决责任矩阵');
    expect(progress).toContain('风险');
  });
});
