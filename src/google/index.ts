/**
 * The global functions Apps Script calls (simple triggers, menu items, the hourly trigger and the sidebar's
 * google.script.run operations) — nothing else lives here. The build bundles this file into an IIFE that
 * puts them on `globalThis.__minutes` and appends one top-level `function name() {}` per name of
 * functions.json, which is what Apps Script can see.
 */
import { guarded, host } from './host';
import { hourlySync, menuExtract, menuInsertTemplate, menuSyncNow, onInstall, onOpen, showSidebar } from './shell';

/** Every HostApi operation under its own name, failing with HostError JSON (see guarded). */
const operations = Object.fromEntries(
  Object.entries(host).map(([name, operation]) => [name, guarded(name, operation as (...args: unknown[]) => unknown)]),
) as typeof host;

const globals = {
  onOpen,
  onInstall,
  showSidebar,
  menuInsertTemplate,
  menuExtract,
  menuSyncNow,
  hourlySync,
  ...operations,
};

(globalThis as unknown as { __minutes: typeof globals }).__minutes = globals;
