/**
 * Entry point: picks the host implementation this bundle was built for (esbuild defines
 * __SIDEBAR_HOST__) and starts the UI.
 */
import type { HostApi } from '../src/core/app/protocol';
import { SidebarApp } from './app';
import { guessLang, words } from './i18n';
import { createGoogleHost } from './hosts/google';
import { createHttpHost, type HttpHostOptions, type Operation } from './hosts/http';

declare const __SIDEBAR_HOST__: string;

/** What a page embedding the HTTP sidebar may define before the script runs. */
export interface SidebarConfig {
  baseUrl?: string;
  headers?: HttpHostOptions['headers'];
  /** How often to check whether the document changed after an extraction (ms; 0 = never). */
  pollMs?: number;
}

const DEFAULT_POLL_MS = 20_000;

/** What the local workspace's editor page offers the sidebar beside it (same origin). */
export interface WorkspaceBridge {
  /** Save the editor's unsaved changes (without sync) so the host reads what the user sees. */
  flush(): Promise<void>;
  /** Load the document again after the host changed it. */
  reload(): Promise<void>;
}

type SidebarWindow = Window & {
  google?: Parameters<typeof createGoogleHost>[0];
  minutesSidebarConfig?: SidebarConfig;
  minutesWorkspace?: WorkspaceBridge;
};

const CHANGES_DOCUMENT: readonly Operation[] = ['insertTemplate', 'writeItems', 'syncNow'];
const READS_DOCUMENT: readonly Operation[] = ['insertTemplate', 'extract', 'writeItems', 'syncNow', 'fingerprint'];

function workspace(): WorkspaceBridge | undefined {
  try {
    return window.parent !== window ? (window.parent as SidebarWindow).minutesWorkspace : undefined;
  } catch {
    return undefined;
  }
}

function createHost(kind: string, lang: () => 'zh' | 'en'): HostApi {
  const win = window as SidebarWindow;
  const fallback = (): string => words(lang()).errors.internal;
  if (kind === 'google') {
    if (!win.google) throw new Error('google.script.run is missing');
    return createGoogleHost(win.google, fallback);
  }
  const config = win.minutesSidebarConfig ?? {};
  const meta = document.querySelector<HTMLMetaElement>('meta[name="minutes-api-base"]');
  const options: HttpHostOptions = {
    baseUrl: config.baseUrl ?? meta?.content ?? '',
    messages: () => words(lang()).errors,
  };
  if (config.headers) options.headers = config.headers;
  if (kind === 'local') {
    options.before = async (op) => {
      if (READS_DOCUMENT.includes(op)) await workspace()?.flush();
    };
    options.after = async (op) => {
      if (CHANGES_DOCUMENT.includes(op)) await workspace()?.reload();
    };
  }
  return createHttpHost(options);
}

function boot(): void {
  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
  let app: SidebarApp | null = null;
  const lang = guessLang(navigator.language);
  const host = createHost(__SIDEBAR_HOST__, () => (app ? (document.documentElement.lang === 'en' ? 'en' : 'zh') : lang));
  app = new SidebarApp(root, host, lang);
  app.render();
  void app.start();
  app.watch((window as SidebarWindow).minutesSidebarConfig?.pollMs ?? DEFAULT_POLL_MS);
}

boot();
