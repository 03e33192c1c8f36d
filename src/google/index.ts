/**
 * The global functions Apps Script calls (simple triggers, menu items, the hourly trigger and the sidebar's
 * google.script.run operations) — nothing else lives here. The build bundles this file into an IIFE that
 * puts them on `globalThis.__minutes` and appends one top-level `function name() {}` per name of
 * functions.json, which is what Apps Script can see.
 */
import { guarded, host } from './host';
import { hourlySync, menuExtract, menuInsertTemplate, menuSyncNow, onInstall, onOpen, showSidebar } from './shell';

const globals = {
  onOpen,
  onInstall,
  showSidebar,
  menuInsertTemplate,
  menuExtract,
  menuSyncNow,
  hourlySync,
  getContext: guarded('getContext', host.getContext),
  insertTemplate: guarded('insertTemplate', host.insertTemplate),
  extract: guarded('extract', host.extract),
  writeItems: guarded('writeItems', host.writeItems),
  syncNow: guarded('syncNow', host.syncNow),
  saveSettings: guarded('saveSettings', host.saveSettings),
  fingerprint: guarded('fingerprint', host.fingerprint),
};

(globalThis as unknown as { __minutes: typeof globals }).__minutes = globals;
