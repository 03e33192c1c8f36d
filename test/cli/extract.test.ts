import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_IDS, renderTemplate, templateToMarkdown } from '../../src/core/template/index';
import { MINUTES_MD, MINUTES_TXT } from './fixture-minutes';
import { readIcs, unescapeText } from './parse-ics';
import { minutes, parseCsv, root, TODAY, tmpDir } from './run-cli';

interface ContractJson {
  meeting: Record<string, unknown>;
  items: Record<string, unknown>[];
  warnings: unknown[];
}

const dir = tmpDir();
const mdPath = join(dir, 'minutes.md');
const txtPath = join(dir, 'minutes.txt');
writeFileSync(mdPath, MINUTES_MD);
writeFileSync(txtPath, MINUTES_TXT);

function json(args: string[], input?: string): ContractJson {
  const r = minutes([...args, '--format', 'json'], input === undefined ? {} : { input });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ContractJson;
}

/** The contract of ../shared/EXTRACTION.md, checked field by field (plain checks: documents can be large). */
function expectContract(out: ContractJson): void {
  expect(Object.keys(out).sort()).toEqual(['items', 'meeting', 'warnings']);
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok && problems.length < 10) problems.push(what);
  };
  const isNullableString = (v: unknown): boolean => v === null || typeof v === 'string';
  for (const key of ['topic', 'date', 'location', 'host', 'recorder', 'goal']) {
    check(key in out.meeting && isNullableString(out.meeting[key]), `meeting.${key}`);
  }
  check(Array.isArray(out.meeting['participants']), 'meeting.participants');
  check(Array.isArray(out.warnings) && out.warnings.every((w) => typeof w === 'string'), 'warnings');
  const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');
  out.items.forEach((item, i) => {
    check(item['kind'] === 'decision' || item['kind'] === 'todo', `items[${i}].kind`);
    check(typeof item['title'] === 'string' && item['title'] !== '', `items[${i}].title`);
    check(isStrings(item['owners']), `items[${i}].owners`);
    check(isStrings(item['collaborators']), `items[${i}].collaborators`);
    check(item['due'] === null || /^\d{4}-\d{2}-\d{2}$/.test(String(item['due'])), `items[${i}].due`);
    check(item['due_time'] === null || /^(\d{2}:\d{2}|EOD)$/.test(String(item['due_time'])), `items[${i}].due_time`);
    check(item['status'] === 'open' || item['status'] === 'done', `items[${i}].status`);
    check(isStrings(item['warnings']), `items[${i}].warnings`);
  });
  expect(problems).toEqual([]);
}

