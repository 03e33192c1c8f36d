import { describe, expect, it } from 'vitest';
import { extract, itemWith } from './helpers';

// Regression cases written for this project (not from the evaluation set). Meeting dates are stated per case.

describe('template tables', () => {
  const minutes = `跨部门沟通记录表
沟通主题：会员日活动复盘
沟通时间：2025年9月10日（周三）10:00-11:00
参与部门及人员：运营部（张明、李静）、技术部（王磊）
主持人/记录人：张明 / 李静

决议事项
| 决议 | 负责人 | 完成时限 |
| --- | --- | --- |
| 会员日固定在每月 18 日 | 张明 | 9月18日 |
| 积分兑换比例保持不变 | — | — |

待办事项
| 事项 | 负责人 | 完成时限 | 状态 | 任务 |
| --- | --- | --- | --- | --- |
| 输出活动复盘报告 | 李静 | 本周五 | 进行中 | |
| 修复积分到账延迟 | 技术部 王磊 | 9/15 | 未开始 | |
| 整理用户反馈 | 李静 | 9月5日 | 已完成 | |
| 准备下期海报 | 待定 | 尽快 | 未开始 | |
`;
  const ex = extract(minutes);

  it('reads the meeting record and its roster', () => {
    expect(ex.meeting).toMatchObject({ topic: '会员日活动复盘', date: '2025-09-10', host: '张明', recorder: '李静' });
    expect(ex.meeting.participants).toEqual(expect.arrayContaining(['张明', '李静', '王磊']));
    expect(ex.warnings).toEqual([]);
  });

  it('reads decisions with their stated owner and single date', () => {
    expect(itemWith(ex, '会员日')).toMatchObject({ kind: 'decision', owners: [{ name: '张明' }], due: '2025-09-18' });
    expect(itemWith(ex, '兑换比例')).toMatchObject({ kind: 'decision', owners: [], due: null, warnings: [] });
  });

  it('reads to-do rows: a person beats a department, weekdays from the meeting week, status', () => {
    expect(itemWith(ex, '复盘报告')).toMatchObject({ kind: 'todo', owners: [{ name: '李静' }], due: '2025-09-12', status: 'open' });
    expect(itemWith(ex, '积分到账')).toMatchObject({ owners: [{ name: '王磊' }], due: '2025-09-15' });
    expect(itemWith(ex, '用户反馈')).toMatchObject({ status: 'done', warnings: [] });
  });

  it('warns where the guide is broken: no owner, vague or past deadline', () => {
    const poster = itemWith(ex, '海报');
    expect(poster.owners).toEqual([]);
    expect(poster.warnings).toEqual(expect.arrayContaining(['owner_missing', 'vague_deadline']));
    expect(poster.due).toBeNull();
  });

  it('keeps where each row came from', () => {
    const item = itemWith(ex, '复盘报告');
    expect(item.source.via).toBe('table');
    expect(item.source.rowIndex).toBe(1);
    expect(item.source.text).toContain('输出活动复盘报告');
  });
});

