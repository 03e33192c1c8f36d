import { describe, expect, it } from 'vitest';
import { parseRosterField, Roster, trailingPersonName } from '../../../src/core/owners/roster';
import { findPeople } from '../../../src/core/owners/mentions';
import { isCollective, isUndecided } from '../../../src/core/owners/classify';

const persons = (value: string): string[] => parseRosterField(value).filter((e) => e.kind === 'person').map((e) => e.name);
const departments = (value: string): string[] => parseRosterField(value).filter((e) => e.kind === 'department').map((e) => e.name);

describe('parseRosterField', () => {
  it('reads departments with their people in brackets', () => {
    const v = '产品部（周婷、陈思远）、市场部（林小雨、赵磊）、供应链部（孙浩）';
    expect(persons(v)).toEqual(['周婷', '陈思远', '林小雨', '赵磊', '孙浩']);
    expect(departments(v)).toEqual(['产品部', '市场部', '供应链部']);
  });

  it('reads "department name" pairs and roles in brackets', () => {
    expect(persons('客服中心 韩梅、物流部 刘强、IT 部 邓超、销售运营 许可')).toEqual(['韩梅', '刘强', '邓超', '许可']);
    expect(persons('市场部 王珂（主持）、电商运营 朱琳')).toEqual(['王珂', '朱琳']);
    expect(persons('王芳（会员运营）、李建（门店运营）')).toEqual(['王芳', '李建']);
  });

  it('reads department labels before names', () => {
    expect(persons('财务部：刘敏、黄建国；信息技术部：吴昊、钱晓东；采购部：马丽')).toEqual(['刘敏', '黄建国', '吴昊', '钱晓东', '马丽']);
  });

  it('reads English names, mixed names and @mentions', () => {
    expect(persons('Priya (Marketing), Daniel (Product), Hannah (Sales Ops)')).toEqual(['Priya', 'Daniel', 'Hannah']);
    expect(persons('Dana Brooks, Felix Grant, Ruth Alvarez (Merchandising)')).toEqual(['Dana Brooks', 'Felix Grant', 'Ruth Alvarez']);
    expect(persons('Amazon 运营 Sandy 付、TikTok Shop 运营 罗杰、海外仓 Peter 项')).toEqual(['Sandy 付', '罗杰', 'Peter 项']);
    expect(persons('@Vivian Wu @Kevin Zhang @刘洋 @Chloe')).toEqual(['Vivian Wu', 'Kevin Zhang', '刘洋', 'Chloe']);
    expect(persons('@江涛 @邱月 @采购部-胡斌')).toEqual(['江涛', '邱月', '胡斌']);
  });

  it('leaves out groups and headcounts', () => {
    expect(persons('行政部 戴琳（牵头）、各业务部门接口人、外部顾问 2 人')).toEqual(['戴琳']);
  });

  it('finds the name at the end of a roster piece', () => {
    expect(trailingPersonName('运营总监 Michael 黎')).toBe('Michael 黎');
    expect(trailingPersonName('财务 BP 卢卡')).toBe('卢卡');
    expect(trailingPersonName('产品部')).toBeNull();
  });
});

describe('findPeople', () => {
  const roster = new Roster(parseRosterField('市场部 邵华、刘畅；IT 部 段飞；Jamal Price (E-commerce)；赵一帆（IT）'));

  it('finds roster names, departments, groups and TBD in order', () => {
    const found = findPeople('邵华、龚伟负责，市场部配合，大家周四前发到群里，负责人待定', roster);
    expect(found.map((m) => [m.name, m.kind])).toEqual([
      ['邵华', 'person'],
      ['市场部', 'department'],
      ['大家', 'collective'],
      ['负责人待定', 'undecided'],
    ]);
  });

  it('knows people by their first or given name', () => {
    expect(findPeople('Jamal to publish the FAQ', roster).map((m) => m.name)).toEqual(['Jamal']);
    expect(findPeople('一帆配合评估', roster).map((m) => m.name)).toEqual(['一帆']);
  });

  it('reads @mentions with spaces and handles', () => {
    expect(findPeople('@Kevin Zhang 9/19 前出 shortlist', roster).map((m) => m.name)).toEqual(['Kevin Zhang']);
    expect(findPeople('@ana.r finish the assessments', roster).map((m) => m.name)).toEqual(['ana.r']);
  });

  it('trims function words off department names', () => {
    expect(findPeople('由质量管理部负责', roster).map((m) => m.name)).toEqual(['质量管理部']);
  });
});

describe('collective and undecided owners', () => {
  it.each(['大家', '各组', '各部门接口人', 'everyone', 'We', 'all department heads'])('%s is a group', (t) => expect(isCollective(t)).toBe(true));
  it.each(['待定', 'TBD', '—'])('%s is undecided', (t) => expect(isUndecided(t)).toBe(true));
  it('a person is neither', () => {
    expect(isCollective('王芳')).toBe(false);
    expect(isUndecided('王芳')).toBe(false);
  });
});

describe('Roster.matchAt', () => {
  const roster = new Roster(parseRosterField('Sofia (Marketing), Sandy 付, Mark'));
  it('matches Latin names in any case, as whole words, and gives them as written', () => {
    expect(roster.matchAt('SOFIA to send it', 0)?.text).toBe('SOFIA');
    expect(roster.matchAt('ask sofia.', 4)?.text).toBe('sofia');
    expect(roster.matchAt('Sofias', 0)).toBeNull();
    expect(roster.matchAt('xSofia', 1)).toBeNull();
    expect(roster.matchAt('Sof', 0)).toBeNull();
    expect(roster.matchAt('Mar\u212A to send', 0)?.text).toBe('Mar\u212A');
  });

  it('matches a name with Chinese in it in any case of its Latin part', () => {
    expect(roster.matchAt('SANDY 付 跟进', 0)?.text).toBe('SANDY 付');
    expect(roster.matchAt('sandy 王', 0)?.text).toBe('sandy');
  });
});
