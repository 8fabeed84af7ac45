// What every detail view's front-end shares: the VS Code webview API, the checked message channel (a message from
// the host that does not match the protocol is logged to the console and ignored), the busy / notice line, the
// unsaved-edits draft, and small DOM builders over @vscode-elements (registered by ./shared, which carries this
// module for every view). Text always goes in through textContent or properties, never as HTML.
import { DetailModel, Draft, HostToView, PanelState, SavedPanelState, ViewToHost, parseHostMessage } from '../editors/webviewMessages';

// The protocol's constants a view needs, from here: a view that imported them from webviewMessages would bundle the
// whole message schema again (its top-level calls count as side effects).
export { groupListNames, profileListFields, profileTextFields } from '../editors/webviewMessages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

/** The translations the host sent with the model (none in English). */
let strings: Record<string, string> = {};

/**
 * The view's text in the user's language, called like `vscode.l10n.t` (so the bundle extractor finds the message):
 * the host's translation of the English message, else the English, with `{0}` / `{name}` replaced.
 */
export const l10n = {
  t(message: string, ...args: Array<string | number> | [Record<string, string | number>]): string {
    const values = (typeof args[0] === 'object' ? args[0] : args) as Record<string, string | number>;
    return (strings[message] ?? message).replace(/\{([^}]+)\}/g, (match, name: string) => (values[name] === undefined ? match : String(values[name])));
  },
};

export function send(message: ViewToHost): void {
  vscode.postMessage(message);
}

type Child = Node | string | undefined | false;
type Props = Record<string, string | boolean | number | undefined>;

/** An element with attributes (false / undefined leave one out) and children (strings become text nodes). */
export function h(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

export function on<T extends HTMLElement>(element: T, event: string, handler: (event: Event) => void): T {
  element.addEventListener(event, handler);
  return element;
}

/** A value-carrying element (vscode-textfield, vscode-textarea, vscode-single-select, vscode-checkbox). */
export interface ValueElement extends HTMLElement {
  value: string;
  checked: boolean;
  invalid: boolean;
}

export function valueOf(root: ParentNode, selector: string): string {
  return (root.querySelector(selector) as ValueElement | null)?.value ?? '';
}

/**
 * A button. `action` names it so that the answer to what it started is shown next to it, even when the view has been
 * drawn again meanwhile (the label by default; buttons of one kind in a list share one).
 */
export function button(label: string, icon: string, handler: () => void, options: { secondary?: boolean; disabled?: boolean; title?: string; action?: string; name?: string } = {}): HTMLElement {
  const action = options.action ?? label;
  // `name`: what a screen reader says when the visible label alone is not enough (an icon-only button, "Open" in a row).
  return on(h('vscode-button', { icon, secondary: options.secondary, disabled: options.disabled, title: options.title, 'aria-label': options.name, 'data-action': action }, label), 'click', () => {
    if (options.disabled ?? false) return;
    lastAction = action;
    handler();
  });
}

/** A labelled text field; `field` names it for the host's error messages. Editable fields are part of the draft. */
export function textField(label: string, id: string, value: string, options: { field?: string; readonly?: boolean; placeholder?: string; multiline?: boolean } = {}): HTMLElement {
  const input = h(options.multiline ? 'vscode-textarea' : 'vscode-textfield', { id, 'data-field': options.field ?? id, 'data-draft': !options.readonly, readonly: options.readonly, placeholder: options.placeholder, rows: options.multiline ? 4 : undefined }) as ValueElement;
  input.value = value;
  return h('div', { class: 'field' }, h('vscode-label', { for: id }, label), input);
}

/**
 * A text field with no visible label of its own (in a table row, next to its button), named for screen readers:
 * vscode-textfield gives its inner input the `label` property (an aria-label on the host would not reach it).
 */
export function namedInput(name: string, props: Props = {}): ValueElement {
  const input = h('vscode-textfield', props) as ValueElement & { label: string };
  input.label = name;
  return input;
}

export function select(label: string, id: string, options: readonly string[], value: string, disabled = false): HTMLElement {
  const list = h('vscode-single-select', { id, 'data-field': id, 'data-draft': !disabled, disabled }, ...options.map((o) => h('vscode-option', { value: o, selected: o === value }, o)));
  return h('div', { class: 'field' }, h('vscode-label', { for: id }, label), list);
}

/** A two-column table of name / value pairs. */
export function pairTable(caption: string, rows: Array<[string, string | Node]>): HTMLElement {
  return h('table', { class: 'pairs' }, h('caption', {}, caption), h('tbody', {}, ...rows.map(([name, value]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, value)))));
}

