import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minutes, root } from './run-cli';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

describe('minutes --help and --version', () => {
  it('prints the top-level help with both commands', () => {
    for (const flag of ['--help', '-h']) {
      const r = minutes([flag]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('Usage:');
      expect(r.stdout).toContain('minutes extract <file|->');
      expect(r.stdout).toContain('minutes template');
    }
  });

  it('prints the version from package.json', () => {
    const r = minutes(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`minutes ${pkg.version}`);
  });

  it('prints help for extract, listing every format', () => {
    const r = minutes(['extract', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: minutes extract <file\|->/);
    for (const word of ['--date', '--format', 'table', 'json', 'csv', 'ics', 'stdin']) expect(r.stdout).toContain(word);
  });

  it('prints help for template, listing every scenario', () => {
    const r = minutes(['template', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: minutes template/);
    for (const id of ['general', 'kickoff', 'requirements', 'problem', 'progress', 'retro']) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('--lang');
  });

  it('--help wins over other arguments', () => {
    const r = minutes(['extract', 'no-such-file.md', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: minutes extract');
  });
});
