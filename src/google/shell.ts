/**
 * The add-on shell: the menu (built in onOpen, which may run in AuthMode NONE: only the menu, no document or
 * properties access), the sidebar, the menu commands and the hourly trigger's handler.
 */
import { describeFailure, host, syncActiveDocument, userLang } from './host';
import { ADDON_TITLE, MENU } from './i18n';
import { loadSettings } from './settings';
import { HOURLY_HANDLER, setHourlySync } from './triggers';

export function onOpen(_e?: unknown): void {
  // Session.getActiveUserLocale needs no authorization, so the labels follow the user even in AuthMode NONE.
  const menu = DocumentApp.getUi().createAddonMenu();
  const lang = userLang();
  for (const [functionName, caption] of MENU) menu.addItem(caption[lang], functionName);
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

/** A menu command: what it has to say, or its failure in the user's language, shows as an alert. */
function menuCommand(run: () => string | null): () => void {
  const alert = (message: string): void => {
    DocumentApp.getUi().alert(message);
  };
  return () => {
    try {
      const message = run();
      if (message !== null) alert(message);
    } catch (error) {
      alert(describeFailure(error).message);
    }
  };
}

export const menuInsertTemplate = menuCommand(() => {
  host.insertTemplate({ lang: userLang(), scenario: 'general' });
  return null;
});

export const menuExtract = menuCommand(() => {
  const result = host.extract();
  const lang = userLang();
  const lines = result.items.slice(0, 12).map((i) => `• ${i.owners.length ? `【${i.owners.join('、')}】` : ''}${i.title}${i.due ? ` (${i.due})` : ''}`);
  const head = lang === 'zh' ? `找到 ${result.items.length} 项决议和待办。打开侧边栏可逐项确认。` : `Found ${result.items.length} decisions and to-dos. Open the sidebar to review them.`;
  return [head, ...lines].join('\n');
});

export const menuSyncNow = menuCommand(() => host.syncNow().message);

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