export function dataTable(caption: string, headers: string[], rows: Array<Array<string | Node>>, empty: string): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h('table', { class: 'grid' }, h('caption', {}, caption), h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((cell) => h('td', {}, cell))))));
}

let sections = 0;

export function section(title: string, ...children: Child[]): HTMLElement {
  // A translated title may have no latin letters at all: the count keeps ids unique then.
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-$/, '') || ++sections}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export function date(ms: number | string | undefined): string {
  if (ms === undefined || ms === '') return '';
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

export function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

export interface ViewHandlers<M extends DetailModel> {
  /** Draws the model into the app element. */
  render(model: M, app: HTMLElement): void;
  /** Parts of the form that are not single fields (lists the user adds to), as draft fields. */
  extraFields?(app: HTMLElement): Draft['fields'];
  /** The version the form was drawn from (a group's eTag). */
  draftBase?(): string;
  /** Puts a draft's version and extra fields back; the single fields are filled in afterwards. */
  restore?(draft: Draft, app: HTMLElement): void;
  /** Any message other than load / busy / notice. */
  other?(message: HostToView): void;
  /** The host finished handling the view's last request. */
  idle?(): void;
}

let statusLine: HTMLElement | undefined;
/** The action of the button the user pressed last: its answer (saved, conflict, error) is shown next to it. */
let lastAction: string | undefined;

/**
 * Shows a notice where the user is looking: under the field it is about (marked invalid and focused), else next to the
 * button whose action it answers, else at the top; always scrolled into view.
 */
export function notice(level: 'info' | 'error', message: string, field?: string): void {
  if (!statusLine) return;
  document.querySelectorAll('[invalid]').forEach((e) => ((e as ValueElement).invalid = false));
  document.querySelectorAll('[data-field]').forEach((e) => markInvalid(e as ValueElement, false));
  const target = field ? (document.querySelector(`[data-field="${CSS.escape(field)}"]`) as ValueElement | null) : null;
  const action = lastAction ? CSS.escape(lastAction) : undefined;
  const trigger = action ? document.querySelector(`[data-action="${action}"]`) : null;
  const place = target?.closest('.field, .inline-form, .avatar-row') ?? (action ? document.querySelector(`[data-answers="${action}"]`) : null)
    ?? trigger?.closest('.actions, .inline-form, .toolbar') ?? trigger?.parentElement;
  if (place) place.append(statusLine);
  else document.body.prepend(statusLine);
  statusLine.className = `status ${level}`;
  statusLine.setAttribute('role', level === 'error' ? 'alert' : 'status');
  statusLine.replaceChildren(h('vscode-icon', { name: level === 'error' ? 'error' : 'info' }), h('span', {}, message));
  statusLine.scrollIntoView({ block: 'nearest' });
  if (target) {
    target.invalid = true;
    markInvalid(target, true);
    target.focus();
  }
}

/**
 * `invalid` only colours a component's border: the control inside its shadow root, which is what gets focus, is also
 * marked aria-invalid and described by the notice (an element reference, because an id cannot reach into a shadow
 * root), so a screen reader says what to fix when the field is focused.
 */
function markInvalid(field: ValueElement, invalid: boolean): void {
  const control = field.shadowRoot?.querySelector<HTMLElement>('input, textarea, [role="combobox"]') ?? field;
  if (invalid) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if ('ariaDescribedByElements' in control) (control as { ariaDescribedByElements: Element[] | null }).ariaDescribedByElements = invalid && statusLine ? [statusLine] : null;
}

// ---- Unsaved edits ------------------------------------------------------------------------------------------------

let panelState: PanelState | undefined;
/** The form's fields as drawn from the model, by id: a draft is what differs from them. */
let drawn = new Map<string, string>();
let reported = '';
/** The next model replaces the form (a save or discard the user asked for); any other load keeps their edits. */
let replaceForm = false;
let draftHandlers: ViewHandlers<DetailModel> | undefined;

function formFields(app: HTMLElement): Map<string, string> {
  const fields = new Map<string, string>();
  for (const element of app.querySelectorAll<ValueElement>('[data-draft]')) {
    fields.set(element.id, element.tagName === 'VSCODE-CHECKBOX' ? String(element.checked) : element.value);
  }
  for (const extra of draftHandlers?.extraFields?.(app) ?? []) fields.set(extra.id, extra.value);
  return fields;
}

/** The user's unsaved edits: the fields that differ from the form as drawn; undefined when there are none. */
function currentDraft(app: HTMLElement): Draft | undefined {
  const fields = [...formFields(app)].filter(([id, value]) => drawn.get(id) !== value).map(([id, value]) => ({ id, value }));
  return fields.length ? { base: draftHandlers?.draftBase?.() ?? '', fields } : undefined;
}

/** Tells the host (title marker, kept on close) and the webview state (window reload) what is unsaved now. */
export function draftChanged(): void {
  const app = document.getElementById('app');
  if (!app || !panelState) return;
  const draft = currentDraft(app);
  const json = JSON.stringify(draft ?? null);
  if (json === reported) return;
  reported = json;
  vscode.setState({ ...panelState, ...(draft ? { draft } : {}) } satisfies SavedPanelState);
  send(draft ? { type: 'draft', draft } : { type: 'draft' });
}

/** The user asked for what comes next to replace the form (Save, Discard): their edits are not put back. */
export function replaceFormOnNextLoad(): void {
  replaceForm = true;
}

function drawModel<M extends DetailModel>(handlers: ViewHandlers<M>, model: M, app: HTMLElement, given: Draft | undefined): void {
  const draft = given ?? (replaceForm ? undefined : currentDraft(app));
  handlers.render(model, app);
  drawn = formFields(app);
  if (draft) {
    handlers.restore?.(draft, app);
    for (const { id, value } of draft.fields) {
      const element = document.getElementById(id) as ValueElement | null;
      if (!element?.hasAttribute('data-draft')) continue;
      if (element.tagName === 'VSCODE-CHECKBOX') element.checked = value === 'true';
      else element.value = value;
    }
  }
  draftChanged();
}

export function startView<M extends DetailModel>(kind: M['kind'], handlers: ViewHandlers<M>): void {
  const app = document.getElementById('app')!;
  draftHandlers = handlers as unknown as ViewHandlers<DetailModel>;
  // Capture: the form elements' own change / input events do not all bubble out of their shadow roots.
  for (const event of ['input', 'change']) app.addEventListener(event, () => draftChanged(), true);
  statusLine = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const busy = h('div', { class: 'busy', role: 'status', hidden: true }, h('vscode-progress-ring', {}), h('span', {}));
  document.body.prepend(busy, statusLine);
  window.addEventListener('message', (event: MessageEvent) => {
    const parsed = parseHostMessage(event.data);
    if (!parsed.ok) {
      console.warn(`Ignored a message from the extension: ${parsed.problem}`);
      return;
    }
    const message = parsed.value;
    switch (message.type) {
      case 'load':
        if (message.model.kind !== kind) return console.warn(`Ignored a ${message.model.kind} model in a ${kind} view`);
        panelState = message.state;
        if (message.strings) strings = message.strings;
        app.setAttribute('aria-busy', 'false');
        return drawModel(handlers, message.model as M, app, message.draft);
      case 'busy':
        busy.hidden = !message.busy;
        busy.querySelector('span')!.textContent = message.message ?? '';
        if (message.busy) return undefined;
        replaceForm = false;
        return handlers.idle?.();
      case 'notice':
        return notice(message.level, message.message, message.field);
      default:
        return handlers.other?.(message);
    }
  });
  send({ type: 'ready' });
}
