/** Test fixtures for the sync core: a toy minutes table, a fake clock, a wired-up sync. */
import type { ActionItem, ItemKind, ItemStatus, ItemWarning } from '../../../src/core/model/items';
import type { BackendCapabilities } from '../../../src/core/sync/backend';
import type { SyncPolicy } from '../../../src/core/sync/policy';
import type { RemoteState } from '../../../src/core/sync/remote';
import type { SyncDeps, SyncOutcome } from '../../../src/core/sync/sync';
import { syncDocument } from '../../../src/core/sync/sync';
import type { WriteBack } from '../../../src/core/sync/types';
import type { MemoryBackendOptions } from '../../../src/core/sync/memory/backend';
import { MemoryTaskBackend } from '../../../src/core/sync/memory/backend';
import { FaultInjector, SimulatedCrash } from '../../../src/core/sync/memory/faults';
import { BackendError } from '../../../src/core/sync/backend';
import { MemorySyncStore } from '../../../src/core/sync/memory/store';

export const DOC = 'doc1';

/** One row of the 待办事项 table (or one line of a Markdown list when anchor is null). */
export interface Row {
  anchor: string | null;
  title: string;
  owners: string[];
  due: string | null;
  dueTime?: string | null;
  status: ItemStatus;
  link: string | null;
  kind?: ItemKind;
  warnings?: ItemWarning[];
}

export function row(title: string, init: Partial<Row> = {}): Row {
  return { anchor: null, owners: ['张三'], due: '2025-06-20', status: 'open', link: null, ...init, title };
}

/** A minutes document reduced to what the sync sees: rows that become items, and get write-backs. */
export class Doc {
  constructor(public rows: Row[]) {}

  items(): ActionItem[] {
    return this.rows.map((r, i) => ({
      kind: r.kind ?? 'todo',
      title: r.title,
      owners: r.owners.map((name) => ({ name })),
      collaborators: [],
      due: r.due,
      dueTime: r.dueTime ?? null,
      status: r.status,
      warnings: r.warnings ?? [],
      source: {
        via: r.anchor === null ? 'list' : 'table',
        blockIndex: r.anchor === null ? i : 0,
        ...(r.anchor === null ? {} : { rowIndex: i, rowAnchor: r.anchor }),
        text: `${r.title} | ${r.owners.join('、')} | ${r.due ?? ''} | ${r.status} | ${r.link ?? ''}`,
      },
      ...(r.link ? { taskLink: r.link } : {}),
    }));
  }

  /** What an adapter does with write-backs: by anchor, else by the position the item was read at. */
  apply(writeBacks: readonly WriteBack[]): void {
    for (const wb of writeBacks) {
      const target = wb.anchor !== null ? this.rows.find((r) => r.anchor === wb.anchor) : this.rows[wb.source.blockIndex];
      if (!target) throw new Error(`write-back for a missing row: ${wb.title}`);
      if (wb.status !== undefined) target.status = wb.status;
      if (wb.taskLink !== undefined) target.link = wb.taskLink;
    }
  }

  find(title: string): Row {
    const r = this.rows.find((x) => x.title === title);
    if (!r) throw new Error(`no row ${title}`);
    return r;
  }

  clone(): Doc {
    return new Doc(this.rows.map((r) => ({ ...r, owners: [...r.owners] })));
  }
}

export class FakeClock {
  t = Date.UTC(2025, 5, 9, 2, 0, 0);
  readonly slept: number[] = [];
  now = (): number => this.t;
  sleep = async (ms: number): Promise<void> => {
    this.slept.push(ms);
    this.t += ms;
  };
  advance(ms: number): void {
    this.t += ms;
  }
}

export const FEISHU_CAPS: Partial<BackendCapabilities> = {
  assignees: true,
  dueTime: true,
  links: true,
  clientToken: true,
  clientTokenTtlMs: 5 * 60_000,
  maxTitleLength: 3000,
  maxNotesLength: 3000,
};

export const GOOGLE_CAPS: Partial<BackendCapabilities> = {
  assignees: false,
  dueTime: false,
  links: true,
  clientToken: false,
  maxTitleLength: 1024,
  maxNotesLength: 8192,
};

export interface HarnessOptions {
  backend?: MemoryBackendOptions;
  policy?: Partial<SyncPolicy>;
  /** Apply write-backs to the doc (default true). */
  applyWriteBacks?: boolean;
  commitEvery?: number;
}

export interface SyncExtras {
  docModifiedAt?: number;
  remote?: RemoteState;
  budgetMs?: number;
  commitEvery?: number;
}

export class Harness {
  readonly clock = new FakeClock();
  readonly faults = new FaultInjector();
  readonly backend: MemoryTaskBackend;
  readonly store: MemorySyncStore;

  constructor(
    public doc: Doc,
    private readonly options: HarnessOptions = {},
  ) {
    this.backend = new MemoryTaskBackend({ now: this.clock.now, faults: this.faults, capabilities: FEISHU_CAPS, ...options.backend });
    this.store = new MemorySyncStore(this.faults);
  }

  deps(extra: SyncExtras = {}): SyncDeps {
    return {
      backend: this.backend,
      store: this.store,
      now: this.clock.now,
      sleep: this.clock.sleep,
      policy: this.options.policy,
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 2000 },
      applyWriteBacks: this.options.applyWriteBacks === false ? undefined : (wbs) => this.applyWriteBacks(wbs),
      commitEvery: extra.commitEvery ?? this.options.commitEvery,
      ...(extra.budgetMs !== undefined ? { budgetMs: extra.budgetMs } : {}),
    };
  }

  /** The adapter's document update, itself a fault point ('document'). */
  private applyWriteBacks(writeBacks: readonly WriteBack[]): void {
    const fault = this.faults.next('document');
    if (fault === 'crash_before') throw new SimulatedCrash('document', this.faults.steps - 1);
    if (fault === 'rate_limit' || fault === 'server_error' || fault === 'timeout_before' || fault === 'refuse') {
      throw new BackendError(fault === 'rate_limit' ? 'rate_limit' : 'transient', 'document update failed');
    }
    this.doc.apply(writeBacks);
    if (fault === 'crash_after') throw new SimulatedCrash('document', this.faults.steps - 1);
    if (fault === 'timeout_after') throw new BackendError('timeout', 'document update timed out after applying');
  }

  async sync(extra: SyncExtras = {}): Promise<SyncOutcome> {
    this.clock.advance(1000);
    return syncDocument(
      { docId: DOC, items: this.doc.items(), docTitle: '周例会', docUrl: 'https://docs.example/doc1', ...(extra.docModifiedAt !== undefined ? { docModifiedAt: extra.docModifiedAt } : {}), ...(extra.remote ? { remote: extra.remote } : {}) },
      this.deps(extra),
    );
  }

  records() {
    return this.store.records(DOC);
  }

  /** The live task a row links to. */
  taskOf(title: string) {
    const link = this.doc.find(title).link;
    return link ? this.backend.taskByUrl(link) : undefined;
  }
}

export function anchored(titles: readonly string[]): Doc {
  return new Doc(titles.map((t, i) => row(t, { anchor: `row${i + 1}` })));
}

export function anchorless(titles: readonly string[]): Doc {
  return new Doc(titles.map((t) => row(t)));
}