describe('minutes extract', () => {
  it('prints the JSON contract for Markdown minutes, with the meeting date from --date', () => {
    const out = json(['extract', mdPath, '--date', '2025-06-10']);
    expectContract(out);
    expect(out.meeting['date']).toBe('2025-06-10');
  });

  it('prints the JSON contract for the bundled sample', () => {
    const sample = join(root, 'samples/minutes-zh.md');
    expect(existsSync(sample)).toBe(true);
    const out = json(['extract', sample]);
    expectContract(out);
    expect(out.items.length).toBeGreaterThan(0);
    expect(out.items.some((i) => i['kind'] === 'todo' && (i['owners'] as string[]).length > 0 && i['due'] !== null)).toBe(true);
  });

  it('reads pasted text (.txt) and stdin like Markdown', () => {
    const fromTxt = json(['extract', txtPath, '--date', TODAY]);
    expectContract(fromTxt);
    const fromStdin = json(['extract', '-', '--date', TODAY], MINUTES_MD);
    const fromFile = json(['extract', mdPath, '--date', TODAY]);
    expect(fromStdin.items.map((i) => i['title'])).toEqual(fromFile.items.map((i) => i['title']));
    expect(fromStdin.meeting).toEqual(fromFile.meeting);
  });

  it('reads every .docx fixture', () => {
    const fixtures = join(root, 'test/fixtures');
    const docs = existsSync(fixtures) ? readdirSync(fixtures).filter((f) => f.endsWith('.docx')) : [];
    expect(docs.length).toBeGreaterThan(0);
    for (const name of docs) {
      const r = minutes(['extract', join(fixtures, name), '--format', 'json']);
      expect(r.stderr, name).toBe('');
      expect(r.code, name).toBe(0);
      expectContract(JSON.parse(r.stdout) as ContractJson);
    }
  });

  it('prints a table by default', () => {
    const r = minutes(['extract', mdPath]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const items = json(['extract', mdPath]).items;
    if (items.length === 0) expect(r.stdout).toContain('No decisions or to-dos found.');
    else {
      expect(r.stdout).toMatch(/^#\s+Kind\s+Title\s+Owners\s+Due\s+Status\s+Warnings$/m);
      for (const item of items) expect(r.stdout).toContain(item['kind'] as string);
    }
  });

  it('csv: a header and one RFC 4180 row per item, matching the JSON', () => {
    const r = minutes(['extract', mdPath, '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['kind', 'title', 'owners', 'collaborators', 'due', 'due_time', 'status', 'warnings', 'source']);
    const items = json(['extract', mdPath]).items;
    expect(rows.slice(1).map((row) => row[1])).toEqual(items.map((i) => i['title']));
    expect(rows.slice(1).map((row) => row[4] || null)).toEqual(items.map((i) => i['due']));
  });

  it('ics: CRLF, lines of at most 75 octets, one VTODO per to-do with its due date', () => {
    const r = minutes(['extract', mdPath, '--format', 'ics']);
    expect(r.code).toBe(0);
    const ics = readIcs(r.stdout);
    expect(ics.lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.lines.at(-1)).toBe('END:VCALENDAR');
    const todos = json(['extract', mdPath]).items.filter((i) => i['kind'] === 'todo');
    expect(ics.todos).toHaveLength(todos.length);
    ics.todos.forEach((vtodo, i) => {
      const todo = todos[i]!;
      expect(unescapeText(vtodo.get('SUMMARY')!)).toContain(todo['title'] as string);
      const due = todo['due'] as string | null;
      expect(vtodo.get('DUE;VALUE=DATE')).toBe(due === null ? undefined : due.replace(/-/g, ''));
      expect(vtodo.get('STATUS')).toBe(todo['status'] === 'done' ? 'COMPLETED' : 'NEEDS-ACTION');
    });
  });
});

describe('minutes extract on hostile input: no crash', () => {
  it('an empty file gives an empty, valid extraction', () => {
    const path = join(dir, 'empty.md');
    writeFileSync(path, '');
    const out = json(['extract', path]);
    expectContract(out);
    expect(out.items).toEqual([]);
  });

  it('the blank template, every scenario in both languages, gives no items', () => {
    const found: string[] = [];
    for (const lang of ['zh', 'en'] as const) {
      for (const scenario of SCENARIO_IDS) {
        const template = templateToMarkdown(renderTemplate(scenario, lang));
        const out = json(['extract', '-'], template);
        expectContract(out);
        found.push(...out.items.map((i) => `${scenario}/${lang}: ${String(i['title'])}`));
      }
    }
    expect(found).toEqual([]);
  });

  it('a 5 MB document is read and extracted: every item, or a document_too_large warning', () => {
    const path = join(dir, 'big.md');
    const section = (i: number): string =>
      `\n## 待办事项\n\n| 事项 | 负责人 | 完成时限 | 状态 | 任务 |\n| --- | --- | --- | --- | --- |\n` +
      `| 输出第${i}版需求文档 | 王芳 | 6月20日 | 未开始 | |\n| 准备第${i}批活动素材 | 张伟 | 下周五前 | 进行中 | |\n`;
    const parts = [MINUTES_MD];
    let bytes = Buffer.byteLength(MINUTES_MD);
    let sections = 0;
    while (bytes < 5 * 1024 * 1024) {
      const next = section(++sections);
      parts.push(next);
      bytes += Buffer.byteLength(next);
    }
    writeFileSync(path, parts.join(''));
    expect(readFileSync(path).length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const out = json(['extract', path, '--date', TODAY]);
    expectContract(out);
    if (out.warnings.includes('document_too_large')) expect(out.items.length).toBeGreaterThan(0);
    else expect(out.items.filter((i) => /^(输出第\d+版需求文档|准备第\d+批活动素材)$/.test(String(i['title'])))).toHaveLength(2 * sections);
  });
});
