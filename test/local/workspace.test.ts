import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractResult, HostContext, SyncSummary, WriteItemsResult } from '../../src/core/app/protocol';
import type { MinutesDocument, TableBlock } from '../../src/core/model/document';
import { SCHEMA_VERSION } from '../../src/local/db';
import { LocalError } from '../../src/local/errors';
import { LocalWorkspace } from '../../src/local/workspace';

const SAMPLE = resolve(__dirname, '../../samples/minutes-zh.md');
const dirs: string[] = [];
const open: LocalWorkspace[] = [];

function workspace(dir = mkdtempSync(join(tmpdir(), 'minutes-ws-')), sample?: string): LocalWorkspace {
  if (!dirs.includes(dir)) dirs.push(dir);
  const ws = new LocalWorkspace({ dir, ...(sample ? { sampleFile: sample } : {}), now: () => Date.parse('2026-11-30T08:00:00Z') });
  open.push(ws);
  return ws;
}

afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const todoTable = (doc: MinutesDocument): TableBlock =>
  doc.blocks.filter((b): b is TableBlock => b.type === 'table').find((t) => JSON.stringify(t.rows[0]).includes('事项') && JSON.stringify(t.rows[0]).includes('状态'))!;
const rowText = (doc: MinutesDocument, title: string): string => JSON.stringify(todoTable(doc).rows.find((r) => JSON.stringify(r).includes(title)) ?? null);

async function minutesWithItems(ws: LocalWorkspace): Promise<string> {
  const id = ws.create('周会');
  await ws.call(id, 'insertTemplate', { scenario: 'general', lang: 'zh' }, 'zh');
  const doc = ws.read(id).doc;
  doc.blocks.unshift(
    { type: 'paragraph', content: [{ type: 'text', text: '待办：@张三 12月20日前整理接口文档' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '待办：@李四 12月25日前完成压测报告' }] },
  );
  await ws.save(id, doc, { sync: false, lang: 'zh' });
  const extracted = (await ws.call(id, 'extract', {}, 'zh')) as ExtractResult;
  await ws.call(id, 'writeItems', { items: extracted.items, lang: 'zh' }, 'zh');
  return id;
}

