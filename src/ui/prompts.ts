// Every question the extension asks the user goes through `Prompts`, so tests can script the answers
// (the extension-host suite swaps in a scripted implementation through the extension's test API).
import * as vscode from 'vscode';
import { brand } from '../parts/branded';
import { loadPart } from '../parts/loadPart';

/** The user dismissed a prompt: the command stops quietly. */
export class UserCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

/** The user pressed Back: the wizard asks the previous step again. */
export class GoBack extends Error {
  constructor() {
    super('Back');
  }
}
brand(UserCancelled, 'UserCancelled');
brand(GoBack, 'GoBack');

/** Where a prompt stands in a wizard: shown as "step/total", with a Back button from step 2 on. */
export interface WizardStep {
  step: number;
  totalSteps: number;
}

export interface InputOptions {
  title?: string;
  wizard?: WizardStep;
  prompt: string;
  value?: string;
  placeHolder?: string;
  password?: boolean;
  /** Runs as the user types; returns what to fix, or undefined. */
  validate?: (value: string) => string | undefined;
}

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

export interface PickOptions {
  title?: string;
  placeHolder?: string;
  wizard?: WizardStep;
}

export interface SearchPickOptions<T> {
  title: string;
  placeHolder: string;
  /** Shown before anything is typed. */
  initial?: PickItem<T | undefined>[];
  /**
   * Searches for the typed text; `show` replaces the items (call it again as more results arrive). Items whose value
   * is undefined (hints, errors) cannot be picked. `signal` aborts when the user typed on.
   */
  search(text: string, signal: AbortSignal, show: (items: PickItem<T | undefined>[]) => void): Promise<void>;
}

export interface Prompts {
  input(options: InputOptions): Promise<string>;
  pick<T>(items: PickItem<T>[], options: PickOptions): Promise<T>;
  pickMany<T>(items: PickItem<T>[], options: { title?: string; placeHolder?: string }): Promise<T[]>;
  /** A quick pick that searches as the user types (see searchPick.ts). */
  searchPick<T>(options: SearchPickOptions<T>): Promise<T>;
  /** A modal confirmation that names the resource; resolves true only when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** A file to read, or with `folders` a folder (pod folders of "Pod as code"). */
  openFile(options: { title: string; filters?: Record<string, string[]>; folders?: boolean }): Promise<vscode.Uri>;
  /** Where to write a new file (the dialog asks before replacing one). */
  saveFile(options: { title: string; defaultUri?: vscode.Uri; filters?: Record<string, string[]> }): Promise<vscode.Uri>;
  /** A modal that shows a record to read, not a decision (e.g. a connection's history); resolves to the action chosen. */
  details(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  /** Non-modal notifications; resolve to the action chosen, if any. */
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  /** Opens a web page in the browser (VS Code asks first for an untrusted domain); resolves true when it opened. */
  openExternal(uri: vscode.Uri): Promise<boolean>;
}

export const windowPrompts: Prompts = {
  input(options) {
    if (!options.wizard) return showInput(options);
    const box = vscode.window.createInputBox();
    Object.assign(box, { title: options.title, prompt: options.prompt, value: options.value ?? '', placeholder: options.placeHolder, password: !!options.password });
    return runQuickInput<string>(box, options.wizard, (accept) => [
      box.onDidChangeValue((value) => (box.validationMessage = options.validate?.(value))),
      box.onDidAccept(() => {
        box.validationMessage = options.validate?.(box.value);
        if (!box.validationMessage) accept(box.value);
      }),
    ]);
  },
  pick<T>(items: PickItem<T>[], options: PickOptions) {
    if (!options.wizard) return showPick(items, options);
    const quickPick = vscode.window.createQuickPick<PickItem<T>>();
    Object.assign(quickPick, { title: options.title, placeholder: options.placeHolder, items });
    quickPick.activeItems = items.filter((item) => item.picked).slice(0, 1);
    return runQuickInput<T>(quickPick, options.wizard, (accept) => [quickPick.onDidAccept(() => quickPick.selectedItems[0] && accept(quickPick.selectedItems[0].value))]);
  },
  async pickMany(items, options) {
    const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: true, ignoreFocusOut: true });
    if (!picked) throw new UserCancelled();
    return picked.map((item) => item.value);
  },
  // The live quick pick ships with the search part (its only user), not in the extension bundle.
  searchPick: (options) => loadPart<typeof import('../commands/searchCommandsPart')>('search').showSearchPick(options),
  async confirm(message, detail, action) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  },
  async openFile(options) {
    const picked = await vscode.window.showOpenDialog({
      title: options.title, filters: options.filters, canSelectMany: false, openLabel: vscode.l10n.t('Select'),
      canSelectFiles: !options.folders, canSelectFolders: !!options.folders,
    });
    if (!picked?.[0]) throw new UserCancelled();
    return picked[0];
  },
  async saveFile(options) {
    const picked = await vscode.window.showSaveDialog({ title: options.title, defaultUri: options.defaultUri, filters: options.filters, saveLabel: vscode.l10n.t('Save') });
    if (!picked) throw new UserCancelled();
    return picked;
  },
  async details(message, detail, ...actions) {
    return vscode.window.showInformationMessage(message, { modal: true, detail }, ...actions);
  },
  async info(message, ...actions) {
    return vscode.window.showInformationMessage(message, ...actions);
  },
  async error(message, ...actions) {
    return vscode.window.showErrorMessage(message, ...actions);
  },
  async openExternal(uri) {
    return vscode.env.openExternal(uri);
  },
};

