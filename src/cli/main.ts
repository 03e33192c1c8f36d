/** The `minutes` executable: wires runCli to the process. Bundled to dist/cli.js by build/build.mjs. */
import { readFile } from 'node:fs/promises';
import { firstLine } from './errors';
import type { CliIO } from './io';
import { runCli } from './run';

function readStdin(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

const io: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin,
  readFile: (path) => readFile(path),
  env: process.env,
  now: () => new Date(),
};

/** Last resort: even an error outside runCli is one line, never a stack trace. */
function fail(error: unknown): void {
  process.stderr.write(`minutes: unexpected error: ${firstLine(error)}\n`);
  process.exit(1);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// A closed pipe (minutes extract … | head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else fail(error);
});

runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
}, fail);
