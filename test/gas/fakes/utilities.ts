/**
 * Utilities: UUIDs, digests and HMACs as signed Java bytes (what Apps Script returns), base64, a
 * SimpleDateFormat-style `formatDate`, and `sleep` that advances the fake clock instead of waiting.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { CallCounter, counted } from './calls';
import type { DigestAlgorithmName, MacAlgorithmName } from './enums';
import * as Enums from './enums';
import type { Runtime } from './runtime';
import { fail, notSupported } from './runtime';

type Byte = number;

const DIGESTS: Record<DigestAlgorithmName, string | null> = { MD2: null, MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const MACS: Record<MacAlgorithmName, string> = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };

/** Java bytes are signed: -128…127. */
export function toSignedBytes(buf: Uint8Array): Byte[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(value: string | Byte[], charset?: unknown): Buffer {
  if (typeof value === 'string') return Buffer.from(value, charset === 'US_ASCII' ? 'latin1' : 'utf8');
  if (Array.isArray(value)) return Buffer.from(value.map((b) => b & 0xff));
  return fail('Invalid argument: value');
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
  offsetMinutes: number;
}

/** Calendar fields of an instant in a time zone: IANA names, 'UTC'/'GMT' and fixed 'GMT+8' / 'GMT+08:00'. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const fixed = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(timeZone.trim());
  let offsetMinutes: number;
  if (fixed) {
    offsetMinutes = fixed[1] ? (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) : 0;
  } else {
    let fmt: Intl.DateTimeFormat;
    try {
      fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      return fail(`Invalid argument: timeZone (${timeZone})`);
    }
    const p = Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value]));
    const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  }
  const shifted = new Date(date.getTime() + offsetMinutes * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    ms: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes,
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The common subset of java.text.SimpleDateFormat: y M d E H h k K m s S a Z X z and 'quoted' literals. */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const z = zonedParts(date, timeZone);
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const off = (style: 'Z' | 'X' | 'XXX'): string => {
    if (style !== 'Z' && z.offsetMinutes === 0) return 'Z';
    const sign = z.offsetMinutes < 0 ? '-' : '+';
    const a = Math.abs(z.offsetMinutes);
    const hh = pad(Math.floor(a / 60), 2);
    const mm = pad(a % 60, 2);
    return style === 'XXX' ? `${sign}${hh}:${mm}` : style === 'X' ? `${sign}${hh}` : `${sign}${hh}${mm}`;
  };
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n += 1;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(z.year % 100, 2) : pad(z.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[z.month - 1] : n === 3 ? MONTHS[z.month - 1]?.slice(0, 3) : pad(z.month, n);
        break;
      case 'd':
        out += pad(z.day, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[z.weekday] : DAYS[z.weekday]?.slice(0, 3);
        break;
      case 'u':
        out += String(z.weekday === 0 ? 7 : z.weekday);
        break;
      case 'H':
        out += pad(z.hour, n);
        break;
      case 'k':
        out += pad(z.hour === 0 ? 24 : z.hour, n);
        break;
      case 'K':
        out += pad(z.hour % 12, n);
        break;
      case 'h':
        out += pad(z.hour % 12 === 0 ? 12 : z.hour % 12, n);
        break;
      case 'm':
        out += pad(z.minute, n);
        break;
      case 's':
        out += pad(z.second, n);
        break;
      case 'S':
        out += pad(z.ms, 3).slice(0, Math.max(n, 3)).padEnd(n, '0');
        break;
      case 'a':
        out += z.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += off('Z');
        break;
      case 'X':
        out += off(n >= 3 ? 'XXX' : 'X');
        break;
      case 'z':
        out += z.offsetMinutes === 0 ? 'UTC' : `GMT${off('XXX')}`;
        break;
      default:
        fail(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv.charAt(i);
    if (quoted) {
      if (c === '"' && csv.charAt(i + 1) === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv.charAt(i + 1) === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface UtilitiesState {
  counter: CallCounter;
  /** Override for deterministic UUIDs in tests. */
  uuid: (() => string) | null;
}

export function createUtilitiesState(): UtilitiesState {
  return { counter: new CallCounter(), uuid: null };
}

export function createUtilities(rt: Runtime, state: UtilitiesState): GoogleAppsScript.Utilities.Utilities {
  const digest = (algorithm: unknown, value: string | Byte[], charset?: unknown): Byte[] => {
    const name = DIGESTS[String(algorithm) as DigestAlgorithmName];
    if (name === undefined) fail('Invalid argument: algorithm');
    if (name === null) notSupported('Utilities.computeDigest(MD2)');
    return toSignedBytes(createHash(name).update(toBuffer(value, charset)).digest());
  };
  const hmac = (algorithm: string, value: string | Byte[], key: string | Byte[], charset?: unknown): Byte[] =>
    toSignedBytes(createHmac(algorithm, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());

  const u = {
    Charset: Enums.Charset,
    DigestAlgorithm: Enums.DigestAlgorithm,
    MacAlgorithm: Enums.MacAlgorithm,
    RsaAlgorithm: Enums.RsaAlgorithm,
    getUuid: (): string => (state.uuid ? state.uuid() : randomUUID()),
    computeDigest: digest,
    computeHmacSha256Signature: (value: string | Byte[], key: string | Byte[], charset?: unknown): Byte[] => hmac('sha256', value, key, charset),
    computeHmacSignature(algorithm: unknown, value: string | Byte[], key: string | Byte[], charset?: unknown): Byte[] {
      const name = MACS[String(algorithm) as MacAlgorithmName];
      if (!name) fail('Invalid argument: algorithm');
      return hmac(name, value, key, charset);
    },
    computeRsaSha1Signature: (): never => notSupported('Utilities.computeRsaSha1Signature'),
    computeRsaSha256Signature: (): never => notSupported('Utilities.computeRsaSha256Signature'),
    computeRsaSignature: (): never => notSupported('Utilities.computeRsaSignature'),
    base64Encode: (data: string | Byte[], charset?: unknown): string => toBuffer(data, charset).toString('base64'),
    base64EncodeWebSafe: (data: string | Byte[], charset?: unknown): string => {
      const b64 = toBuffer(data, charset).toString('base64');
      return b64.replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode: (encoded: string): Byte[] => toSignedBytes(Buffer.from(encoded, 'base64')),
    base64DecodeWebSafe: (encoded: string): Byte[] => toSignedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64')),
    formatDate: (date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string =>
      formatJavaDate(new Date(date.getTime()), String(timeZone), String(format)),
    formatString(template: string, ...args: unknown[]): string {
      let i = 0;
      return template.replace(/%(%|s|d|i|f|(?:\.\d+)?f)/g, (m, spec: string) => {
        if (spec === '%') return '%';
        const v = args[i++];
        if (spec === 's') return String(v);
        if (spec === 'd' || spec === 'i') return String(Math.trunc(Number(v)));
        const digits = /\.(\d+)f/.exec(m)?.[1];
        return Number(v).toFixed(digits === undefined ? 6 : Number(digits));
      });
    },
    parseCsv: (csv: string, delimiter?: string): string[][] => parseCsv(csv, delimiter ?? ','),
    parseDate: (): never => notSupported('Utilities.parseDate'),
    /** Advances the fake clock: Apps Script caps a sleep at 5 minutes. */
    sleep(milliseconds: number): void {
      const ms = Number(milliseconds);
      if (!Number.isFinite(ms) || ms < 0 || ms > 300_000) fail('Invalid argument: milliseconds');
      rt.clock.advance(ms);
    },
    gzip: (): never => notSupported('Utilities.gzip'),
    ungzip: (): never => notSupported('Utilities.ungzip'),
    zip: (): never => notSupported('Utilities.zip'),
    unzip: (): never => notSupported('Utilities.unzip'),
    newBlob: (): never => notSupported('Utilities.newBlob'),
  };
  return counted(u as unknown as GoogleAppsScript.Utilities.Utilities, 'Utilities', state.counter, { translate: rt.translate });
}
