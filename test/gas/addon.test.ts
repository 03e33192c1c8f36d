/**
 * The built add-on (build/gas/Code.js, built in beforeAll by build/gas.mjs) in the Apps Script fakes, called
 * exactly as Apps Script calls it: onOpen in AuthMode NONE, menu commands and google.script.run operations as
 * new executions in user context, the hourly trigger in trigger context.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChooseTaskListResult, ExtractResult, HostContext, SyncSummary, TaskListChoice, WriteItemsResult } from '../../src/core/app/protocol';
import { createGoogleHost } from '../../sidebar/hosts/google';
import { buildAddon, loadAddon, type BuiltAddon, type LoadedAddon } from './addon-support';
import type { CellSpec } from './index';
import { createGoogleScriptRun } from './index';

let addon: BuiltAddon;
beforeAll(async () => {
  addon = await buildAddon();
});

const HEADER = ['事项', '负责人', '完成时限', '状态', '任务'];
const person = (email: string, name: string | null = ''): CellSpec => [{ person: { email, name } }];
const date = (iso: string): CellSpec => [{ date: { timestamp: iso } }];

function minutes(rows: CellSpec[][]): Parameters<LoadedAddon['env']['document']['build']>[0] {
  return [
    { paragraph: '会员积分商城改版评审会', heading: 'HEADING1' },
    { table: [['沟通基本信息', '内容'], ['沟通主题', '会员积分商城改版评审'], ['沟通时间', '2026-11-30']] },
    { paragraph: '待办事项', heading: 'HEADING2' },
    { table: [HEADER, ...rows] },
  ];
}

const ROWS: CellSpec[][] = [
  ['输出需求文档', person('wangfang@example.com', '王芳'), date('2026-12-04T00:00:00Z'), '未开始', ''],
  ['完成接口设计', person('liqiang@example.com', ''), date('2026-12-08T00:00:00Z'), '进行中', ''],
  ['确认活动预算', person('zhaomin@example.com', null), date('2026-12-10T00:00:00Z'), '未开始', ''],
];

function load(opts: Parameters<typeof loadAddon>[1] = {}): LoadedAddon {
  return loadAddon(addon, { user: 'wangfang@example.com', locale: 'zh-CN', now: () => new Date(), ...opts });
}

/** The 待办事项 table (the last table of the first tab) as cell texts. */
function todoTable(a: LoadedAddon): string[][] {
  const tables = a.env.document.tables();
  return tables[tables.length - 1]!;
}

function todoTableWrapper(a: LoadedAddon): GoogleAppsScript.Document.Table {
  const tables = a.env.document.body().getTables();
  return tables[tables.length - 1]!;
}

function liveTasks(a: LoadedAddon): { id: string; title: string; status: string; due?: string; notes?: string }[] {
  return a.env.tasks
    .allTasks()
    .filter((t) => !t.deleted)
    .map((t) => ({ id: t.id!, title: t.title!, status: t.status!, due: t.due, notes: t.notes }));
}

