import { describe, expect, it } from 'vitest';
import { parseChooseTaskList, parseInsertTemplate, parseSettings, parseWriteItems } from '../../../src/core/app/requests';

const item = { id: 'a1', kind: 'todo', title: '输出需求文档', owners: ['王芳'], due: '2025-06-20' };

describe('requests from the sidebar', () => {
  it('accept a minimal item and fill what a client may leave out', () => {
    expect(parseWriteItems({ items: [item] }, 'en')).toEqual({
      lang: 'en',
      items: [{ ...item, collaborators: [], dueTime: null, status: 'open', warnings: [], sourceText: '', inTable: false, taskLink: null }],
    });
  });

  it.each([
    ['no list', { items: 'x' }],
    ['owners not a list of names', { items: [{ ...item, owners: '王芳' }] }],
    ['a due that is not a date', { items: [{ ...item, due: '下周五' }] }],
    ['an unknown kind', { items: [{ ...item, kind: 'task' }] }],
    ['an empty title', { items: [{ ...item, title: '  ' }] }],
  ])('refuse %s', (_what, body) => expect(parseWriteItems(body, 'zh')).toBeNull());

  it('read template requests, defaulting to the general record', () => {
    expect(parseInsertTemplate(undefined, 'zh')).toEqual({ scenario: 'general', lang: 'zh' });
    expect(parseInsertTemplate({ scenario: 'retro', lang: 'en' }, 'zh')).toEqual({ scenario: 'retro', lang: 'en' });
    expect(parseInsertTemplate({ scenario: 'nope' }, 'zh')).toBeNull();
  });

  it('take known switches only, and only as booleans', () => {
    expect(parseSettings({ autoSync: true, bogus: 1 })).toEqual({ autoSync: true });
    expect(parseSettings({ autoSync: 'yes' })).toBeNull();
    expect(parseSettings(null)).toBeNull();
  });

  it('a task list choice is a list id or null for a new list; anything else is refused', () => {
    expect(parseChooseTaskList({ listId: 'MDkxNjU2NTk3OTY0' })).toEqual({ listId: 'MDkxNjU2NTk3OTY0' });
    expect(parseChooseTaskList({ listId: null })).toEqual({ listId: null });
    for (const bad of [{}, null, { listId: '' }, { listId: 'a b' }, { listId: 7 }, { listId: 'x'.repeat(201) }, { listId: '清单' }]) {
      expect(parseChooseTaskList(bad)).toBeNull();
    }
  });
});