describe('LocalWorkspace', () => {
  it('creates the schema in a fresh database and a sample document on first start', () => {
    const ws = workspace(undefined, SAMPLE);
    const docs = ws.list();
    expect(docs).toHaveLength(1);
    const doc = ws.read(docs[0]!.id).doc;
    expect(doc.blocks.length).toBeGreaterThan(5);
    expect(doc.blocks.every((b) => typeof b.anchor === 'string')).toBe(true);
    const db = new Database(join(dirs[0]!, 'minutes.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('does not add the sample again when the folder has documents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minutes-ws-'));
    const first = workspace(dir, SAMPLE);
    first.create('另一个');
    first.close();
    open.splice(0);
    expect(workspace(dir, SAMPLE).list()).toHaveLength(2);
  });

  it('reports the local context with the saved settings', async () => {
    const ws = workspace();
    const id = ws.create('周会');
    const ctx = (await ws.call(id, 'saveSettings', { autoSync: true }, 'en')) as HostContext;
    expect(ctx).toMatchObject({ platform: 'local', lang: 'en', documentId: id, documentTitle: '周会', settings: { autoSync: true, decisions: false } });
    expect(ctx.capabilities.autoSync).toBe(true);
  });

  it('writes items into the 待办事项 table, syncs them, and a save updates the same task', async () => {
    const ws = workspace();
    const id = await minutesWithItems(ws);
    expect(rowText(ws.read(id).doc, '整理接口文档')).toContain('张三');

    const first = (await ws.call(id, 'syncNow', {}, 'zh')) as SyncSummary;
    expect(first.counts.created).toBe(2);
    const tasks = ws.tasks.all(id);
    expect(tasks.map((t) => t.title).sort()).toEqual(['完成压测报告', '整理接口文档']);
    expect(rowText(ws.read(id).doc, '整理接口文档')).toContain(tasks.find((t) => t.title === '整理接口文档')!.url);

    // The user edits the row in the editor and saves; with autoSync on, the save syncs.
    await ws.call(id, 'saveSettings', { autoSync: true }, 'zh');
    const doc = ws.read(id).doc;
    const row = todoTable(doc).rows.find((r) => JSON.stringify(r).includes('整理接口文档'))!;
    row.cells[0] = { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '整理接口文档（第二版）' }] }] };
    const saved = await ws.save(id, doc, { sync: true, lang: 'zh' });
    expect(saved.synced?.counts.updated).toBe(1);
    const after = ws.tasks.all(id);
    expect(after).toHaveLength(2);
    expect(after.find((t) => t.id === tasks.find((x) => x.title === '整理接口文档')!.id)!.title).toBe('整理接口文档（第二版）');
  });

  it('a save without autoSync only saves', async () => {
    const ws = workspace();
    const id = await minutesWithItems(ws);
    const before = ws.revision(id);
    const saved = await ws.save(id, ws.read(id).doc, { sync: true, lang: 'zh' });
    expect(saved.synced).toBeNull();
    expect(saved.revision).toBe(before + 1);
    expect(ws.tasks.all(id)).toHaveLength(0);
  });

  it('completing a task in the tasks panel writes 已完成 into the 状态 cell (autoSync on)', async () => {
    const ws = workspace();
    const id = await minutesWithItems(ws);
    await ws.call(id, 'saveSettings', { autoSync: true }, 'zh');
    await ws.call(id, 'syncNow', {}, 'zh');
    const task = ws.tasks.all(id).find((t) => t.title === '完成压测报告')!;
    expect(rowText(ws.read(id).doc, '完成压测报告')).not.toContain('已完成');
    const result = await ws.setTaskStatus(task.id, true, 'zh');
    expect(result.task.status).toBe('done');
    expect(rowText(ws.read(id).doc, '完成压测报告')).toContain('已完成');
    const extracted = (await ws.call(id, 'extract', {}, 'zh')) as ExtractResult;
    expect(extracted.items.find((i) => i.title === '完成压测报告')!.status).toBe('done');
  });

  it('keeps tasks and sync records across restarts, and new rows never reuse an anchor', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minutes-ws-'));
    const ws = workspace(dir);
    const id = await minutesWithItems(ws);
    await ws.call(id, 'syncNow', {}, 'zh');
    ws.close();
    open.splice(0);
    const again = workspace(dir);
    const second = (await again.call(id, 'syncNow', {}, 'zh')) as SyncSummary;
    expect(second.counts.created).toBe(0);
    expect(again.tasks.all(id)).toHaveLength(2);
    const doc = again.read(id).doc;
    doc.blocks.unshift({ type: 'paragraph', content: [{ type: 'text', text: '待办：@王五 12月28日前准备发布说明' }] });
    await again.save(id, doc, { sync: false, lang: 'zh' });
    const extracted = (await again.call(id, 'extract', {}, 'zh')) as ExtractResult;
    const written = (await again.call(id, 'writeItems', { items: extracted.items, lang: 'zh' }, 'zh')) as WriteItemsResult;
    expect(written.added).toBe(1);
    const anchors = todoTable(again.read(id).doc).rows.map((r) => r.anchor).filter(Boolean);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it('rejects bad requests with plain HostError codes', async () => {
    const ws = workspace();
    const id = ws.create('周会');
    await expect(ws.call(id, 'insertTemplate', { scenario: 'nope', lang: 'zh' }, 'zh')).rejects.toMatchObject({ code: 'invalid' });
    await expect(ws.call(id, 'writeItems', { items: [{ id: 1 }] }, 'zh')).rejects.toBeInstanceOf(LocalError);
    await expect(ws.call(id, 'saveSettings', { autoSync: 'yes' }, 'zh')).rejects.toMatchObject({ code: 'invalid' });
    await expect(ws.call('missing', 'extract', {}, 'zh')).rejects.toMatchObject({ code: 'not_found' });
    await expect(ws.save(id, { blocks: [{ type: 'script' }] }, { sync: false, lang: 'zh' })).rejects.toMatchObject({ code: 'invalid' });
    expect(ws.read(id).doc.blocks).toHaveLength(1);
  });

  it('stores documents as the core model JSON', async () => {
    const ws = workspace();
    const id = ws.create('周会');
    await ws.call(id, 'insertTemplate', { scenario: 'retro', lang: 'en' }, 'en');
    const file = JSON.parse(readFileSync(join(dirs[0]!, `${id}.json`), 'utf8')) as MinutesDocument;
    expect(file.title).toBe('周会');
    expect(file.blocks.some((b) => b.type === 'table')).toBe(true);
  });
});
