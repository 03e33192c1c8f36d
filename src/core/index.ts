// The platform-free core in one entry (bundled to dist/core.iife.js as `MinutesCore` for Apps Script and
// the browser). A pure re-export file: add modules here, no logic.
export { extractMinutes } from './extract/index';
export type { ExtractOptions } from './extract/index';
export { toContract } from './extract/contract';
export type { ContractExtraction, ContractItem } from './extract/contract';
export * from './template/index';
export * from './dates/index';
export * from './export/index';
export { inlineText, blockText, cellText, cellInlines, text } from './model/text';
export type * from './model/index';
