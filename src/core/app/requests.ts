/**
 * Requests as they arrive from the sidebar: untrusted JSON. Every host (Apps Script, the Feishu service,
 * the local workspace) reads them here, so a malformed item or setting is refused the same way everywhere
 * and nothing the client sends reaches a document unchecked. null means "not a valid request".
 */
import type { SyncSettings } from './protocol';
import { DEFAULT_SETTINGS } from './protocol';
import type { ChooseTaskListRequest, InsertTemplateRequest, Lang, ReviewItem, WriteItemsRequest } from './protocol';
import { isScenarioId } from '../template/index';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function langOf(value: unknown, fallback: Lang): Lang {
  return value === 'zh' || value === 'en' ? value : fallback;
}

function stringOr<T>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' ? value : fallback;
}

function strings(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;
}

/** A scenario and language; the scenario defaults to the general record. */
export function parseInsertTemplate(body: unknown, fallback: Lang): InsertTemplateRequest | null {
  const r = record(body) ?? {};
  const scenario = r.scenario ?? 'general';
  if (typeof scenario !== 'string' || !isScenarioId(scenario)) return null;
  return { scenario, lang: langOf(r.lang, fallback) };
}

/** One reviewed item; fields a client may leave out get their empty values. */
export function parseReviewItem(value: unknown): ReviewItem | null {
  const i = record(value);
  if (!i || typeof i.id !== 'string' || (i.kind !== 'todo' && i.kind !== 'decision') || typeof i.title !== 'string' || !i.title.trim()) return null;
  const owners = strings(i.owners);
  const collaborators = strings(i.collaborators);
  const warnings = strings(i.warnings);
  const due = i.due ?? null;
  if (!owners || !collaborators || !warnings || (due !== null && (typeof due !== 'string' || !ISO_DATE.test(due)))) return null;
  return {
    id: i.id,
    kind: i.kind,
    title: i.title,
    owners,
    collaborators,
    due,
    dueTime: stringOr(i.dueTime, null),
    status: i.status === 'done' ? 'done' : 'open',
    warnings,
    sourceText: stringOr(i.sourceText, ''),
    inTable: i.inTable === true,
    taskLink: stringOr(i.taskLink, null),
  };
}

/** The confirmed items to write into the tables. */
export function parseWriteItems(body: unknown, fallback: Lang): WriteItemsRequest | null {
  const r = record(body);
  if (!r || !Array.isArray(r.items)) return null;
  const items: ReviewItem[] = [];
  for (const value of r.items) {
    const item = parseReviewItem(value);
    if (!item) return null;
    items.push(item);
  }
  return { items, lang: langOf(r.lang, fallback) };
}

/** A change of settings: known switches with boolean values only. */
export function parseSettings(body: unknown): Partial<SyncSettings> | null {
  const r = record(body);
  if (!r) return null;
  const out: Partial<SyncSettings> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SyncSettings)[]) {
    const value = r[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return null;
    out[key] = value;
  }
  return out;
}

/** A list id (a platform id: printable, no spaces, at most 200 characters), or null for a new list. */
export function parseChooseTaskList(body: unknown): ChooseTaskListRequest | null {
  const r = record(body);
  if (!r || !('listId' in r)) return null;
  const listId = r.listId;
  if (listId === null) return { listId: null };
  return typeof listId === 'string' && /^[!-~]{1,200}$/.test(listId) ? { listId } : null;
}
