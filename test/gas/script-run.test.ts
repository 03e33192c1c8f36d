import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { GoogleScriptClient, ScriptRunResult, ScriptRunServer } from './index';
import { buildGoogleScriptRunClientScript, cloneForScriptRun, createAppsScriptEnvironment, createGoogleScriptRun, createScriptRunServer } from './index';

interface Outcome {
  ok: boolean;
  value?: unknown;
  error?: Error;
  userObject?: unknown;
}

/** Calls `name` through the client and resolves with whichever handler fired. */
function call(client: GoogleScriptClient, name: string, args: unknown[], userObject?: unknown): Promise<Outcome> {
  return new Promise((resolve) => {
    let runner = client.run
      .withSuccessHandler((value: unknown, u: unknown) => resolve({ ok: true, value, userObject: u }))
      .withFailureHandler((error: Error, u: unknown) => resolve({ ok: false, error, userObject: u }));
    if (userObject !== undefined) runner = runner.withUserObject(userObject);
    const fn = runner[name] as ((...a: unknown[]) => unknown) | undefined;
    if (!fn) throw new TypeError(`google.script.run.${name} is not a function`);
    expect(fn(...args)).toBeUndefined();
  });
}

const serverFunctions = {
  echo: (x: unknown): unknown => x,
  rows: (): unknown => ({ list: [1, undefined, 'a'], gone: undefined, nested: { ok: true } }),
  now: (): unknown => new Date(),
  fn: (): unknown => () => 1,
  boom: (): never => {
    throw new Error('服务器错误');
  },
  secret_: (): string => 'private',
};

describe('google.script.run (Node client over the shared runtime)', () => {
  it('is asynchronous and passes the user object to the handlers', async () => {
    const server = createScriptRunServer(serverFunctions);
    const client = createGoogleScriptRun(server);
    let fired = false;
    const p = call(client, 'echo', [{ a: 1 }], 'row-3').then((o) => {
      fired = true;
      return o;
    });
    expect(fired).toBe(false);
    const outcome = await p;
    expect(outcome).toEqual({ ok: true, value: { a: 1 }, userObject: 'row-3' });
  });

  it('copies JSON-like values: undefined array entries become null, undefined members are dropped', async () => {
    const client = createGoogleScriptRun(createScriptRunServer(serverFunctions));
    const outcome = await call(client, 'rows', []);
    expect(outcome.value).toEqual({ list: [1, null, 'a'], nested: { ok: true } });
    expect(Object.keys(outcome.value as object)).not.toContain('gone');
  });

  it('fails calls whose arguments hold a Date, a function, a Map or a cycle, before reaching the server', async () => {
    const server = createScriptRunServer(serverFunctions);
    const client = createGoogleScriptRun(server);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [new Date(), () => 1, new Map(), cyclic, { when: new Date() }]) {
      const outcome = await call(client, 'echo', [bad]);
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toBeInstanceOf(Error);
      expect(outcome.error?.message).toMatch(/^Failed due to illegal value in property: /);
    }
    expect(server.calls).toEqual([]);
  });

  it('fails calls whose results hold a Date or a function', async () => {
    const client = createGoogleScriptRun(createScriptRunServer(serverFunctions));
    expect((await call(client, 'now', [])).error?.message).toMatch(/illegal value/);
    expect((await call(client, 'fn', [])).error?.message).toMatch(/illegal value/);
  });

  it('delivers server exceptions to the failure handler as an Error with the server message', async () => {
    const client = createGoogleScriptRun(createScriptRunServer(serverFunctions));
    const outcome = await call(client, 'boom', [], { row: 1 });
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.message).toBe('服务器错误');
    expect(outcome.userObject).toEqual({ row: 1 });
  });

  it('does not expose private functions (names ending in _)', async () => {
    const server = createScriptRunServer(serverFunctions);
    const client = createGoogleScriptRun(server);
    expect(server.functionNames()).not.toContain('secret_');
    expect(client.run.secret_).toBeUndefined();
    expect(await server.invoke('secret_', [])).toEqual({ ok: false, error: { name: 'ScriptError', message: 'Script function not found: secret_' } });
  });

  it('withSuccessHandler returns a configured copy and leaves the base runner alone', () => {
    const client = createGoogleScriptRun(createScriptRunServer(serverFunctions));
    const configured = client.run.withSuccessHandler(() => undefined);
    expect(configured).not.toBe(client.run);
    expect(typeof (configured as unknown as Record<string, unknown>).echo).toBe('function');
  });

  it('runs at most 10 calls at once and queues the rest', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow: ScriptRunServer = {
      functionNames: () => ['work'],
      calls: [],
      invoke: async (): Promise<ScriptRunResult> => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight -= 1;
        return { ok: true, value: null };
      },
      get bridge() {
        return this.invoke;
      },
    };
    const client = createGoogleScriptRun(slow);
    const results = await Promise.all(Array.from({ length: 14 }, () => call(client, 'work', [])));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(peak).toBe(10);
  });

  it('cloneForScriptRun applies the same rules on the Node side', () => {
    expect(cloneForScriptRun([undefined, { a: undefined, b: 2 }])).toEqual([null, { b: 2 }]);
    expect(() => cloneForScriptRun({ d: new Date() })).toThrow('Failed due to illegal value in property: d');
  });
});

describe('google.script.run browser script', () => {
  it('is self-contained: installs google.script.run in a page-like global and forwards to the bridge', async () => {
    const server = createScriptRunServer(serverFunctions);
    const page: Record<string, unknown> = { setTimeout, Promise, console, __gasScriptRun: server.bridge };
    page.window = page;
    const ctx = vm.createContext(page);
    vm.runInContext(buildGoogleScriptRunClientScript({ functionNames: server.functionNames() }), ctx);
    const google = page.google as { script: GoogleScriptClient };
    expect(Object.keys(google.script.run).sort()).toEqual(['boom', 'echo', 'fn', 'now', 'rows', 'withFailureHandler', 'withSuccessHandler', 'withUserObject']);
    const ok = await call(google.script, 'echo', [['x', undefined]]);
    expect(ok.value).toEqual(['x', null]);
    const bad = await call(google.script, 'echo', [vm.runInContext('new Date()', ctx)]);
    expect(bad.error?.message).toBe('Failed due to illegal value in property: 0');
    google.script.host.close();
    expect(page.__gasHostCalls).toEqual(['close']);
  });
});

describe('environment wiring', () => {
  it('each sidebar call is a new execution in user context with FULL auth', async () => {
    const env = createAppsScriptEnvironment({ context: 'trigger', authMode: 'LIMITED' });
    env.run(`
      function grab() { return LockService.getDocumentLock().tryLock(0); }
      function who() { return { email: Session.getActiveUser().getEmail(), cursor: DocumentApp.getActiveDocument().getCursor() === null }; }
    `);
    const client = createGoogleScriptRun(env.scriptRunServer());
    expect((await call(client, 'grab', [])).value).toBe(true);
    // The first call's lock was released when its execution ended.
    expect((await call(client, 'grab', [])).value).toBe(true);
    expect((await call(client, 'who', [])).value).toEqual({ email: 'alice@example.com', cursor: true });
    expect(env.context).toBe('user');
  });
});
