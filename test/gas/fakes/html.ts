/**
 * HtmlService: outputs from the built HTML files (`sidebarHtml`), `setTitle`/`getTitle`/`getContent`, and
 * templates with `<? ?>`, `<?= ?>` (escaped) and `<?!= ?>` (raw) scriptlets evaluated against the template's
 * properties and the script's globals (so Google's `include()` pattern works). `setWidth` is recorded but
 * sidebars ignore it (§1.3); `setSandboxMode` has no effect.
 */
import { CallCounter, counted } from './calls';
import * as Enums from './enums';
import type { Runtime } from './runtime';
import { fail, notSupported } from './runtime';

export interface HtmlState {
  files: Map<string, string>;
  counter: CallCounter;
  /** Where template scriptlets resolve free names (the vm context once created). */
  scriptScope: () => object;
}

export function createHtmlState(files: Record<string, string>, scriptScope: () => object): HtmlState {
  return { files: new Map(Object.entries(files)), counter: new CallCounter(), scriptScope };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Compiles scriptlets to a function body; text chunks are emitted as JSON string literals. */
export function compileTemplate(raw: string): string {
  const out: string[] = ['var __out = [];'];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (const m of raw.matchAll(re)) {
    if (m.index > last) out.push(`__out.push(${JSON.stringify(raw.slice(last, m.index))});`);
    const body = (m[2] ?? '').trim().replace(/;\s*$/, '');
    if (m[1] === '=') out.push(`__out.push(__esc(${body}));`);
    else if (m[1] === '!=') out.push(`__out.push(__raw(${body}));`);
    else out.push(body);
    last = m.index + m[0].length;
  }
  if (last < raw.length) out.push(`__out.push(${JSON.stringify(raw.slice(last))});`);
  out.push("return __out.join('');");
  return out.join('\n');
}

function fileContent(state: HtmlState, filename: string): string {
  const name = String(filename);
  const content = state.files.get(name) ?? state.files.get(`${name}.html`) ?? state.files.get(name.replace(/\.html$/, ''));
  if (content === undefined) fail(`No HTML file named ${name} was found.`);
  return content;
}

export function createHtmlService(rt: Runtime, state: HtmlState): GoogleAppsScript.HTML.HtmlService {
  const wrap = <T extends object>(o: T, label: string): T => counted(o, label, state.counter, { translate: rt.translate });

  const makeOutput = (initial: string): GoogleAppsScript.HTML.HtmlOutput => {
    let content = initial;
    let title = '';
    let width = 600;
    let height = 400;
    let favicon = '';
    const meta: Array<{ name: string; content: string }> = [];
    const o = {
      getContent: (): string => content,
      setContent(c: string): GoogleAppsScript.HTML.HtmlOutput {
        content = String(c);
        return proxy;
      },
      append(c: string): GoogleAppsScript.HTML.HtmlOutput {
        content += String(c);
        return proxy;
      },
      appendUntrusted(c: string): GoogleAppsScript.HTML.HtmlOutput {
        content += escapeHtml(String(c));
        return proxy;
      },
      clear(): GoogleAppsScript.HTML.HtmlOutput {
        content = '';
        return proxy;
      },
      getTitle: (): string => title,
      setTitle(t: string): GoogleAppsScript.HTML.HtmlOutput {
        title = String(t);
        return proxy;
      },
      getWidth: (): number => width,
      /** Affects dialogs only; sidebars are always 300 px. */
      setWidth(w: number): GoogleAppsScript.HTML.HtmlOutput {
        width = w;
        return proxy;
      },
      getHeight: (): number => height,
      setHeight(h: number): GoogleAppsScript.HTML.HtmlOutput {
        height = h;
        return proxy;
      },
      getFaviconUrl: (): string => favicon,
      setFaviconUrl(u: string): GoogleAppsScript.HTML.HtmlOutput {
        favicon = u;
        return proxy;
      },
      addMetaTag(name: string, c: string): GoogleAppsScript.HTML.HtmlOutput {
        meta.push({ name, content: c });
        return proxy;
      },
      getMetaTags: (): GoogleAppsScript.HTML.HtmlOutputMetaTag[] => meta.map((m) => ({ getName: () => m.name, getContent: () => m.content })),
      /** "now has no effect": the sandbox is always IFRAME. */
      setSandboxMode: (_mode: GoogleAppsScript.HTML.SandboxMode): GoogleAppsScript.HTML.HtmlOutput => proxy,
      setXFrameOptionsMode: (_mode: GoogleAppsScript.HTML.XFrameOptionsMode): GoogleAppsScript.HTML.HtmlOutput => proxy,
      asTemplate: (): GoogleAppsScript.HTML.HtmlTemplate => makeTemplate(content),
      getAs: (): never => notSupported('HtmlOutput.getAs'),
      getBlob: (): never => notSupported('HtmlOutput.getBlob'),
    };
    const proxy = wrap(o, 'HtmlOutput');
    return proxy;
  };

  const makeTemplate = (raw: string): GoogleAppsScript.HTML.HtmlTemplate => {
    const code = compileTemplate(raw);
    const template: Record<string, unknown> = {};
    Object.defineProperties(template, {
      evaluate: {
        enumerable: false,
        value: (): GoogleAppsScript.HTML.HtmlOutput => {
          const globals = state.scriptScope() as Record<string, unknown>;
          const vars = Object.fromEntries(Object.entries(template));
          const scope = new Proxy(Object.create(null) as Record<string, unknown>, {
            has: (_t, k) => typeof k === 'string' && (k in vars || k in globals),
            get: (_t, k) => (typeof k === 'string' ? (k in vars ? vars[k] : globals[k]) : undefined),
          });
          const run = new Function('__scope', '__esc', '__raw', `with (__scope) {\n${code}\n}`) as (
            s: object,
            e: (v: unknown) => string,
            r: (v: unknown) => string,
          ) => string;
          const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
          try {
            return makeOutput(run(scope, (v) => escapeHtml(str(v)), str));
          } catch (e) {
            throw rt.error(`Template evaluation failed: ${e instanceof Error ? e.message : String(e)}`);
          }
        },
      },
      getCode: { enumerable: false, value: (): string => code },
      getCodeWithComments: { enumerable: false, value: (): string => code },
      getRawContent: { enumerable: false, value: (): string => raw },
    });
    return template as unknown as GoogleAppsScript.HTML.HtmlTemplate;
  };

  const service = {
    SandboxMode: Enums.SandboxMode,
    XFrameOptionsMode: Enums.XFrameOptionsMode,
    createHtmlOutput: (html?: unknown): GoogleAppsScript.HTML.HtmlOutput => makeOutput(html === undefined ? '' : String(html)),
    createHtmlOutputFromFile: (filename: string): GoogleAppsScript.HTML.HtmlOutput => makeOutput(fileContent(state, filename)),
    createTemplate: (html: unknown): GoogleAppsScript.HTML.HtmlTemplate => makeTemplate(String(html)),
    createTemplateFromFile: (filename: string): GoogleAppsScript.HTML.HtmlTemplate => makeTemplate(fileContent(state, filename)),
    getUserAgent: (): string => 'Mozilla/5.0 (fake Apps Script)',
  };
  return wrap(service as unknown as GoogleAppsScript.HTML.HtmlService, 'HtmlService');
}
