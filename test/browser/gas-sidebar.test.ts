/**
 * The built Apps Script sidebar (build/gas.mjs → the google host's page) in Chromium at 300 px, with
 * google.script.run bound to the Apps Script fakes running the built Code.js. It loads, inserts the
 * template, extracts, edits, writes the tables, syncs to the fake Google Tasks, fits 300 px, and a
 * screenshot goes to test/output/.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCodeJs, buildGasSidebar } from '../../build/gas.mjs';
import { buildGoogleScriptRunClientScript, createAppsScriptEnvironment, type AppsScriptEnvironment } from '../gas/index';
import { launchChromium } from './chromium';


/** Waits for a value in the page; generous, because the suite shares two cores with the other tests. */
function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 15_000, interval: 50 });
}

const OUTPUT = resolve(dirname(fileURLToPath(import.meta.url)), '../output');

let browser: Browser;
let page: Page;
let env: AppsScriptEnvironment;
const pageErrors: string[] = [];

beforeAll(async () => {
  const [code, html, launched] = await Promise.all([buildCodeJs(), buildGasSidebar(), launchChromium()]);
  browser = launched;
  env = createAppsScriptEnvironment({ user: 'alice@example.com', authMode: 'FULL', locale: 'zh-CN', sidebarHtml: { Sidebar: html } });
  env.document.build([
    { paragraph: '周会纪要', heading: 'HEADING1' },
    { paragraph: '待办：@张三 12月20日前整理接口文档' },
    { paragraph: '待办：李四负责压测报告，下周五前完成' },
  ]);
  env.run(code);
  const server = env.scriptRunServer();
  page = await browser.newPage({ viewport: { width: 300, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.exposeFunction('__gasScriptRun', server.bridge);
  await page.addInitScript(buildGoogleScriptRunClientScript({ functionNames: server.functionNames() }));
  await page.addInitScript('window.minutesSidebarConfig = { pollMs: 200 };');
  page.setDefaultTimeout(15_000);
  // A real navigation, so the init script installs google.script.run before the page's own script runs.
  await page.route('https://script.googleusercontent.test/sidebar', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('https://script.googleusercontent.test/sidebar');
});

afterAll(async () => {
  await browser?.close();
});

describe('Apps Script sidebar at 300 px', () => {
  it('loads the context in the user’s language', async () => {
    await poll(() => page.locator('.top .doc').textContent()).toBeTruthy();
    expect(await page.locator('h1').textContent()).toBe('纪要待办');
    expect(await page.getByRole('switch', { name: '自动同步' }).count()).toBe(1);
  });

  it('inserts the template, extracts, edits, writes and syncs through google.script.run', async () => {
    const tablesBefore = env.document.tables().length;
    await page.getByRole('button', { name: '插入模板' }).click();
    await poll(() => env.document.tables().length).toBeGreaterThan(tablesBefore);

    await page.getByRole('button', { name: '提取待办' }).click();
    await poll(() => page.locator('.items > li').count()).toBeGreaterThanOrEqual(2);
    const card = page.locator('.items > li', { hasText: '压测报告' });
    await card.getByRole('button', { name: /^编辑/ }).click();
    await page.locator('form.editor').getByLabel('负责人').fill('李四');
    await page.locator('form.editor').getByLabel('截止日期').fill('2026-12-31');
    await page.locator('form.editor').getByRole('button', { name: '保存' }).click();
    await poll(() => page.locator('.items > li', { hasText: '压测报告' }).locator('.meta').textContent()).toContain('2026-12-31');

    await page.getByRole('button', { name: /写入待办表/ }).click();
    await poll(() => page.getByRole('status').textContent()).toContain('已写入');
    const text = JSON.stringify(env.document.tables());
    expect(text).toContain('整理接口文档');
    expect(text).toContain('2026');

    await page.getByRole('button', { name: '立即同步' }).click();
    await poll(() => page.locator('.last-sync').textContent()).toMatch(/新建 \d+ 项/);
    const titles = env.tasks.allTasks('alice@example.com').map((t: { title?: string }) => t.title ?? '');
    expect(titles.some((t: string) => t.includes('整理接口文档'))).toBe(true);
  });

  it('notices when the document changes after the extraction', async () => {
    expect(await page.locator('.stale').count()).toBe(0);
    env.document.body().appendParagraph('待办：@王五 12月28日前准备发布说明');
    await poll(() => page.locator('.stale').textContent()).toContain('文档已修改');
    await page.locator('.stale').getByRole('button', { name: '重新提取' }).click();
    await poll(() => page.locator('.items .item-title', { hasText: '准备发布说明' }).count()).toBe(1);
    expect(await page.locator('.stale').count()).toBe(0);
  });

  it('picks the task list (synced tasks move along) and which items to sync', async () => {
    const select = page.getByLabel('任务清单');
    // The first sync made a list named after the document (its 沟通主题 is still blank); the default list is offered too.
    await poll(() => select.locator('option:checked').textContent()).toBe('跨部门沟通记录表');
    expect(await page.getByRole('radio', { name: /全部事项/ }).isChecked()).toBe(true);
    const synced = env.tasks.allTasks('alice@example.com').filter((t: { deleted?: boolean }) => !t.deleted).length;
    await select.selectOption({ label: 'My Tasks' });
    await poll(() => page.getByRole('status').textContent()).toContain(`任务将同步到「My Tasks」，已移入 ${synced} 个任务`);
    const myTasks = env.tasks.lists('alice@example.com').find((l: { title: string }) => l.title === 'My Tasks')!;
    expect(myTasks.tasks.filter((t: { deleted?: boolean }) => !t.deleted)).toHaveLength(synced);
    await page.getByRole('radio', { name: '仅我负责的事项' }).check();
    await poll(() => page.getByRole('status').textContent()).toContain('设置已保存');
    expect(await page.getByRole('radio', { name: '仅我负责的事项' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: '立即同步' }).click();
    await poll(() => page.locator('.last-sync').textContent()).not.toContain('新建');
    expect(env.tasks.lists('alice@example.com').find((l: { title: string }) => l.title === '跨部门沟通记录表')!.tasks.filter((t: { deleted?: boolean }) => !t.deleted)).toHaveLength(0);
  });

  it('fits 300 px and is keyboard operable; screenshot written', async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    expect(focused).toBe('scenario');
    // Add an item from the keyboard; Escape drops the empty item and gives focus back to the Add button.
    const items = await page.locator('.items > li').count();
    await page.getByRole('button', { name: '添加一项' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await page.locator('.items > li').count()).toBe(items + 1);
    await page.keyboard.press('Escape');
    await poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('添加一项');
    expect(await page.locator('.items > li').count()).toBe(items);
    mkdirSync(OUTPUT, { recursive: true });
    const file = join(OUTPUT, 'sidebar-google-300.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
