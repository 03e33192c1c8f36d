/** Failures → the sidebar's HostError: a code, one plain sentence in the user's language, retryable. */
import type { HostError, Lang } from '../../core/app/protocol';
import { isBackendError } from '../../core/sync/backend';
import { FeishuApiError } from '../client';
import { AuthError } from './auth';

const TEXT: Record<HostError['code'], { zh: string; en: string }> = {
  no_template: { zh: '文档中没有记录表，请先插入模板。', en: 'The document has no record table; insert the template first.' },
  locked: { zh: '另一个同步正在进行，请稍后再试。', en: 'Another sync is running; try again shortly.' },
  quota: { zh: '飞书接口额度已用完，请稍后再试。', en: 'The Feishu API quota is used up; try again later.' },
  rate_limited: { zh: '飞书接口繁忙，请稍后再试。', en: 'Feishu is busy (rate limit); try again in a moment.' },
  service_missing: { zh: '同步服务未配置。', en: 'The sync service is not configured.' },
  permission: { zh: '没有权限：需要能编辑此文档，且应用已被添加到文档。', en: 'No permission: you must be able to edit this document, and the app must be added to it.' },
  unauthenticated: { zh: '请重新登录飞书。', en: 'Please sign in to Feishu again.' },
  not_found: { zh: '找不到该文档或任务。', en: 'The document or task was not found.' },
  invalid: { zh: '请求无效。', en: 'The request is not valid.' },
  unavailable: { zh: '暂时无法连接飞书，请稍后再试。', en: 'Feishu cannot be reached just now; try again shortly.' },
  internal: { zh: '同步服务出错，请稍后再试。', en: 'The sync service hit an error; try again shortly.' },
};

export function hostError(code: HostError['code'], lang: Lang, message?: string): HostError {
  return { code, message: message ?? TEXT[code][lang], retryable: code === 'rate_limited' || code === 'unavailable' || code === 'locked' || code === 'internal' };
}

export function toHostError(error: unknown, lang: Lang): HostError {
  if (error instanceof AuthError) return hostError(error.kind === 'permission' ? 'permission' : error.kind, lang);
  if (error instanceof FeishuApiError) {
    if (error.rateLimited) return hostError('rate_limited', lang);
    if (error.code === 1770032 || error.code === 99991672 || error.code === 1069603 || error.status === 403) return hostError('permission', lang);
    if (error.code === 1770002 || error.status === 404) return hostError('not_found', lang);
    if (error.retryable) return hostError('unavailable', lang);
    return hostError('invalid', lang);
  }
  if (isBackendError(error)) {
    if (error.kind === 'rate_limit') return hostError('rate_limited', lang);
    if (error.kind === 'permission') return hostError('permission', lang);
    if (error.kind === 'not_found') return hostError('not_found', lang);
    if (error.kind === 'invalid') return hostError('invalid', lang);
    return hostError('unavailable', lang);
  }
  return hostError('internal', lang);
}

export function httpStatusOf(error: HostError): number {
  switch (error.code) {
    case 'unauthenticated':
      return 401;
    case 'permission':
      return 403;
    case 'not_found':
      return 404;
    case 'invalid':
    case 'no_template':
      return 400;
    case 'rate_limited':
    case 'quota':
      return 429;
    case 'locked':
      return 409;
    case 'unavailable':
    case 'service_missing':
      return 503;
    default:
      return 500;
  }
}