describe('the bundle', () => {
  const HOST_API = ['getContext', 'insertTemplate', 'extract', 'writeItems', 'syncNow', 'saveSettings', 'fingerprint'];

  it('declares every name Apps Script calls as a top-level function', () => {
    const names = (JSON.parse(readFileSync(resolve(__dirname, '../../src/google/functions.json'), 'utf8')) as { names: string[] }).names;
    for (const n of [...names, ...HOST_API, 'onOpen', 'onInstall', 'hourlySync']) {
      expect(addon.code).toMatch(new RegExp(`^function ${n}\\(\\) \\{`, 'm'));
    }
  });

  it('every menu item and every HostApi operation is a callable global', () => {
    const a = load({ authMode: 'NONE' });
    a.g.onOpen!(a.env.openEvent());
    const menuNames = a.env.ui.menuFunctionNames();
    expect(menuNames.length).toBeGreaterThanOrEqual(4);
    for (const n of [...menuNames, ...HOST_API]) expect(typeof a.g[n]).toBe('function');
    // And google.script.run sees them as public server functions.
    const server = a.env.scriptRunServer();
    for (const n of HOST_API) expect(server.functionNames()).toContain(n);
  });

  it('has no native async code left (Apps Script would return a pending Promise)', () => {
    expect(addon.code).not.toMatch(/\basync\s+(function|\()|\bawait\s/);
  });

  it('ships a V8 manifest with the Tasks advanced service and only the justified scopes', () => {
    const manifest = JSON.parse(addon.manifest) as { runtimeVersion: string; oauthScopes: string[]; dependencies: { enabledAdvancedServices: { userSymbol: string }[] } };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.dependencies.enabledAdvancedServices.map((s) => s.userSymbol)).toEqual(['Tasks']);
    expect(manifest.oauthScopes.map((s) => s.replace('https://www.googleapis.com/auth/', '')).sort()).toEqual(
      ['documents.currentonly', 'script.container.ui', 'script.scriptapp', 'tasks', 'userinfo.email'].sort(),
    );
    expect(addon.sidebar).toMatch(/^<!DOCTYPE html>/);
  });
});

describe('the add-on shell', () => {
  it('onOpen in AuthMode NONE builds the Chinese menu and touches no document or properties', () => {
    const a = load({ authMode: 'NONE' });
    a.g.onOpen!(a.env.openEvent());
    const [menu] = a.env.ui.menus();
    expect(menu?.addOn).toBe(true);
    expect(menu?.items.map((i) => (i.kind === 'item' ? i.caption : ''))).toEqual(['打开侧边栏', '插入会议记录表', '提取行动项', '立即同步到 Google Tasks']);
    // Only DocumentApp.getUi(): no document, no properties (AuthMode NONE allows neither).
    expect(Object.keys(a.env.document.calls())).toEqual(['DocumentApp.getUi']);
    expect(a.env.properties.used).toBe(0);
  });

  it('labels the menu in English for other locales, and onInstall builds the same menu', () => {
    const a = load({ locale: 'en' });
    a.g.onInstall!(a.env.openEvent());
    expect(a.env.ui.menus()[0]?.items.map((i) => (i.kind === 'item' ? i.caption : ''))).toContain('Insert meeting record table');
  });

  it('shows the built sidebar', () => {
    const a = load();
    a.call('showSidebar');
    expect(a.env.ui.lastSidebar()?.title).toBe('纪要待办');
    expect(a.env.ui.lastSidebar()?.content).toBe(addon.sidebar);
  });

  it('getContext tells the platform, language, settings and capabilities', () => {
    const a = load();
    const ctx = a.call<HostContext>('getContext');
    expect(ctx).toMatchObject({ platform: 'google', lang: 'zh', documentTitle: '跨部门沟通记录表', user: { email: 'wangfang@example.com' } });
    expect(ctx.capabilities).toEqual({ assignees: false, dueTime: false, onlyMine: true, autoSync: true, taskLists: true });
    expect(ctx.settings.autoSync).toBe(false);
  });
});

