import { describe, expect, it } from 'vitest';
import { TRIGGER_MESSAGES, createAppsScriptEnvironment, formatJavaDate } from './index';

describe('ScriptApp triggers', () => {
  it('everyMinutes accepts only 1, 5, 10, 15 or 30; everyHours only 1, 2, 4, 6, 8 or 12', () => {
    const env = createAppsScriptEnvironment({ addOn: false });
    const { ScriptApp } = env.globals;
    for (const n of [1, 5, 10, 15, 30]) expect(() => ScriptApp.newTrigger('sync').timeBased().everyMinutes(n)).not.toThrow();
    for (const n of [0, 2, 20, 60]) expect(() => ScriptApp.newTrigger('sync').timeBased().everyMinutes(n)).toThrow(TRIGGER_MESSAGES.everyMinutes);
    expect(() => ScriptApp.newTrigger('sync').timeBased().everyHours(3)).toThrow(TRIGGER_MESSAGES.everyHours);
    const t = ScriptApp.newTrigger('syncAll').timeBased().everyMinutes(15).create();
    expect(t.getHandlerFunction()).toBe('syncAll');
    expect(t.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(t.getUniqueId()).toMatch(/^\d+$/);
    expect(ScriptApp.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    ScriptApp.deleteTrigger(t);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
  });

  it('add-ons: no clock trigger under an hour, one per user per document', () => {
    const env = createAppsScriptEnvironment();
    const { ScriptApp, DocumentApp } = env.globals;
    expect(() => ScriptApp.newTrigger('sync').timeBased().everyMinutes(30).create()).toThrow(TRIGGER_MESSAGES.addOnRate);
    ScriptApp.newTrigger('sync').timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('sync2').timeBased().everyHours(2).create()).toThrow(TRIGGER_MESSAGES.addOnPerDocument);
    env.switchUser('bob@example.com');
    ScriptApp.newTrigger('sync').timeBased().everyHours(1).create();
    expect(env.triggers.list()).toHaveLength(2);
    expect(ScriptApp.getUserTriggers(DocumentApp.getActiveDocument())).toHaveLength(1);
    const onOpen = ScriptApp.newTrigger('syncOnOpen').forDocument(DocumentApp.getActiveDocument()).onOpen().create();
    expect(onOpen.getEventType()).toBe('ON_OPEN');
    expect(onOpen.getTriggerSource()).toBe(ScriptApp.TriggerSource.DOCUMENTS);
    expect(onOpen.getTriggerSourceId()).toBe(env.document.id);
  });

  it('caps triggers at 20 per user and needs FULL authorization', () => {
    const env = createAppsScriptEnvironment({ addOn: false });
    const { ScriptApp } = env.globals;
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('f20').timeBased().everyHours(1).create()).toThrow(TRIGGER_MESSAGES.tooMany);
    env.setAuthMode('LIMITED');
    expect(() => ScriptApp.getProjectTriggers()).toThrow(/permission/);
  });

  it('exposes AuthMode as names', () => {
    const env = createAppsScriptEnvironment({ authMode: 'NONE' });
    expect(env.globals.ScriptApp.AuthMode.NONE).toBe('NONE');
    expect(env.openEvent()).toEqual({ authMode: 'NONE' });
    env.setAuthMode('FULL');
    const e = env.openEvent();
    expect(e.authMode).toBe(env.globals.ScriptApp.AuthMode.FULL);
    expect(e.source?.getId()).toBe(env.document.id);
  });
});

