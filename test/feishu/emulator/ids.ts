/** Identifier shapes of the live platform (lengths and prefixes matter to adapters that validate ids). */
import { randomBytes, randomUUID } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function base62(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += BASE62[b % 62];
  return out;
}

export function hex(length: number): string {
  return randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
}

/** docx document ids and block ids are 27 characters; the page block's id equals the document id. */
export function docxId(): string {
  return `doxcn${base62(22)}`;
}

export const openId = (): string => `ou_${hex(32)}`;
export const unionId = (): string => `on_${hex(32)}`;
export const userId = (): string => hex(8);
export const openDepartmentId = (): string => `od-${hex(32)}`;
export const uuid = (): string => randomUUID();
export const tenantToken = (): string => `t-g1${hex(40)}`;
export const userToken = (): string => `u-${base62(40)}`;
export const eventId = (): string => hex(32);
export const logId = (): string => `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}${hex(18).toUpperCase()}`;

/** An app id that WSClient accepts: `cli_` + 16 hex digits. */
export function appId(): string {
  return `cli_${hex(16)}`;
}

export const APP_ID_PATTERN = /^cli_[0-9a-fA-F]{16}$/;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
