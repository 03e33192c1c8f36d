// Spawn the built CLI as a user would: node bin/minutes.js …
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = join(root, 'bin/minutes.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string | Uint8Array;
  env?: Record<string, string>;
  cwd?: string;
  script?: string;
}

/** A fixed "today" so that tests do not depend on the clock. */
export const TODAY = '2025-06-09';

export function minutes(args: readonly string[], options: RunOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [options.script ?? bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    env: { ...process.env, MINUTES_TODAY: TODAY, ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tmpDir(): string {
  return mkdtempSync(join(tmpdir(), 'minutes-cli-'));
}

/** A failure as the CLI must report it: exit 1, nothing on stdout, exactly one `minutes: …` line on stderr. */
export function expectOneLineError(result: CliResult): string {
  if (result.code !== 1) throw new Error(`expected exit 1, got ${result.code}; stderr: ${result.stderr}`);
  const lines = result.stderr.split('\n').filter((l) => l !== '');
  if (lines.length !== 1 || !lines[0]!.startsWith('minutes: ')) {
    throw new Error(`expected one "minutes: …" line, got:\n${result.stderr}`);
  }
  if (result.stdout !== '') throw new Error(`expected no stdout, got:\n${result.stdout}`);
  return lines[0]!;
}

/** Deterministic bytes (mulberry32), for "binary garbage" inputs. */
export function garbage(size: number, seed = 42): Uint8Array {
  const out = new Uint8Array(size);
  let s = seed >>> 0;
  for (let i = 0; i < size; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

/** RFC 4180 parser for asserting CSV output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      if (field !== '') throw new Error(`stray quote in unquoted field at ${i}`);
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      throw new Error(`bare line break at ${i}`);
    } else field += ch;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}
