/**
 * Every failure reaching the sidebar is a HostError: a code to act on, one plain sentence in the user's
 * language, and whether retrying can help. Raw messages (which may hold stack traces or ids) never leave.
 */
import type { HostError, Lang } from '../core/app/protocol';
import { isBackendError, type BackendErrorKind } from '../core/sync/backend';
import { ERROR_MESSAGES, type GoogleErrorCode } from './i18n';

/** A failure the host recognised; `code` decides the message. */
export class HostFailure extends Error {
  constructor(
    readonly code: GoogleErrorCode,
    readonly detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'HostFailure';
  }
}

/** The Tasks daily quota (or Apps Script's own per-day limit): retrying today will not help. */
export class QuotaExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuotaExceeded';
  }
}

const RETRYABLE: ReadonlySet<GoogleErrorCode> = new Set(['locked', 'rate_limited', 'unavailable', 'internal', 'not_found']);

/** What the sidebar is told about each kind of task backend failure. */
const BACKEND_ERROR_CODES: Record<BackendErrorKind, GoogleErrorCode> = {
  rate_limit: 'rate_limited',
  transient: 'unavailable',
  timeout: 'unavailable',
  not_found: 'not_found',
  permission: 'permission',
  invalid: 'invalid',
};

/** Apps Script's wording when a service's daily quota is used up (Tasks API or Apps Script's own). */
export const DAILY_QUOTA = /too many times for one day|per day/i;

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The code for anything a host operation threw. */
export function errorCode(error: unknown): GoogleErrorCode {
  if (error instanceof HostFailure) return error.code;
  if (error instanceof QuotaExceeded) return 'quota';
  if (isBackendError(error)) return BACKEND_ERROR_CODES[error.kind];
  const message = messageOf(error);
  if (DAILY_QUOTA.test(message)) return 'quota';
  if (/not have permission|authorization is required|PERMISSION_DENIED/i.test(message)) return 'permission';
  if (/Service invoked too many times|Rate Limit/i.test(message)) return 'rate_limited';
  if (/timed out|Service unavailable|Backend Error|Internal Error/i.test(message)) return 'unavailable';
  return 'internal';
}

export function toHostError(error: unknown, lang: Lang): HostError {
  const code = errorCode(error);
  return { code, message: ERROR_MESSAGES[code][lang], retryable: RETRYABLE.has(code) };
}

/**
 * What google.script.run hands the sidebar's failure handler is the message of the thrown Error only, so the
 * HostError travels as its JSON (the sidebar's toHostError parses it).
 */
export function hostErrorException(error: HostError): Error {
  return new Error(JSON.stringify(error));
}
