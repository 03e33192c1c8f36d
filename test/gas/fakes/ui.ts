/**
 * `DocumentApp.getUi()`: records menus (caption → global function name), sidebars, dialogs and alerts.
 * Sidebars are always 300 px wide whatever `setWidth` said (§1.3).
 */
import { CallCounter, counted } from './calls';
import type { ButtonName, ButtonSetName } from './enums';
import { Button, ButtonSet } from './enums';
import type { Runtime } from './runtime';
import { SCOPES, fail } from './runtime';

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  caption: string;
  /** true for `createAddonMenu()` (Extensions ▸ add-on name). */
  addOn: boolean;
  items: MenuEntry[];
}

export interface SidebarRecord {
  title: string;
  content: string;
  /** Always 300: "All sidebars shown by scripts are 300 pixels wide." */
  width: 300;
}

export interface DialogRecord {
  modal: boolean;
  title: string;
  content: string;
  width: number;
  height: number;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: ButtonSetName;
  answer: ButtonName;
  text?: string;
}

export interface FakeUiHandle {
  /** Menus currently added to the UI (a second addToUi of the same menu replaces it). */
  menus(): MenuRecord[];
  /** Every function name referenced by a menu item, submenus included. */
  menuFunctionNames(): string[];
  sidebars(): SidebarRecord[];
  lastSidebar(): SidebarRecord | null;
  dialogs(): DialogRecord[];
  alerts(): AlertRecord[];
  /** Queues the button the user will press on the next alert/prompt (default: OK / YES). */
  respond(button: ButtonName, text?: string): void;
  calls(): Record<string, number>;
  reset(): void;
}

interface HtmlLike {
  getTitle(): string;
  getContent(): string;
  getWidth?(): number;
  getHeight?(): number;
}

export interface UiState {
  menus: MenuRecord[];
  sidebars: SidebarRecord[];
  dialogs: DialogRecord[];
  alerts: AlertRecord[];
  answers: Array<{ button: ButtonName; text?: string }>;
  counter: CallCounter;
}

export function createUiState(): UiState {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], answers: [], counter: new CallCounter() };
}

function cloneMenu(m: MenuRecord): MenuRecord {
  return {
    caption: m.caption,
    addOn: m.addOn,
    items: m.items.map((i) => (i.kind === 'submenu' ? { kind: 'submenu', menu: cloneMenu(i.menu) } : { ...i })),
  };
}

const MENU = Symbol('menu');

function defaultAnswer(buttons: ButtonSetName): ButtonName {
  return buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK';
}

