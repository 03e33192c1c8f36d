// vitest globalSetup: build dist/ once, so CLI tests can spawn bin/minutes.js and the vm test can load
// dist/core.iife.js.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup(): void {
  const result = spawnSync(process.execPath, ['build/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
  }
}
