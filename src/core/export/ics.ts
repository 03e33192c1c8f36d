import type { ActionItem, Extraction } from '../model/items';
import { dueDateTime, meetingLine, names } from './text';

/**
 * RFC 5545 calendar of the to-dos: one VTODO each, so that any task or calendar app can import them.
 * Decisions are not tasks and are left out.
 */

export interface IcsOptions {
  /** DTSTAMP of every VTODO (when the file was made). */
  now: Date;
  /** PRODID; the product's by default. */
  prodId?: string;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

export function formatItemsIcs(extraction: Extraction, options: IcsOptions): string {
  const stamp = utcStamp(options.now);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? '-//Minutes to Tasks//minutes//EN'}`,
    'CALSCALE:GREGORIAN',
  ];
  const seen = new Map<string, number>();
  for (const item of extraction.items) {
    if (item.kind !== 'todo') continue;
    const base = itemUid(item);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const uid = count === 1 ? base : `${base}-${count}`;
    lines.push(...vtodo(item, uid, stamp, extraction));
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function vtodo(item: ActionItem, uid: string, stamp: string, extraction: Extraction): string[] {
  const owners = names(item.owners, '、');
  return [
    'BEGIN:VTODO',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `SUMMARY:${escapeText(owners ? `【${owners}】${item.title}` : item.title)}`,
    ...(item.due ? [`DUE;VALUE=DATE:${item.due.replace(/-/g, '')}`] : []),
    `STATUS:${item.status === 'done' ? 'COMPLETED' : 'NEEDS-ACTION'}`,
    `DESCRIPTION:${escapeText(description(item, extraction))}`,
    'END:VTODO',
  ];
}

function description(item: ActionItem, extraction: Extraction): string {
  const parts: string[] = [];
  if (item.owners.length > 0) parts.push(`Owners: ${item.owners.map((o) => (o.email ? `${o.name} <${o.email}>` : o.name)).join(', ')}`);
  if (item.collaborators.length > 0) parts.push(`Collaborators: ${names(item.collaborators, ', ')}`);
  const due = dueDateTime(item);
  if (due) parts.push(`Due: ${due}`);
  if (item.dueText) parts.push(`Deadline as written: ${item.dueText}`);
  if (item.warnings.length > 0) parts.push(`Warnings: ${item.warnings.join(', ')}`);
  const meeting = meetingLine(extraction);
  if (meeting) parts.push(`Meeting: ${meeting}`);
  parts.push(`Source: ${item.source.text}`);
  return parts.join('\n');
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
    .replace(/[\\;,\n]/g, (ch) => (ch === '\n' ? '\\n' : `\\${ch}`));
}

/** Fold a content line to at most 75 octets per physical line, never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      out += CRLF + ' ';
      octets = 1; // the leading space of the continuation line counts
    }
    out += ch;
    octets += size;
  }
  return out;
}

function utf8Length(cp: number): number {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/** A UID that stays the same while the to-do's title and owners do (a new deadline updates the same task). */
export function itemUid(item: ActionItem): string {
  const key = [item.kind, item.title.trim(), ...item.owners.map((o) => o.email ?? o.id ?? o.name)].join('\u001f');
  return `${hash32(key, 0x811c9dc5)}${hash32(key, 0x01000193)}@minutes-to-tasks`;
}

/** FNV-1a over UTF-16 code units, as 8 hex digits. */
function hash32(value: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** 20250609T101500Z: the ISO form without separators and milliseconds (years 0–9999). */
function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d+/g, '');
}
