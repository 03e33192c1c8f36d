/** The workspace page: editor on the left, the sidebar (iframe) and the tasks panel on the right. */
import type { DocumentEntry } from './documents';
import { pageWords } from './web/words';

export function workspacePage(docId: string, docs: readonly DocumentEntry[], lang: 'zh' | 'en'): string {
  const w = pageWords(lang);
  const options = docs.map((d) => `<option value="${esc(d.id)}"${d.id === docId ? ' selected' : ''}>${esc(d.title)}</option>`).join('');
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(w.title)} · 纪要待办</title><link rel="stylesheet" href="/assets/editor.css"></head>
<body data-doc="${esc(docId)}" data-lang="${lang}">
<div class="layout">
  <main class="doc-pane">
    <header class="bar">
      <label for="doc-select">${esc(w.documents)}</label>
      <select id="doc-select">${options}</select>
      <button type="button" id="new-doc">${esc(w.newDoc)}</button>
      <span id="save-status" role="status" aria-live="polite"></span>
    </header>
    <div id="toolbar" class="toolbar" role="toolbar" aria-label="${esc(w.title)}"></div>
    <div id="editor" class="editor"></div>
  </main>
  <aside class="side-pane">
    <iframe id="sidebar" title="${esc(w.sidebar)}" src="/d/${encodeURIComponent(docId)}/sidebar"></iframe>
    <section class="tasks-pane" aria-labelledby="tasks-title">
      <h2 id="tasks-title">${esc(w.tasks)}</h2>
      <p class="hint">${esc(w.tasksHint)}</p>
      <div id="tasks"></div>
    </section>
  </aside>
</div>
<script src="/assets/editor.js"></script>
</body></html>`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
