/**
 * Loads the BUILT add-on (build/gas.mjs → a temporary folder, once per test file) into the Apps Script fakes'
 * vm context and calls its global functions as Apps Script would.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppsScript } from '../../build/gas.mjs';
import type { AppsScriptEnvironment, AppsScriptEnvironmentOptions } from './index';
import { createAppsScriptEnvironment } from './index';

export interface BuiltAddon {
  code: string;
  sidebar: string;
  manifest: string;
  dir: string;
}

let built: Promise<BuiltAddon> | null = null;

/** Builds build/gas into a temporary folder (so parallel test files never race on build/gas). */
export function buildAddon(): Promise<BuiltAddon> {
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtt-gas-'));
    await buildAppsScript(dir);
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    return { code: read('Code.js'), sidebar: read('Sidebar.html'), manifest: read('appsscript.json'), dir };
  })();
  return built;
}

export type AddonGlobals = Record<string, (...args: unknown[]) => unknown>;

export interface LoadedAddon {
  env: AppsScriptEnvironment;
  /** The vm context: the add-on's global functions plus the fakes. */
  g: AddonGlobals;
  /** Calls a global function as a new execution (a menu click or a google.script.run call). */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** Calls a google.script.run operation and returns the HostError it failed with (or throws if it did not). */
  failure(name: string, ...args: unknown[]): { code: string; message: string; retryable: boolean };
}

export function loadAddon(addon: BuiltAddon, options: AppsScriptEnvironmentOptions = {}): LoadedAddon {
  const env = createAppsScriptEnvironment({ sidebarHtml: { Sidebar: addon.sidebar }, ...options });
  env.run(addon.code, 'Code.js');
  const g = env.createContext() as unknown as AddonGlobals;
  const call = <T>(name: string, ...args: unknown[]): T => {
    env.newExecution({ context: 'user', authMode: 'FULL' });
    const fn = g[name];
    if (typeof fn !== 'function') throw new Error(`no global function ${name}`);
    // google.script.run passes JSON-like copies.
    return fn(...(JSON.parse(JSON.stringify(args)) as unknown[])) as T;
  };
  const failure = (name: string, ...args: unknown[]): { code: string; message: string; retryable: boolean } => {
    try {
      call(name, ...args);
    } catch (error) {
      return JSON.parse((error as Error).message) as { code: string; message: string; retryable: boolean };
    }
    throw new Error(`${name} did not fail`);
  };
  return { env, g, call, failure };
}
