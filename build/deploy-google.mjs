// npm run deploy:google — build build/gas and push it with clasp to the Apps Script project of .clasp.json.
//
// One-time setup (see README): `npx clasp login`, enable the Apps Script API at
// https://script.google.com/home/usersettings, then
// `npx clasp create-script --type docs --title "纪要待办" --rootDir build/gas` (creates a Google Doc with a bound
// script and writes .clasp.json), or `npx clasp clone-script <scriptId> --rootDir build/gas` for an existing one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAppsScript, root } from './gas.mjs';

const claspFile = resolve(root, '.clasp.json');
const outDir = resolve(root, 'build/gas');

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (!existsSync(claspFile)) {
  fail(
    [
      'No .clasp.json: this checkout is not linked to an Apps Script project yet. Once:',
      '  npx clasp login',
      '  (enable the Apps Script API: https://script.google.com/home/usersettings)',
      '  npx clasp create-script --type docs --title "纪要待办" --rootDir build/gas',
      'or, for an existing project: npx clasp clone-script <scriptId> --rootDir build/gas',
    ].join('\n'),
  );
}

let config;
try {
  config = JSON.parse(readFileSync(claspFile, 'utf8'));
} catch {
  fail('.clasp.json is not valid JSON.');
}
if (!config.scriptId) fail('.clasp.json has no scriptId.');
const rootDir = resolve(root, config.rootDir ?? config.srcDir ?? '.');
if (rootDir !== outDir) fail(`.clasp.json must point at build/gas ("rootDir": "build/gas"), not ${config.rootDir ?? '.'}.`);

const built = await buildAppsScript(outDir);
console.log(`built ${Object.entries(built.files).map(([f, b]) => `${f} ${(b / 1024).toFixed(1)} KB`).join(', ')}`);
const clasp = resolve(root, 'node_modules/.bin/clasp');
const result = spawnSync(existsSync(clasp) ? clasp : 'clasp', ['push', '--force'], { cwd: root, stdio: 'inherit' });
if (result.error) fail(`could not run clasp: ${result.error.message}`);
process.exit(result.status ?? 1);
