import { vocabulary } from '../text/traditional';
import type { Localized, TemplateLang } from './types';

/** The six fields of the template's basic-info table, in order. */
export type BasicFieldId = 'topic' | 'date' | 'location' | 'participants' | 'hostRecorder' | 'goal';

/** What a label in any minutes can stand for: a basic field, or host / recorder on their own. */
export type MeetingFieldLabel = BasicFieldId | 'host' | 'recorder';

export interface BasicFieldSpec {
  id: BasicFieldId;
  label: Localized;
  /** The hint shown in the empty value cell (without the （如：…） wrapper). */
  hint: Localized;
}

/** Header row of the basic-info table. */
export const BASIC_INFO_COLUMNS: Readonly<Record<TemplateLang, readonly [string, string]>> = {
  zh: ['沟通基本信息', '内容'],
  en: ['Meeting info', 'Details'],
};

function basicField(id: BasicFieldId, labelZh: string, labelEn: string, hintZh: string, hintEn: string): BasicFieldSpec {
  return { id, label: { zh: labelZh, en: labelEn }, hint: { zh: hintZh, en: hintEn } };
}

export const BASIC_FIELDS: readonly BasicFieldSpec[] = [
  basicField('topic', '沟通主题', 'Topic', '会员积分商城改版需求评审会', 'Loyalty store redesign: requirements review'),
  basicField('date', '沟通时间', 'Date & time', '2025年7月8日 10:00-11:00', '8 July 2025, 10:00–11:00'),
  basicField('location', '沟通地点/线上渠道', 'Location / channel', '2号楼301会议室 / 飞书视频会议', 'Room 301, Building 2 / video call'),
  basicField(
    'participants',
    '参与部门及人员',
    'Departments & participants',
    '产品部：李明、张婷；技术部：王强；运营部：赵敏',
    'Product: Alex Chen, Mia Wong; Engineering: Sam Lee; Operations: Eva Diaz',
  ),
  basicField('hostRecorder', '主持人/记录人', 'Host / note-taker', '主持人：李明；记录人：张婷', 'Host: Alex Chen; note-taker: Mia Wong'),
  basicField(
    'goal',
    '沟通目标',
    'Goal',
    '确定改版范围和上线排期，明确各部门负责人',
    'Agree the scope and the release schedule, and name an owner in each department',
  ),
];

/**
 * Labels that name each field in minutes not made from the template (zh, zh-Hant, en): Simplified words
 * (Traditional derived), then words as written.
 * Matching is on the normalised whole label (see {@link meetingFieldOfLabel}), so 下次沟通时间 is not 时间.
 */
export const MEETING_FIELD_LABELS: Readonly<Record<MeetingFieldLabel, readonly string[]>> = {
  topic: vocabulary('沟通主题|主题|会议主题|会议名称', 'Topic|Subject|Meeting|Meeting topic|Title'),
  date: vocabulary(
    '沟通时间|时间|日期|会议时间|会议日期|开会时间',
    'Date|Time|Date & time|Date and time|Meeting date|Meeting time|When',
  ),
  location: vocabulary(
    '沟通地点/线上渠道|沟通地点|地点|线上渠道|会议地点|会议室|渠道',
    '溝通地點/線上管道|Location|Location / channel|Venue|Place|Where|Channel',
  ),
  participants: vocabulary(
    '参与部门及人员|参与部门|参与人员|参与人|参与|参会|参会人|参会人员|参会部门|出席|出席人员|与会|与会人员|参加人员|评审组|评审人|' +
      '评审专家|参会人员名单|出席人员名单|参加|参加人|参会者|与会者|出席者|发言人|在场',
    'Speakers|On the call|Invitees|Team|Attendees|Participants|Present|Attendance|Who|Departments & participants|On call|On-call',
  ),
  hostRecorder: vocabulary('主持人/记录人|主持/记录', '主持/紀錄|Host / note-taker|Host/Notes|Chair / minutes'),
  host: vocabulary('主持人|主持|主席|召集人', 'Host|Chair|Facilitator|Moderator|Organizer|Organiser'),
  recorder: vocabulary('记录人|记录', '紀錄|Note-taker|Notetaker|Note taker|Notes by|Minutes by|Recorder|Scribe'),
  goal: vocabulary('沟通目标|目标|会议目标|目的|会议目的', 'Goal|Goals|Objective|Objectives|Purpose'),
};

/** NFKC, lower case, no spaces, no trailing colon: the form labels are compared in. */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, '')
    .replace(/[:：]+$/u, '');
}

const FIELD_BY_LABEL: ReadonlyMap<string, MeetingFieldLabel> = new Map(
  (Object.entries(MEETING_FIELD_LABELS) as [MeetingFieldLabel, readonly string[]][]).flatMap(([field, labels]) =>
    labels.map((label): [string, MeetingFieldLabel] => [normalizeLabel(label), field]),
  ),
);

/** The meeting field a label names (沟通时间, 会议日期, Attendees…), or null. */
export function meetingFieldOfLabel(label: string): MeetingFieldLabel | null {
  return FIELD_BY_LABEL.get(normalizeLabel(label)) ?? null;
}
