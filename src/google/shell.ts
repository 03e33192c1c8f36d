/**
 * The add-on shell: the menu (built in onOpen, which may run in AuthMode NONE: only the menu, no document or
 * properties access), the sidebar, the menu commands and the hourly trigger's handler.
 */
import type { Lang } from '../core/app/protocol';
import { describeFailure, host, syncActiveDocument, userLang } from './host';
import { ADDON_TITLE, MENU_LABELS, type MenuLabels } from './i18n';
import { loadSettings } from './settings';
import { HOURLY_HANDLER, setHourlySync } from './triggers';

export type MenuFunction = 'showSidebar' | 'menuInsertTemplate' | 'menuExtract' | 'menuSyncNow';

/** The menu in order: each item's label and the global function it calls. */
const MENU: readonly [keyof MenuLabels, MenuFunction][] = [
  ['sidebar', 'showSidebar'],
  ['insertTemplate', 'menuInsertTemplate'],
  ['extract', 'menuExtract'],
  ['syncNow', 'menuSyncNow'],
];

/** Menu captions and the global function each one calls. */
export function menuEntries(lang: Lang): { caption: string; functionName: MenuFunction }[] {
  return MENU.map(([label, functionName]) => ({ caption: MENU_LABELS[lang][label], functionName }));
}

export function onOpen(_e?: unknown): void {
  // Session.getActiveUserLocale needs no authorization, so the labels follow the user even in AuthMode NONE.
  const menu = DocumentApp.getUi().createAddonMenu();
  for (const entry of menuEntries(userLang())) menu.addItem(entry.caption, entry.functionName);
  menu.addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function showSidebar(): void {
  const lang = userLang();
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE[lang]);
  DocumentApp.getUi().showSidebar(page);
}

function alertFailure(error: unknown): void {
  DocumentApp.getUi().alert(describeFailure(error).message);
}

export function menuInsertTemplate(): void {
  try {
    host.insertTemplate({ lang: userLang(), scenario: 'general' });
  } catch (error) {
    alertFailure(error);
  }
}

export function menuExtract(): void {
  try {
    const result = host.extract();
    const lang = userLang();
    const lines = result.items.slice(0, 12).map((i) => `• ${i.owners.length ? `【${i.owners.join('、')}】` : ''}${i.title}${i.due ? ` (${i.due})` : ''}`);
    const head = lang === 'zh' ? `找到 ${result.items.length} 项决议和待办。打开侧边栏可逐项确认。` : `Found ${result.items.length} decisions and to-dos. Open the sidebar to review them.`;
    DocumentApp.getUi().alert([head, ...lines].join('\n'));
  } catch (error) {
    alertFailure(error);
  }
}

export function menuSyncNow(): void {
  try {
    DocumentApp.getUi().alert(host.syncNow().message);
  } catch (error) {
    alertFailure(error);
  }
}

/**
 * The hourly trigger (trigger context: no UI, no cursor, no active tab). Skips quietly when another execution
 * holds the lock; removes itself when the user turned background sync off.
 */
export function hourlySync(_e?: unknown): void {
  const doc = DocumentApp.getActiveDocument();
  if (!doc) return;
  const settings = loadSettings(PropertiesService.getUserProperties(), doc.getId());
  if (!settings.autoSync) {
    setHourlySync(doc, false);
    return;
  }
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(1_000)) return;
  try {
    const summary = syncActiveDocument();
    console.log(`${HOURLY_HANDLER}: ${summary.ok ? 'ok' : 'with failures'}, ${summary.remoteWrites} writes`);
  } catch (error) {
    console.warn(`${HOURLY_HANDLER} failed: ${describeFailure(error).code}`);
  } finally {
    lock.releaseLock();
  }
}
