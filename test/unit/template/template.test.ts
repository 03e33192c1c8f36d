import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/core/model/document';
import { blockText, cellText } from '../../../src/core/model/text';
import {
  SCENARIO_IDS,
  TEMPLATE_COLUMNS,
  isTemplateHint,
  listScenarios,
  renderTemplate,
} from '../../../src/core/template/index';
import type { ScenarioId, TemplateLang } from '../../../src/core/template/index';
import { headings, tableAfter, tableTexts } from './helpers';

const LANGS: readonly TemplateLang[] = ['zh', 'en'];
const FIELDS: Record<TemplateLang, string[]> = {
  zh: ['沟通主题', '沟通时间', '沟通地点/线上渠道', '参与部门及人员', '主持人/记录人', '沟通目标'],
  en: ['Topic', 'Date & time', 'Location / channel', 'Departments & participants', 'Host / note-taker', 'Goal'],
};
const SECTIONS: Record<TemplateLang, { decisions: string; todos: string; common: string[] }> = {
  zh: { decisions: '决议事项', todos: '待办事项', common: ['议程', '讨论要点', '争议点', '决议事项', '待办事项'] },
  en: { decisions: 'Decisions', todos: 'Action items', common: ['Agenda', 'Discussion', 'Open issues', 'Decisions', 'Action items'] },
};

describe('listScenarios', () => {
  it('offers the general record and the guide’s five scenarios in both languages', () => {
    expect(listScenarios('zh').map((s) => s.label)).toEqual([
      '通用沟通记录',
      '项目启动与目标对齐',
      '需求对接与资源协调',
      '问题解决与冲突处理',
      '进度同步与风险预警',
      '成果复盘与经验沉淀',
    ]);
    expect(listScenarios('en').map((s) => s.id)).toEqual(['general', 'kickoff', 'requirements', 'problem', 'progress', 'retro']);
    for (const lang of LANGS) {
      for (const s of listScenarios(lang)) expect(s.description.length).toBeGreaterThan(10);
    }
  });
});

describe.each(SCENARIO_IDS.flatMap((id) => LANGS.map((lang) => [id, lang] as [ScenarioId, TemplateLang])))(
  'renderTemplate(%s, %s)',
  (scenario, lang) => {
    const doc = renderTemplate(scenario, lang);

    it('starts with the record title, then the basic-info table with the six fields in order', () => {
      expect(doc.blocks[0]?.type).toBe('heading');
      expect(blockText(doc.blocks[0]!)).toContain(lang === 'zh' ? '跨部门沟通记录表' : 'Cross-department meeting record');
      expect(doc.title).toBe(blockText(doc.blocks[0]!));
      const basic = doc.blocks[1];
      expect(basic?.type).toBe('table');
      const rows = tableTexts(basic as Extract<Block, { type: 'table' }>);
      expect(rows[0]).toEqual(lang === 'zh' ? ['沟通基本信息', '内容'] : ['Meeting info', 'Details']);
      expect(rows.slice(1).map((r) => r[0])).toEqual(FIELDS[lang]);
      for (const row of rows.slice(1)) expect(isTemplateHint(row[1]!)).toBe(true);
    });

    it('has the common sections and both item tables with the template headers and three empty rows', () => {
      const names = headings(doc);
      for (const section of SECTIONS[lang].common) expect(names).toContain(section);
      const decisions = tableTexts(tableAfter(doc, SECTIONS[lang].decisions));
      const todos = tableTexts(tableAfter(doc, SECTIONS[lang].todos));
      expect(decisions[0]).toEqual([...TEMPLATE_COLUMNS.decision[lang]]);
      expect(todos[0]).toEqual([...TEMPLATE_COLUMNS.todo[lang]]);
      expect(decisions.slice(1)).toEqual(Array.from({ length: 3 }, () => ['', '', '']));
      expect(todos.slice(1)).toEqual(Array.from({ length: 3 }, () => ['', '', '', '', '']));
      // The item tables close the record.
      expect(names.slice(-2)).toEqual([SECTIONS[lang].decisions, SECTIONS[lang].todos]);
    });

    it('holds only headings, header cells, field labels and hints: a blank template has no content', () => {
      let hints = 0;
      doc.blocks.forEach((block, index) => {
        if (block.type === 'heading') return;
        if (block.type !== 'table') {
          expect(isTemplateHint(blockText(block))).toBe(true);
          hints++;
          return;
        }
        block.rows.forEach((row, r) =>
          row.cells.forEach((cell, c) => {
            const value = cellText(cell);
            const isLabel = r === 0 || (index === 1 && c === 0);
            if (isLabel) expect(isTemplateHint(value)).toBe(false);
            else if (value.length > 0) {
              expect(isTemplateHint(value)).toBe(true);
              hints++;
            }
          }),
        );
      });
      // One hint per basic field and per free-text section (议程, 讨论要点, 争议点 at least).
      expect(hints).toBeGreaterThanOrEqual(6 + 3);
    });
  },
);

