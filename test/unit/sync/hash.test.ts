import { describe, expect, it } from 'vitest';
import { hashParts, hashString } from '../../../src/core/sync/hash';
import { dice, normalizeOwners, normalizeText } from '../../../src/core/sync/text';
import { clientTokenOf, syncKeyOf } from '../../../src/core/sync/keys';

describe('hashString', () => {
  it('is stable, fixed-length base 36', () => {
    expect(hashString('输出需求文档')).toBe(hashString('输出需求文档'));
    expect(hashString('')).toMatch(/^[0-9a-z]{13}$/);
    expect(hashString('输出需求文档')).toMatch(/^[0-9a-z]{13}$/);
  });

  it('tells apart near-identical inputs, and has no collisions over many strings', () => {
    expect(hashString('ab')).not.toBe(hashString('ba'));
    expect(hashString('a')).not.toBe(hashString('a '));
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) seen.add(hashString(`事项${i}`));
    expect(seen.size).toBe(50_000);
  });

  it('hashParts does not confuse part boundaries or null with text', () => {
    expect(hashParts(['a', 'bc'])).not.toBe(hashParts(['ab', 'c']));
    expect(hashParts([null])).not.toBe(hashParts(['']));
    expect(hashParts([1, 'x'])).toBe(hashParts(['1', 'x']));
  });
});

describe('text comparison', () => {
  it('normalizes width, case, spaces and punctuation', () => {
    expect(normalizeText('  输出 需求文档！ ')).toBe(normalizeText('输出需求文档'));
    expect(normalizeText('Ｓｅｎｄ the Report.')).toBe('sendthereport');
  });

  it('compares owners as a set', () => {
    expect(normalizeOwners(['李四', '张三'])).toBe(normalizeOwners([{ name: '张三' }, { name: '李四' }]));
  });

  it('dice scores similar Chinese and English titles high, unrelated ones low', () => {
    expect(dice('评估开发周期', '评估开发周期和排期')).toBeGreaterThan(0.6);
    expect(dice('评估开发周期', '准备活动素材')).toBe(0);
    expect(dice('sendthereport', 'sendthefinalreport')).toBeGreaterThan(0.6);
    expect(dice('a', 'a')).toBe(1);
  });
});

describe('sync keys and client tokens', () => {
  it('a sync key names the document and the item', () => {
    expect(syncKeyOf('doxcnABC', 'a12345678')).toBe('mtt:doxcnABC:a12345678');
  });

  it('client tokens fit Feishu (10–100 chars) and change with each create', () => {
    const t1 = clientTokenOf('doxcnABC', 'k', 1);
    expect(t1.length).toBeGreaterThanOrEqual(10);
    expect(t1.length).toBeLessThanOrEqual(100);
    expect(clientTokenOf('doxcnABC', 'k', 2)).not.toBe(t1);
    expect(clientTokenOf('doxcnABC', 'k', 1)).toBe(t1);
  });
});