describe('inserting the template', () => {
  it('inserts after the paragraph holding the cursor', () => {
    const a = load();
    a.env.document.build(['第一段', '第二段', '第三段']);
    a.env.document.setCursor(a.env.document.body().getChild(0), 1);
    expect(a.call('insertTemplate', { scenario: 'general', lang: 'zh' })).toEqual({ inserted: true });
    const blocks = a.env.document.blocks();
    expect(blocks[0]).toMatchObject({ type: 'PARAGRAPH', text: '第一段' });
    expect(blocks[1]).toMatchObject({ type: 'PARAGRAPH', text: '跨部门沟通记录表', heading: 'HEADING1' });
    expect(blocks.findIndex((b) => b.type === 'PARAGRAPH' && b.text === '第二段')).toBeGreaterThan(5);
    const tables = a.env.document.tables();
    expect(tables.some((t) => t[0]?.join('|') === HEADER.join('|'))).toBe(true);
    const todo = a.env.document.blocks().find((b) => b.type === 'TABLE' && b.rows[0]?.[0]?.text === '事项');
    expect(todo?.type === 'TABLE' && todo.rows[0]?.[0]?.blocks[0]).toMatchObject({ inlines: [{ bold: true }] });
  });

  it('appends at the end without a cursor (and in English on request)', () => {
    const a = load();
    a.env.document.build(['已有内容']);
    a.call('insertTemplate', { scenario: 'general', lang: 'en' });
    const blocks = a.env.document.blocks();
    expect(blocks[0]).toMatchObject({ text: '已有内容' });
    expect(a.env.document.tables().some((t) => t[0]?.[0] === 'Item' || t[0]?.[0] === 'Action item')).toBe(true);
    expect(blocks[blocks.length - 1]).toMatchObject({ type: 'PARAGRAPH' });
  });

  it('rejects an unknown scenario with a clear, non-retryable error', () => {
    const a = load();
    expect(a.failure('insertTemplate', { scenario: 'nope', lang: 'zh' })).toMatchObject({ code: 'invalid', retryable: false });
  });

  it('the menu command inserts the Chinese template and the extractor reads it back as a template', () => {
    const a = load();
    a.call('menuInsertTemplate');
    expect(a.env.document.tables().some((t) => t[0]?.join('|') === HEADER.join('|'))).toBe(true);
    const result = a.call<ExtractResult>('extract');
    expect(result.items).toEqual([]);
  });
});

describe('reading the document', () => {
  it('reads person chips with email (name or the email local part) and date chips as their UTC calendar date', () => {
    const a = load();
    a.env.document.build(
      minutes([
        ['输出需求文档', person('wangfang@example.com', '王芳'), date('2026-12-04T20:00:00Z'), '未开始', ''],
        ['完成接口设计', person('liqiang@example.com', ''), date('2026-12-08T00:00:00+08:00'), '进行中', ''],
        ['确认预算', person('zhaomin@example.com', null), ['下周五前'], '已完成', ''],
      ]),
    );
    const { items } = a.call<ExtractResult>('extract');
    expect(items.map((i) => [i.title, i.owners, i.due, i.status])).toEqual([
      ['输出需求文档', ['王芳'], '2026-12-04', 'open'],
      ['完成接口设计', ['liqiang'], '2026-12-07', 'open'],
      ['确认预算', ['zhaomin'], expect.any(String), 'done'],
    ]);
  });

  it('normalises soft line breaks and reads lists, headings and every tab', () => {
    const a = load();
    a.env.document.build([{ paragraph: '讨论要点', heading: 'HEADING2' }, { listItem: '方案A\r需要评估' }]);
    a.env.document.addTab('第二页', {
      blocks: [
        { paragraph: '待办事项', heading: 'HEADING2' },
        { table: [HEADER, ['整理会议纪要\r并发送', [{ person: { email: 'lm@example.com', name: '李明' } }], date('2026-12-01T00:00:00Z'), '', '']] },
      ],
    });
    const { items } = a.call<ExtractResult>('extract');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ owners: ['李明'], due: '2026-12-01' });
    expect(items[0]!.title).not.toMatch(/\r/);
    expect(items[0]!.sourceText).toContain('整理会议纪要');
  });

  it('reads a cell mixing text and chips in order', () => {
    const a = load();
    a.env.document.build(minutes([['联调', [{ person: { email: 'a@example.com', name: '张三' } }, '、', { person: { email: 'b@example.com', name: '李四' } }], date('2026-12-02T00:00:00Z'), '', '']]));
    const { items } = a.call<ExtractResult>('extract');
    expect(items[0]?.owners).toEqual(['张三', '李四']);
  });

  it('extracts items from a document without the template (no tables) and warns nothing is lost', () => {
    const a = load();
    a.env.document.build([
      { paragraph: '沟通时间：2026年11月30日' },
      { paragraph: '待办事项', heading: 'HEADING2' },
      { listItem: '王芳：12月4日前输出需求文档' },
    ]);
    const { items } = a.call<ExtractResult>('extract');
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items[0]?.owners).toContain('王芳');
  });

  it('handles merged cells and an extra column in the item table', () => {
    const a = load();
    a.env.document.build([
      { paragraph: '待办事项', heading: 'HEADING2' },
      {
        table: [
          ['事项', '负责人', '备注', '完成时限', '状态'],
          ['准备物料', person('x@example.com', '小王'), { content: '合并说明', colSpan: 2 }, '', '未开始'],
          ['预订会场', person('y@example.com', '小李'), '无', date('2026-12-03T00:00:00Z'), '未开始'],
        ],
      },
    ]);
    const { items } = a.call<ExtractResult>('extract');
    expect(items.map((i) => [i.title, i.owners[0]])).toEqual([
      ['准备物料', '小王'],
      ['预订会场', '小李'],
    ]);
    expect(items[1]?.due).toBe('2026-12-03');
  });

  it('an extraction of a 200-row table stays within ~30 DocumentApp calls per row', () => {
    const a = load();
    const rows: CellSpec[][] = [];
    for (let i = 0; i < 200; i++) rows.push([`事项${i}：准备材料`, person(`u${i}@example.com`, `用户${i}`), date('2026-12-04T00:00:00Z'), '未开始', '']);
    a.env.document.build(minutes(rows));
    a.env.document.resetCalls();
    const { items } = a.call<ExtractResult>('extract');
    expect(items).toHaveLength(200);
    expect(a.env.document.totalCalls()).toBeLessThan(200 * 30);
  });
});

