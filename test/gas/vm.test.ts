import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAppsScriptEnvironment } from './index';

const SNIPPET = `
var doc = DocumentApp.getActiveDocument();
var body = doc.getBody();
var table = body.appendTable([
  ['议题', '决议', '负责人', '截止日期', '状态'],
  ['方案评审', '通过', '张三', '2025-06-30', '']
]);
table.getCell(0, 0).editAsText().setBold(true);
var list = Tasks.Tasklists.insert({ title: '会议行动项' });
var task = Tasks.Tasks.insert({ title: '【张三】方案评审', due: '2025-06-30T00:00:00.000Z', notes: doc.getUrl() }, list.id);
table.getCell(1, 4).setText('已同步');
PropertiesService.getUserProperties().setProperty(doc.getId(), JSON.stringify({ r1: task.id }));
({
  second: String(body.getChild(1).getType()) === String(DocumentApp.ElementType.TABLE),
  taskId: task.id,
  hasRequire: typeof require !== 'undefined',
  hasProcess: typeof process !== 'undefined',
  hasSetTimeout: typeof setTimeout !== 'undefined'
});
`;

describe('the fakes as vm globals', () => {
  it('runs plain JavaScript in vm.createContext(env.globals): inserts a table and creates a task', () => {
    const env = createAppsScriptEnvironment();
    const context = vm.createContext(env.globals);
    const result = vm.runInContext(SNIPPET, context) as { second: boolean; taskId: string; hasRequire: boolean; hasProcess: boolean; hasSetTimeout: boolean };
    expect(result).toEqual({ second: true, taskId: expect.any(String), hasRequire: false, hasProcess: false, hasSetTimeout: false });
    expect(env.document.tables()).toEqual([
      [
        ['议题', '决议', '负责人', '截止日期', '状态'],
        ['方案评审', '通过', '张三', '2025-06-30', '已同步'],
      ],
    ]);
    const [task] = env.tasks.allTasks().filter((t) => t.id === result.taskId);
    expect(task).toMatchObject({ title: '【张三】方案评审', due: '2025-06-30T00:00:00.000Z', notes: env.document.url });
    expect(env.properties.dump('user')).toEqual({ [env.document.id]: JSON.stringify({ r1: result.taskId }) });
    expect(env.document.calls()['Body.appendTable']).toBe(1);
  });

  it('createContext hands the script Errors and Dates of its own realm', () => {
    const env = createAppsScriptEnvironment();
    const body = env.document.body();
    env.document.seedDate(body.getChild(0), { timestamp: '2025-06-30T00:00:00Z' });
    env.createContext();
    const out = env.run(`
      var errors = [];
      try { DocumentApp.getActiveDocument().getBody().getChild(0).asTable(); } catch (e) { errors.push(e instanceof Error, e.name, String(e)); }
      try { Tasks.Tasks.get('nope', 'nope'); } catch (e) { errors.push(e instanceof Error, e.name, e.details.code); }
      var ts = DocumentApp.getActiveDocument().getBody().getChild(0).asParagraph().getChild(0).asDate().getTimestamp();
      ({ errors: errors, isDate: ts instanceof Date, iso: ts.toISOString() });
    `) as { errors: unknown[]; isDate: boolean; iso: string };
    expect(out.errors).toEqual([true, 'Exception', "Exception: PARAGRAPH can't be cast as TABLE", true, 'GoogleJsonResponseException', 404]);
    expect(out.isDate).toBe(true);
    expect(out.iso).toBe('2025-06-30T00:00:00.000Z');
  });

  it('a disabled Tasks service is not a global at all', () => {
    const env = createAppsScriptEnvironment({ tasksEnabled: false });
    expect(env.run("typeof Tasks === 'undefined' ? 'off' : 'on'")).toBe('off');
    expect(() => env.run('Tasks.Tasklists.list()')).toThrow(/Tasks is not defined/);
  });

  it('menu functions built by onOpen exist as globals of the script', () => {
    const env = createAppsScriptEnvironment({ authMode: 'NONE' });
    env.run(`
      function onOpen(e) {
        DocumentApp.getUi().createAddonMenu().addItem('插入会议记录表', 'insertTemplate').addItem('同步', 'syncNow').addToUi();
      }
      function insertTemplate() {}
      function syncNow() {}
    `);
    const ctx = env.createContext() as Record<string, unknown>;
    (ctx.onOpen as (e: unknown) => void)(env.openEvent());
    for (const name of env.ui.menuFunctionNames()) expect(typeof ctx[name]).toBe('function');
  });
});
