// Prompts answered from a script, for extension-host tests. Each prompt takes the next answer; a prompt with no
// answer left fails the test with what was asked. Input answers go through the prompt's own validation, exactly
// as the input box would run it, and a rejected answer is recorded and ends the command like a dismissed box.
import * as vscode from 'vscode';
import type { InputOptions, PickItem, PickOptions, Prompts, SearchPickOptions, WizardStep } from '../../../src/ui/prompts';

export type Answer =
  | { input: string }
  | { pick: (item: PickItem<unknown>) => boolean }
  | { pickMany: (item: PickItem<unknown>) => boolean }
  /** Search as you type: the text typed, then the result picked once that text's search has finished. */
  | { search: string; pickResult: (item: PickItem<unknown>) => boolean }
  | { confirm: boolean }
  | { file: string }
  | { cancel: true }
  /** The wizard's Back button; the error comes from the extension (`api.goBack`), whose wizard recognises it. */
  | { back: () => Error };

export class ScriptedPrompts implements Prompts {
  readonly asked: string[] = [];
  readonly infos: string[] = [];
  /** Modal records shown (Prompts.details): the message and its detail text. */
  readonly shown: Array<{ message: string; detail: string }> = [];
  readonly errors: string[] = [];
  readonly rejectedInputs: string[] = [];
  /** The actions each notification offered, in order (the message is in `infos` / `errors`). */
  readonly offered: string[][] = [];
  /** Every modal confirmation in full: what it asked, the detail it showed, and its action button. */
  readonly confirmations: Array<{ message: string; detail: string; action: string }> = [];
  /** Pages opened in the browser. */
  readonly opened: string[] = [];
  /** Which action of a notification to choose; none by default (the notification is left alone). */
  chooseAction: (message: string, actions: string[]) => string | undefined = () => undefined;

  constructor(private readonly answers: Answer[], private readonly cancelled: () => Error) {}

  get remaining(): number {
    return this.answers.length;
  }

  /** Records the question (with its wizard step, as "[2/5]") and takes the next answer. */
  private next(kind: string, question: string, wizard?: WizardStep): Answer {
    this.asked.push(`${kind}: ${question}${wizard ? ` [${wizard.step}/${wizard.totalSteps}]` : ''}`);
    const answer = this.answers.shift();
    if (!answer) throw new Error(`Unexpected ${kind} prompt: ${question}`);
    if ('cancel' in answer) throw this.cancelled();
    if ('back' in answer) {
      if (!wizard || wizard.step < 2) throw new Error(`"${question}" has no Back button`);
      throw answer.back();
    }
    return answer;
  }

  async input(options: InputOptions): Promise<string> {
    const answer = this.next('input', options.prompt, options.wizard);
    if (!('input' in answer)) throw new Error(`Expected an answer for input "${options.prompt}"`);
    const problem = options.validate?.(answer.input);
    if (problem) {
      this.rejectedInputs.push(problem);
      throw this.cancelled();
    }
    return answer.input;
  }

  async pick<T>(items: PickItem<T>[], options: PickOptions): Promise<T> {
    const answer = this.next('pick', options.title ?? options.placeHolder ?? '', options.wizard);
    if (!('pick' in answer)) throw new Error(`Expected a pick for "${options.title}"`);
    const item = items.find((i) => answer.pick(i as PickItem<unknown>));
    if (!item) throw new Error(`No item matched in "${options.title}": ${items.map((i) => i.label).join(', ')}`);
    return item.value;
  }

  async pickMany<T>(items: PickItem<T>[], options: { title?: string; placeHolder?: string }): Promise<T[]> {
    const answer = this.next('pickMany', options.title ?? '');
    if (!('pickMany' in answer)) throw new Error(`Expected a multi-pick for "${options.title}"`);
    return items.filter((i) => answer.pickMany(i as PickItem<unknown>)).map((i) => i.value);
  }

  /** The items the last search showed (hints, results and pods' errors), for assertions. */
  searchItems: PickItem<unknown>[] = [];

  async searchPick<T>(options: SearchPickOptions<T>): Promise<T> {
    const answer = this.next('searchPick', options.title);
    if (!('search' in answer)) throw new Error(`Expected a search for "${options.title}"`);
    let items: PickItem<T | undefined>[] = [];
    await options.search(answer.search, new AbortController().signal, (shown) => (items = shown));
    this.searchItems = items;
    const item = items.find((i) => i.value !== undefined && answer.pickResult(i as PickItem<unknown>));
    if (!item) throw new Error(`No result matched in "${options.title}" for "${answer.search}": ${items.map((i) => i.label).join(', ')}`);
    return item.value as T;
  }

  async confirm(message: string, detail = '', action = ''): Promise<boolean> {
    this.confirmations.push({ message, detail, action });
    const answer = this.next('confirm', message);
    if (!('confirm' in answer)) throw new Error(`Expected a confirmation for "${message}"`);
    return answer.confirm;
  }

  async openFile(options: { title: string }): Promise<vscode.Uri> {
    const answer = this.next('openFile', options.title);
    if (!('file' in answer)) throw new Error(`Expected a file for "${options.title}"`);
    return vscode.Uri.file(answer.file);
  }

  async saveFile(options: { title: string }): Promise<vscode.Uri> {
    const answer = this.next('saveFile', options.title);
    if (!('file' in answer)) throw new Error(`Expected a file to save for "${options.title}"`);
    return vscode.Uri.file(answer.file);
  }

  async details(message: string, detail: string): Promise<string | undefined> {
    this.shown.push({ message, detail });
    return undefined;
  }

  async info(message: string, ...actions: string[]): Promise<string | undefined> {
    this.infos.push(message);
    this.offered.push(actions);
    return this.chooseAction(message, actions);
  }

  async error(message: string, ...actions: string[]): Promise<string | undefined> {
    this.errors.push(message);
    this.offered.push(actions);
    return this.chooseAction(message, actions);
  }

  async openExternal(uri: vscode.Uri): Promise<boolean> {
    this.opened.push(uri.toString(true));
    return true;
  }
}

export const input = (value: string): Answer => ({ input: value });
export const pickLabel = (label: string | RegExp): Answer => ({ pick: (item) => (typeof label === 'string' ? item.label === label : label.test(item.label)) });
export const pickValue = (value: unknown): Answer => ({ pick: (item) => item.value === value });
export const confirm = (yes = true): Answer => ({ confirm: yes });
export const file = (path: string): Answer => ({ file: path });
/** Types `text` into a search pick and picks the result whose "label — description — detail" matches. */
export const searchFor = (text: string, result: RegExp): Answer => ({ search: text, pickResult: (item) => result.test(`${item.label} — ${item.description ?? ''} — ${item.detail ?? ''}`) });
export const cancel: Answer = { cancel: true };
export const back = (api: { goBack(): Error }): Answer => ({ back: () => api.goBack() });
