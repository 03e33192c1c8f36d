// npm run eval: run the extractor over the development set (../shared/eval/dev-minutes.json) and over our
// held-out set (test/eval/holdout-minutes.json, written blind to the extractor and never tuned case by case),
// and score both with score.cjs. `--set dev|holdout` picks one. A report, not a test: exits 0 whatever the
// scores, 1 only when something crashes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractMinutes } from '../../src/core/extract/index';
import { readMarkdown } from '../../src/readers/index';

interface DevCase {
  id: string;
  meeting_date: string;
  text: string;
}

interface Prediction {
  kind: string;
  title: string;
  owners: string[];
  due: string | null;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = resolve(root, '../shared/eval');
const scorer = resolve(evalDir, 'score.cjs');
const SETS: Readonly<Record<string, string>> = {
  dev: resolve(evalDir, 'dev-minutes.json'),
  holdout: resolve(root, 'test/eval/holdout-minutes.json'),
};

function predict(devCase: DevCase): Prediction[] {
  const doc = readMarkdown(devCase.text);
  const extraction = extractMinutes(doc, { meetingDate: devCase.meeting_date, today: devCase.meeting_date });
  return extraction.items.map((item) => ({
    kind: item.kind,
    title: item.title,
    owners: item.owners.map((o) => o.name),
    due: item.due,
  }));
}

function main(): number {
  const args = process.argv.slice(2);
  const setArg = args.indexOf('--set');
  const names = setArg >= 0 ? [args[setArg + 1] ?? ''] : Object.keys(SETS);
  let status = 0;
  for (const name of names) {
    const goldPath = SETS[name];
    if (!goldPath) {
      console.error(`eval: unknown set "${name}" (dev, holdout)`);
      return 1;
    }
    if (!args.includes('--json')) console.log(`\n== ${name} set ==`);
    status = Math.max(status, runSet(goldPath, resolve(root, `test/output/predictions-${name}.json`), args));
  }
  return status;
}

function runSet(goldPath: string, outPath: string, args: readonly string[]): number {
  const cases = JSON.parse(readFileSync(goldPath, 'utf8')) as DevCase[];
  const predictions: Record<string, Prediction[]> = {};
  let crashed = 0;
  const started = performance.now();
  for (const devCase of cases) {
    try {
      predictions[devCase.id] = predict(devCase);
    } catch (error) {
      crashed++;
      predictions[devCase.id] = [];
      console.error(`eval: case ${devCase.id} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const ms = performance.now() - started;
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify(predictions, null, 2) + '\n');
  const asJson = args.includes('--json');
  const passThrough = [
    ...(args.includes('--verbose') || args.includes('-v') ? ['--verbose'] : []),
    ...(asJson ? ['--json'] : []),
  ];
  // With --json, stdout is the scorer's JSON alone.
  (asJson ? console.error : console.log)(`eval: ${cases.length} cases in ${ms.toFixed(0)} ms → ${relative(root, outPath)}`);
  const scored = spawnSync(process.execPath, [scorer, goldPath, outPath, ...passThrough], { stdio: 'inherit' });
  if (scored.error || scored.status !== 0) {
    console.error(`eval: the scorer failed (${scored.error?.message ?? `exit ${scored.status}`})`);
    return 1;
  }
  return crashed > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
