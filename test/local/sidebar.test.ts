import { describe, expect, it } from 'vitest';
import { SIDEBAR_HOSTS, buildSidebarHtml } from '../../build/sidebar.mjs';
import type { HostError, ReviewItem } from '../../src/core/app/protocol';
import { toHostError } from '../../sidebar/hosts/errors';
import { createGoogleHost } from '../../sidebar/hosts/google';
import { apiUrl, createHttpHost } from '../../sidebar/hosts/http';
import { applyEdit, newItem, recapText, splitNames } from '../../sidebar/items';
import { createGoogleScriptRun, createScriptRunServer } from '../gas/index';

const item = (over: Partial<ReviewItem> = {}): ReviewItem => ({ ...newItem('i1', '整理接口文档'), ...over });
const messages = () => ({ network: 'offline', internal: 'oops' });

describe('review list helpers', () => {
  it('splits owner names on either width of comma, 、 and semicolons, dropping @', () => {
    expect(splitNames('张三, 李四，@王五、赵六; 钱七 ')).toEqual(['张三', '李四', '王五', '赵六', '钱七']);
    expect(splitNames(' , ')).toEqual([]);
  });

  it('an edit settles the owner and deadline warnings it answers, and flags a past deadline', () => {
    const before = item({ warnings: ['owner_missing', 'vague_deadline'], dueTime: '18:00' });
    const fixed = applyEdit(before, { kind: 'todo', title: ' 整理接口文档 ', owners: ['张三'], due: '2026-12-20' }, '2026-11-30');
    expect(fixed).toMatchObject({ title: '整理接口文档', owners: ['张三'], due: '2026-12-20', dueTime: null, warnings: [] });
    const past = applyEdit(fixed, { kind: 'todo', title: 'x', owners: [], due: '2026-11-01' }, '2026-11-30');
    expect(past.warnings).toEqual(['owner_missing', 'past_due']);
    // A decision needs no owner; a deadline left as it was keeps its warning.
    const decision = applyEdit(before, { kind: 'decision', title: 'x', owners: [], due: null }, '2026-11-30');
    expect(decision.warnings).toEqual(['vague_deadline']);
  });

  it('writes the recap as plain text with owners and deadlines', () => {
    const text = recapText(
      [item({ kind: 'decision', title: '启用新流程' }), item({ title: '整理接口文档', owners: ['张三', '李四'], due: '2026-12-20' }), item({ title: '压测', status: 'done' })],
      { header: '会议总结：周会', decisions: '决议', todos: '待办', noOwner: '未指定', noDue: '未定', by: (o) => `负责人：${o}`, until: (d) => `截止：${d}`, done: '已完成' },
    );
    expect(text).toBe(['会议总结：周会', '', '决议', '1. 启用新流程', '', '待办', '1. 整理接口文档（负责人：张三、李四；截止：2026-12-20）', '2. 压测（负责人：未指定；截止：未定；已完成）'].join('\n'));
  });
});

describe('host errors', () => {
  const hostError: HostError = { code: 'locked', message: '文档正被占用', retryable: true };
  it('accepts a HostError, an { error } envelope, or an Error carrying one as JSON', () => {
    expect(toHostError(hostError, 'x')).toEqual(hostError);
    expect(toHostError({ error: hostError }, 'x')).toEqual(hostError);
    expect(toHostError(new Error(`Exception: ${JSON.stringify(hostError)}`), 'x')).toEqual(hostError);
  });
  it('never passes on a raw message (it may hold a stack trace)', () => {
    expect(toHostError(new Error('TypeError: x is undefined at Code.gs:12'), '出了点问题')).toEqual({ code: 'internal', message: '出了点问题', retryable: true });
    expect(toHostError({ code: 'made_up', message: 'x', retryable: true }, 'fallback').code).toBe('internal');
  });
});

