import { describe, expect, it } from 'vitest';
import { bothScripts, toTraditional, vocabulary, withTraditional } from '../../../src/core/text/traditional';
import { parseRosterField, Roster } from '../../../src/core/owners/roster';
import { findPeople } from '../../../src/core/owners/mentions';
import { isCollective, isUndecided } from '../../../src/core/owners/classify';

describe('Traditional forms of the Simplified vocabularies', () => {
  it('derives words and patterns', () => {
    expect(toTraditional('负责人')).toBe('負責人');
    expect(toTraditional('Owner 主持')).toBe('Owner 主持');
    expect(withTraditional(['经理', '主管', 'BP'])).toEqual(['经理', '經理', '主管', 'BP']);
    expect(vocabulary('记录人|主持', '紀錄|Scribe')).toEqual(['记录人', '記錄人', '主持', '紀錄', 'Scribe']);
    const re = bothScripts(/^[给与]?负责(?:人)?$/i);
    expect(re.flags).toBe('i');
    expect(['负责', '負責人', '給負責', '與负责人'].every((t) => re.test(t))).toBe(true);
    expect(re.test('负责人员')).toBe(false);
  });

  it('reads rosters written in Traditional', () => {
    expect(parseRosterField('財務部門：劉敏、黃建國；資訊技術部：吳昊')).toEqual([
      { name: '財務部門', kind: 'department' },
      { name: '劉敏', kind: 'person', department: '財務部門' },
      { name: '黃建國', kind: 'person' },
      { name: '資訊技術部', kind: 'department' },
      { name: '吳昊', kind: 'person', department: '資訊技術部' },
    ]);
    expect(parseRosterField('王芳（請假）、李建（記錄）').map((e) => e.name)).toEqual(['王芳', '李建']);
  });

  it('finds departments, roles, groups and "TBD" written in Traditional', () => {
    const found = (text: string): [string, string][] => findPeople(text, new Roster([])).map((m) => [m.name, m.kind]);
    expect(found('請財務部門負責人跟進')).toEqual([['財務部門負責人', 'department']]);
    expect(found('由資訊處經理負責，各事業部配合')).toEqual([
      ['資訊處經理', 'department'],
      ['各事業部', 'collective'],
    ]);
    expect(found('負責人待定')).toEqual([['負責人待定', 'undecided']]);
    expect(isCollective('相關部門')).toBe(true);
    expect(isUndecided('待確認')).toBe(true);
  });
});
