/**
 * `google.script.run` for sidebar tests. The server half dispatches a call by name to a function of the script
 * (a vm context or any object of server functions), each call being a fresh execution; the client half is the
 * shared runtime in client-source.ts, either injected into a page or evaluated in Node.
 *
 * Playwright wiring:
 * ```ts
 * const server = env.scriptRunServer(context);            // or createScriptRunServer(obj)
 * await page.exposeFunction('__gasScriptRun', server.bridge);
 * await page.addInitScript(buildGoogleScriptRunClientScript({ functionNames: server.functionNames() }));
 * ```
 */
import { SCRIPT_RUN_RUNTIME_SOURCE } from './client-source';

export type ScriptRunResult = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

interface Runtime {
  clone(value: unknown, path: string, seen: unknown[]): unknown;
  cloneArgs(args: unknown[]): unknown[];
  install(root: object, transport: (name: string, args: unknown[]) => Promise<ScriptRunResult>, functionNames: string[], options?: { maxConcurrent?: number }): GoogleScriptClient;
}

/** `google.script.run`: the three configurators plus one method per public server function. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: never, userObject: never) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error, userObject: never) => void): ScriptRunner;
  withUserObject(userObject: unknown): ScriptRunner;
  [serverFunction: string]: ((...args: never[]) => unknown) | undefined;
}

export interface GoogleScriptClient {
  run: ScriptRunner;
  host: { close(): void; setHeight(h: number): void; setWidth(w: number): void; editor: { focus(): void }; origin: string };
}

let runtime: Runtime | null = null;

/** The shared client runtime, evaluated once in Node. */
export function scriptRunRuntime(): Runtime {
  runtime ??= new Function(`${SCRIPT_RUN_RUNTIME_SOURCE}\nreturn __gasScriptRunRuntime();`)() as Runtime;
  return runtime;
}

/** The JSON-like copy google.script.run makes; throws "Failed due to illegal value in property: …". */
export function cloneForScriptRun(value: unknown): unknown {
  const v = scriptRunRuntime().clone(value, 'value', []);
  return v === undefined ? null : v;
}

export interface ScriptRunServerOptions {
  /** Runs before each call: a new execution in user context with FULL auth (set by the environment). */
  beforeCall?: (functionName: string) => void;
}

export interface ScriptRunServer {
  /** Public server functions (own function-valued properties not ending in `_`). */
  functionNames(): string[];
  /** What the client transport calls; never rejects. */
  invoke(functionName: string, args: unknown[]): Promise<ScriptRunResult>;
  /** `invoke` bound for `page.exposeFunction`. */
  readonly bridge: (functionName: string, args: unknown[]) => Promise<ScriptRunResult>;
  /** Names of the calls made, in order. */
  readonly calls: string[];
}

function errorShape(e: unknown): { name: string; message: string } {
  if (typeof e === 'object' && e !== null && 'message' in e) {
    const { name, message } = e as { name?: unknown; message: unknown };
    return { name: typeof name === 'string' ? name : 'Error', message: String(message) };
  }
  return { name: 'Error', message: String(e) };
}

export function createScriptRunServer(target: object | (() => object), opts: ScriptRunServerOptions = {}): ScriptRunServer {
  const scope = (): Record<string, unknown> => (typeof target === 'function' ? (target as () => object)() : target) as Record<string, unknown>;
  const rt = scriptRunRuntime();
  const calls: string[] = [];

  const functionNames = (): string[] =>
    Object.getOwnPropertyNames(scope()).filter((k) => !k.endsWith('_') && typeof scope()[k] === 'function');

  const invoke = async (functionName: string, args: unknown[]): Promise<ScriptRunResult> => {
    // A server call is its own execution, started after the client's turn.
    await new Promise((r) => setTimeout(r, 0));
    calls.push(functionName);
    const fn = scope()[functionName];
    if (functionName.endsWith('_') || typeof fn !== 'function') {
      return { ok: false, error: { name: 'ScriptError', message: `Script function not found: ${functionName}` } };
    }
    try {
      const cleanArgs = rt.cloneArgs(Array.isArray(args) ? args : []);
      opts.beforeCall?.(functionName);
      const value = (fn as (...a: unknown[]) => unknown)(...cleanArgs);
      const cloned = rt.clone(value, 'return value', []);
      return { ok: true, value: cloned === undefined ? null : cloned };
    } catch (e) {
      return { ok: false, error: errorShape(e) };
    }
  };

  return { functionNames, invoke, bridge: invoke, calls };
}

/** A browser script that installs `google.script.run` / `google.script.host`, forwarding to `window[bridgeName]`. */
export function buildGoogleScriptRunClientScript(opts: { functionNames: string[]; bridgeName?: string; maxConcurrent?: number }): string {
  const bridge = JSON.stringify(opts.bridgeName ?? '__gasScriptRun');
  return [
    '(function () {',
    SCRIPT_RUN_RUNTIME_SOURCE,
    `  var bridge = ${bridge};`,
    '  __gasScriptRunRuntime().install(window, function (name, args) { return window[bridge](name, args); },',
    `    ${JSON.stringify(opts.functionNames)}, { maxConcurrent: ${Number(opts.maxConcurrent ?? 10)} });`,
    '})();',
  ].join('\n');
}

/**
 * `google.script` for Node-side sidebar tests, wired to `server` through the same client runtime.
 * `latencyMs` keeps calls "running" on the fake server to exercise the 10-call cap.
 */
export function createGoogleScriptRun(server: ScriptRunServer, opts: { latencyMs?: number; maxConcurrent?: number; root?: Record<string, unknown> } = {}): GoogleScriptClient {
  const root = opts.root ?? { console };
  const transport = async (name: string, args: unknown[]): Promise<ScriptRunResult> => {
    const result = await server.invoke(name, JSON.parse(JSON.stringify(args)) as unknown[]);
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    return JSON.parse(JSON.stringify(result)) as ScriptRunResult;
  };
  return scriptRunRuntime().install(root, transport, server.functionNames(), { maxConcurrent: opts.maxConcurrent ?? 10 });
}
