/**
 * The first part of Code.js: SyncPromise as the global `__minutesSyncPromise`, which build/gas.mjs binds to
 * `Promise` around the add-on bundle. Only the class: the bundle has its own runSync.
 */
import { SyncPromise } from './sync-promise';

(globalThis as unknown as { __minutesSyncPromise: typeof SyncPromise }).__minutesSyncPromise = SyncPromise;
