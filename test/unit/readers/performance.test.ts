import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../../src/readers/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('readMarkdown performance', () => {
  it('reads a 5 MB document of realistic minutes in under 3 s', () => {
    const cases = JSON.parse(readFileSync(resolve(root, '../shared/eval/dev-minutes.json'), 'utf8')) as { text: string }[];
    const unit = `${cases.map((c) => c.text).join('\n\n')}\n\n${readFileSync(resolve(root, 'samples/minutes-zh.md'), 'utf8')}\n`;
    const parts: string[] = [];
    let bytes = 0;
    const unitBytes = new TextEncoder().encode(unit).length;
    while (bytes < 5 * 1024 * 1024) {
      parts.push(unit);
      bytes += unitBytes;
    }
    const text = parts.join('');

    const start = performance.now();
    const doc = readMarkdown(text);
    const ms = performance.now() - start;

    console.log(`readMarkdown: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${doc.blocks.length} blocks in ${Math.round(ms)} ms`);
    expect(doc.blocks.filter((b) => b.type === 'table').length).toBeGreaterThan(parts.length * 8);
    expect(ms).toBeLessThan(3000);
  });
});
