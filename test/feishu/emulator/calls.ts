/** A log of every request the emulator answered, with secrets redacted, for assertions and benchmarks. */

export type CallKind = 'auth' | 'read' | 'write' | 'other';

export interface CallRecord {
  seq: number;
  /** Emulator clock (ms) when the request arrived. */
  at: number;
  method: string;
  /** Path without the query string, e.g. /open-apis/docx/v1/documents/doxcn…/blocks. */
  path: string;
  /** SDK-style method name, e.g. docx.v1.documentBlock.batchUpdate; undefined for unknown paths. */
  route: string | undefined;
  kind: CallKind;
  query: Record<string, string | string[]>;
  /** Parsed JSON body with app secrets and keys replaced by "[redacted]". */
  body: unknown;
  identity: 'tenant' | 'user' | 'none';
  appId?: string;
  userAgent?: string;
  documentId?: string;
  taskGuid?: string;
  /** Filled in when the response is sent (undefined while a request is held). */
  status?: number;
  code?: number;
  /** The injected fault or rate limit that shaped the answer, if any. */
  fault?: string;
  durationMs?: number;
}

export interface CallFilter {
  route?: string | RegExp;
  method?: string;
  path?: string | RegExp;
  kind?: CallKind;
  appId?: string;
  documentId?: string;
  taskGuid?: string;
  /** true: only code 0 answers; false: only failures. */
  ok?: boolean;
  /** Only calls with seq greater than this (see CallLog.mark()). */
  after?: number;
  /** Only calls shaped by this fault type ('rateLimit', 'documentEditLimit', 'timeout', …). */
  fault?: string;
}

const SECRET_KEYS = /^(app_?secret|appsecret|encrypt_?key|client_?secret|password|refresh_token|access_token|app_access_token|tenant_access_token|ClientAssertion)$/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(inner);
    return out;
  }
  return value;
}

function matches(pattern: string | RegExp | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (value === undefined) return false;
  return typeof pattern === 'string' ? pattern === value : pattern.test(value);
}

export function callMatches(record: CallRecord, filter: CallFilter): boolean {
  return (
    matches(filter.route, record.route) &&
    (filter.method === undefined || filter.method.toUpperCase() === record.method) &&
    matches(filter.path, record.path) &&
    (filter.kind === undefined || filter.kind === record.kind) &&
    (filter.appId === undefined || filter.appId === record.appId) &&
    (filter.documentId === undefined || filter.documentId === record.documentId) &&
    (filter.taskGuid === undefined || filter.taskGuid === record.taskGuid) &&
    (filter.ok === undefined || filter.ok === (record.code === 0)) &&
    (filter.after === undefined || record.seq > filter.after) &&
    (filter.fault === undefined || filter.fault === record.fault)
  );
}

export class CallLog {
  private readonly records: CallRecord[] = [];
  private seq = 0;

  add(record: Omit<CallRecord, 'seq'>): CallRecord {
    const full: CallRecord = { seq: ++this.seq, ...record };
    this.records.push(full);
    return full;
  }

  /** Calls matching the filter (or predicate), oldest first. Records are live objects: do not mutate. */
  list(filter: CallFilter | ((record: CallRecord) => boolean) = {}): CallRecord[] {
    const predicate = typeof filter === 'function' ? filter : (r: CallRecord) => callMatches(r, filter);
    return this.records.filter(predicate);
  }

  count(filter: CallFilter | ((record: CallRecord) => boolean) = {}): number {
    return this.list(filter).length;
  }

  last(filter: CallFilter = {}): CallRecord | undefined {
    const found = this.list(filter);
    return found[found.length - 1];
  }

  /** The current sequence number: pass as `after` to count only later calls. */
  mark(): number {
    return this.seq;
  }

  clear(): void {
    this.records.length = 0;
  }
}
