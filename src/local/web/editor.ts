/**
 * The local workspace page's script: the ProseMirror editor over the document file, saving (Ctrl+S and
 * autosave, both syncing when auto-sync is on), following changes the sidebar or a sync made, and the
 * tasks panel. Bundled by build/local.mjs for the browser.
 */
import { baseKeymap, toggleMark, setBlockType } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { gapCursor } from 'prosemirror-gapcursor';
import { Node as PmNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { addColumnAfter, addRowAfter, deleteRow, goToNextCell, tableEditing, columnResizing } from 'prosemirror-tables';
import { EditorView } from 'prosemirror-view';
import type { MinutesDocument } from '../../core/model/document';
import { anchorsPlugin } from './anchors';
import { fromProseMirror, toProseMirror, type PmNode as PmJson } from './convert';
import { mergeRemote, same } from './merge';
import { schema } from './schema';
import { pageWords } from './words';

interface TaskView {
  id: string;
  title: string;
  assignees: string[];
  due: string | null;
  dueTime: string | null;
  status: 'open' | 'done';
}

const AUTOSAVE_MS = 1200;
const POLL_MS = 1500;

const body = document.body;
const docId = body.dataset.doc ?? '';
const lang = body.dataset.lang === 'en' ? 'en' : 'zh';
const w = pageWords(lang);
const statusEl = document.getElementById('save-status')!;
const tasksEl = document.getElementById('tasks')!;
const REMOTE = 'minutes-remote';

let title: string | undefined;
let base: MinutesDocument = { blocks: [] };
let savedDoc: PmNode | null = null;
let revision = 0;
let saving: Promise<void> | null = null;
let autosaveTimer: ReturnType<typeof setTimeout> | null = null;

function setStatus(text: string, kind: 'ok' | 'busy' | 'error' | 'dirty' = 'ok'): void {
  statusEl.textContent = text;
  statusEl.dataset.kind = kind;
}

async function api<T>(method: string, path: string, payload?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: payload === undefined ? {} : { 'content-type': 'application/json' },
    body: payload === undefined ? null : JSON.stringify(payload),
  });
  const data = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = (data as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(message ?? w.saveFailed);
  }
  return data as T;
}

function currentModel(): MinutesDocument {
  return fromProseMirror(view.state.doc.toJSON() as PmJson, title);
}

function dirty(): boolean {
  return savedDoc !== null && !view.state.doc.eq(savedDoc);
}

/** Saves the editor's document; `sync` asks the server to sync afterwards when auto-sync is on. */
async function save(sync: boolean): Promise<void> {
  if (autosaveTimer) clearTimeout(autosaveTimer);
  autosaveTimer = null;
  while (saving) await saving;
  if (!dirty() && !sync) return;
  const doc = view.state.doc;
  const model = currentModel();
  setStatus(w.saving, 'busy');
  saving = (async () => {
    try {
      const result = await api<{ revision: number; synced: { ok: boolean; message: string } | null }>('PUT', `/d/${encodeURIComponent(docId)}/doc?sync=${sync ? 1 : 0}`, { doc: model });
      savedDoc = doc;
      base = model;
      const changedByHost = result.revision > revision + 1;
      revision = result.revision;
      setStatus(result.synced ? `${w.saved} · ${result.synced.message}` : w.saved, result.synced && !result.synced.ok ? 'error' : 'ok');
      if (changedByHost) await reload(true);
      if (result.synced) void refreshTasks();
    } catch (error) {
      setStatus(error instanceof Error ? error.message : w.saveFailed, 'error');
    }
  })();
  const current = saving;
  await current;
  if (saving === current) saving = null;
}

/** Loads the server's document, merging it with unsaved edits (see merge.ts). */
async function reload(force = false): Promise<void> {
  const data = await api<{ doc: MinutesDocument; revision: number }>('GET', `/d/${encodeURIComponent(docId)}/doc`);
  if (!force && data.revision <= revision) return;
  const merged = mergeRemote(base, currentModel(), data.doc);
  title = data.doc.title;
  const next = PmNode.fromJSON(schema, toProseMirror(merged));
  const { from } = view.state.selection;
  const tr = view.state.tr.replaceWith(0, view.state.doc.content.size, next.content).setMeta(REMOTE, true).setMeta('addToHistory', false);
  const pos = Math.min(from, tr.doc.content.size);
  try {
    tr.setSelection(TextSelection.near(tr.doc.resolve(pos)));
  } catch {
    // Keep the default selection.
  }
  view.dispatch(tr);
  base = data.doc;
  revision = data.revision;
  const unsaved = !same(merged, data.doc);
  savedDoc = unsaved ? null : view.state.doc;
  if (unsaved) scheduleAutosave();
  void refreshTasks();
}

function scheduleAutosave(): void {
  if (autosaveTimer) clearTimeout(autosaveTimer);
  setStatus(w.unsaved, 'dirty');
  autosaveTimer = setTimeout(() => void save(true), AUTOSAVE_MS);
}

async function refreshTasks(): Promise<void> {
  try {
    const { tasks } = await api<{ tasks: TaskView[] }>('GET', `/api/tasks?doc=${encodeURIComponent(docId)}`);
    renderTasks(tasks);
  } catch {
    // The next refresh tries again.
  }
}

