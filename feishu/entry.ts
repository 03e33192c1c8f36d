// The floating widget's head script: runs before the sidebar bundle and gives it the service URL and the
// user's session header (window.minutesSidebarConfig). build/feishu.mjs bundles it with the service URL.
import { docsAddon } from '../src/feishu/widget/addon';
import { createSidebarConfig } from '../src/feishu/widget/session';

declare const __MINUTES_SERVICE_URL__: string;

(window as unknown as { minutesSidebarConfig: unknown }).minutesSidebarConfig = createSidebarConfig({ serviceUrl: __MINUTES_SERVICE_URL__, addon: docsAddon() });
