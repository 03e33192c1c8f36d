/** The docx block model (块的数据结构): type numbers, payload keys, text elements. */
import { docxErrors } from '../errors';
import type { Directory, UserIdType } from '../directory';
import type { JsonObject } from '../json';
import { isObject, parseMs } from '../json';

export interface Block {
  block_id: string;
  parent_id: string;
  children: string[];
  block_type: number;
  [payload: string]: unknown;
}

export const BLOCK_KEYS: Readonly<Record<number, string>> = {
  1: 'page', 2: 'text', 3: 'heading1', 4: 'heading2', 5: 'heading3', 6: 'heading4', 7: 'heading5', 8: 'heading6',
  9: 'heading7', 10: 'heading8', 11: 'heading9', 12: 'bullet', 13: 'ordered', 14: 'code', 15: 'quote', 16: 'equation',
  17: 'todo', 18: 'bitable', 19: 'callout', 20: 'chat_card', 21: 'diagram', 22: 'divider', 23: 'file', 24: 'grid',
  25: 'grid_column', 26: 'iframe', 27: 'image', 28: 'isv', 29: 'mindnote', 30: 'sheet', 31: 'table', 32: 'table_cell',
  33: 'view', 34: 'quote_container', 35: 'task', 36: 'okr', 37: 'okr_objective', 38: 'okr_key_result', 39: 'okr_progress',
  40: 'add_ons', 41: 'jira_issue', 42: 'wiki_catalog', 43: 'board', 44: 'agenda', 45: 'agenda_item', 46: 'agenda_item_title',
  47: 'agenda_item_content', 48: 'link_preview', 49: 'source_synced', 50: 'reference_synced', 51: 'sub_page_list',
  52: 'ai_template', 999: 'undefined',
};

/** Blocks whose payload is `{style, elements}`. */
export const TEXT_TYPES: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17]);
/** Containers must be created with at least one child (create them with `descendant`). */
export const CONTAINER_TYPES: ReadonlySet<number> = new Set([19, 24, 25, 32, 34]);
/** Blocks that may hold children at all. */
export const PARENT_TYPES: ReadonlySet<number> = new Set([...TEXT_TYPES, 19, 24, 25, 31, 32, 34, 44, 45, 46, 47]);
/** Types the Open API can create (children create / descendant). Table cells only inside a table. */
export const CREATABLE_TYPES: ReadonlySet<number> = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 19, 22, 27, 31, 32, 34]);

export function payloadKey(blockType: number): string | undefined {
  return BLOCK_KEYS[blockType];
}

/** Plain text of a text-like payload: text_run contents and equations (mentions rendered by the caller). */
export function elementsOf(block: Block): JsonObject[] {
  const key = payloadKey(block.block_type);
  const payload = key ? block[key] : undefined;
  if (!isObject(payload) || !Array.isArray(payload.elements)) return [];
  return payload.elements.filter(isObject);
}

export interface ElementLimits {
  reminders: number;
  mentionDocs: number;
  mentionUsers: number;
}

export interface ElementContext {
  directory: Directory;
  /** user_id_type of the request: mention_user.user_id is read and written in this id type. */
  userIdType: UserIdType;
  /** Default reminder creator (the app's bot). */
  defaultCreator: string;
  /** Running resource counts for the whole request (≤30 reminders, ≤50 mention_doc, ≤100 mention_user). */
  counts: ElementLimits;
}