describe('writing confirmed items', () => {
  it('fills the blank template rows, appends the rest and anchors each written row', () => {
    const a = load();
    a.call('insertTemplate', { scenario: 'general', lang: 'zh' });
    const item = (title: string, owner: string, due: string | null) => ({
      id: title, kind: 'todo', title, owners: [owner], collaborators: [], due, dueTime: null, status: 'open', warnings: [], sourceText: title, inTable: false, taskLink: null,
    });
    const items = ['一', '二', '三', '四', '五', '六'].map((n, i) => item(`任务${n}`, '王芳', `2026-12-0${i + 1}`));
    const result = a.call<WriteItemsResult>('writeItems', { items, lang: 'zh' });
    expect(result).toEqual({ added: 6, skipped: 0 });
    const todo = todoTable(a);
    expect(todo.slice(1).map((r) => r[0])).toEqual(['任务一', '任务二', '任务三', '任务四', '任务五', '任务六']);
    expect(todo[1]).toEqual(['任务一', '王芳', '2026-12-01', '未开始', '']);
    const ranges = a.env.document.read()[0]!.namedRanges.filter((r) => r.name === 'mtt.row');
    expect(ranges).toHaveLength(6);
    // Writing the same items again adds nothing.
    expect(a.call<WriteItemsResult>('writeItems', { items, lang: 'zh' })).toEqual({ added: 0, skipped: 6 });
    // And the extractor reads them back.
    const { items: read } = a.call<ExtractResult>('extract');
    expect(read.filter((i) => i.kind === 'todo').map((i) => i.due)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
  });

  it('creates a heading and a table at the end when the document has none', () => {
    const a = load();
    a.env.document.build(['随手记的会议内容']);
    const items = [{ id: 'x', kind: 'todo', title: '提交周报', owners: ['李明'], collaborators: [], due: '2026-12-05', dueTime: null, status: 'open', warnings: [], sourceText: '', inTable: false, taskLink: null }];
    expect(a.call<WriteItemsResult>('writeItems', { items, lang: 'zh' })).toEqual({ added: 1, skipped: 0 });
    const blocks = a.env.document.blocks();
    expect(blocks.some((b) => b.type === 'PARAGRAPH' && b.text === '待办事项' && b.heading === 'HEADING2')).toBe(true);
    expect(todoTable(a)).toEqual([HEADER, ['提交周报', '李明', '2026-12-05', '未开始', '']]);
  });
});

describe('syncing with Google Tasks', () => {
  function synced(): LoadedAddon {
    const a = load();
    a.env.document.build(minutes(ROWS));
    const summary = a.call<SyncSummary>('syncNow');
    expect(summary.counts.created).toBe(3);
    return a;
  }

  it('creates one task per item in a list named after 沟通主题, owner in the title, date-only due, link back', () => {
    const a = synced();
    const list = a.env.tasks.lists().find((l) => l.title === '会员积分商城改版评审');
    expect(list?.tasks).toHaveLength(3);
    const t = liveTasks(a).find((x) => x.title === '【王芳】输出需求文档');
    expect(t).toMatchObject({ status: 'needsAction', due: '2026-12-04T00:00:00.000Z' });
    expect(t?.notes).toContain(a.env.document.url);
    expect(t?.notes).toContain('负责人：王芳');
    expect(t?.notes).toMatch(/\[sync:mtt:.+\]$/);
    const todo = todoTable(a);
    expect(todo.slice(1).map((r) => r[4])).toEqual(['查看任务', '查看任务', '查看任务']);
    const cell = a.env.document.blocks().filter((b) => b.type === 'TABLE').pop();
    const link = cell?.type === 'TABLE' ? cell.rows[1]?.[4]?.blocks[0] : undefined;
    expect(link?.type === 'PARAGRAPH' && link.inlines[0]).toMatchObject({ linkUrl: expect.stringContaining('https://tasks.google.com/task/') });
  });

  it('a second sync changes nothing and creates no duplicates', () => {
    const a = synced();
    const before = liveTasks(a);
    const again = a.call<SyncSummary>('syncNow');
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.remoteWrites).toBe(0);
    expect(liveTasks(a)).toEqual(before);
  });

  it('edits, inserted, deleted and reordered rows above re-sync onto the same tasks', () => {
    const a = synced();
    const ids = liveTasks(a).map((t) => t.id).sort();
    const table = todoTableWrapper(a);
    // Edit the text of the third row, insert a row above it, reorder the first two rows.
    table.getCell(3, 0).setText('确认活动预算（含物料）');
    const moved = table.getRow(1).copy();
    table.removeRow(1);
    table.insertTableRow(2, moved);
    table.insertTableRow(1).appendTableCell('');
    const summary = a.call<SyncSummary>('syncNow');
    expect(summary.counts.created).toBe(0);
    expect(summary.counts.updated).toBe(1);
    expect(liveTasks(a).map((t) => t.id).sort()).toEqual(ids);
    expect(liveTasks(a).map((t) => t.title)).toContain('【zhaomin】确认活动预算（含物料）');
    // Deleting a row above keeps the anchors too.
    table.removeRow(1);
    expect(a.call<SyncSummary>('syncNow').counts).toMatchObject({ created: 0, updated: 0 });
    expect(liveTasks(a).map((t) => t.id).sort()).toEqual(ids);
  });

  it('row anchors survive rows inserted, deleted and reordered above (same named range ids)', () => {
    const a = synced();
    const anchorsOf = (): string[] => a.env.document.read()[0]!.namedRanges.filter((r) => r.name === 'mtt.row').map((r) => r.id);
    const before = anchorsOf();
    expect(before).toHaveLength(3);
    const table = todoTableWrapper(a);
    table.insertTableRow(1).appendTableCell('');
    table.removeRow(1);
    a.call('syncNow');
    expect(anchorsOf()).toEqual(before);
  });

  it('a task completed in the Tasks app (and so hidden) turns the row to 已完成, and reopening turns it back', () => {
    const a = synced();
    const t = liveTasks(a).find((x) => x.title.includes('输出需求文档'))!;
    a.env.tasks.completeInApp(t.id);
    const summary = a.call<SyncSummary>('syncNow');
    expect(summary.counts.created).toBe(0);
    expect(todoTable(a)[1]?.[3]).toBe('已完成');
    a.env.tasks.reopenInApp(t.id);
    a.call('syncNow');
    expect(todoTable(a)[1]?.[3]).not.toBe('已完成');
    expect(liveTasks(a)).toHaveLength(3);
  });

  it('a row marked 已完成 completes its task, and 未开始 reopens it (completed cleared)', () => {
    const a = synced();
    const table = todoTableWrapper(a);
    table.getCell(2, 3).setText('已完成');
    a.call('syncNow');
    const task = liveTasks(a).find((x) => x.title.includes('完成接口设计'))!;
    expect(task.status).toBe('completed');
    table.getCell(2, 3).setText('未开始');
    a.call('syncNow');
    const reopened = a.env.tasks.task(task.id)!;
    expect(reopened.status).toBe('needsAction');
    expect(reopened.completed).toBeUndefined();
  });

  it('a copied and edited row (link included) becomes a task of its own; the original keeps its task', () => {
    const a = synced();
    const table = todoTableWrapper(a);
    const original = liveTasks(a).find((t) => t.title.includes('输出需求文档'))!;
    table.appendTableRow(table.getRow(1).copy());
    table.getCell(4, 0).setText('输出需求文档（英文版）');
    const summary = a.call<SyncSummary>('syncNow');
    expect(summary.counts.created).toBe(1);
    expect(liveTasks(a)).toHaveLength(4);
    expect(a.env.tasks.task(original.id)?.deleted).toBeFalsy();
    const links = a.env.document.blocks().filter((b) => b.type === 'TABLE').pop();
    const urls = links?.type === 'TABLE' ? links.rows.slice(1).map((r) => (r[4]?.blocks[0]?.type === 'PARAGRAPH' ? r[4].blocks[0].inlines[0] : null)) : [];
    const hrefs = urls.map((u) => (u && 'linkUrl' in u ? u.linkUrl : null));
    expect(new Set(hrefs).size).toBe(4);
  });

  it('a deleted row leaves its task in place (unlinked), not deleted', () => {
    const a = synced();
    todoTableWrapper(a).removeRow(3);
    const summary = a.call<SyncSummary>('syncNow');
    expect(summary.counts.removed).toBe(1);
    expect(liveTasks(a)).toHaveLength(3);
  });

  it('"only the items I own" syncs the rows whose owner chip is my email', () => {
    const a = load();
    a.env.document.build(minutes(ROWS));
    a.call('saveSettings', { onlyMine: true });
    a.call('syncNow');
    expect(liveTasks(a).map((t) => t.title)).toEqual(['【王芳】输出需求文档']);
  });

  it('switching to "only the items I own" after a sync keeps the others’ tasks and says they are left out, not removed', () => {
    const a = synced();
    a.call('saveSettings', { onlyMine: true });
    const summary = a.call<SyncSummary>('syncNow');
    expect(summary.counts).toMatchObject({ created: 0, removed: 0, excluded: 2 });
    expect(summary.message).toBe('同步完成：按设置不再同步（任务保留） 2 项。');
    expect(liveTasks(a)).toHaveLength(3);
  });

  it('pages through lists larger than one page', () => {
    const a = synced();
    a.env.tasks.setMaxPageSize(1);
    expect(a.call<SyncSummary>('syncNow').counts).toMatchObject({ created: 0, unchanged: 3 });
  });

  it('choosing another of my lists moves the synced tasks there; syncs go on there without duplicates, status both ways', () => {
    const a = synced();
    const ids = liveTasks(a).map((t) => t.id).sort();
    const choice = a.call<TaskListChoice>('taskLists');
    expect(choice.current?.title).toBe('会员积分商城改版评审');
    const mine = choice.lists.find((l) => l.title === 'My Tasks')!;
    const result = a.call<ChooseTaskListResult>('chooseTaskList', { listId: mine.id });
    expect(result).toMatchObject({ moved: 3, remaining: 0, current: { id: mine.id, title: 'My Tasks' } });
    const inList = (title: string): string[] => a.env.tasks.lists().find((l) => l.title === title)!.tasks.filter((t) => !t.deleted).map((t) => t.id!).sort();
    expect(inList('My Tasks')).toEqual(ids);
    expect(inList('会员积分商城改版评审')).toEqual([]);
    expect(a.call<SyncSummary>('syncNow').counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    // Edits and completions keep flowing through the moved tasks.
    todoTableWrapper(a).getCell(1, 0).setText('输出需求文档 v2');
    a.env.tasks.completeInApp(liveTasks(a).find((t) => t.title.includes('完成接口设计'))!.id);
    const summary = a.call<SyncSummary>('syncNow');
    expect(summary.counts.created).toBe(0);
    expect(liveTasks(a).map((t) => t.title)).toContain('【王芳】输出需求文档 v2');
    expect(todoTable(a)[2]?.[3]).toBe('已完成');
    expect(inList('My Tasks')).toEqual(ids);
  });

  it('a new list for the meeting can be chosen back; a bad or vanished list id is refused', () => {
    const a = synced();
    const mine = a.call<TaskListChoice>('taskLists').lists.find((l) => l.title === 'My Tasks')!;
    a.call('chooseTaskList', { listId: mine.id });
    const back = a.call<ChooseTaskListResult>('chooseTaskList', { listId: null });
    expect(back.moved).toBe(3);
    expect(back.current?.title).toBe('会员积分商城改版评审');
    expect(() => a.call('chooseTaskList', { listId: 'not a list id' })).toThrow(/"code":"invalid"/);
    expect(() => a.call('chooseTaskList', { listId: 'bGlzdDpub25l' })).toThrow(/"code":"not_found"/);
    expect(liveTasks(a)).toHaveLength(3);
  });
});

describe('failures', () => {
  it('Tasks service disabled → service_missing, document untouched', () => {
    const a = load({ tasksEnabled: false });
    a.env.document.build(minutes(ROWS));
    const before = a.env.document.tables();
    expect(a.failure('syncNow')).toMatchObject({ code: 'service_missing', retryable: false, message: expect.stringContaining('Tasks') });
    expect(a.env.document.tables()).toEqual(before);
  });

  it('a document lock held by another execution → locked, retryable; afterwards the sync works', () => {
    const a = load();
    a.env.document.build(minutes(ROWS));
    const held = a.env.locks.hold('document');
    expect(a.failure('syncNow')).toMatchObject({ code: 'locked', retryable: true });
    expect(a.failure('writeItems', { items: [], lang: 'zh' })).toMatchObject({ code: 'locked' });
    held.release();
    expect(a.call<SyncSummary>('syncNow').counts.created).toBe(3);
  });

  it('the daily Tasks quota → quota, in English for an English user; what was synced is kept', () => {
    const a = load({ locale: 'en' });
    a.env.document.build(minutes(ROWS));
    a.env.tasks.setDailyLimit(a.env.tasks.used + 2); // the list and one task
    expect(a.failure('syncNow')).toMatchObject({ code: 'quota', retryable: false, message: expect.stringMatching(/quota/i) });
    const created = liveTasks(a).length;
    expect(created).toBeGreaterThan(0);
    a.env.tasks.setDailyLimit(null);
    a.call('syncNow');
    expect(liveTasks(a)).toHaveLength(3);
  });

  it('a crash between creating a task and storing it → the re-run adopts the task, no duplicate', () => {
    const a = load();
    a.env.document.build(minutes(ROWS));
    const tasks = (a.g as unknown as { Tasks: { Tasks: { insert: (...args: unknown[]) => unknown } } }).Tasks.Tasks;
    const insert = tasks.insert;
    let n = 0;
    tasks.insert = (...args: unknown[]) => {
      const created = insert.apply(tasks, args);
      if (++n === 2) throw new Error('Exceeded maximum execution time');
      return created;
    };
    expect(a.failure('syncNow')).toMatchObject({ code: 'internal', retryable: true });
    tasks.insert = insert;
    const orphans = liveTasks(a).map((t) => t.id);
    expect(orphans).toHaveLength(2);
    const summary = a.call<SyncSummary>('syncNow');
    expect(summary.ok).toBe(true);
    expect(liveTasks(a)).toHaveLength(3);
    expect(liveTasks(a).map((t) => t.id)).toEqual(expect.arrayContaining(orphans));
    expect(new Set(liveTasks(a).map((t) => t.title)).size).toBe(3);
    expect(a.call<SyncSummary>('syncNow').counts).toMatchObject({ created: 0, unchanged: 3 });
  });

  it('a transient 503 is retried and the sync succeeds', () => {
    const a = load();
    a.env.document.build(minutes(ROWS));
    a.env.tasks.failNext('tasks.insert', { code: 503 });
    expect(a.call<SyncSummary>('syncNow').counts.created).toBe(3);
    expect(liveTasks(a)).toHaveLength(3);
  });

  it('never leaks a raw message or stack into the sidebar', () => {
    const a = load();
    a.env.document.build(minutes(ROWS));
    a.env.tasks.failNext('tasklists.insert', { code: 403, message: 'secret internal detail at line 42' });
    const error = a.failure('syncNow');
    expect(error.code).toBe('permission');
    expect(JSON.stringify(error)).not.toContain('secret');
    expect(a.env.logs.messages().join('\n')).not.toContain('secret');
  });
});

describe('through google.script.run, as the sidebar calls it', () => {
  it('serves the HostApi with JSON-safe results and HostErrors the sidebar can read', async () => {
    const a = load({ tasksEnabled: false });
    a.env.document.build(minutes(ROWS));
    const client = createGoogleScriptRun(a.env.scriptRunServer());
    const api = createGoogleHost({ script: { run: client.run as never } }, () => 'fallback');
    expect((await api.getContext()).platform).toBe('google');
    const extracted = await api.extract();
    expect(extracted.items.map((i) => i.title)).toEqual(['输出需求文档', '完成接口设计', '确认活动预算']);
    expect(typeof (await api.fingerprint())).toBe('string');
    await expect(api.syncNow()).rejects.toMatchObject({ code: 'service_missing', retryable: false });
    expect((await api.saveSettings({ decisions: true })).settings.decisions).toBe(true);
  });
});

describe('sync on change', () => {
  it('the fingerprint changes with text and chips, not otherwise', () => {
    const a = load();
    a.env.document.build(minutes(ROWS));
    const f1 = a.call<string>('fingerprint');
    expect(a.call<string>('fingerprint')).toBe(f1);
    a.env.document.seedDate(todoTableWrapper(a).getCell(1, 2), { timestamp: '2026-12-24T00:00:00Z' }, 0);
    const f2 = a.call<string>('fingerprint');
    expect(f2).not.toBe(f1);
    todoTableWrapper(a).getCell(2, 0).setText('完成接口设计 v2');
    expect(a.call<string>('fingerprint')).not.toBe(f2);
  });

  it('autoSync installs one hourly trigger, the trigger syncs in the background, off removes it', () => {
    const a = load();
    a.env.document.build(minutes(ROWS));
    const ctx = a.call<HostContext>('saveSettings', { autoSync: true });
    expect(ctx.settings.autoSync).toBe(true);
    a.call('saveSettings', { autoSync: true });
    expect(a.env.triggers.list()).toHaveLength(1);
    a.env.newExecution({ context: 'trigger', authMode: 'FULL' });
    (a.g.hourlySync as (e?: unknown) => void)({});
    expect(liveTasks(a)).toHaveLength(3);
    expect(a.call<HostContext>('getContext').lastSync?.counts.created).toBe(3);
    a.call('saveSettings', { autoSync: false });
    expect(a.env.triggers.list()).toHaveLength(0);
  });
});