async function showInput(options: InputOptions): Promise<string> {
  const value = await vscode.window.showInputBox({
    title: options.title,
    prompt: options.prompt,
    value: options.value,
    placeHolder: options.placeHolder,
    password: options.password,
    ignoreFocusOut: true,
    validateInput: options.validate,
  });
  if (value === undefined) throw new UserCancelled();
  return value;
}

async function showPick<T>(items: PickItem<T>[], options: PickOptions): Promise<T> {
  const picked = await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeHolder, ignoreFocusOut: true });
  if (!picked) throw new UserCancelled();
  return picked.value;
}

/** Shows a wizard step with its counter and Back button; resolves with the answer, rejects with GoBack or UserCancelled. */
function runQuickInput<T>(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[]; onDidTriggerButton: vscode.Event<vscode.QuickInputButton> }, wizard: WizardStep, listen: (accept: (value: T) => void) => vscode.Disposable[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      subscriptions.forEach((s) => s.dispose());
      input.dispose();
    };
    input.step = wizard.step;
    input.totalSteps = wizard.totalSteps;
    input.ignoreFocusOut = true;
    input.buttons = wizard.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    const subscriptions = [
      ...listen((value) => finish(() => resolve(value))),
      input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(() => reject(new GoBack()))),
      input.onDidHide(() => finish(() => reject(new UserCancelled()))),
    ];
    input.show();
  });
}

/**
 * Runs a wizard: each step asks through the prompts it is given, which carry the step counter and Back. Steps whose
 * `when` is false for the answers so far are skipped and not counted; Back on a step asks the previous one again.
 */
export async function runWizard<S>(ui: Prompts, steps: Array<{ when?: (state: S) => boolean; ask: (ui: Prompts, state: S) => Promise<void> }>, state: S): Promise<S> {
  let index = 0;
  const history: number[] = [];
  while (index < steps.length) {
    if (steps[index].when && !steps[index].when!(state)) {
      index++;
      continue;
    }
    const applicable = steps.filter((s) => !s.when || s.when(state));
    const wizard = { step: history.length + 1, totalSteps: Math.max(applicable.length, history.length + 1) };
    try {
      await steps[index].ask(withWizard(ui, wizard), state);
      history.push(index);
      index++;
    } catch (error) {
      if (!(error instanceof GoBack) || history.length === 0) throw error;
      index = history.pop()!;
    }
  }
  return state;
}

/** The prompts of one wizard step: every input and pick shows the step's counter and Back. */
function withWizard(ui: Prompts, wizard: WizardStep): Prompts {
  return {
    input: (options) => ui.input({ ...options, wizard }),
    pick: (items, options) => ui.pick(items, { ...options, wizard }),
    pickMany: (items, options) => ui.pickMany(items, options),
    searchPick: (options) => ui.searchPick(options),
    confirm: (message, detail, action) => ui.confirm(message, detail, action),
    openFile: (options) => ui.openFile(options),
    saveFile: (options) => ui.saveFile(options),
    details: (message, detail, ...actions) => ui.details(message, detail, ...actions),
    info: (message, ...actions) => ui.info(message, ...actions),
    error: (message, ...actions) => ui.error(message, ...actions),
    openExternal: (uri) => ui.openExternal(uri),
  };
}

/** Holds the prompts in use; tests replace `current` and put it back afterwards. */
export class PromptHost {
  current: Prompts = windowPrompts;
}