const ELEMENT_KEYS = ['text_run', 'mention_user', 'mention_doc', 'reminder', 'equation', 'link_preview', 'file', 'inline_block', 'undefined_element'];
const OUTPUT_ONLY = new Set(['file', 'inline_block', 'undefined_element']);
const ENCODED_URL = /^[A-Za-z0-9\-_.!~*'()%]+$/;

function checkEncodedUrl(url: unknown, field: string): string {
  if (typeof url !== 'string' || url === '') throw docxErrors.invalidParam(`${field} is required`);
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    throw docxErrors.invalidParam(`${field} is not url-encoded`);
  }
  if (!ENCODED_URL.test(url) || !/^https?:\/\//.test(decoded)) throw docxErrors.invalidParam(`${field} must be a url-encoded http(s) URL`);
  return url;
}

function normalizeStyle(style: unknown, field: string): JsonObject {
  if (style === undefined) return {};
  if (!isObject(style)) throw docxErrors.invalidParam(`${field} must be an object`);
  const out: JsonObject = { ...style };
  if (style.link !== undefined) {
    if (!isObject(style.link)) throw docxErrors.invalidParam(`${field}.link must be an object`);
    out.link = { url: checkEncodedUrl(style.link.url, `${field}.link.url`) };
  }
  return out;
}

/** Validate and normalize request elements into stored form (mention user ids become open_ids). */
export function normalizeElements(elements: unknown, field: string, ctx: ElementContext): JsonObject[] {
  if (!Array.isArray(elements)) throw docxErrors.invalidParam(`${field} must be an array`);
  return elements.map((element, i) => normalizeElement(element, `${field}[${i}]`, ctx));
}

function normalizeElement(element: unknown, field: string, ctx: ElementContext): JsonObject {
  if (!isObject(element)) throw docxErrors.invalidParam(`${field} must be an object`);
  const keys = Object.keys(element).filter((k) => element[k] !== undefined && element[k] !== null);
  if (keys.length !== 1 || !ELEMENT_KEYS.includes(keys[0]!)) {
    throw docxErrors.invalidParam(`${field} must have exactly one of text_run, mention_user, mention_doc, reminder, equation`);
  }
  const kind = keys[0]!;
  if (OUTPUT_ONLY.has(kind)) throw docxErrors.invalidParam(`${field}.${kind} is output only`);
  const value = element[kind];
  if (!isObject(value)) throw docxErrors.invalidParam(`${field}.${kind} must be an object`);
  const style = normalizeStyle(value.text_element_style, `${field}.${kind}.text_element_style`);
  switch (kind) {
    case 'text_run':
      if (typeof value.content !== 'string') throw docxErrors.invalidParam(`${field}.text_run.content is required`);
      if (value.content.length > 100_000) throw docxErrors.invalidParam(`${field}.text_run.content is too long`);
      return { text_run: { content: value.content, text_element_style: style } };
    case 'mention_user': {
      if (typeof value.user_id !== 'string' || value.user_id === '') throw docxErrors.invalidParam(`${field}.mention_user.user_id is required`);
      const user = ctx.directory.byIdType(value.user_id, ctx.userIdType);
      if (!user || user.status.is_resigned) {
        throw docxErrors.invalidParam(`${field}.mention_user.user_id ${value.user_id} is not an active user (${ctx.userIdType})`);
      }
      if (++ctx.counts.mentionUsers > 100) throw docxErrors.resourceCount('more than 100 mention_user in one update');
      return { mention_user: { user_id: user.open_id, text_element_style: style } };
    }
    case 'mention_doc': {
      if (typeof value.token !== 'string' || value.token === '') throw docxErrors.invalidParam(`${field}.mention_doc.token is required`);
      if (typeof value.obj_type !== 'number') throw docxErrors.invalidParam(`${field}.mention_doc.obj_type is required`);
      if (++ctx.counts.mentionDocs > 50) throw docxErrors.resourceCount('more than 50 mention_doc in one update');
      const out: JsonObject = { token: value.token, obj_type: value.obj_type, url: checkEncodedUrl(value.url, `${field}.mention_doc.url`), text_element_style: style };
      if (typeof value.title === 'string') out.title = value.title;
      return { mention_doc: out };
    }
    case 'reminder': {
      const expire = parseMs(value.expire_time);
      if (expire === undefined || expire <= 0) throw docxErrors.invalidParam(`${field}.reminder.expire_time must be a millisecond timestamp`);
      const notify = value.notify_time === undefined ? expire : parseMs(value.notify_time);
      if (notify === undefined) throw docxErrors.invalidParam(`${field}.reminder.notify_time must be a millisecond timestamp`);
      if (value.is_whole_day !== undefined && typeof value.is_whole_day !== 'boolean') throw docxErrors.invalidParam(`${field}.reminder.is_whole_day must be a boolean`);
      if (++ctx.counts.reminders > 30) throw docxErrors.resourceCount('more than 30 reminders in one update');
      return {
        reminder: {
          create_user_id: typeof value.create_user_id === 'string' && value.create_user_id !== '' ? value.create_user_id : ctx.defaultCreator,
          is_notify: value.is_notify === true,
          is_whole_day: value.is_whole_day === true,
          expire_time: String(expire),
          notify_time: String(notify),
          text_element_style: style,
        },
      };
    }
    case 'equation':
      if (typeof value.content !== 'string') throw docxErrors.invalidParam(`${field}.equation.content is required`);
      return { equation: { content: value.content, text_element_style: style } };
    default:
      return { [kind]: { ...value, text_element_style: style } };
  }
}

/** Stored element → response element in the request's user_id_type. */
export function renderElement(element: JsonObject, directory: Directory, userIdType: UserIdType): JsonObject {
  const mention = element.mention_user;
  if (isObject(mention) && typeof mention.user_id === 'string' && userIdType !== 'open_id') {
    const user = directory.byIdType(mention.user_id, 'open_id');
    return { mention_user: { ...mention, user_id: user ? user[userIdType] : mention.user_id } };
  }
  return element;
}

/** Raw text of a block's elements as raw_content shows it (mentions as @name). */
export function plainText(block: Block, directory: Directory): string {
  return elementsOf(block)
    .map((e) => {
      if (isObject(e.text_run)) return String(e.text_run.content ?? '');
      if (isObject(e.mention_user)) return `@${directory.byIdType(String(e.mention_user.user_id), 'open_id')?.name ?? ''}`;
      if (isObject(e.mention_doc)) return String(e.mention_doc.title ?? '');
      if (isObject(e.equation)) return String(e.equation.content ?? '');
      if (isObject(e.reminder)) return new Date(Number(e.reminder.expire_time)).toISOString().slice(0, 10);
      return '';
    })
    .join('');
}
