import type { HostApi } from '../../src/core/app/protocol';

/** The HostApi over one transport: every operation is a call by name with its request object (or none). */
export function bindHostApi(call: <T>(op: keyof HostApi, request?: unknown) => Promise<T>): HostApi {
  return {
    getContext: () => call('getContext'),
    insertTemplate: (request) => call('insertTemplate', request),
    extract: () => call('extract'),
    writeItems: (request) => call('writeItems', request),
    syncNow: () => call('syncNow'),
    saveSettings: (settings) => call('saveSettings', settings),
    fingerprint: () => call('fingerprint'),
    taskLists: () => call('taskLists'),
    chooseTaskList: (request) => call('chooseTaskList', request),
  };
}
