import { describe, expect, it } from 'vitest';
import { isWhiteSpace, lineOf, sliceLine } from '../../../src/core/extract/line';
import { splitLabel } from '../../../src/core/extract/labels';

describe('lineOf', () => {
  it('turns each line break, tab, \\v and zero-width character into one space, and nothing else', () => {
    const odd = ['\r', '\n', '\v', '\t', '\u2028', '\u2029', '\u200b', '\u200c', '\u200d', '\ufeff'];
    for (const ch of odd) expect(lineOf([{ type: 'text', text: `a${ch}b` }]).text).toBe('a b');
    for (const ch of ['\f', ' ', '\u3000', '\u00a0', '\u200a', '\u200e', '\u2027', '\u202a', '\ufefe']) {
      expect(lineOf([{ type: 'text', text: `a${ch}b` }]).text).toBe(`a${ch}b`);
    }
  });

  it('keeps a plain line as it is', () => {
    const line = lineOf([{ type: 'text', text: '王芳：下周五前提交方案' }]);
    expect(line).toEqual({ text: '王芳：下周五前提交方案', people: [], dates: [] });
    expect(sliceLine(line, 3, line.text.length).text).toBe('下周五前提交方案');
  });
});

describe('splitLabel', () => {
  it('finds where the text after the label starts, past the spaces after the colon', () => {
    expect(splitLabel('王芳：  下周五前提交方案')).toEqual({ label: '王芳', restStart: 5 });
    expect(splitLabel('Action: Sofia to send it')).toEqual({ label: 'Action', restStart: 8 });
    expect(splitLabel('TODO (Hannah): send it')).toEqual({ label: 'TODO', owner: 'Hannah', restStart: 15 });
    expect(splitLabel('TODO (Hannah):   ')).toEqual({ label: 'TODO (Hannah)', restStart: 17 });
  });

  it('finds no label without a colon, between digits or in a URL', () => {
    expect(splitLabel('下周五前提交方案')).toBeNull();
    expect(splitLabel('会议 14:00 开始')).toBeNull();
    expect(splitLabel('14:00 开始')).toBeNull();
    expect(splitLabel('https://example.com')).toBeNull();
  });
});

describe('isWhiteSpace', () => {
  it('holds for exactly the codes \\s matches', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhiteSpace(code) !== /\s/.test(String.fromCharCode(code))) wrong.push(code.toString(16));
    expect(wrong).toEqual([]);
  });
});
