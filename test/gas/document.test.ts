import { describe, expect, it } from 'vitest';
import { DOCUMENT_MESSAGES, createAppsScriptEnvironment } from './index';

function setup(opts: Parameters<typeof createAppsScriptEnvironment>[0] = {}) {
  const env = createAppsScriptEnvironment(opts);
  const { DocumentApp } = env.globals;
  return { env, DocumentApp, doc: DocumentApp.getActiveDocument(), body: DocumentApp.getActiveDocument().getBody() };
}

describe('DocumentApp enums', () => {
  it('are frozen objects whose values are their names', () => {
    const { DocumentApp } = setup();
    expect(DocumentApp.ElementType.PARAGRAPH).toBe('PARAGRAPH');
    expect(DocumentApp.GlyphType.BULLET).toBe('BULLET');
    expect(DocumentApp.ParagraphHeading.HEADING2).toBe('HEADING2');
    expect(DocumentApp.Attribute.BOLD).toBe('BOLD');
    expect(Object.isFrozen(DocumentApp.ElementType)).toBe(true);
    expect(() => {
      (DocumentApp.ElementType as unknown as Record<string, string>).PARAGRAPH = 'x';
    }).toThrow(TypeError);
  });

  it('GlyphType has the 8 documented values and no checkbox', () => {
    const { DocumentApp } = setup();
    expect(Object.keys(DocumentApp.GlyphType)).toEqual([
      'BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER',
    ]);
  });
});

