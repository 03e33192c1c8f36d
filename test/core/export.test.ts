import { describe, expect, it } from 'vitest';
import { alignTable, formatItemsTable } from '../../src/core/export/table';
import { CSV_HEADER, csvField, formatItemsCsv } from '../../src/core/export/csv';
import { escapeText, foldLine, formatItemsIcs, itemUid } from '../../src/core/export/ics';
import { displayWidth, truncateToWidth } from '../../src/core/export/width';
import type { ActionItem, Extraction } from '../../src/core/model/items';
import { parseCsv } from '../cli/run-cli';
import { readIcs, unescapeText } from '../cli/parse-ics';

function item(overrides: Partial<ActionItem>): ActionItem {
  return {
    kind: 'todo',
    title: '输出最终需求文档',
    owners: [{ name: '王芳' }],
    collaborators: [],
    due: '2025-06-20',
    dueTime: null,
    status: 'open',
    warnings: [],
    source: { via: 'table', blockIndex: 3, rowIndex: 1, text: '输出最终需求文档 | 王芳 | 6月20日' },
    ...overrides,
  };
}

const extraction: Extraction = {
  meeting: { topic: '会员系统上线协调', date: '2025-06-09', location: null, participants: ['王芳', 'Nina'], host: '王芳', recorder: null, goal: null },
  items: [
    item({ kind: 'decision', title: '上线日期定为 6 月 30 日', owners: [], due: '2025-06-30' }),
    item({}),
    item({ title: 'Prepare "launch" assets, posters; banners\\ads', owners: [{ name: 'Nina', email: 'nina@example.com' }, { name: '市场部' }], due: null, warnings: ['vague_deadline'] }),
    item({ title: '旧版接口下线', status: 'done', dueTime: '18:00', collaborators: [{ name: '技术部' }] }),
    item({ title: '很长的标题'.repeat(30), owners: [], warnings: ['owner_missing'] }),
  ],
  warnings: [],
};

describe('display width', () => {
  it('counts CJK and fullwidth characters as two columns, combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('王芳')).toBe(4);
    expect(displayWidth('ＡＢ，')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('𠀀')).toBe(2);
    expect(displayWidth('한국')).toBe(4);
  });

  it('truncates to a width with an ellipsis, never splitting a wide character over the limit', () => {
    expect(truncateToWidth('王芳王芳', 5)).toBe('王芳…');
    expect(displayWidth(truncateToWidth('王芳王芳', 5))).toBeLessThanOrEqual(5);
    expect(truncateToWidth('short', 10)).toBe('short');
  });
});

describe('table', () => {
  it('aligns columns by display width', () => {
    const lines = alignTable(['Owner', 'Due'], [['王芳', '2025-06-20'], ['Nina Li', '']]);
    const dueColumn = lines.map((l) => displayWidth(l.slice(0, l.indexOf(l.includes('Due') ? 'Due' : '2025'))));
    expect(lines[0]).toBe('Owner    Due');
    expect(lines[1]).toBe('王芳     2025-06-20');
    expect(lines[2]).toBe('Nina Li');
    expect(dueColumn[0]).toBe(dueColumn[1]);
  });

  it('prints the meeting, one numbered row per item and the people and due cells', () => {
    const out = formatItemsTable(extraction);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('Meeting: 会员系统上线协调 · 2025-06-09');
    expect(lines[1]).toMatch(/^#\s+Kind\s+Title\s+Owners\s+Due\s+Status\s+Warnings$/);
    expect(lines).toHaveLength(2 + extraction.items.length);
    expect(lines[3]).toContain('王芳');
    expect(lines[4]).toContain('Nina、市场部');
    expect(lines[5]).toContain('2025-06-20 18:00');
    expect(lines[5]).toContain('(+技术部)');
    // Columns line up: every row's Owners column starts at the same display column.
    const ownersAt = (line: string, owner: string): number => displayWidth(line.slice(0, line.indexOf(owner)));
    expect(ownersAt(lines[3]!, '王芳')).toBe(ownersAt(lines[1]!, 'Owners'));
    expect(ownersAt(lines[4]!, 'Nina')).toBe(ownersAt(lines[1]!, 'Owners'));
    // Long titles are cut for the terminal.
    expect(lines[6]).toContain('…');
    expect(lines[6]).toContain('很长的标题'.repeat(5));
    expect(lines[6]).not.toContain('很长的标题'.repeat(7));
  });

  it('says when there are no items and lists document warnings', () => {
    const out = formatItemsTable({ ...extraction, items: [], warnings: [{ code: 'no_items', message: 'none' }] });
    expect(out).toContain('No decisions or to-dos found.');
    expect(out).toContain('Warnings: no_items');
  });
});

describe('csv', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('round-trips every item through a CSV parser', () => {
    const rows = parseCsv(formatItemsCsv(extraction));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(1 + extraction.items.length);
    expect(rows[3]).toEqual([
      'todo',
      'Prepare "launch" assets, posters; banners\\ads',
      'Nina; 市场部',
      '',
      '',
      '',
      'open',
      'vague_deadline',
      '输出最终需求文档 | 王芳 | 6月20日',
    ]);
    expect(rows[4]![5]).toBe('18:00');
    expect(rows[4]![6]).toBe('done');
  });
});

