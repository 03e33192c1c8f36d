// The extraction quality bar of issue #2, held in CI: item F1, owner accuracy and due accuracy ≥ 0.95 on the
// development set and on our held-out set (written blind to the extractor).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractMinutes } from '../../src/core/extract/index';
import { readMarkdown } from '../../src/readers/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scorer = resolve(root, '../shared/eval/score.cjs');
const SETS = { dev: resolve(root, '../shared/eval/dev-minutes.json'), holdout: resolve(root, 'test/eval/holdout-minutes.json') };
const TARGET = 0.95;

interface Scores {
  f1: number;
  owner_accuracy: number;
  due_accuracy: number;
}

function score(goldPath: string): Scores {
  const cases = JSON.parse(readFileSync(goldPath, 'utf8')) as { id: string; meeting_date: string; text: string }[];
  const predictions: Record<string, unknown[]> = {};
  for (const c of cases) {
    const ex = extractMinutes(readMarkdown(c.text), { meetingDate: c.meeting_date, today: c.meeting_date });
    predictions[c.id] = ex.items.map((i) => ({ kind: i.kind, title: i.title, owners: i.owners.map((o) => o.name), due: i.due }));
  }
  const out = join(mkdtempSync(join(tmpdir(), 'minutes-eval-')), 'predictions.json');
  writeFileSync(out, JSON.stringify(predictions));
  const run = spawnSync(process.execPath, [scorer, goldPath, out, '--json'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Scores;
}

describe('extraction quality', () => {
  it.each(Object.entries(SETS))('meets the targets on the %s set', (_name, goldPath) => {
    const s = score(goldPath);
    expect(s.f1).toBeGreaterThanOrEqual(TARGET);
    expect(s.owner_accuracy).toBeGreaterThanOrEqual(TARGET);
    expect(s.due_accuracy).toBeGreaterThanOrEqual(TARGET);
  });
});
