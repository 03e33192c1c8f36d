// Types for build/sidebar.mjs (imported by the add-on builds, tests and the bench).
export type SidebarHost = 'google' | 'feishu' | 'local';
export declare const SIDEBAR_HOSTS: SidebarHost[];
export declare function buildSidebarScript(host: SidebarHost): Promise<string>;
export declare function buildSidebarCss(): Promise<string>;
export declare function buildSidebarHtml(host: SidebarHost, options?: { baseUrl?: string; headHtml?: string }): Promise<string>;
export declare function sidebarSize(host?: SidebarHost): Promise<{ bytes: number; gzip: number }>;