describe('ics', () => {
  const now = new Date('2025-06-09T08:30:00Z');
  const ics = formatItemsIcs(extraction, { now });

  it('is a VCALENDAR with one VTODO per to-do, CRLF lines of at most 75 octets', () => {
    const parsed = readIcs(ics);
    expect(parsed.lines[0]).toBe('BEGIN:VCALENDAR');
    expect(parsed.lines).toContain('VERSION:2.0');
    expect(parsed.lines.at(-1)).toBe('END:VCALENDAR');
    expect(parsed.todos).toHaveLength(extraction.items.filter((i) => i.kind === 'todo').length);
    for (const todo of parsed.todos) {
      expect(todo.get('DTSTAMP')).toBe('20250609T083000Z');
      expect(todo.get('UID')).toMatch(/^[0-9a-f]{16}(-\d+)?@minutes-to-tasks$/);
    }
  });

  it('writes summary, due, status and description', () => {
    const [first, second, third] = readIcs(ics).todos;
    expect(unescapeText(first!.get('SUMMARY')!)).toBe('【王芳】输出最终需求文档');
    expect(first!.get('DUE;VALUE=DATE')).toBe('20250620');
    expect(first!.get('STATUS')).toBe('NEEDS-ACTION');
    expect(unescapeText(second!.get('SUMMARY')!)).toBe('【Nina、市场部】Prepare "launch" assets, posters; banners\\ads');
    expect(second!.get('SUMMARY')).toContain('\\,');
    expect(second!.get('SUMMARY')).toContain('\\;');
    expect(second!.has('DUE;VALUE=DATE')).toBe(false);
    expect(unescapeText(second!.get('DESCRIPTION')!)).toContain('Owners: Nina <nina@example.com>, 市场部');
    expect(third!.get('STATUS')).toBe('COMPLETED');
    expect(unescapeText(third!.get('DESCRIPTION')!)).toContain('Due: 2025-06-20 18:00');
    expect(unescapeText(third!.get('DESCRIPTION')!)).toContain('Source: 输出最终需求文档 | 王芳 | 6月20日');
  });

  it('keeps UIDs stable across runs and deadline changes, and distinct for duplicates', () => {
    expect(itemUid(item({}))).toBe(itemUid(item({ due: '2025-07-01' })));
    expect(itemUid(item({}))).not.toBe(itemUid(item({ title: '另一件事' })));
    const twice = formatItemsIcs({ ...extraction, items: [item({}), item({})] }, { now });
    const uids = readIcs(twice).todos.map((t) => t.get('UID'));
    expect(new Set(uids).size).toBe(2);
  });

  it('escapes text and folds on UTF-8 boundaries', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    const long = 'SUMMARY:' + '纪要待办'.repeat(40);
    const folded = foldLine(long);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    const encoder = new TextEncoder();
    for (const line of physical) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(physical.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
  });
});
