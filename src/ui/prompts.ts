// Every question the extension asks the user goes through `Prompts`, so tests can script the answers
// (the extension-host suite swaps in a scripted implementation through the extension's test API).
import * as vscode from 'vscode';

/** The user dismissed a prompt: the command stops quietly. */
export class UserCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

export interface InputOptions {
  title?: string;
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

export interface Prompts {
  input(options: InputOptions): Promise<string>;
  pick<T>(items: PickItem<T>[], options: { title?: string; placeHolder?: string }): Promise<T>;
  pickMany<T>(items: PickItem<T>[], options: { title?: string; placeHolder?: string }): Promise<T[]>;
  /** A modal confirmation that names the resource; resolves true only when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  openFile(options: { title: string; filters?: Record<string, string[]> }): Promise<vscode.Uri>;
  /** Where to write a new file (the dialog asks before replacing one). */
  saveFile(options: { title: string; defaultUri?: vscode.Uri; filters?: Record<string, string[]> }): Promise<vscode.Uri>;
  /** Non-modal notifications; resolve to the action chosen, if any. */
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
}

export const windowPrompts: Prompts = {
  async input(options) {
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
  },
  async pick(items, options) {
    const picked = await vscode.window.showQuickPick(items, { ...options, ignoreFocusOut: true });
    if (!picked) throw new UserCancelled();
    return picked.value;
  },
  async pickMany(items, options) {
    const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: true, ignoreFocusOut: true });
    if (!picked) throw new UserCancelled();
    return picked.map((item) => item.value);
  },
  async confirm(message, detail, action) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  },
  async openFile(options) {
    const picked = await vscode.window.showOpenDialog({ title: options.title, filters: options.filters, canSelectMany: false, openLabel: 'Select' });
    if (!picked?.[0]) throw new UserCancelled();
    return picked[0];
  },
  async saveFile(options) {
    const picked = await vscode.window.showSaveDialog({ title: options.title, defaultUri: options.defaultUri, filters: options.filters, saveLabel: 'Save' });
    if (!picked) throw new UserCancelled();
    return picked;
  },
  async info(message, ...actions) {
    return vscode.window.showInformationMessage(message, ...actions);
  },
  async error(message, ...actions) {
    return vscode.window.showErrorMessage(message, ...actions);
  },
};

/** Holds the prompts in use; tests replace `current` and put it back afterwards. */
export class PromptHost {
  current: Prompts = windowPrompts;
}