describe('Body basics', () => {
  it('a new document has one tab whose body holds exactly one empty paragraph', () => {
    const { doc, body, DocumentApp } = setup();
    expect(doc.getTabs()).toHaveLength(1);
    expect(body.getNumChildren()).toBe(1);
    expect(body.getChild(0).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(body.getText()).toBe('');
    expect(body.getChild(0).asParagraph().getNumChildren()).toBe(0);
  });

  it('getters return fresh wrappers; identity goes through getChildIndex', () => {
    const { body } = setup();
    body.appendParagraph('a');
    const first = body.getChild(1);
    const again = body.getChild(1);
    expect(first).not.toBe(again);
    expect(body.getChildIndex(again)).toBe(1);
    expect(first.getParent()).not.toBe(again.getParent());
  });

  it('appendTable appends the table and an empty paragraph; insertTable inserts only the table', () => {
    const { body, DocumentApp } = setup();
    const t = body.appendTable([['议题', '决议'], ['a', 'b']]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(1).getType()).toBe(DocumentApp.ElementType.TABLE);
    expect(body.getChild(2).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(body.getChild(2).asParagraph().getText()).toBe('');
    expect(t.getNumRows()).toBe(2);
    const cell = t.getCell(1, 1);
    expect(cell.getNumChildren()).toBe(1);
    expect(cell.getChild(0).asParagraph().getText()).toBe('b');

    body.insertTable(1, [['x']]);
    expect(body.getNumChildren()).toBe(4);
    expect(body.getChild(1).getType()).toBe(DocumentApp.ElementType.TABLE);
    expect(body.getChild(2).getType()).toBe(DocumentApp.ElementType.TABLE);
  });

  it('appendTable() creates a 0-row table', () => {
    const { body } = setup();
    const t = body.appendTable();
    expect(t.getNumRows()).toBe(0);
    expect(t.getText()).toBe('');
  });

  it('converts \\n to \\r in paragraphs and list items', () => {
    const { body } = setup();
    const p = body.appendParagraph('a\nb');
    expect(p.getText()).toBe('a\rb');
    p.setText('c\nd');
    expect(p.getText()).toBe('c\rd');
    p.appendText('\ne');
    expect(p.getText()).toBe('c\rd\re');
    const li = body.appendListItem('x\ny');
    expect(li.getText()).toBe('x\ry');
    li.editAsText().insertText(0, 'z\n');
    expect(li.getText()).toBe('z\rx\ry');
    const cell = body.appendTable([['1\n2']]).getCell(0, 0);
    expect(cell.getText()).toBe('1\r2');
  });

  it('getText joins body children, table rows (non-empty), row cells and cell paragraphs with \\n', () => {
    const { body, env } = setup();
    env.document.build([
      'Title',
      { table: [['a', 'b'], [{ blocks: ['c1', 'c2'] }, '']] },
      'after',
    ]);
    const t = body.getTables()[0];
    expect(t?.getRow(0).getText()).toBe('a\nb');
    expect(t?.getCell(1, 0).getText()).toBe('c1\nc2');
    expect(t?.getText()).toBe('a\nb\nc1\nc2\n');
    expect(body.getText()).toBe('Title\na\nb\nc1\nc2\n\nafter');
    const single = body.appendTable([['only'], ['']]);
    expect(single.getText()).toBe('only');
  });

  it('enforces containment', () => {
    const { body } = setup();
    const p = body.appendParagraph('p');
    expect(() => p.asTable()).toThrow(/PARAGRAPH can't be cast as TABLE/);
    expect(() => body.getChild(5)).toThrow(/Child index \(5\)/);
    expect(() => body.insertParagraph(9, 'x')).toThrow(DOCUMENT_MESSAGES.childIndexInsert(9, 2));
    expect(() => body.appendParagraph(p)).toThrow(DOCUMENT_MESSAGES.notDetached);
    const t = body.appendTable([['a']]);
    expect(() => t.getRow(0).appendTableCell(t.getCell(0, 0))).toThrow(DOCUMENT_MESSAGES.notDetached);
    expect(() => body.appendParagraph(t.getRow(0) as unknown as GoogleAppsScript.Document.Paragraph)).toThrow(/TABLE_ROW/);
    expect(() => body.getChildIndex(t.getCell(0, 0))).toThrow(DOCUMENT_MESSAGES.notAChild);
    // A detached copy can be inserted.
    const copy = p.copy();
    expect(copy.getParent()).toBeNull();
    body.appendParagraph(copy);
    expect(body.getParagraphs().map((x) => x.getText())).toContain('p');
  });

  it("can't remove the last paragraph of a section", () => {
    const { body } = setup();
    expect(() => body.getChild(0).removeFromParent()).toThrow(DOCUMENT_MESSAGES.lastParagraph);
    const t = body.appendTable([['a']]);
    // The paragraph after a table is the last one: removing it would end the document with a table.
    expect(() => body.getChild(2).removeFromParent()).toThrow(DOCUMENT_MESSAGES.lastParagraph);
    expect(() => t.getCell(0, 0).getChild(0).removeFromParent()).toThrow(DOCUMENT_MESSAGES.lastParagraph);
    body.removeChild(body.getChild(0));
    expect(body.getNumChildren()).toBe(2);
    t.removeFromParent();
    expect(body.getNumChildren()).toBe(1);
  });

  it('edits tables: rows, cells, removeRow', () => {
    const { body } = setup();
    const t = body.appendTable([['h1', 'h2']]);
    const r = t.appendTableRow();
    expect(r.getNumCells()).toBe(0);
    r.appendTableCell('x');
    r.appendTableCell('y');
    t.insertTableRow(1).appendTableCell('ins');
    expect(t.getNumRows()).toBe(3);
    expect(t.getRow(1).getText()).toBe('ins');
    const removed = t.removeRow(1);
    expect(removed.getParent()).toBeNull();
    expect(t.getNumRows()).toBe(2);
    t.getCell(1, 0).setText('new\ntext');
    expect(t.getCell(1, 0).getText()).toBe('new\rtext');
    expect(t.getCell(1, 0).getNumChildren()).toBe(1);
    expect(t.getCell(1, 0).getParentTable().getNumRows()).toBe(2);
    expect(t.getCell(1, 1).getParentRow().getNumCells()).toBe(2);
    t.getCell(0, 0).setBackgroundColor('#f1f3f4');
    expect(t.getCell(0, 0).getBackgroundColor()).toBe('#f1f3f4');
  });

  it('Text uses inclusive end offsets; out-of-range offsets throw; mixed values read as null', () => {
    const { body } = setup();
    const p = body.appendParagraph('hello world');
    const text = p.editAsText();
    text.setBold(0, 4, true);
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(4)).toBe(true);
    expect(text.isBold(5)).toBeNull();
    expect(text.isBold()).toBeNull();
    expect(text.getTextAttributeIndices()).toEqual([0, 5]);
    expect(() => text.setBold(0, 11, true)).toThrow(/Invalid offsets/);
    text.setLinkUrl(6, 10, 'https://example.com');
    expect(text.getLinkUrl(6)).toBe('https://example.com');
    text.deleteText(0, 5);
    expect(p.getText()).toBe('world');
    text.setBold(true);
    expect(text.isBold()).toBe(true);
  });

  it('list items: consecutive items share a list id, glyph and nesting are kept', () => {
    const { body, DocumentApp } = setup();
    const a = body.appendListItem('a');
    const b = body.appendListItem('b');
    body.appendParagraph('break');
    const c = body.appendListItem('c');
    expect(a.getListId()).toMatch(/^kix\./);
    expect(b.getListId()).toBe(a.getListId());
    expect(c.getListId()).not.toBe(a.getListId());
    expect(a.getGlyphType()).toBe(DocumentApp.GlyphType.BULLET);
    b.setGlyphType(DocumentApp.GlyphType.NUMBER).setNestingLevel(1);
    expect(b.getGlyphType()).toBe('NUMBER');
    expect(b.getNestingLevel()).toBe(1);
    expect(() => b.setGlyphType('CHECKBOX' as unknown as GoogleAppsScript.Document.GlyphType)).toThrow();
    expect(body.getListItems()).toHaveLength(3);
    expect(body.getParagraphs().map((p) => p.getType())).toContain('LIST_ITEM');
  });

  it('walks siblings and knows the document end', () => {
    const { body } = setup();
    const first = body.getChild(0).asParagraph();
    first.setText('first');
    body.insertListItem(1, 'item');
    const t = body.appendTable([['a']]);
    expect(first.getPreviousSibling()).toBeNull();
    expect(first.getNextSibling().asListItem().getText()).toBe('item');
    expect(t.getNextSibling().asParagraph().getText()).toBe('');
    expect(t.getNextSibling().getNextSibling()).toBeNull();
    expect(t.isAtDocumentEnd()).toBe(false);
    expect(t.getNextSibling().isAtDocumentEnd()).toBe(true);
    expect(t.getCell(0, 0).getParentRow().getParentTable().getParent().getType()).toBe('BODY_SECTION');
    expect(body.getParent()).toBeNull();
  });

  it('opens the active document by id only', () => {
    const { env, DocumentApp } = setup();
    expect(DocumentApp.openById(env.document.id).getName()).toBe(env.document.name);
    expect(DocumentApp.openByUrl(env.document.url).getId()).toBe(env.document.id);
    expect(() => DocumentApp.openById('other')).toThrow(/No item with the given ID/);
  });

  it('headings round-trip', () => {
    const { body, DocumentApp } = setup();
    const p = body.appendParagraph('H').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    expect(p.getHeading()).toBe('HEADING1');
    expect(body.getParagraphs()[0]?.getHeading()).toBe(DocumentApp.ParagraphHeading.NORMAL);
  });

  it('findText and replaceText work on runs', () => {
    const { body } = setup();
    body.appendParagraph('负责人：张三');
    body.appendParagraph('负责人：李四');
    const first = body.findText('负责人：(\\S+)');
    expect(first?.getElement().asText().getText()).toBe('负责人：张三');
    expect(first?.getStartOffset()).toBe(0);
    const second = body.findText('负责人', first);
    expect(second?.getElement().asText().getText()).toBe('负责人：李四');
    expect(body.findText('负责人', second)).toBeNull();
    body.replaceText('张三', '王五');
    expect(body.getText()).toContain('王五');
  });
});

describe('chips (seeded only)', () => {
  it('contribute 0 characters to getText; walking children finds them', () => {
    const { env, body, DocumentApp } = setup();
    env.document.build([
      { table: [['负责人', '截止日期'], [[{ person: { email: 'zhang@example.com', name: '张三' } }], [{ date: { timestamp: '2021-07-16T20:00:00Z' } }]]] },
    ]);
    const t = body.getTables()[0] as GoogleAppsScript.Document.Table;
    const owner = t.getCell(1, 0);
    expect(owner.getText()).toBe('');
    const para = owner.getChild(0).asParagraph();
    expect(para.getNumChildren()).toBe(1);
    const chip = para.getChild(0);
    expect(chip.getType()).toBe(DocumentApp.ElementType.PERSON);
    expect(chip.asPerson().getEmail()).toBe('zhang@example.com');
    expect(chip.asPerson().getName()).toBe('张三');
    const date = t.getCell(1, 1).getChild(0).asParagraph().getChild(0).asDate();
    expect(date.getType()).toBe('DATE');
    expect((date.getTimestamp() as unknown as Date).toISOString()).toBe('2021-07-16T20:00:00.000Z');
    // "The display value uses the UTC timezone and the date's locale. For example, Jul 16, 2021."
    expect(date.getDisplayText()).toBe('Jul 16, 2021');
    expect(date.getLocale()).toBe('en');
  });

  it('person names may be empty or null; text around chips keeps its own runs', () => {
    const { env, body } = setup();
    const p = body.appendParagraph('请 ');
    env.document.seedPerson(p, { email: 'x@external.com' });
    p.appendText(' 跟进');
    env.document.seedPerson(p, { email: 'y@example.com', name: null });
    env.document.seedRichLink(p, { url: 'https://docs.google.com/document/d/abc', title: 'Spec', mimeType: 'application/vnd.google-apps.document' });
    expect(p.getText()).toBe('请  跟进');
    expect(p.getNumChildren()).toBe(5);
    expect(p.getChild(1).asPerson().getName()).toBe('');
    expect(p.getChild(3).asPerson().getName()).toBeNull();
    expect(p.getChild(4).asRichLink().getTitle()).toBe('Spec');
    expect(p.getChild(4).asRichLink().getUrl()).toBe('https://docs.google.com/document/d/abc');
    expect(() => p.getChild(1).asDate()).toThrow(/PERSON can't be cast as DATE/);
  });

  it('formats date chips with their locale', () => {
    const { env, body } = setup();
    const p = body.appendParagraph('');
    env.document.seedDate(p, { timestamp: Date.UTC(2025, 5, 30, 23, 0), locale: 'zh-CN' });
    expect(p.getChild(0).asDate().getDisplayText()).toBe('2025年6月30日');
  });

  it('has no DocumentApp method that creates chips', () => {
    const { body } = setup();
    const p = body.appendParagraph('x') as unknown as Record<string, unknown>;
    for (const name of ['appendPerson', 'insertPerson', 'appendDate', 'insertDate', 'appendRichLink']) expect(p[name]).toBeUndefined();
  });
});

describe('merged cells', () => {
  it('the head spans, the merged-away cells read as empty with span 0', () => {
    const { env, body } = setup();
    env.document.build([{ table: [[{ content: '议题', colSpan: 2 }, 'gone'], ['a', 'b']] }]);
    const t = body.getTables()[0] as GoogleAppsScript.Document.Table;
    expect(t.getRow(0).getNumCells()).toBe(2);
    expect(t.getCell(0, 0).getColSpan()).toBe(2);
    expect(t.getCell(0, 1).getColSpan()).toBe(0);
    expect(t.getCell(0, 1).getText()).toBe('');
    expect(t.getCell(1, 1).getColSpan()).toBe(1);
    expect(t.getCell(1, 1).getRowSpan()).toBe(1);
  });
});

describe('context rules', () => {
  it('cursor, selection and active tab exist only in user context; getBody is the first tab in triggers', () => {
    const { env, DocumentApp } = setup();
    const second = env.document.addTab('Second', { blocks: ['in tab 2'] });
    const p = env.document.body(second).getChild(0);
    env.document.setActiveTab(second);
    env.document.setCursor(p, 0);
    env.document.setSelection([p]);
    const doc = DocumentApp.getActiveDocument();
    expect(doc.getCursor()?.getElement().asParagraph().getText()).toBe('in tab 2');
    expect(doc.getSelection().getRangeElements()).toHaveLength(1);
    expect(doc.getActiveTab().getId()).toBe(second);
    expect(doc.getBody().getText()).toBe('in tab 2');

    env.setContext('trigger');
    const inTrigger = DocumentApp.getActiveDocument();
    expect(inTrigger.getCursor()).toBeNull();
    expect(inTrigger.getSelection()).toBeNull();
    expect(inTrigger.getActiveTab()).toBeNull();
    expect(inTrigger.getBody().getText()).toBe('');
    expect(() => DocumentApp.getUi()).toThrow('Cannot call DocumentApp.getUi() from this context.');
  });

  it('AuthMode NONE allows menus but not the document', () => {
    const { env } = setup();
    env.setAuthMode('NONE');
    const { DocumentApp } = env.globals;
    expect(() => DocumentApp.getActiveDocument()).toThrow(/You do not have permission to call DocumentApp.getActiveDocument/);
    DocumentApp.getUi().createAddonMenu().addItem('插入会议记录表', 'insertTemplate').addToUi();
    expect(env.ui.menuFunctionNames()).toEqual(['insertTemplate']);
  });

  it('has no document when not bound', () => {
    const { env } = setup();
    env.setBound(false);
    expect(env.globals.DocumentApp.getActiveDocument()).toBeNull();
  });
});

describe('position', () => {
  it('inserts text at a text or paragraph position and returns null where text is not allowed', () => {
    const { doc, body } = setup();
    const p = body.appendParagraph('abc');
    const run = p.getChild(0);
    const pos = doc.newPosition(run, 1);
    expect(pos.getOffset()).toBe(1);
    expect(pos.insertText('X')?.getText()).toBe('aXbc');
    expect(doc.newPosition(p, 0).insertText('>')?.getText()).toBe('>aXbc');
    expect(pos.getSurroundingText().getText()).toBe('>aXbc');
    const t = body.appendTable([['a']]);
    expect(doc.newPosition(t, 0).insertText('no')).toBeNull();
    expect(doc.newPosition(t.getRow(0), 0).insertText('no')).toBeNull();
    expect(() => doc.newPosition(run, 99)).toThrow();
  });

  it('a cursor position lets the script walk up to the body to insert a table after it', () => {
    const { env, doc, body, DocumentApp } = setup();
    body.appendParagraph('会议纪要');
    const target = body.getChild(1).asParagraph();
    env.document.setCursor(target.getChild(0), 2);
    const cursor = doc.getCursor();
    let el = cursor?.getElement() as GoogleAppsScript.Document.Element;
    while (el.getParent().getType() !== DocumentApp.ElementType.BODY_SECTION) el = el.getParent();
    body.insertTable(body.getChildIndex(el) + 1, [['议题']]);
    expect(env.document.blocks().map((b) => b.type)).toEqual(['PARAGRAPH', 'PARAGRAPH', 'TABLE', 'PARAGRAPH']);
  });
});

describe('named ranges', () => {
  it('adds, lists (fresh arrays, repeated names), finds by id and removes', () => {
    const { doc, body } = setup();
    const t1 = body.appendTable([['a']]);
    const t2 = body.appendTable([['b']]);
    const nr1 = doc.addNamedRange('mrt.table', doc.newRange().addElement(t1).build());
    doc.addNamedRange('mrt.table', doc.newRange().addElement(t2).build());
    expect(nr1.getId()).toMatch(/^kix\./);
    expect(nr1.getName()).toBe('mrt.table');
    const all = doc.getNamedRanges('mrt.table');
    expect(all).toHaveLength(2);
    expect(doc.getNamedRanges('mrt.table')).not.toBe(all);
    expect(doc.getNamedRanges('other')).toEqual([]);
    const found = doc.getNamedRangeById(nr1.getId());
    expect(found.getRange().getRangeElements()[0]?.getElement().asTable().getText()).toBe('a');
    expect(found.getRange().getRangeElements()[0]?.isPartial()).toBe(false);
    found.remove();
    expect(doc.getNamedRanges()).toHaveLength(1);
    expect(doc.getNamedRangeById(nr1.getId())).toBeNull();
  });

  it('a range stops returning removed elements', () => {
    const { doc, body } = setup();
    const t = body.appendTable([['a']]);
    const p = body.appendParagraph('keep');
    const nr = doc.addNamedRange('both', doc.newRange().addElement(t).addElement(p).build());
    t.removeFromParent();
    const again = doc.getNamedRangeById(nr.getId());
    expect(again.getRange().getRangeElements().map((e) => e.getElement().getType())).toEqual(['PARAGRAPH']);
  });

  it('partial text ranges keep their offsets', () => {
    const { doc, body } = setup();
    const run = body.appendParagraph('hello').getChild(0).asText();
    const range = doc.newRange().addElement(run, 1, 3).build();
    const re = range.getRangeElements()[0];
    expect(re?.isPartial()).toBe(true);
    expect([re?.getStartOffset(), re?.getEndOffsetInclusive()]).toEqual([1, 3]);
  });
});

describe('tabs', () => {
  it('lists top-level tabs, finds nested ones and reads each body', () => {
    const { env, doc } = setup();
    const a = env.document.addTab('A', { blocks: ['in A'] });
    const child = env.document.addTab('A.1', { parentTabId: a, blocks: ['in A.1'] });
    const tabs = doc.getTabs();
    expect(tabs.map((t) => t.getTitle())).toEqual(['Tab 1', 'A']);
    expect(tabs[1]?.getIndex()).toBe(1);
    expect(tabs[1]?.getType()).toBe('DOCUMENT_TAB');
    expect(tabs[1]?.getChildTabs().map((t) => t.getId())).toEqual([child]);
    expect(doc.getTab(child).asDocumentTab().getBody().getText()).toBe('in A.1');
    expect(doc.getTab('t.missing')).toBeNull();
    const tab = doc.getTab(a).asDocumentTab();
    const nr = tab.addNamedRange('x', tab.newRange().addElement(tab.getBody().getChild(0)).build());
    expect(tab.getNamedRanges('x').map((r) => r.getId())).toEqual([nr.getId()]);
    expect(doc.getNamedRanges('x')).toEqual([]);
  });
});

describe('saveAndClose', () => {
  it('closes that document object; a new getActiveDocument sees the saved state', () => {
    const { env, DocumentApp, doc, body } = setup();
    body.appendParagraph('saved');
    const p = body.getChild(1).asParagraph();
    doc.saveAndClose();
    expect(env.document.saveCount).toBe(1);
    expect(() => doc.getBody()).toThrow(DOCUMENT_MESSAGES.closed);
    expect(() => p.getText()).toThrow(DOCUMENT_MESSAGES.closed);
    expect(DocumentApp.getActiveDocument().getBody().getText()).toBe('\nsaved');
  });
});

describe('call counting and read-back', () => {
  it('counts every DocumentApp call per method, not the test seeding', () => {
    const { env, DocumentApp } = setup();
    env.document.build([{ table: [['a', 'b'], ['c', 'd']] }]);
    env.document.resetCalls();
    const body = DocumentApp.getActiveDocument().getBody();
    const t = body.getChild(0).asTable();
    for (let r = 0; r < t.getNumRows(); r++) for (let c = 0; c < 2; c++) t.getCell(r, c).getText();
    const calls = env.document.calls();
    expect(calls['DocumentApp.getActiveDocument']).toBe(1);
    expect(calls['Document.getBody']).toBe(1);
    expect(calls['Table.getCell']).toBe(4);
    expect(calls['TableCell.getText']).toBe(4);
    expect(env.document.totalCalls()).toBe(1 + 1 + 1 + 1 + 3 + 4 + 4);
  });

  it('reads the document back as plain data', () => {
    const { env, body } = setup();
    const t = body.appendTable([['议题', '状态'], ['a', '']]);
    t.getCell(1, 1).setText('已完成');
    t.getCell(0, 0).editAsText().setBold(true);
    expect(env.document.tables()).toEqual([[['议题', '状态'], ['a', '已完成']]]);
    const blocks = env.document.blocks();
    expect(blocks[1]).toMatchObject({ type: 'TABLE' });
    const table = blocks[1] as Extract<(typeof blocks)[number], { type: 'TABLE' }>;
    expect(table.rows[0]?.[0]?.blocks[0]).toMatchObject({ type: 'PARAGRAPH', inlines: [{ text: '议题', bold: true }] });
    expect(env.document.read()[0]?.id).toBe('t.0');
  });
});
