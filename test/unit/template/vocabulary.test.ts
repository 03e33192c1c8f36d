import { describe, expect, it } from 'vitest';
import {
  BASIC_FIELDS,
  STATUS_LABELS,
  classifyColumns,
  columnRole,
  isTemplateHint,
  meetingFieldOfLabel,
  parseStatus,
  statusLabel,
} from '../../../src/core/template/index';

describe('isTemplateHint', () => {
  it.each([
    '（如：会员积分商城改版需求评审会）',
    '（如“2024年Q3新品上线跨部门需求对齐会”）',
    '（如“产品部需提前准备需求文档V2.0”“技术部需评估开发周期”）',
    '(如: 周会)',
    '  （例如：飞书会议）  ',
    '(e.g. Loyalty store redesign)',
    '(E.g., Room 301 (2F) / Zoom)',
    '(for example: weekly sync)',
  ])('recognises %j', (text) => {
    expect(isTemplateHint(text)).toBe(true);
  });

  it.each([
    '',
    '王芳',
    '（如：周会）王芳补充',
    '（如：周会）（改到周四）',
    '（备注：改期）',
    '(see the PRD)',
    '如：周会',
    '（如：未闭合',
    'Owner (e.g. Fiona)',
  ])('does not take %j for a hint', (text) => {
    expect(isTemplateHint(text)).toBe(false);
  });

  it('recognises every hint the template writes', () => {
    for (const field of BASIC_FIELDS) {
      expect(isTemplateHint(`（如：${field.hint.zh}）`)).toBe(true);
      expect(isTemplateHint(`(e.g. ${field.hint.en})`)).toBe(true);
    }
  });
});

describe('parseStatus', () => {
  it.each([
    ['未开始', 'open'],
    ['进行中', 'open'],
    ['進行中', 'open'],
    ['未完成，法务意见未回', 'open'],
    ['延期', 'open'],
    ['已完成80%', 'open'],
    ['In progress', 'open'],
    ['not started', 'open'],
    ['Open', 'open'],
    ['[ ]', 'open'],
    ['已完成', 'done'],
    ['完成', 'done'],
    ['已关闭', 'done'],
    ['已關閉', 'done'],
    ['done', 'done'],
    ['Done', 'done'],
    ['Completed', 'done'],
    ['✅', 'done'],
    ['✅ 已确认', 'done'],
    ['[x]', 'done'],
  ] as const)('%j → %s', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it.each(['', '  ', '80%', '见备注', '王芳'])('%j → null', (text) => {
    expect(parseStatus(text)).toBeNull();
  });
});

describe('statusLabel', () => {
  it('writes the template’s three states in both languages', () => {
    expect(statusLabel('open', 'zh')).toBe('未开始');
    expect(statusLabel('done', 'zh')).toBe('已完成');
    expect(statusLabel('inProgress', 'zh')).toBe('进行中');
    expect(statusLabel('open', 'en')).toBe('Not started');
    expect(statusLabel('inProgress', 'en')).toBe('In progress');
    expect(statusLabel('done', 'en')).toBe('Done');
  });

  it('every label reads back as its status', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(parseStatus(STATUS_LABELS.notStarted[lang])).toBe('open');
      expect(parseStatus(STATUS_LABELS.inProgress[lang])).toBe('open');
      expect(parseStatus(STATUS_LABELS.done[lang])).toBe('done');
    }
  });
});

describe('column vocabulary', () => {
  it('classifies the template headers', () => {
    expect(classifyColumns(['事项', '负责人', '完成时限', '状态', '任务'])).toEqual(['item', 'owner', 'due', 'status', 'task']);
    expect(classifyColumns(['Action item', 'Owner', 'Due', 'Status', 'Task'])).toEqual(['item', 'owner', 'due', 'status', 'task']);
    expect(classifyColumns(['决议', '负责人', '完成时限'])).toEqual(['decision', 'owner', 'due']);
    expect(classifyColumns(['Decision', 'Owner', 'Due'])).toEqual(['decision', 'owner', 'due']);
  });

  it('classifies headers of minutes not made from the template', () => {
    expect(classifyColumns(['序号', '决议内容', '负责人', '时间'])).toEqual(['index', 'decision', 'owner', 'due']);
    expect(classifyColumns(['序号', '事项', '负责人', '配合人', '完成时限', '状态'])).toEqual([
      'index', 'item', 'owner', 'collaborator', 'due', 'status',
    ]);
    expect(classifyColumns(['序号', '待办内容', '负责人', '协助人', '截止日期'])).toEqual(['index', 'item', 'owner', 'collaborator', 'due']);
    expect(classifyColumns(['问题', '根因', '解决方案', '责任方', '时限'])).toEqual(['subject', 'note', 'action', 'owner', 'due']);
    expect(classifyColumns(['风险 Risk', '应对措施 Mitigation', '负责人 Owner'])).toEqual(['subject', 'action', 'owner']);
    expect(classifyColumns(['項次', '待辦內容', '負責人', '協辦', '完成期限'])).toEqual(['index', 'item', 'owner', 'collaborator', 'due']);
    expect(classifyColumns(['事项', '负责人', '原定时限', '当前状态'])).toEqual(['item', 'owner', 'due', 'status']);
  });

  it('reads 任务 as the item when no other item column exists', () => {
    expect(classifyColumns(['任务', '负责人', '截止时间'])).toEqual(['item', 'owner', 'due']);
    expect(columnRole('负责部门/人')).toBe('owner');
    expect(columnRole('备注')).toBe('note');
    expect(columnRole('金额')).toBeNull();
  });
});

describe('meetingFieldOfLabel', () => {
  it.each([
    ['沟通主题', 'topic'],
    ['会议主题', 'topic'],
    ['Subject', 'topic'],
    ['沟通时间', 'date'],
    ['时间：', 'date'],
    ['会议日期', 'date'],
    ['溝通時間', 'date'],
    ['Date', 'date'],
    ['Meeting date', 'date'],
    ['沟通地点/线上渠道', 'location'],
    ['Location', 'location'],
    ['参与部门及人员', 'participants'],
    ['参会人', 'participants'],
    ['出席', 'participants'],
    ['与会', 'participants'],
    ['Attendees', 'participants'],
    ['Participants', 'participants'],
    ['主持人/记录人', 'hostRecorder'],
    ['主持人', 'host'],
    ['主持', 'host'],
    ['Host', 'host'],
    ['Facilitator', 'host'],
    ['记录人', 'recorder'],
    ['記錄', 'recorder'],
    ['Note-taker', 'recorder'],
    ['沟通目标', 'goal'],
    ['目标', 'goal'],
    ['Goal', 'goal'],
  ] as const)('%j → %s', (label, field) => {
    expect(meetingFieldOfLabel(label)).toBe(field);
  });

  it.each(['下次沟通时间', '背景', '备注', 'Notes', '决议'])('%j is not a meeting field', (label) => {
    expect(meetingFieldOfLabel(label)).toBeNull();
  });

  it('knows every label the template writes', () => {
    for (const field of BASIC_FIELDS) {
      expect(meetingFieldOfLabel(field.label.zh)).toBe(field.id);
      expect(meetingFieldOfLabel(field.label.en)).toBe(field.id);
    }
  });
});
