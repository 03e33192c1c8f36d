/**
 * The sidebar UI: template, review list, write to the tables, sync, recap. State lives here; every
 * change re-renders the panel from it (small enough to be instant), keeping keyboard focus in place.
 */
import type { HostApi, HostContext, HostError, Lang, ReviewItem, SyncSettings, SyncSummary, TaskListChoice } from '../src/core/app/protocol';
import type { ScenarioId } from '../src/core/template/types';
import { SCENARIOS } from '../src/core/template/scenarios';
import { h, safeUrl, type Child } from './dom';
import { words, type Words } from './i18n';
import { applyEdit, isoToday, newItem, recapText, splitNames } from './items';
import { toHostError } from './hosts/errors';

interface Failure {
  message: string;
  retry: (() => void) | null;
}

interface State {
  ctx: HostContext | null;
  lang: Lang;
  busy: string | null;
  notice: string | null;
  failure: Failure | null;
  scenario: ScenarioId;
  templateLang: Lang;
  items: ReviewItem[] | null;
  docWarnings: string[];
  excluded: Set<string>;
  editing: string | null;
  view: 'review' | 'recap';
  lastSync: SyncSummary | null;
  /** The document changed since the review list was extracted. */
  stale: boolean;
  /** The user's task lists, where the host lets them pick one (loaded after the context). */
  taskLists: TaskListChoice | null;
}

