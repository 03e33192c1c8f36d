/** Failures of the local workspace as HostErrors: a code, one plain sentence, retryable or not. */
import type { HostError, HostErrorCode, Lang } from '../core/app/protocol';
import { isBackendError } from '../core/sync/backend';

export class LocalError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly retryable = false,
  ) {
    super(en);
    this.name = 'LocalError';
  }
}

export const notFound = (): LocalError => new LocalError('not_found', '找不到这个文档。', 'This document does not exist.');
export const invalid = (what: string): LocalError => new LocalError('invalid', `请求无效：${what}`, `Invalid request: ${what}`);

export function toHostError(error: unknown, lang: Lang): HostError {
  if (error instanceof LocalError) return { code: error.code, message: lang === 'zh' ? error.zh : error.en, retryable: error.retryable };
  if (isBackendError(error)) {
    const retryable = error.kind === 'rate_limit' || error.kind === 'transient' || error.kind === 'timeout';
    const code: HostErrorCode = error.kind === 'not_found' ? 'not_found' : error.kind === 'permission' ? 'permission' : error.kind === 'invalid' ? 'invalid' : error.kind === 'rate_limit' ? 'rate_limited' : 'unavailable';
    return { code, message: lang === 'zh' ? '本地任务列表暂时无法写入，请重试。' : 'The local task list could not be written. Please retry.', retryable };
  }
  return { code: 'internal', message: lang === 'zh' ? '出了点问题，请重试。' : 'Something went wrong. Please retry.', retryable: true };
}

export function httpStatus(error: HostError): number {
  switch (error.code) {
    case 'not_found':
      return 404;
    case 'invalid':
    case 'no_template':
      return 400;
    case 'locked':
      return 409;
    case 'rate_limited':
    case 'quota':
      return 429;
    case 'permission':
      return 403;
    case 'unauthenticated':
      return 401;
    case 'unavailable':
      return 503;
    default:
      return 500;
  }
}