export function createUi(rt: Runtime, state: UiState, addOnName: string): GoogleAppsScript.Base.Ui {
  const wrap = <T extends object>(o: T, label: string): T => counted(o, label, state.counter, { translate: rt.translate });

  const makeMenu = (caption: string, addOn: boolean): GoogleAppsScript.Base.Menu => {
    const record: MenuRecord = { caption, addOn, items: [] };
    const menu = {
      [MENU]: record,
      addItem(itemCaption: string, functionName: string): GoogleAppsScript.Base.Menu {
        if (typeof functionName !== 'string' || functionName === '') fail('Invalid argument: functionName');
        record.items.push({ kind: 'item', caption: String(itemCaption), functionName });
        return proxy;
      },
      addSeparator(): GoogleAppsScript.Base.Menu {
        record.items.push({ kind: 'separator' });
        return proxy;
      },
      addSubMenu(sub: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
        const inner = (sub as unknown as { [MENU]?: MenuRecord })[MENU];
        if (!inner || inner.addOn) fail('Invalid argument: menu');
        record.items.push({ kind: 'submenu', menu: inner });
        return proxy;
      },
      addToUi(): void {
        const snapshot = cloneMenu(record);
        const i = state.menus.findIndex((m) => m.addOn === snapshot.addOn && m.caption === snapshot.caption);
        if (i >= 0) state.menus.splice(i, 1, snapshot);
        else state.menus.push(snapshot);
      },
    };
    const proxy = wrap(menu, 'Menu');
    return proxy;
  };

  const ask = (kind: 'alert' | 'prompt', args: unknown[]): AlertRecord => {
    rt.requireAuth('LIMITED', `Ui.${kind}`, SCOPES.containerUi);
    // Overloads: (prompt), (prompt, buttons), (title, prompt, buttons).
    const [title, prompt, buttons] =
      args.length >= 3 ? [String(args[0]), String(args[1]), args[2]] : [null, String(args[0]), args.length === 2 ? args[1] : 'OK'];
    const set = String(buttons) as ButtonSetName;
    if (!(set in ButtonSet)) fail('Invalid argument: buttons');
    const next = state.answers.shift();
    const rec: AlertRecord = { kind, title, prompt, buttons: set, answer: next?.button ?? defaultAnswer(set) };
    if (kind === 'prompt') rec.text = next?.text ?? '';
    state.alerts.push(rec);
    return rec;
  };

  const ui = {
    Button,
    ButtonSet,
    createAddonMenu: (): GoogleAppsScript.Base.Menu => makeMenu(addOnName, true),
    createMenu: (caption: string): GoogleAppsScript.Base.Menu => makeMenu(String(caption), false),
    showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
      rt.requireAuth('LIMITED', 'Ui.showSidebar', SCOPES.containerUi);
      const out = userInterface as unknown as HtmlLike;
      state.sidebars.push({ title: out.getTitle(), content: out.getContent(), width: 300 });
    },
    showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
      rt.requireAuth('LIMITED', 'Ui.showModalDialog', SCOPES.containerUi);
      const out = userInterface as unknown as HtmlLike;
      state.dialogs.push({ modal: true, title, content: out.getContent(), width: out.getWidth?.() ?? 600, height: out.getHeight?.() ?? 400 });
    },
    showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
      rt.requireAuth('LIMITED', 'Ui.showModelessDialog', SCOPES.containerUi);
      const out = userInterface as unknown as HtmlLike;
      state.dialogs.push({ modal: false, title, content: out.getContent(), width: out.getWidth?.() ?? 600, height: out.getHeight?.() ?? 400 });
    },
    alert(...args: unknown[]): GoogleAppsScript.Base.Button {
      return ask('alert', args).answer as unknown as GoogleAppsScript.Base.Button;
    },
    prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
      const rec = ask('prompt', args);
      return {
        getResponseText: (): string => rec.text ?? '',
        getSelectedButton: (): GoogleAppsScript.Base.Button => rec.answer as unknown as GoogleAppsScript.Base.Button,
      };
    },
  };
  return wrap(ui as unknown as GoogleAppsScript.Base.Ui, 'Ui');
}

function flatten(m: MenuRecord): string[] {
  return m.items.flatMap((i) => (i.kind === 'item' ? [i.functionName] : i.kind === 'submenu' ? flatten(i.menu) : []));
}

export function createUiHandle(state: UiState): FakeUiHandle {
  return {
    menus: () => state.menus.map(cloneMenu),
    menuFunctionNames: () => state.menus.flatMap(flatten),
    sidebars: () => state.sidebars.map((s) => ({ ...s })),
    lastSidebar: () => {
      const s = state.sidebars[state.sidebars.length - 1];
      return s ? { ...s } : null;
    },
    dialogs: () => state.dialogs.map((d) => ({ ...d })),
    alerts: () => state.alerts.map((a) => ({ ...a })),
    respond: (button, text) => {
      if (!(button in Button)) throw new Error(`unknown button ${button}`);
      state.answers.push(text === undefined ? { button } : { button, text });
    },
    calls: () => state.counter.snapshot(),
    reset: () => {
      state.menus.length = 0;
      state.sidebars.length = 0;
      state.dialogs.length = 0;
      state.alerts.length = 0;
      state.answers.length = 0;
      state.counter.reset();
    },
  };
}
