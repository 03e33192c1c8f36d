// Types for build/local.mjs (imported by the local workspace tests and the bench).
export declare function buildLocalAssets(dir?: string): Promise<{ dir: string; sidebarBytes: number }>;
export declare function buildLocalServer(): Promise<string>;
export declare function buildLocal(): Promise<{ outfile: string; bytes: number }>;
