/** Per-user, per-document settings and the last sync's summary, in UserProperties (small values only). */
import { DEFAULT_SETTINGS, type SyncSettings, type SyncSummary } from '../core/app/protocol';
import { parseSettings } from '../core/app/requests';
import { KEYS } from './store';

type Properties = GoogleAppsScript.Properties.Properties;

/** A stored JSON value; undefined when missing or unreadable. */
function loadJson(props: Properties, key: string): unknown {
  const raw = props.getProperty(key);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

export function loadSettings(props: Properties, docId: string): SyncSettings {
  // Unreadable or malformed settings fall back to the defaults.
  return { ...DEFAULT_SETTINGS, ...parseSettings(loadJson(props, KEYS.settings(docId))) };
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
  return (loadJson(props, KEYS.lastSync(docId)) as SyncSummary | undefined) ?? null;
}
