/**
 * The local workspace end to end in Chromium: insert the template, type minutes, extract, edit an
 * item, write to the table, sync, edit and save (the same task is updated), complete a task in the
 * tasks panel (状态 in the document changes), and hostile document text renders as text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalAssets } from '../../build/local.mjs';
import { loadAssets, startServer, type RunningServer } from '../../src/local/server';
import { LocalWorkspace } from '../../src/local/workspace';
import { launchChromium } from './chromium';


/** Waits for a value in the page; generous, because the suite shares two cores with the other tests. */
function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 15_000, interval: 50 });
}

let dir: string;
let workspace: LocalWorkspace;
let server: RunningServer;
let browser: Browser;
let page: Page;
let sidebar: FrameLocator;
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'minutes-browser-'));
  const [{ dir: assets }, launched] = await Promise.all([buildLocalAssets(join(dir, 'assets')), launchChromium()]);
  browser = launched;
  workspace = new LocalWorkspace({ dir: join(dir, 'workspace') });
  workspace.create('会议纪要');
  server = await startServer({ workspace, assets: loadAssets(assets), port: 0, lang: 'zh' });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  sidebar = page.frameLocator('#sidebar');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  workspace?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const editor = (): ReturnType<Page['locator']> => page.locator('#editor .ProseMirror');
const taskRows = (): ReturnType<Page['locator']> => page.locator('#tasks li');

async function openDoc(id: string): Promise<void> {
  await page.goto(`${server.url}/d/${id}`);
  await page.waitForSelector('body[data-ready="true"]');
  await sidebar.getByRole('button', { name: '提取待办' }).waitFor();
  await poll(() => sidebar.locator('.top .doc').count()).toBe(1);
}

