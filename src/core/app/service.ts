/**
 * The product's use cases, once for every host: insert the template, extract for review, write confirmed
 * items into the tables, sync with the task list. Hosts (Apps Script, the Feishu service, the local
 * workspace) provide the ports; data flows document → model → items → sync plan → platform calls.
 */
import { extractMinutes } from '../extract/index';
import type { MinutesDocument } from '../model/document';
import type { ActionItem, Extraction } from '../model/items';
import { hashString } from '../sync/hash';
import type { TaskBackend } from '../sync/backend';
import type { Clock, Sleep } from '../sync/retry';
import type { Awaitable, SyncStore } from '../sync/store';
import { syncDocument } from '../sync/sync';
import { EN_LABELS, ZH_LABELS } from '../sync/draft';
import type { WriteBack } from '../sync/types';
import { renderTemplate } from '../template/index';
import type { ExtractResult, InsertTemplateRequest, Lang, SyncSettings, SyncSummary, WriteItemsRequest, WriteItemsResult } from './protocol';
import { toExtractResult } from './review';
import { planItemRows, type RowsPlan } from './rows';
import { summarize } from './summary';
import { cellEdits, type CellEdit } from './writebacks';

/** The minutes document as a host reads and edits it. */
export interface DocumentPort {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  /** The whole document (every tab) in the core model. */
  read(): Awaitable<MinutesDocument>;
  /** Insert rendered template blocks at the cursor, or at the end. */
  insert(blocks: MinutesDocument): Awaitable<void>;
  /** Fill and add rows as planned, in as few platform calls as the platform allows. */
  writeRows(plan: RowsPlan): Awaitable<void>;
  /** Write 状态 / 任务 cells in one batch. */
  writeCells(edits: readonly CellEdit[]): Awaitable<void>;
  /** When the document last changed, if the platform tells (ms). */
  modifiedAt?(): Promise<number | undefined>;
}

export interface ServicePorts {
  document: DocumentPort;
  /** The task list and the sync store: only syncNow needs them. */
  backend?: TaskBackend;
  store?: SyncStore;
  now: Clock;
  sleep: Sleep;
  lang: Lang;
  settings: SyncSettings;
  /** Google's "only the items I own": the current user's email. */
  userEmail?: string | null;
  /** Time a sync may spend writing (Apps Script executions stop at 6 minutes). */
  budgetMs?: number;
}

export class MinutesService {
  constructor(private readonly ports: ServicePorts) {}

  private today(): string {
    return isoDay(this.ports.now());
  }

  async insertTemplate(request: InsertTemplateRequest): Promise<{ inserted: true }> {
    await this.ports.document.insert(renderTemplate(request.scenario, request.lang, { date: this.today() }));
    return { inserted: true };
  }

  async extractDocument(doc?: MinutesDocument): Promise<Extraction> {
    return extractMinutes(doc ?? (await this.ports.document.read()), { today: this.today() });
  }

  async extract(): Promise<ExtractResult> {
    return toExtractResult(await this.extractDocument());
  }

  async writeItems(request: WriteItemsRequest): Promise<WriteItemsResult> {
    const doc = await this.ports.document.read();
    const plan = planItemRows(doc, request.items, request.lang);
    if (plan.tables.length > 0) await this.ports.document.writeRows(plan);
    return { added: plan.added, skipped: plan.skipped };
  }

  async syncNow(): Promise<SyncSummary> {
    const { document, backend, store, now, sleep, settings, lang } = this.ports;
    if (!backend || !store) throw new Error('syncNow needs a task backend and a sync store');
    const doc = await document.read();
    const extraction = await this.extractDocument(doc);
    const mine = this.ports.userEmail?.toLowerCase();
    const outcome = await syncDocument(
      {
        docId: document.id,
        items: extraction.items,
        docTitle: extraction.meeting.topic ?? document.title,
        docUrl: document.url,
        docModifiedAt: await document.modifiedAt?.(),
      },
      {
        backend,
        store,
        now,
        sleep,
        policy: {
          decisions: settings.decisions,
          onlyCompleteItems: settings.onlyCompleteItems,
          include: settings.onlyMine && mine ? (item: ActionItem) => item.owners.some((o) => o.email?.toLowerCase() === mine) : null,
        },
        labels: lang === 'en' ? EN_LABELS : ZH_LABELS,
        // Write-backs address rows of the version the items were read from: locate them in that same read.
        applyWriteBacks: async (writeBacks: readonly WriteBack[]) => {
          const edits = cellEdits(doc, writeBacks, lang);
          if (edits.length > 0) await document.writeCells(edits);
        },
        budgetMs: this.ports.budgetMs,
      },
    );
    return summarize(outcome, now(), lang);
  }

  /** A cheap hash of the minutes' text, for polling. */
  async fingerprint(): Promise<string> {
    return documentFingerprint(await this.ports.document.read());
  }
}

export function documentFingerprint(doc: MinutesDocument): string {
  return hashString(JSON.stringify(doc.blocks));
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