describe('Ui', () => {
  it('records add-on menus with their global function names, sidebars at 300 px, alerts', () => {
    const env = createAppsScriptEnvironment({ sidebarHtml: { Sidebar: '<div id="app"></div>' } });
    const { DocumentApp, HtmlService } = env.globals;
    const ui = DocumentApp.getUi();
    const sub = ui.createMenu('更多').addItem('同步', 'syncNow');
    ui.createAddonMenu().addItem('插入会议记录表', 'insertTemplate').addSeparator().addItem('打开侧边栏', 'showSidebar').addSubMenu(sub).addToUi();
    ui.createAddonMenu().addItem('插入会议记录表', 'insertTemplate').addItem('打开侧边栏', 'showSidebar').addSubMenu(sub).addToUi();
    expect(env.ui.menus()).toHaveLength(1);
    expect(env.ui.menus()[0]?.caption).toBe('Minutes to Tasks');
    expect(env.ui.menuFunctionNames()).toEqual(['insertTemplate', 'showSidebar', 'syncNow']);

    ui.showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('会议记录 → Google Tasks').setWidth(500));
    expect(env.ui.lastSidebar()).toEqual({ title: '会议记录 → Google Tasks', content: '<div id="app"></div>', width: 300 });

    env.ui.respond('NO');
    expect(ui.alert('确认', '覆盖？', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('done')).toBe('OK');
    expect(env.ui.alerts().map((a) => [a.title, a.prompt, a.buttons])).toEqual([
      ['确认', '覆盖？', 'YES_NO'],
      [null, 'done', 'OK'],
    ]);
  });

  it('throws in trigger context and when there is no document UI', () => {
    const env = createAppsScriptEnvironment({ context: 'trigger' });
    expect(() => env.globals.DocumentApp.getUi()).toThrow('Cannot call DocumentApp.getUi() from this context.');
  });
});

describe('HtmlService', () => {
  it('serves built files, evaluates templates with include() and escapes <?= ?>', () => {
    const env = createAppsScriptEnvironment({
      sidebarHtml: { Sidebar: '<h1><?= title ?></h1><?!= include("SidebarJs") ?><? for (var i = 0; i < 2; i++) { ?>[<?= i ?>]<? } ?>', SidebarJs: '<script>var a = 1 < 2;</script>' },
    });
    env.run('function include(f) { return HtmlService.createHtmlOutputFromFile(f).getContent(); }');
    const t = env.globals.HtmlService.createTemplateFromFile('Sidebar');
    t.title = '<纪要>';
    const out = t.evaluate().setTitle('T');
    expect(out.getContent()).toBe('<h1>&lt;纪要&gt;</h1><script>var a = 1 < 2;</script>[0][1]');
    expect(out.getTitle()).toBe('T');
    expect(() => env.globals.HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    expect(env.globals.HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toContain('<?= title ?>');
  });
});

describe('Session', () => {
  it('returns the email only with full authorization, and the script time zone', () => {
    const env = createAppsScriptEnvironment({ user: 'alice@example.com', timeZone: 'Asia/Shanghai' });
    const { Session } = env.globals;
    expect(Session.getActiveUser().getEmail()).toBe('alice@example.com');
    expect(Session.getScriptTimeZone()).toBe('Asia/Shanghai');
    env.setAuthMode('LIMITED');
    expect(Session.getActiveUser().getEmail()).toBe('');
    env.setAuthMode('FULL');
    env.switchUser('');
    expect(Session.getActiveUser().getEmail()).toBe('');
  });
});

describe('Utilities and logging', () => {
  it('computes digests as signed bytes', () => {
    const env = createAppsScriptEnvironment();
    const { Utilities } = env.globals;
    const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, '纪要', Utilities.Charset.UTF_8);
    expect(bytes).toHaveLength(32);
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(bytes.some((b) => b < 0)).toBe(true);
    expect(Utilities.base64Encode(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc'))).toBe('kAFQmDzST7DWlj99KOF/cg==');
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('formats dates with Java patterns in the given time zone', () => {
    const d = new Date('2025-06-30T16:05:09.007Z');
    expect(formatJavaDate(d, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2025-07-01 00:05:09.007');
    expect(formatJavaDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2025-06-30T16:05:09Z');
    expect(formatJavaDate(d, 'GMT+8', 'EEE, MMM d yyyy h:mm a Z')).toBe('Tue, Jul 1 2025 12:05 AM +0800');
    expect(formatJavaDate(d, 'America/Los_Angeles', 'yyyy-MM-dd XXX')).toBe('2025-06-30 -07:00');
    const env = createAppsScriptEnvironment();
    expect(env.globals.Utilities.formatDate(d, 'Asia/Shanghai', 'M月d日')).toBe('7月1日');
  });

  it('records Logger and console output', () => {
    const env = createAppsScriptEnvironment();
    env.globals.Logger.log('rows: %s', 3);
    env.globals.console.warn('careful', { a: 1 });
    expect(env.globals.Logger.getLog()).toBe('rows: 3');
    expect(env.logs.entries()).toEqual([
      { source: 'Logger', level: 'log', message: 'rows: 3' },
      { source: 'console', level: 'warn', message: 'careful {"a":1}' },
    ]);
  });
});
