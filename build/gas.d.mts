// Types for build/gas.mjs (imported by the add-on tests and the bench).
export declare const root: string;
export declare function hostFunctionNames(): Promise<string[]>;
export declare function buildCodeJs(options?: { minify?: boolean }): Promise<string>;
export declare function buildGasSidebar(): Promise<string>;
export declare function buildAppsScript(
  outDir?: string,
  options?: { minify?: boolean },
): Promise<{ outDir: string; files: Record<string, number> }>;
