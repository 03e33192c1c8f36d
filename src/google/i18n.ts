/** The add-on's own words (menu, errors) in the user's language; the core has its own for content. */
import type { HostErrorCode, Lang } from '../core/app/protocol';

/** Apps Script reports locales as 'zh-CN', 'zh_TW', 'en', 'en-GB'…: Chinese ones get Chinese. */
export function langOfLocale(locale: string | null | undefined): Lang {
  return /^zh\b|^zh[-_]/i.test(locale ?? '') ? 'zh' : 'en';
}

export const ADDON_TITLE: Record<Lang, string> = { zh: '纪要待办', en: 'Minutes to Tasks' };

/** The global functions the menu items call. */
export type MenuFunction = 'showSidebar' | 'menuInsertTemplate' | 'menuExtract' | 'menuSyncNow';

/**
 * The menu in order: each item's global function and caption. onOpen may run in AuthMode NONE, where the
 * locale is still readable (Session needs no authorization).
 */
export const MENU: readonly (readonly [MenuFunction, Record<Lang, string>])[] = [
  ['showSidebar', { zh: '打开侧边栏', en: 'Open sidebar' }],
  ['menuInsertTemplate', { zh: '插入会议记录表', en: 'Insert meeting record table' }],
  ['menuExtract', { zh: '提取行动项', en: 'Extract action items' }],
  ['menuSyncNow', { zh: '立即同步到 Google Tasks', en: 'Sync now to Google Tasks' }],
];

/**
 * The codes this host reports: extraction works without a template, and Apps Script itself signs the user
 * in, so 'no_template' and 'unauthenticated' (other hosts') never occur here.
 */
export type GoogleErrorCode = Exclude<HostErrorCode, 'no_template' | 'unauthenticated'>;

export const ERROR_MESSAGES: Record<GoogleErrorCode, Record<Lang, string>> = {
  locked: { zh: '另一位协作者正在同步这份文档，请稍后重试。', en: 'Someone else is syncing this document right now. Try again in a moment.' },
  quota: {
    zh: 'Google Tasks 今日的调用额度已用完，已完成的部分已保存，明天可继续同步。',
    en: "Today's Google Tasks quota is used up. What was synced is saved; sync again tomorrow.",
  },
  rate_limited: { zh: 'Google Tasks 请求过于频繁，请稍后重试。', en: 'Google Tasks is receiving too many requests. Try again shortly.' },
  service_missing: {
    zh: '未启用 Google Tasks 服务。请在脚本编辑器的“服务”中添加 Tasks API 后重试。',
    en: 'The Google Tasks service is not enabled. Add the Tasks API under Services in the script editor, then try again.',
  },
  permission: { zh: '没有执行此操作的权限。请重新授权本插件后重试。', en: 'The add-on is not allowed to do this. Authorize it again and retry.' },
  not_found: { zh: '找不到要操作的内容，请重新提取后再试。', en: 'What this refers to is gone. Extract again and retry.' },
  invalid: { zh: '请求内容无效，请检查后重试。', en: 'The request was not valid. Check it and try again.' },
  unavailable: { zh: 'Google 服务暂时不可用，请稍后重试。', en: 'A Google service is unavailable right now. Try again later.' },
  internal: { zh: '出现了意外错误，文档内容未受影响，请重试。', en: 'Something went wrong. The document is unchanged; try again.' },
};