export class SidebarApp {
  private state: State;
  private added = 0;
  private focusKey: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostApi,
    lang: Lang,
  ) {
    this.state = {
      ctx: null,
      lang,
      busy: null,
      notice: null,
      failure: null,
      scenario: 'general',
      templateLang: lang,
      items: null,
      docWarnings: [],
      excluded: new Set(),
      editing: null,
      view: 'review',
      lastSync: null,
      stale: false,
      taskLists: null,
    };
  }

  private fingerprint: string | null = null;
  private polling = false;

  /**
   * Every `ms`, while the panel is visible and idle, asks the host for the minutes' fingerprint; a change
   * since the last extraction marks the review list as out of date (Google has no edit event).
   */
  watch(ms: number): void {
    if (!(ms > 0)) return;
    setInterval(() => void this.poll(), ms);
  }

  private async poll(): Promise<void> {
    if (this.polling || this.state.busy || !this.state.items || this.state.stale || this.fingerprint === null) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    this.polling = true;
    try {
      const now = await this.host.fingerprint();
      if (now !== this.fingerprint && !this.state.busy) this.set({ stale: true });
    } catch {
      // Polling is best effort; the next tick tries again.
    } finally {
      this.polling = false;
    }
  }

  private get w(): Words {
    return words(this.state.lang);
  }

  start(): Promise<void> {
    return this.run(this.w.loading, async () => {
      const ctx = await this.host.getContext();
      this.set({ ctx, lang: ctx.lang, templateLang: ctx.lang, lastSync: ctx.lastSync });
      document.documentElement.lang = ctx.lang === 'zh' ? 'zh-CN' : 'en';
      // The lists come in the background: the panel is usable before they arrive, and without them the picker stays hidden.
      if (ctx.capabilities.taskLists) void this.host.taskLists().then((taskLists) => this.set({ taskLists }), () => undefined);
    });
  }

  private set(patch: Partial<State>): void {
    this.state = { ...this.state, ...patch };
    this.render();
  }

  /** Runs one host call with progress shown, and a plain error with a retry when it fails. */
  private async run(label: string, work: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: label, failure: null, notice: null });
    try {
      await work();
      this.set({ busy: null });
    } catch (error) {
      const e: HostError = toHostError(error, this.w.errors.internal);
      this.set({ busy: null, failure: { message: e.message, retry: e.retryable ? () => void this.run(label, work) : null } });
      this.focusKey = 'failure';
      this.render();
    }
  }

  private insertTemplate(): void {
    const { scenario, templateLang } = this.state;
    void this.run(this.w.inserting, async () => {
      await this.host.insertTemplate({ scenario, lang: templateLang });
      this.state.notice = this.w.inserted;
    });
  }

  private extract(): void {
    void this.run(this.w.extracting, async () => {
      await this.loadItems();
      const n = this.state.items?.length ?? 0;
      this.state.notice = n > 0 ? this.w.extracted(n) : this.w.noItems;
      this.focusKey = 'items';
    });
  }

  private async loadItems(): Promise<void> {
    const result = await this.host.extract();
    this.state = { ...this.state, items: result.items, docWarnings: result.warnings.map((w) => w.message), excluded: new Set(), editing: null, stale: false };
    this.fingerprint = null;
    this.fingerprint = await this.host.fingerprint().catch(() => null);
  }

  private writeItems(): void {
    const items = (this.state.items ?? []).filter((i) => !this.state.excluded.has(i.id) && !i.inTable);
    if (items.length === 0) {
      this.set({ notice: this.w.nothingToWrite, failure: null });
      return;
    }
    void this.run(this.w.writing, async () => {
      const result = await this.host.writeItems({ items, lang: this.state.templateLang });
      await this.loadItems();
      this.state.notice = this.w.written(result.added, result.skipped);
    });
  }

  private syncNow(): void {
    void this.run(this.w.syncing, async () => {
      const summary = await this.host.syncNow();
      this.state.lastSync = summary;
      // The first sync made the document's list: show it in the picker.
      if (this.state.ctx?.capabilities.taskLists && !this.state.taskLists?.current) this.state.taskLists = await this.host.taskLists().catch(() => this.state.taskLists);
      if (this.state.items && this.state.editing === null) await this.loadItems();
      this.state.notice = summary.message;
    });
  }

  private saveSettings(patch: Partial<SyncSettings>): void {
    void this.run(this.w.loading, async () => {
      const ctx = await this.host.saveSettings(patch);
      this.state.ctx = ctx;
      this.state.notice = this.w.settingsSaved;
    });
  }

  /** Another list for the document's tasks ('' = a new one named after the meeting); synced tasks move along. */
  private chooseTaskList(listId: string): void {
    void this.run(this.w.movingTasks, async () => {
      const result = await this.host.chooseTaskList({ listId: listId || null });
      this.state.taskLists = { lists: result.lists, current: result.current };
      this.state.notice = this.w.listChosen(result.current?.title ?? '', result.moved, result.remaining);
    });
  }

  private updateItem(id: string, form: HTMLFormElement): void {
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    if (!title) {
      (form.elements.namedItem('title') as HTMLInputElement | null)?.focus();
      return;
    }
    const kind = data.get('kind') === 'decision' ? 'decision' : 'todo';
    const due = String(data.get('due') ?? '').trim() || null;
    const owners = splitNames(String(data.get('owners') ?? ''));
    const items = (this.state.items ?? []).map((i) => (i.id === id ? applyEdit(i, { kind, title, owners, due }, isoToday()) : i));
    this.focusKey = `edit-${id}`;
    this.set({ items, editing: null });
  }

  private addItem(): void {
    const id = `new-${++this.added}`;
    const items = [...(this.state.items ?? []), newItem(id, '')];
    this.focusKey = `title-${id}`;
    this.set({ items, editing: id, view: 'review' });
  }

  private cancelEdit(id: string): void {
    const item = this.state.items?.find((i) => i.id === id);
    // A new item that was never saved goes away again.
    const items = item && !item.title ? (this.state.items ?? []).filter((i) => i.id !== id) : this.state.items;
    this.focusKey = item && !item.title ? 'add' : `edit-${id}`;
    this.set({ items, editing: null });
  }

  private toggleExcluded(id: string): void {
    const excluded = new Set(this.state.excluded);
    if (excluded.has(id)) excluded.delete(id);
    else excluded.add(id);
    this.focusKey = `leave-${id}`;
    this.set({ excluded });
  }

  private async copyRecap(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.set({ notice: this.w.copied });
    } catch {
      this.set({ notice: this.w.copyFailed });
    }
  }

  // ---- rendering ----

  render(): void {
    const active = document.activeElement as HTMLElement | null;
    const keep = this.focusKey ?? active?.getAttribute('data-key') ?? null;
    this.focusKey = null;
    const w = this.w;
    const { busy } = this.state;
    const view = this.state.view === 'recap' && this.state.items ? this.renderRecap() : [this.renderTemplate(), this.renderReview()];
    const main = h(
      'main',
      { class: 'app', 'aria-busy': busy ? 'true' : 'false' },
      h('header', { class: 'top' }, h('h1', null, w.appTitle), this.state.ctx ? h('p', { class: 'doc', title: this.state.ctx.documentTitle }, this.state.ctx.documentTitle) : null),
      this.renderStatus(),
      view,
      this.renderSync(),
    );
    this.root.replaceChildren(main);
    if (keep) {
      const target = this.root.querySelector<HTMLElement>(`[data-key="${cssEscape(keep)}"]`);
      target?.focus();
    }
  }

  private renderStatus(): HTMLElement {
    const { busy, failure, notice } = this.state;
    const w = this.w;
    return h(
      'div',
      { class: 'status' },
      h('div', { role: 'status', 'aria-live': 'polite', class: busy ? 'progress' : notice ? 'notice' : 'quiet' }, busy ? [h('span', { class: 'spinner', 'aria-hidden': 'true' }), busy] : notice ?? ''),
      failure
        ? h(
            'div',
            { role: 'alert', class: 'error', tabindex: '-1', 'data-key': 'failure' },
            h('span', null, failure.message),
            h('span', { class: 'row' },
              failure.retry ? h('button', { type: 'button', class: 'small', 'data-key': 'retry', onclick: failure.retry }, w.retry) : null,
              h('button', { type: 'button', class: 'small quiet-btn', onclick: () => this.set({ failure: null }) }, w.dismiss),
            ),
          )
        : null,
    );
  }

  private renderTemplate(): HTMLElement {
    const w = this.w;
    const lang = this.state.lang;
    const current = SCENARIOS.find((s) => s.id === this.state.scenario) ?? SCENARIOS[0]!;
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'sec-template' },
      h('h2', { id: 'sec-template' }, w.template),
      h('label', { for: 'scenario' }, w.scenario),
      h(
        'select',
        { id: 'scenario', 'data-key': 'scenario', 'aria-describedby': 'scenario-desc', onchange: (e: Event) => this.set({ scenario: (e.target as HTMLSelectElement).value as ScenarioId }) },
        SCENARIOS.map((s) => h('option', { value: s.id, selected: s.id === this.state.scenario }, s.label[lang])),
      ),
      h('p', { id: 'scenario-desc', class: 'hint' }, current.description[lang]),
      h('label', { for: 'tpl-lang' }, w.templateLang),
      h(
        'select',
        { id: 'tpl-lang', 'data-key': 'tpl-lang', onchange: (e: Event) => this.set({ templateLang: (e.target as HTMLSelectElement).value === 'en' ? 'en' : 'zh' }) },
        h('option', { value: 'zh', selected: this.state.templateLang === 'zh' }, w.langZh),
        h('option', { value: 'en', selected: this.state.templateLang === 'en' }, w.langEn),
      ),
      h('button', { type: 'button', class: 'primary', 'data-key': 'insert', disabled: !!this.state.busy, onclick: () => this.insertTemplate() }, w.insertTemplate),
    );
  }

  private renderReview(): HTMLElement {
    const w = this.w;
    const { items, busy } = this.state;
    const included = (items ?? []).filter((i) => !this.state.excluded.has(i.id) && !i.inTable);
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'sec-review' },
      h('h2', { id: 'sec-review' }, w.review),
      h('button', { type: 'button', class: 'primary', 'data-key': 'extract', disabled: !!busy, onclick: () => this.extract() }, w.extract),
      this.state.docWarnings.length > 0 ? h('ul', { class: 'doc-warnings' }, this.state.docWarnings.map((m) => h('li', null, m))) : null,
      this.state.stale && items
        ? h('p', { class: 'stale', role: 'status' }, w.stale, ' ', h('button', { type: 'button', class: 'small', 'data-key': 'reextract', disabled: !!busy, onclick: () => this.extract() }, w.extractAgain))
        : null,
      items
        ? [
            h('ul', { class: 'items', 'aria-label': w.review, tabindex: '-1', 'data-key': 'items' }, items.map((item) => this.renderItem(item))),
            h('div', { class: 'row' },
              h('button', { type: 'button', 'data-key': 'add', disabled: !!busy || this.state.editing !== null, onclick: () => this.addItem() }, w.addItem),
              h('button', { type: 'button', 'data-key': 'recap', disabled: !!busy, onclick: () => this.set({ view: 'recap' }) }, w.recapShow),
            ),
            h('button', { type: 'button', class: 'primary', 'data-key': 'write', disabled: !!busy || this.state.editing !== null || included.length === 0, onclick: () => this.writeItems() }, `${w.writeItems}${included.length ? ` (${included.length})` : ''}`),
          ]
        : null,
    );
  }

  private renderItem(item: ReviewItem): HTMLElement {
    const w = this.w;
    if (this.state.editing === item.id) return this.renderEditor(item);
    const left = this.state.excluded.has(item.id);
    const owners = item.owners.length > 0 ? item.owners.join('、') : w.noOwner;
    const due = item.due ? `${item.due}${item.dueTime ? ` ${item.dueTime}` : ''}` : w.noDue;
    const link = safeUrl(item.taskLink);
    const titleId = `t-${item.id}`;
    return h(
      'li',
      { class: `item${left ? ' left' : ''}${item.status === 'done' ? ' done' : ''}`, 'aria-labelledby': titleId },
      h('div', { class: 'item-head' },
        h('span', { class: `badge ${item.kind}` }, item.kind === 'decision' ? w.decision : w.todo),
        item.inTable ? h('span', { class: 'badge table' }, w.inTable) : null,
        left ? h('span', { class: 'badge left' }, w.left) : null,
        item.kind === 'todo' || item.status === 'done' ? h('span', { class: `badge status-${item.status}` }, item.status === 'done' ? w.statusDone : w.statusOpen) : null,
      ),
      h('p', { class: 'item-title', id: titleId }, item.title),
      h('dl', { class: 'meta' },
        h('dt', null, w.owner), h('dd', { class: item.owners.length ? '' : 'missing' }, owners),
        h('dt', null, w.due), h('dd', { class: item.due ? '' : 'missing' }, due),
        item.collaborators.length > 0 ? [h('dt', null, w.collaborators), h('dd', null, item.collaborators.join('、'))] : null,
      ),
      item.warnings.length > 0
        ? h('ul', { class: 'warnings', 'aria-label': '⚠' }, item.warnings.map((code) => h('li', null, `⚠ ${w.warning[code] ?? code}`)))
        : null,
      item.sourceText ? h('details', { class: 'source' }, h('summary', null, w.source), h('p', null, item.sourceText)) : null,
      h('div', { class: 'row' },
        item.inTable
          ? null
          : [
              h('button', { type: 'button', class: 'small', 'data-key': `edit-${item.id}`, 'aria-label': w.editItem(item.title), disabled: !!this.state.busy, onclick: () => { this.focusKey = `title-${item.id}`; this.set({ editing: item.id }); } }, w.edit),
              h('button', { type: 'button', class: 'small', 'data-key': `leave-${item.id}`, 'aria-pressed': left ? 'true' : 'false', onclick: () => this.toggleExcluded(item.id) }, left ? w.include : w.leaveOut),
            ],
        link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer', class: 'task-link' }, w.openTask) : null,
      ),
    );
  }

  private renderEditor(item: ReviewItem): HTMLElement {
    const w = this.w;
    const id = item.id;
    const field = (name: string, label: string, input: HTMLElement): Child => [h('label', { for: `${name}-${id}` }, label), input];
    const form = h(
      'form',
      {
        class: 'editor',
        'aria-label': w.editItem(item.title || w.newItem),
        onsubmit: (e: Event) => {
          e.preventDefault();
          this.updateItem(id, e.target as HTMLFormElement);
        },
        onkeydown: (e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            this.cancelEdit(id);
          }
        },
      },
      field('kind', w.kind, h('select', { id: `kind-${id}`, name: 'kind' }, h('option', { value: 'todo', selected: item.kind === 'todo' }, w.todo), h('option', { value: 'decision', selected: item.kind === 'decision' }, w.decision))),
      field('title', w.title, h('textarea', { id: `title-${id}`, name: 'title', rows: '2', required: true, 'data-key': `title-${id}`, value: item.title })),
      field('owners', w.owner, h('input', { id: `owners-${id}`, name: 'owners', type: 'text', value: item.owners.join(', '), 'aria-describedby': `owners-hint-${id}` })),
      h('p', { id: `owners-hint-${id}`, class: 'hint' }, w.ownersHint),
      field('due', w.due, h('input', { id: `due-${id}`, name: 'due', type: 'date', value: item.due ?? '' })),
      h('div', { class: 'row' },
        h('button', { type: 'submit', class: 'small primary', 'data-key': `save-${id}` }, w.save),
        h('button', { type: 'button', class: 'small', onclick: () => this.cancelEdit(id) }, w.cancel),
      ),
    );
    return h('li', { class: 'item editing' }, form);
  }

  private renderRecap(): HTMLElement {
    const w = this.w;
    const items = (this.state.items ?? []).filter((i) => !this.state.excluded.has(i.id));
    const decisions = items.filter((i) => i.kind === 'decision');
    const todos = items.filter((i) => i.kind === 'todo');
    const text = recapText(items, {
      header: w.copyHeader(this.state.ctx?.documentTitle ?? ''),
      decisions: w.recapDecisions,
      todos: w.recapTodos,
      noOwner: w.noOwner,
      noDue: w.noDue,
      by: w.by,
      until: w.until,
      done: w.statusDone,
    });
    return h(
      'section',
      { class: 'card recap', 'aria-labelledby': 'sec-recap' },
      h('h2', { id: 'sec-recap', tabindex: '-1', 'data-key': 'recap-title' }, w.recap),
      h('h3', null, w.recapDecisions),
      decisions.length ? h('ol', null, decisions.map((d) => h('li', null, d.title))) : h('p', { class: 'hint' }, '—'),
      h('h3', null, w.recapTodos),
      todos.length
        ? h('ol', null, todos.map((t) => h('li', null, h('span', { class: 'item-title' }, t.title), h('span', { class: 'hint' }, ` — ${t.owners.join('、') || w.noOwner} · ${t.due ?? w.noDue}`))))
        : h('p', { class: 'hint' }, '—'),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary', 'data-key': 'copy', onclick: () => void this.copyRecap(text) }, w.copy),
        h('button', { type: 'button', 'data-key': 'recap-back', onclick: () => { this.focusKey = 'recap'; this.set({ view: 'review' }); } }, w.recapHide),
      ),
    );
  }

  private renderSync(): HTMLElement {
    const w = this.w;
    const ctx = this.state.ctx;
    const last = this.state.lastSync;
    const settings = ctx?.settings;
    const busy = !!this.state.busy;
    const option = (key: keyof SyncSettings, label: string): HTMLElement =>
      h('label', { class: 'switch' },
        h('input', { type: 'checkbox', 'data-key': key, checked: settings?.[key] ?? false, disabled: busy, onchange: (e: Event) => this.saveSettings({ [key]: (e.target as HTMLInputElement).checked }) }),
        ` ${label}`,
      );
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'sec-sync' },
      h('h2', { id: 'sec-sync' }, w.sync),
      h('button', { type: 'button', class: 'primary', 'data-key': 'sync', disabled: busy, onclick: () => this.syncNow() }, w.syncNow),
      ctx?.capabilities.autoSync && settings
        ? h('label', { class: 'switch' },
            h('input', { type: 'checkbox', role: 'switch', 'data-key': 'autosync', checked: settings.autoSync, 'aria-checked': settings.autoSync ? 'true' : 'false', 'aria-describedby': 'autosync-hint', disabled: busy, onchange: (e: Event) => this.saveSettings({ autoSync: (e.target as HTMLInputElement).checked }) }),
            ` ${w.autoSync}`,
          )
        : null,
      ctx?.capabilities.autoSync ? h('p', { id: 'autosync-hint', class: 'hint' }, w.autoSyncHint) : null,
      ctx?.capabilities.onlyMine && settings ? this.renderWhichItems(settings, busy) : null,
      settings ? option('decisions', w.syncDecisions) : null,
      settings ? option('onlyCompleteItems', w.onlyComplete) : null,
      ctx?.capabilities.taskLists ? this.renderTaskList(busy) : null,
      h('p', { class: `last-sync${last && !last.ok ? ' failed' : ''}`, 'data-key': 'last-sync' },
        last ? [`${w.lastSync}: `, h('time', { datetime: last.at }, formatTime(last.at, this.state.lang)), ' — ', last.ok ? last.message : `${w.syncFailed}. ${last.message}`] : w.never,
      ),
      last && last.warnings.length > 0 ? h('ul', { class: 'warnings' }, last.warnings.map((x) => h('li', null, `⚠ ${x.title ? `${x.title}: ` : ''}${x.message}`))) : null,
    );
  }

  /** Google writes only into the user's own lists: all items (owner in the title), or only the user's. */
  private renderWhichItems(settings: SyncSettings, busy: boolean): HTMLElement {
    const w = this.w;
    const radio = (onlyMine: boolean, label: string): HTMLElement =>
      h('label', { class: 'switch' },
        h('input', { type: 'radio', name: 'which-items', 'data-key': onlyMine ? 'only-mine' : 'all-items', checked: settings.onlyMine === onlyMine, disabled: busy, onchange: () => this.saveSettings({ onlyMine }) }),
        ` ${label}`,
      );
    return h('fieldset', { class: 'options' }, h('legend', null, w.whichItems), radio(false, w.allItems), radio(true, w.onlyMine));
  }

  /** The list the document's tasks go to; choosing another moves the synced tasks along. */
  private renderTaskList(busy: boolean): Child {
    const w = this.w;
    const choice = this.state.taskLists;
    if (!choice) return null;
    const current = choice.current?.id ?? '';
    return [
      h('label', { for: 'task-list' }, w.taskList),
      h('select', { id: 'task-list', 'data-key': 'task-list', disabled: busy, onchange: (e: Event) => this.chooseTaskList((e.target as HTMLSelectElement).value) },
        choice.current ? null : h('option', { value: '', selected: true }, w.listAtFirstSync),
        choice.lists.map((l) => h('option', { value: l.id, selected: l.id === current }, l.title)),
        choice.current ? h('option', { value: '' }, w.newList) : null,
      ),
    ];
  }
}

function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  } catch {
    return iso;
  }
}

function cssEscape(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