function renderTasks(tasks: TaskView[]): void {
  const list = document.createElement('ul');
  list.className = 'task-list';
  for (const task of tasks) {
    const li = document.createElement('li');
    li.id = `task-${task.id}`;
    li.className = task.status === 'done' ? 'done' : '';
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = task.status === 'done';
    box.addEventListener('change', () => void setTask(task.id, box.checked, box));
    const text = document.createElement('span');
    text.className = 'task-title';
    text.textContent = task.title;
    const meta = document.createElement('span');
    meta.className = 'task-meta';
    meta.textContent = [task.assignees.join('、'), task.due ? `${task.due}${task.dueTime ? ` ${task.dueTime}` : ''}` : ''].filter(Boolean).join(' · ');
    label.append(box, text);
    li.append(label, meta);
    list.append(li);
  }
  if (tasks.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'hint';
    empty.textContent = w.noTasks;
    tasksEl.replaceChildren(empty);
  } else {
    tasksEl.replaceChildren(list);
  }
}

async function setTask(id: string, done: boolean, box: HTMLInputElement): Promise<void> {
  box.disabled = true;
  try {
    await flush();
    await api('POST', `/api/tasks/${encodeURIComponent(id)}`, { done, lang });
    await reload();
  } catch (error) {
    setStatus(error instanceof Error ? error.message : w.saveFailed, 'error');
  } finally {
    box.disabled = false;
    void refreshTasks();
  }
}

/** Saves unsaved edits without a sync (before the sidebar reads the document). */
async function flush(): Promise<void> {
  if (dirty()) await save(false);
  else while (saving) await saving;
}

const run = (command: Command): (() => void) => () => {
  command(view.state, view.dispatch, view);
  view.focus();
};

function insertTable(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  const cell = (): PmNode => schema.nodes.table_cell!.createAndFill()!;
  const row = (): PmNode => schema.nodes.table_row!.create(null, [cell(), cell(), cell()]);
  const table = schema.nodes.table!.create(null, [row(), row()]);
  if (dispatch) dispatch(state.tr.replaceSelectionWith(table).scrollIntoView());
  return true;
}

const saveNow: Command = () => {
  void save(true);
  return true;
};

const view = new EditorView(document.getElementById('editor')!, {
  state: EditorState.create({ schema, doc: schema.topNodeType.createAndFill()! }),
  attributes: { 'aria-label': w.editorLabel, role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' },
  dispatchTransaction(tr) {
    view.updateState(view.state.apply(tr));
    if (tr.docChanged && !tr.getMeta(REMOTE) && savedDoc) {
      if (dirty()) scheduleAutosave();
    }
  },
});

function setupPlugins(state: EditorState): EditorState {
  return state.reconfigure({
    plugins: [
      anchorsPlugin(),
      history(),
      keymap({ 'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo, 'Mod-b': toggleMark(schema.marks.strong!), 'Mod-s': saveNow, Tab: goToNextCell(1), 'Shift-Tab': goToNextCell(-1) }),
      keymap(baseKeymap),
      columnResizing(),
      tableEditing(),
      gapCursor(),
    ],
  });
}

function toolbar(): void {
  const bar = document.getElementById('toolbar')!;
  const button = (label: string, title: string, action: () => void, key: string): HTMLButtonElement => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    b.setAttribute('aria-label', title);
    b.dataset.action = key;
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', action);
    return b;
  };
  bar.append(
    button('B', w.bold, run(toggleMark(schema.marks.strong!)), 'bold'),
    button('H', w.heading, run(setBlockType(schema.nodes.heading!, { level: 2 })), 'heading'),
    button('¶', w.paragraph, run(setBlockType(schema.nodes.paragraph!)), 'paragraph'),
    button('•', w.list, run(setBlockType(schema.nodes.list_item!, { level: 0, ordered: false })), 'list'),
    button('▦', w.table, run(insertTable), 'table'),
    button('+⎯', w.addRow, run(addRowAfter), 'add-row'),
    button('+|', w.addColumn, run(addColumnAfter), 'add-column'),
    button('−⎯', w.deleteRow, run(deleteRow), 'delete-row'),
    button(w.save, w.saveHint, () => void save(true), 'save'),
  );
}

async function start(): Promise<void> {
  toolbar();
  view.updateState(setupPlugins(view.state));
  const data = await api<{ doc: MinutesDocument; revision: number }>('GET', `/d/${encodeURIComponent(docId)}/doc`);
  title = data.doc.title;
  base = data.doc;
  revision = data.revision;
  const doc = PmNode.fromJSON(schema, toProseMirror(data.doc));
  view.updateState(setupPlugins(EditorState.create({ schema, doc })));
  savedDoc = view.state.doc;
  setStatus(w.saved);
  (window as unknown as { minutesWorkspace: unknown }).minutesWorkspace = { flush, reload: () => reload(true) };
  body.dataset.ready = 'true';
  void refreshTasks();
  setInterval(() => {
    if (saving) return;
    void api<{ revision: number }>('GET', `/d/${encodeURIComponent(docId)}/version`)
      .then((v) => (v.revision > revision ? reload() : undefined))
      .catch(() => undefined);
  }, POLL_MS);
  document.getElementById('doc-select')?.addEventListener('change', (e) => {
    const id = (e.target as HTMLSelectElement).value;
    void flush().then(() => location.assign(`/d/${encodeURIComponent(id)}`));
  });
  document.getElementById('new-doc')?.addEventListener('click', () => {
    const name = prompt(w.newDocPrompt, w.newDocDefault);
    if (!name) return;
    void api<{ id: string }>('POST', '/api/docs', { title: name }).then(({ id }) => location.assign(`/d/${encodeURIComponent(id)}`));
  });
  window.addEventListener('beforeunload', (e) => {
    if (dirty()) e.preventDefault();
  });
}

void start().catch((error: unknown) => setStatus(error instanceof Error ? error.message : w.saveFailed, 'error'));
