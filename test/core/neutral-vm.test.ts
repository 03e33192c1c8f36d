// Proof that the core runs in Apps Script's V8: load dist/core.iife.js (built for a neutral platform) into a
// bare vm context — no require, no process, no console — and run the template and the extractor there.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = readFileSync(join(root, 'dist/core.iife.js'), 'utf8');

/** Run code in a fresh context holding nothing but the bundle; results come back as JSON. */
function inBareContext(code: string): unknown {
  const context = vm.createContext({});
  // V8 gives every context a console of its own; remove it so the bundle cannot lean on it.
  vm.runInContext('delete globalThis.console;', context);
  vm.runInContext(bundle, context, { filename: 'core.iife.js' });
  return JSON.parse(vm.runInContext(`JSON.stringify((() => { ${code} })())`, context) as string);
}

const SAMPLE_DOC = {
  blocks: [
    { type: 'heading', level: 1, content: [{ type: 'text', text: '跨部门沟通记录表' }] },
    {
      type: 'table',
      rows: [
        { cells: [{ blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '沟通主题' }] }] }, { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '会员系统上线协调' }] }] }] },
        { cells: [{ blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '沟通时间' }] }] }, { blocks: [{ type: 'paragraph', content: [{ type: 'date', date: '2025-06-09' }] }] }] },
      ],
    },
    { type: 'heading', level: 2, content: [{ type: 'text', text: '待办事项' }] },
    {
      type: 'table',
      rows: [
        { cells: ['事项', '负责人', '完成时限', '状态'].map((t) => ({ blocks: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] })) },
        {
          cells: [
            { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '输出最终需求文档' }] }] },
            { blocks: [{ type: 'paragraph', content: [{ type: 'person', name: '王芳', email: 'wangfang@example.com' }] }] },
            { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '下周五前' }] }] },
            { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '未开始' }] }] },
          ],
        },
      ],
    },
    { type: 'listItem', level: 0, ordered: false, content: [{ type: 'text', text: 'Action: Nina to send the revised budget by Friday.' }] },
  ],
};

describe('dist/core.iife.js in a bare vm context', () => {
  it('has no Node, no console, no require to lean on', () => {
    const globals = inBareContext('return [typeof require, typeof process, typeof console, typeof MinutesCore];');
    expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'object']);
  });

  it('renders every template scenario to Markdown', () => {
    const out = inBareContext(`
      return MinutesCore.listScenarios('zh').map((s) => MinutesCore.templateToMarkdown(MinutesCore.renderTemplate(s.id, 'zh')));
    `) as string[];
    expect(out.length).toBe(6);
    for (const md of out) {
      expect(md).toContain('跨部门沟通记录表');
      expect(md).toContain('决议事项');
      expect(md).toContain('待办事项');
    }
  });

  it('extracts a sample document and returns the contract', () => {
    const out = inBareContext(`
      const doc = ${JSON.stringify(SAMPLE_DOC)};
      return MinutesCore.toContract(MinutesCore.extractMinutes(doc, { today: '2025-06-09' }));
    `) as { meeting: Record<string, unknown>; items: { kind: string; title: string; owners: string[]; due: string | null }[]; warnings: string[] };
    expect(Object.keys(out).sort()).toEqual(['items', 'meeting', 'warnings']);
    expect(out.meeting['date']).toBe('2025-06-09');
    expect(Array.isArray(out.items)).toBe(true);
    const todo = out.items.find((i) => i.title.includes('输出最终需求文档'));
    expect(todo).toMatchObject({ kind: 'todo', owners: ['王芳'], due: '2025-06-20' });
  });

  it('formats items as csv and ics inside the context', () => {
    const out = inBareContext(`
      const extraction = { meeting: { topic: 't', date: '2025-06-09', location: null, participants: [], host: null, recorder: null, goal: null },
        items: [{ kind: 'todo', title: '输出文档', owners: [{ name: '王芳' }], collaborators: [], due: '2025-06-20', dueTime: null,
          status: 'open', warnings: [], source: { via: 'table', blockIndex: 0, text: 'x' } }], warnings: [] };
      return [MinutesCore.formatItemsCsv(extraction), MinutesCore.formatItemsIcs(extraction, { now: new Date(0) })];
    `) as [string, string];
    expect(out[0]).toContain('todo,输出文档,王芳');
    expect(out[1]).toContain('DUE;VALUE=DATE:20250620');
  });
});
