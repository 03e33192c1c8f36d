#!/usr/bin/env node
// The `minutes` command: runs the bundled CLI (dist/cli.js, made by `npm run build`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('minutes: run npm run build first\n');
  process.exit(1);
}
await import(cli.href);