describe('scenario parts', () => {
  const zh = (id: ScenarioId): string[] => headings(renderTemplate(id, 'zh'));
  const en = (id: ScenarioId): string[] => headings(renderTemplate(id, 'en'));

  it('kickoff adds goals, milestones and responsibilities', () => {
    expect(zh('kickoff')).toEqual(expect.arrayContaining(['项目目标', '关键里程碑', '职责分工']));
    expect(en('kickoff')).toEqual(expect.arrayContaining(['Goals', 'Milestones', 'Responsibilities']));
  });

  it('requirements adds a 需求 | 交付标准 | 资源 | 优先级 table', () => {
    expect(tableTexts(tableAfter(renderTemplate('requirements', 'zh'), '需求与资源'))[0]).toEqual(['需求', '交付标准', '资源', '优先级']);
    expect(tableTexts(tableAfter(renderTemplate('requirements', 'en'), 'Requirements & resources'))[0]).toEqual([
      'Requirement',
      'Acceptance criteria',
      'Resources',
      'Priority',
    ]);
  });

  it('problem adds the 问题解决责任矩阵表', () => {
    const rows = tableTexts(tableAfter(renderTemplate('problem', 'zh'), '问题解决责任矩阵表'));
    expect(rows[0]).toEqual(['问题', '根因', '解决方案', '责任方', '时限']);
    expect(rows).toHaveLength(4);
    expect(tableTexts(tableAfter(renderTemplate('problem', 'en'), 'Issue resolution matrix'))[0]).toEqual([
      'Issue',
      'Root cause',
      'Solution',
      'Responsible party',
      'Due',
    ]);
  });

  it('progress adds 进展 and a risk table', () => {
    expect(zh('progress')).toContain('进展');
    expect(tableTexts(tableAfter(renderTemplate('progress', 'zh'), '风险预警'))[0]).toEqual(['风险', '应对措施', '负责人', '时限']);
    expect(tableTexts(tableAfter(renderTemplate('progress', 'en'), 'Risks'))[0]).toEqual(['Risk', 'Mitigation', 'Owner', 'Due']);
  });

  it('retro adds what went well and what to improve', () => {
    expect(zh('retro')).toEqual(expect.arrayContaining(['成功经验', '待改进点']));
    expect(en('retro')).toEqual(expect.arrayContaining(['What went well', 'What to improve']));
  });

  it('the general record has no scenario parts', () => {
    expect(zh('general')).toEqual(['跨部门沟通记录表', '议程', '讨论要点', '争议点', '决议事项', '待办事项']);
  });

  it('rejects an unknown scenario', () => {
    expect(() => renderTemplate('party' as ScenarioId, 'zh')).toThrow(/unknown scenario/);
  });
});

describe('fill', () => {
  it('writes the topic and an ISO date (as a date chip) instead of their hints', () => {
    const doc = renderTemplate('kickoff', 'zh', { topic: '会员体系升级启动会', date: '2025-06-11' });
    const basic = doc.blocks[1] as Extract<Block, { type: 'table' }>;
    expect(cellText(basic.rows[1]!.cells[1]!)).toBe('会员体系升级启动会');
    const dateCell = basic.rows[2]!.cells[1]!.blocks[0];
    expect(dateCell).toEqual({ type: 'paragraph', content: [{ type: 'date', date: '2025-06-11' }] });
    expect(isTemplateHint(cellText(basic.rows[3]!.cells[1]!))).toBe(true);
  });

  it('keeps a date with a time as a chip with a time, and any other date as text', () => {
    const withTime = renderTemplate('general', 'en', { date: '2025-06-11 14:00' }).blocks[1] as Extract<Block, { type: 'table' }>;
    expect(withTime.rows[2]!.cells[1]!.blocks[0]).toEqual({ type: 'paragraph', content: [{ type: 'date', date: '2025-06-11', time: '14:00' }] });
    const free = renderTemplate('general', 'zh', { date: '6月11日下午' }).blocks[1] as Extract<Block, { type: 'table' }>;
    expect(cellText(free.rows[2]!.cells[1]!)).toBe('6月11日下午');
  });
});