describe('local workspace in Chromium', () => {
  it('inserts the template from the sidebar', async () => {
    await openDoc('minutes');
    await sidebar.getByLabel('场景').selectOption('general');
    await sidebar.getByRole('button', { name: '插入模板' }).click();
    await poll(() => editor().locator('h2', { hasText: '待办事项' }).count()).toBe(1);
    await poll(() => sidebar.getByRole('status').textContent()).toContain('模板已插入');
    expect(await editor().locator('table').count()).toBeGreaterThanOrEqual(3);
  });

  it('types minutes and saves with Ctrl+S', async () => {
    await editor().locator('p').first().click();
    await page.keyboard.type('决议：下周起启用新版审批流程');
    await page.keyboard.press('Enter');
    await page.keyboard.type('待办：@张三 12月20日前整理接口文档');
    await page.keyboard.press('Enter');
    await page.keyboard.type('待办：@李四 12月25日前完成压测报告');
    await page.keyboard.press('Control+s');
    await poll(() => page.locator('#save-status').textContent()).toBe('已保存');
    const saved = workspace.read('minutes').doc;
    expect(JSON.stringify(saved)).toContain('整理接口文档');
  });

  it('extracts the review list and edits an item inline', async () => {
    await sidebar.getByRole('button', { name: '提取待办' }).click();
    const items = sidebar.locator('.items > li');
    await poll(() => items.count()).toBeGreaterThanOrEqual(3);
    const titles = await sidebar.locator('.items .item-title').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['整理接口文档', '完成压测报告']));

    await sidebar.getByRole('button', { name: '编辑：完成压测报告' }).click();
    const form = sidebar.locator('form.editor');
    await poll(() => form.locator('textarea').evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByLabel('负责人').fill('李四, 王五');
    await form.getByLabel('截止日期').fill('2026-12-28');
    await form.getByRole('button', { name: '保存' }).click();
    const card = sidebar.locator('.items > li', { hasText: '完成压测报告' });
    await poll(() => card.locator('.meta').textContent()).toContain('李四、王五');
    expect(await card.locator('.meta').textContent()).toContain('2026-12-28');
  });

  it('writes the confirmed items into the 待办事项 table', async () => {
    await sidebar.getByRole('button', { name: /写入待办表/ }).click();
    await poll(() => sidebar.getByRole('status').textContent()).toContain('已写入');
    await poll(() => editor().locator('tr', { hasText: '整理接口文档' }).count()).toBe(1);
    const row = editor().locator('tr', { hasText: '完成压测报告' });
    expect(await row.textContent()).toContain('王五');
    expect(await row.textContent()).toContain('2026-12-28');
  });

  it('syncs: tasks appear in the tasks panel and the 任务 cell gets the link', async () => {
    await sidebar.getByRole('switch', { name: '自动同步' }).check();
    await poll(() => sidebar.getByRole('switch', { name: '自动同步' }).isChecked()).toBe(true);
    await sidebar.getByRole('button', { name: '立即同步' }).click();
    await poll(() => sidebar.locator('.last-sync').textContent()).toMatch(/新建 \d+ 项/);
    await poll(() => taskRows().filter({ hasText: '整理接口文档' }).count()).toBe(1);
    const stored = workspace.tasks.all('minutes');
    expect(stored.map((t) => t.title)).toEqual(expect.arrayContaining(['整理接口文档', '完成压测报告']));
    const row = editor().locator('tr', { hasText: '整理接口文档' });
    await poll(() => row.locator('a').count()).toBe(1);
  });

  it('shows a failure in plain words with a retry that works', async () => {
    let failures = 0;
    await page.route('**/api/syncNow', async (route) => {
      failures++;
      await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: '任务服务暂时不可用，请重试。', retryable: true } }) });
    });
    await sidebar.getByRole('button', { name: '立即同步' }).click();
    const alert = sidebar.getByRole('alert');
    await poll(() => alert.textContent()).toContain('任务服务暂时不可用，请重试。');
    await page.unroute('**/api/syncNow');
    await alert.getByRole('button', { name: '重试' }).click();
    await poll(() => sidebar.getByRole('alert').count()).toBe(0);
    await poll(() => sidebar.getByRole('status').textContent()).toMatch(/同步完成|无需改动/);
    expect(failures).toBe(1);
  });

  it('edit and save updates the same task', async () => {
    const before = workspace.tasks.all('minutes');
    const task = before.find((t) => t.title === '整理接口文档')!;
    const cell = editor().locator('tr', { hasText: '整理接口文档' }).locator('td').first();
    await cell.click();
    await page.keyboard.press('End');
    await page.keyboard.type('（v2）');
    await page.keyboard.press('Control+s');
    await poll(() => page.locator(`#task-${task.id} .task-title`).textContent()).toBe('整理接口文档（v2）');
    const after = workspace.tasks.all('minutes');
    expect(after).toHaveLength(before.length);
    expect(after.find((t) => t.id === task.id)!.title).toBe('整理接口文档（v2）');
  });

  it('autosave (no Ctrl+S) saves and syncs too', async () => {
    const task = workspace.tasks.all('minutes').find((t) => t.title === '完成压测报告')!;
    const cell = editor().locator('tr', { hasText: '完成压测报告' }).locator('td').first();
    await cell.click();
    await page.keyboard.press('End');
    await page.keyboard.type('（终版）');
    await poll(() => page.locator('#save-status').getAttribute('data-kind')).toBe('dirty');
    await poll(() => workspace.tasks.find(task.id)!.title).toBe('完成压测报告（终版）');
    await poll(() => page.locator('#save-status').textContent()).toContain('已保存');
  });

  it('completing a task in the tasks panel changes 状态 in the document', async () => {
    const task = workspace.tasks.all('minutes').find((t) => t.title === '完成压测报告（终版）')!;
    const row = editor().locator('tr', { hasText: '完成压测报告' });
    expect(await row.textContent()).not.toContain('已完成');
    await page.locator(`#task-${task.id} input[type=checkbox]`).check();
    await poll(() => row.textContent()).toContain('已完成');
    expect(workspace.tasks.find(task.id)!.status).toBe('done');
    expect(JSON.stringify(workspace.read('minutes').doc)).toContain('已完成');
    // The review list follows once extracted again.
    await sidebar.getByRole('button', { name: '提取待办' }).click();
    const card = sidebar.locator('.items > li', { hasText: '完成压测报告' });
    await poll(() => card.locator('.badge.status-done').count()).toBe(1);
  });

  it('the recap lists decisions and to-dos with owners and deadlines, and copies as text', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await sidebar.getByRole('button', { name: '查看会议总结' }).click();
    const recap = sidebar.locator('section.recap');
    await poll(() => recap.count()).toBe(1);
    const text = (await recap.textContent()) ?? '';
    expect(text).toContain('下周起启用新版审批流程');
    expect(text).toContain('整理接口文档（v2）');
    expect(text).toContain('李四、王五');
    await recap.getByRole('button', { name: '复制' }).click();
    await poll(() => sidebar.getByRole('status').textContent()).toBe('已复制。');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^会议总结：会议纪要\n/);
    expect(copied).toContain('整理接口文档（v2）（负责人：张三');
    await recap.getByRole('button', { name: '返回核对' }).click();
    await poll(() => sidebar.locator('section.recap').count()).toBe(0);
  });

  it('renders script and markup payloads as text and runs nothing', async () => {
    const payloads = ['<img src=x onerror="window.__xss=1;alert(1)">', '<script>window.__xss=2;alert(2)</script>', '"><svg onload=alert(3)>'];
    workspace.create('xss', {
      blocks: [
        { type: 'heading', level: 1, content: [{ type: 'text', text: `会议 ${payloads[0]}` }] },
        { type: 'paragraph', content: [{ type: 'text', text: `待办：@张三 12月20日前处理 ${payloads[1]}` }] },
        { type: 'paragraph', content: [{ type: 'link', text: 'click', url: 'javascript:alert(4)' }, { type: 'person', name: payloads[2]! }] },
        { type: 'table', rows: [{ cells: [{ blocks: [{ type: 'paragraph', content: [{ type: 'text', text: payloads[0]! }] }] }] }] },
      ],
    });
    await openDoc('xss');
    await sidebar.getByRole('button', { name: '提取待办' }).click();
    await poll(() => sidebar.locator('.items .item-title').count()).toBeGreaterThanOrEqual(1);
    const titles = (await sidebar.locator('.items .item-title').allTextContents()).join('\n');
    expect(titles).toContain('<script>window.__xss=2');
    expect(titles).toContain('alert(2)</script>');
    expect(await editor().textContent()).toContain('<img src=x onerror="window.__xss=1;alert(1)">');
    for (const frame of page.frames()) {
      expect(await frame.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      // ProseMirror's own separator <img> (after an inline chip) has no src; the payload's would.
      expect(await frame.locator('img[src], img[onerror], svg, script:not([src])').count()).toBe(frame === page.mainFrame() ? 0 : 1);
    }
    expect(await editor().locator('a[href^="javascript"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