describe('lines and lists', () => {
  it('splits one shared leading deadline over several owners', () => {
    const ex = extract('参会：产品部 周琳、技术部 吴迪、市场部 郑爽\n\n会议结束前确认：\n下周五前，周琳输出需求文档，吴迪评估开发周期，郑爽准备活动素材。', '2025-06-11');
    expect(ex.items.map((i) => [i.owners.map((o) => o.name).join(), i.due])).toEqual([
      ['周琳', '2025-06-20'],
      ['吴迪', '2025-06-20'],
      ['郑爽', '2025-06-20'],
    ]);
  });

  it('attaches 负责人 and 完成时限 lines to the item above', () => {
    const ex = extract('议题一：供应商准入\n处理意见：补齐三家供应商的资质文件。\n负责人：采购部 孔雪\n完成时限：月底前', '2025-03-04');
    expect(itemWith(ex, '资质文件')).toMatchObject({ kind: 'todo', owners: [{ name: '孔雪' }], due: '2025-03-31' });
  });

  it('reads speaker labels as owners of 我 statements, and receivers are not owners', () => {
    const ex = extract('参会：许晴、冯涛\n\n许晴：我周四前把测试用例发给冯涛。', '2025-07-01');
    expect(itemWith(ex, '测试用例')).toMatchObject({ owners: [{ name: '许晴' }], due: '2025-07-03' });
  });

  it('tells owners from collaborators', () => {
    const ex = extract('参会：何琪、邓浩\n\n行动项\n1. 何琪牵头整理投标材料，邓浩协助，6月30日前完成。', '2025-06-11');
    const item = itemWith(ex, '投标材料');
    expect(item.owners.map((o) => o.name)).toEqual(['何琪']);
    expect(item.collaborators.map((o) => o.name)).toEqual(['邓浩']);
    expect(item.due).toBe('2025-06-30');
  });

  it('reads passive owners (由X跟进)', () => {
    const ex = extract('参会：贺敏\n\n待办：\n- 物流商下周二提交赔付方案，由贺敏跟进。', '2025-06-11');
    expect(itemWith(ex, '赔付方案')).toMatchObject({ owners: [{ name: '贺敏' }], due: '2025-06-17' });
  });

  it('reads English action lines', () => {
    const ex = extract('Attendees: Maya (Ops), Leon (IT)\n\nAction items\n- Maya to send the vendor shortlist by Thursday.\n- AI: Leon – rotate the API keys by 7/2.\n- Action: publish the FAQ – owner TBD.', '2025-06-24');
    expect(itemWith(ex, 'vendor shortlist')).toMatchObject({ owners: [{ name: 'Maya' }], due: '2025-06-26' });
    expect(itemWith(ex, 'API keys')).toMatchObject({ owners: [{ name: 'Leon' }], due: '2025-07-02' });
    expect(itemWith(ex, 'FAQ').warnings).toContain('owner_missing');
  });

  it('reads checkboxes: ticked items are done', () => {
    const ex = extract('## 待办\n- [x] 阮晴：更新报价单\n- [ ] 阮晴：整理合同模板，下周一前', '2025-06-11');
    expect(itemWith(ex, '报价单').status).toBe('done');
    expect(itemWith(ex, '合同模板')).toMatchObject({ status: 'open', due: '2025-06-16' });
  });

  it('gives a group no owner', () => {
    const ex = extract('行动项：\n1. 各组周五前提交值班表。', '2025-06-11');
    expect(itemWith(ex, '值班表')).toMatchObject({ owners: [], due: '2025-06-13' });
    expect(itemWith(ex, '值班表').warnings).toContain('owner_missing');
  });
});

describe('what is not an item', () => {
  it('leaves out metrics, finished work, hedges, cancellations, questions and the next meeting', () => {
    const ex = extract(
      [
        '周例会',
        '日期：2025-06-11',
        '参会：陆洋、韩雪',
        '',
        '一、进展',
        '- 转化率 4.2%，环比 +0.3 个百分点。',
        '- 订单中心 v2.3 已于 6 月 6 日上线。',
        '',
        '二、讨论',
        '- 可以考虑下季度做会员日。',
        '- 原定的线下活动已取消。',
        '- 是否需要增加客服人手？',
        '',
        '下次会议时间：6月18日 14:00',
      ].join('\n'),
    );
    expect(ex.items).toEqual([]);
    expect(ex.warnings.map((w) => w.code)).toContain('no_items');
  });

  it('does not read version numbers, ratios or agenda numbers as dates', () => {
    const ex = extract('参会：宁远\n\n行动项\n1. 宁远：第二点的 v6.2 版本按 16:9 出图，周三前提交。', '2025-06-09');
    expect(itemWith(ex, '出图').due).toBe('2025-06-11');
  });
});

describe('meeting date', () => {
  it('uses --date over the document and the document over today', () => {
    const text = '沟通时间：2025年6月11日\n\n待办：\n- 吴桐：明天提交方案';
    expect(itemWith(extract(text), '方案').due).toBe('2025-06-12');
    expect(itemWith(extract(text, '2025-07-01'), '方案').due).toBe('2025-07-02');
  });

  it('falls back to today with a warning', () => {
    const ex = extract('待办：\n- 吴桐：明天提交方案', undefined, '2026-11-30');
    expect(ex.meeting.date).toBe('2026-11-30');
    expect(ex.warnings.map((w) => w.code)).toContain('no_meeting_date');
    expect(itemWith(ex, '方案').due).toBe('2026-12-01');
  });
});

describe('titles', () => {
  it('drop a leading first person but keep names that start like it', () => {
    const ex = extract('Attendees: Ivan (Ops), Mia (IT)\n\nAction items\n- Ivan to send the rota by Friday.\n- Mia: I will update the runbook by Friday.', '2025-06-10');
    expect(itemWith(ex, 'rota').owners).toEqual([{ name: 'Ivan' }]);
    expect(itemWith(ex, 'runbook').title).toBe('update the runbook');
  });
});