describe('HTTP host', () => {
  it('POSTs the request object as JSON to {base}/api/<op> with the injected headers', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const host = createHttpHost({
      baseUrl: 'https://svc.example/feishu/',
      headers: async () => ({ authorization: 'Bearer t' }),
      messages,
      fetch: async (url, init) => {
        calls.push({ url: String(url), init: init! });
        return new Response(JSON.stringify({ added: 1, skipped: 0 }), { status: 200 });
      },
    });
    const result = await host.writeItems({ items: [item()], lang: 'zh' });
    expect(result).toEqual({ added: 1, skipped: 0 });
    expect(calls[0]!.url).toBe('https://svc.example/feishu/api/writeItems');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer t' });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ items: [item()], lang: 'zh' });
  });

  it('resolves relative bases against the page', () => {
    expect(apiUrl('', 'extract')).toBe('api/extract');
    expect(apiUrl('.', 'extract')).toBe('api/extract');
    expect(apiUrl('/d/x/', 'extract')).toBe('/d/x/api/extract');
  });

  it('turns error answers and network failures into HostErrors', async () => {
    const failing = createHttpHost({ baseUrl: '', messages, fetch: async () => new Response(JSON.stringify({ error: { code: 'rate_limited', message: '稍后再试', retryable: true } }), { status: 429 }) });
    await expect(failing.syncNow()).rejects.toEqual({ code: 'rate_limited', message: '稍后再试', retryable: true });
    const html = createHttpHost({ baseUrl: '', messages, fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 502 }) });
    await expect(html.extract()).rejects.toEqual({ code: 'internal', message: 'offline', retryable: true });
    const offline = createHttpHost({ baseUrl: '', messages, fetch: async () => { throw new TypeError('Failed to fetch'); } });
    await expect(offline.getContext()).rejects.toEqual({ code: 'unavailable', message: 'offline', retryable: true });
  });

  it('runs the before hook ahead of every call and the after hook only on success', async () => {
    const log: string[] = [];
    let ok = true;
    const host = createHttpHost({
      baseUrl: '',
      messages,
      before: (op) => void log.push(`before ${op}`),
      after: (op) => void log.push(`after ${op}`),
      fetch: async () => { log.push('fetch'); return new Response(ok ? '"fp"' : '{}', { status: ok ? 200 : 500 }); },
    });
    await host.fingerprint();
    ok = false;
    await host.insertTemplate({ scenario: 'general', lang: 'zh' }).catch(() => undefined);
    expect(log).toEqual(['before fingerprint', 'fetch', 'after fingerprint', 'before insertTemplate', 'fetch']);
  });
});

describe('Apps Script host', () => {
  it('calls the top-level functions through google.script.run and maps failures', async () => {
    const seen: unknown[] = [];
    const server = createScriptRunServer({
      getContext: () => ({ platform: 'google' }),
      insertTemplate: (req: unknown) => { seen.push(req); return { inserted: true }; },
      extract: () => { throw new Error(JSON.stringify({ code: 'no_template', message: '请先插入模板', retryable: false })); },
      syncNow: () => ({ error: { code: 'quota', message: '今日配额已用完', retryable: false } }),
      fingerprint: () => { throw new Error('ReferenceError: boom at line 3'); },
    });
    const google = { script: { run: createGoogleScriptRun(server).run } } as unknown as Parameters<typeof createGoogleHost>[0];
    const host = createGoogleHost(google, () => '出了点问题');
    await expect(host.getContext()).resolves.toEqual({ platform: 'google' });
    await expect(host.insertTemplate({ scenario: 'kickoff', lang: 'en' })).resolves.toEqual({ inserted: true });
    expect(seen).toEqual([{ scenario: 'kickoff', lang: 'en' }]);
    await expect(host.extract()).rejects.toEqual({ code: 'no_template', message: '请先插入模板', retryable: false });
    await expect(host.syncNow()).rejects.toEqual({ code: 'quota', message: '今日配额已用完', retryable: false });
    await expect(host.fingerprint()).rejects.toEqual({ code: 'internal', message: '出了点问题', retryable: true });
    await expect(host.writeItems({ items: [], lang: 'zh' })).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('built sidebar page', () => {
  it.each(SIDEBAR_HOSTS)('%s: one self-contained HTML page under 60 KB with no external requests', async (host) => {
    const html = await buildSidebarHtml(host);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(60 * 1024);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]+src=|<link\b|@import|url\(\s*['"]?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/\binnerHTML\b|insertAdjacentHTML|outerHTML|document\.write/);
  });
});
