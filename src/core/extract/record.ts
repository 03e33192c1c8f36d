import { parseMeetingDate } from '../dates/index';
import type { Block } from '../model/document';
import type { MeetingRecord } from '../model/items';
import { blockText, cellText } from '../model/text';
import { parseRosterField, Roster, trailingPersonName, type RosterEntry } from '../owners/roster';
import { meetingFieldOfLabel, type MeetingFieldLabel } from '../template/index';
import { bothScripts } from '../text/traditional';
import { isHintText } from './hint';

/** The meeting record's fields as written, before they are interpreted. */
export type RecordFields = Partial<Record<MeetingFieldLabel | 'absent', string>>;

const EMOJI_FIELDS: Readonly<Record<string, MeetingFieldLabel>> = { '📅': 'date', '🗓': 'date', '👥': 'participants', '📍': 'location', '🎯': 'goal' };
const ABSENT = bothScripts(/^(?:[缺列]席|请假|absent|apologies)$/i);
/** Only the top of the minutes holds the record; later "时间：" lines are schedule notes. */
const RECORD_SCAN_BLOCKS = 40;

/** Collect 沟通主题/沟通时间/参与部门及人员… from labelled lines and key–value tables. */
export function collectRecordFields(blocks: readonly Block[]): RecordFields {
  const fields: RecordFields = {};
  const put = (key: MeetingFieldLabel | 'absent', value: string): void => {
    const v = value.trim();
    if (!v || isHintText(v)) return;
    if (key === 'absent' && fields.absent) fields.absent += `、${v}`;
    else if (fields[key] === undefined) fields[key] = v;
  };
  for (const block of blocks.slice(0, RECORD_SCAN_BLOCKS)) {
    if (block.type === 'table') {
      for (const row of block.rows) {
        const [first, second] = row.cells;
        if (!first || !second) continue;
        const key = meetingFieldOfLabel(cellText(first).trim());
        if (key) put(key, row.cells.slice(1).map(cellText).join(' ').trim());
      }
      continue;
    }
    const text = blockText(block);
    for (const segment of text.split(/\s*(?:\u3000|\s{2,}|\t|\s\|\s)\s*/)) {
      const emoji = /^(\p{Extended_Pictographic})\uFE0F?\s*(.*)$/u.exec(segment);
      if (emoji?.[1] && EMOJI_FIELDS[emoji[1]]) {
        put(EMOJI_FIELDS[emoji[1]]!, emoji[2] ?? '');
        continue;
      }
      const m = /^([^：:]{1,24}?)\s*[：:]\s*(.*)$/.exec(segment);
      if (!m?.[1]) continue;
      const label = m[1].replace(/^[#\s]+/, '');
      const value = m[2] ?? '';
      if (ABSENT.test(label)) put('absent', value);
      const key = meetingFieldOfLabel(label);
      if (key) put(key, value);
    }
  }
  return fields;
}

/** Host and recorder from "周婷 / 陈思远", "吴昊（主持）/ 钱晓东（记录）", "主持人：李明；记录人：张婷". */
function splitHostRecorder(value: string): { host: string | null; recorder: string | null } {
  const labelled = /主持人?[：:]\s*([^；;，,/／]+).*?记录人?[：:]\s*([^；;，,/／]+)/.exec(value);
  if (labelled?.[1] && labelled[2]) return { host: personOf(labelled[1]), recorder: personOf(labelled[2]) };
  const parts = value.split(/\s*[/／|]\s*/);
  return { host: parts[0] ? personOf(parts[0]) : null, recorder: parts[1] ? personOf(parts[1]) : null };
}

function personOf(text: string): string | null {
  const cleaned = text.replace(/[（(][^）)]*[）)]/g, '').trim();
  if (!cleaned) return null;
  return trailingPersonName(cleaned) ?? cleaned;
}

export interface RecordResult {
  meeting: MeetingRecord;
  roster: Roster;
  /** The meeting date written in the minutes, if any. */
  writtenDate: string | null;
}

/** Interpret the record fields: the roster of people, host, recorder, the meeting date. */
export function interpretRecord(fields: RecordFields, blocks: readonly Block[], title: string | undefined, fallbackYear: number): RecordResult {
  const entries: RosterEntry[] = [];
  for (const value of [fields.participants, fields.absent]) if (value) entries.push(...parseRosterField(value));
  let host: string | null = null;
  let recorder: string | null = null;
  if (fields.hostRecorder) ({ host, recorder } = splitHostRecorder(fields.hostRecorder));
  if (fields.host) host = personOf(fields.host);
  if (fields.recorder) recorder = personOf(fields.recorder);
  for (const name of [host, recorder]) if (name) entries.push({ name, kind: 'person' });
  for (const value of [fields.host, fields.recorder]) if (value) entries.push(...parseRosterField(value));
  const roster = new Roster(entries);

  let writtenDate = fields.date ? parseMeetingDate(fields.date, fallbackYear) : null;
  if (!writtenDate) {
    // No date field: the title line or the first lines often carry it ("…周会 2025-02-19", "Tuesday, June 3, 2025").
    for (const text of [title ?? '', ...blocks.slice(0, 4).filter((b) => b.type !== 'table').map(blockText)]) {
      writtenDate = text ? parseMeetingDate(text, fallbackYear) : null;
      if (writtenDate) break;
    }
  }
  const persons = roster.persons;
  const meeting: MeetingRecord = {
    topic: fields.topic ?? title ?? firstLine(blocks),
    date: writtenDate,
    location: fields.location ?? null,
    participants: persons.length > 0 ? persons : roster.entries.map((e) => e.name),
    host,
    recorder,
    goal: fields.goal ?? null,
  };
  return { meeting, roster, writtenDate };
}

function firstLine(blocks: readonly Block[]): string | null {
  for (const block of blocks) {
    if (block.type === 'table') return null;
    const text = blockText(block).trim();
    if (text) return text.replace(/^#+\s*/, '').slice(0, 120);
  }
  return null;
}
