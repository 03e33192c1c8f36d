import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINUTES_MD } from './fixture-minutes';
import { bin, expectOneLineError, garbage, minutes, tmpDir } from './run-cli';

const dir = tmpDir();
const sample = join(dir, 'minutes.md');
writeFileSync(sample, MINUTES_MD);

describe('bad input: exit 1 with one line, never a stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /^minutes: missing command/],
    ['unknown command', ['frobnicate'], /^minutes: unknown command 'frobnicate'/],
    ['unknown top-level flag', ['--frob'], /^minutes: unknown option --frob/],
    ['missing file', ['extract', join(dir, 'nope.md')], /^minutes: cannot read .*nope\.md: no such file$/],
    ['a directory', ['extract', dir], /^minutes: cannot read .*: it is a directory$/],
    ['no file argument', ['extract'], /^minutes: extract needs a file/],
    ['two files', ['extract', sample, sample], /^minutes: extract takes one file/],
    ['unknown format', ['extract', sample, '--format', 'xml'], /^minutes: unknown format 'xml' \(use table, json, csv, ics\)$/],
    ['impossible date 2025-02-30', ['extract', sample, '--date', '2025-02-30'], /^minutes: invalid date '2025-02-30'/],
    ['month 13', ['extract', sample, '--date', '2025-13-01'], /^minutes: invalid date '2025-13-01'/],
    ['not a date', ['extract', sample, '--date', 'next friday'], /^minutes: invalid date 'next friday'/],
    ['29 Feb of a common year', ['extract', sample, '--date', '2025-02-29'], /^minutes: invalid date/],
    ['option without value', ['extract', sample, '--date'], /^minutes: option --date needs a value/],
    ['unknown extract flag', ['extract', sample, '--verbose'], /^minutes: unknown option --verbose for extract/],
    ['flag with a value it does not take', ['extract', sample, '--help=yes'], /^minutes: option --help takes no value/],
    ['unknown scenario', ['template', '--scenario', 'party'], /^minutes: unknown scenario 'party' \(use general, kickoff/],
    ['unknown language', ['template', '--lang', 'fr'], /^minutes: unknown language 'fr' \(use zh or en\)$/],
    ['unknown template format', ['template', '--format', 'html'], /^minutes: unknown format 'html' for template/],
    ['template with a file', ['template', sample], /^minutes: template takes no file/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      expect(expectOneLineError(minutes(args))).toMatch(message);
    });
  }

  it('accepts 29 Feb of a leap year', () => {
    const r = minutes(['extract', sample, '--date', '2024-02-29', '--format', 'json']);
    expect(r.code).toBe(0);
  });

  it('an invalid MINUTES_TODAY is reported, not used', () => {
    const r = minutes(['extract', sample], { env: { MINUTES_TODAY: '2025-02-30' } });
    expect(expectOneLineError(r)).toMatch(/^minutes: invalid MINUTES_TODAY/);
  });

  it('an unreadable .docx (binary garbage) is one line', () => {
    const path = join(dir, 'garbage.docx');
    writeFileSync(path, garbage(64 * 1024));
    expect(expectOneLineError(minutes(['extract', path]))).toMatch(/^minutes: cannot read .*garbage\.docx: /);
  });

  it('a text file that is binary garbage is refused in one line', () => {
    const path = join(dir, 'garbage.md');
    writeFileSync(path, garbage(64 * 1024, 7));
    expect(expectOneLineError(minutes(['extract', path]))).toMatch(/looks like a binary file/);
  });

  it('binary garbage on stdin is refused in one line', () => {
    expect(expectOneLineError(minutes(['extract', '-'], { input: garbage(4096, 9) }))).toMatch(/^minutes: cannot read stdin: /);
  });

  it('says to build first when dist/ is missing', () => {
    const fresh = tmpDir();
    mkdirSync(join(fresh, 'bin'));
    copyFileSync(bin, join(fresh, 'bin/minutes.js'));
    const r = minutes(['--help'], { script: join(fresh, 'bin/minutes.js') });
    expect(expectOneLineError(r)).toBe('minutes: run npm run build first');
  });
});
