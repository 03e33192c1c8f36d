/** Per-user, per-document settings and the last sync's summary, in UserProperties (small values only). */
import { DEFAULT_SETTINGS, type SyncSettings, type SyncSummary } from '../core/app/protocol';
import { parseSettings } from '../core/app/requests';
import { KEYS } from './store';

type Properties = GoogleAppsScript.Properties.Properties;

export function loadSettings(props: Properties, docId: string): SyncSettings {
  const raw = props.getProperty(KEYS.settings(docId));
  if (!raw) return { ...DEFAULT_SETTINGS };
  try {
    return { ...DEFAULT_SETTINGS, ...(parseSettings(JSON.parse(raw)) ?? {}) };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function storeSettings(props: Properties, docId: string, settings: SyncSettings): void {
  props.setProperty(KEYS.settings(docId), JSON.stringify(settings));
}

/** The summary without its per-item list (that can pass the 9 KB value limit on a long document). */
export function storeLastSync(props: Properties, docId: string, summary: SyncSummary): void {
  const compact: SyncSummary = { ...summary, items: [], warnings: summary.warnings.slice(0, 5) };
  let text = JSON.stringify(compact);
  if (text.length > 3000) text = JSON.stringify({ ...compact, warnings: [] });
  props.setProperty(KEYS.lastSync(docId), text);
}

export function loadLastSync(props: Properties, docId: string): SyncSummary | null {
  const raw = props.getProperty(KEYS.lastSync(docId));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SyncSummary;
  } catch {
    return null;
  }
}
