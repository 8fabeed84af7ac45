// Text a person reads, written in the code as a literal instead of going through `l10n.t`: the places a message,
// title, placeholder or prompt reaches the user (VS Code's notifications, quick picks, input boxes and progress, and
// this extension's wrappers around them in src/ui: `Prompts`, `pickUser`, `confirmChange`, `withProgress`, a detail
// view's `notice`), and what an input's validator returns. Read with the TypeScript parser, one file at a time; a
// literal is a string or template literal with a letter in its text, also behind `?:`, `+`, `??` / `||`, `[…].join()`
// and a `const` of the same scope. Output-channel log lines (`context.log.info(…)`) are not user-facing: only the
// receivers below count as prompts.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { typeScriptFiles } from './codeMessages';

/** VS Code's notifications: the message, the modal's `detail` and the buttons. */
const NOTIFICATIONS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);
/** VS Code's quick input and dialog calls, whose options object carries a title, placeholder or prompt. */
const QUICK_INPUTS = new Set(['showQuickPick', 'showInputBox', 'showOpenDialog', 'showSaveDialog', 'withProgress']);
/** `Prompts` (src/ui/prompts.ts) methods whose every argument that is text is read: message, detail, actions. */
const PROMPT_MESSAGES = new Set(['info', 'warn', 'error', 'details', 'confirm']);
/** `Prompts` methods that take an options object with a title, placeholder or prompt (and, for `input`, `validate`). */
const PROMPT_INPUTS = new Set(['input', 'pick', 'pickMany', 'searchPick', 'openFile', 'saveFile']);
/** The text properties of an options object. */
const OPTION_TEXT = new Set(['title', 'placeHolder', 'placeholder', 'prompt']);
/** The validators of an input (and of pickUser's id): what they return is a message under the box. */
const VALIDATORS = new Set(['validate', 'validateInput', 'checkId']);
/** `confirmChange`'s confirmation (src/ui/confirmChange.ts). */
const CONFIRMATION_TEXT = new Set(['message', 'detail', 'action']);

/**
 * Every literal that reaches the user, as `file:line: what: text`, for the files `include` accepts (their path
 * relative to the folder above `srcDir`, with `/`: `src/commands/podCommands.ts`).
 */
export function literalMessages(srcDir: string, include: (file: string) => boolean = () => true): string[] {
  const problems: string[] = [];
  for (const file of typeScriptFiles(srcDir)) {
    const relative = path.relative(path.dirname(srcDir), file).split(path.sep).join('/');
    if (!include(relative)) continue;
    problems.push(...literalMessagesIn(relative, fs.readFileSync(file, 'utf8')).map(({ line, what, text }) => `${relative}:${line}: ${what}: ${text}`));
  }
  return problems;
}

/** The literals that reach the user in one file's text: the line, where it goes (`prompts.info`, `showQuickPick title`…), the code. */
export function literalMessagesIn(fileName: string, text: string): Array<{ line: number; what: string; text: string }> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  return literalsIn(source).map(({ node, what }) => ({
    line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    what,
    text: node.getText().replace(/\s+/g, ' ').slice(0, 100),
  }));
}

interface Found { node: ts.Node; what: string }

function literalsIn(source: ts.SourceFile): Found[] {
  const found: Found[] = [];
  const report = (expression: ts.Expression | undefined, what: string) => {
    const literal = expression && literalOf(expression);
    if (literal) found.push({ node: literal, what });
  };
  const reportOptions = (argument: ts.Expression, names: Set<string>, what: string) => {
    const object = unwrap(argument);
    if (!ts.isObjectLiteralExpression(object)) return;
    for (const property of object.properties) {
      const name = property.name && propertyName(property.name);
      if (!name) continue;
      if (names.has(name)) report(valueOf(property), `${what} ${name}`);
      const validator = VALIDATORS.has(name) && valueOf(property);
      if (validator) reportReturned(ts.isIdentifier(validator) ? constInitializer(validator) ?? validator : validator, `${what} ${name}`);
    }
  };
  const reportReturned = (fn: ts.Expression, what: string) => {
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return;
    if (!ts.isBlock(fn.body)) return report(fn.body, what);
    const visitReturns = (node: ts.Node): void => {
      if (ts.isReturnStatement(node)) report(node.expression, what);
      if (!ts.isFunctionLike(node)) ts.forEachChild(node, visitReturns);
    };
    ts.forEachChild(fn.body, visitReturns);
  };
  // Quick picks and input boxes made with createQuickPick / createInputBox: their text is set afterwards.
  const quickInputs = new Set<string>();

  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isCreateQuickInput(node.initializer)) quickInputs.add(node.name.text);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)
      && ts.isIdentifier(node.left.expression) && quickInputs.has(node.left.expression.text) && OPTION_TEXT.has(node.left.name.text)) {
      report(node.right, `${node.left.expression.text}.${node.left.name.text}`);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const args = node.arguments;
      if (name && NOTIFICATIONS.has(name)) {
        report(args[0], name);
        args.slice(1).forEach((arg) => (ts.isObjectLiteralExpression(unwrap(arg)) ? reportOptions(arg, new Set(['detail']), name) : report(arg, `${name} button`)));
      } else if (name === 'withProgress' && ts.isIdentifier(callee) && args[0] && !ts.isObjectLiteralExpression(unwrap(args[0]))) {
        report(args[0], 'withProgress title'); // commandContext's withProgress(title, task)
      } else if (name && QUICK_INPUTS.has(name)) {
        args.forEach((arg) => reportOptions(arg, OPTION_TEXT, name));
      } else if (name === 'pickUser') { // src/ui/userPicker.ts: pickUser(ui, client, { title, checkId })
        args.forEach((arg) => reportOptions(arg, OPTION_TEXT, name));
      } else if (name === 'confirmChange') {
        args.forEach((arg) => reportOptions(arg, CONFIRMATION_TEXT, name));
      } else if (name === 'requireNode') { // commandContext's requireNode(node, type, what): "Select {what} in the Pods tree…"
        report(args[2], 'requireNode');
      } else if (name === 'assign' && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object'
        && args[0] && ts.isIdentifier(args[0]) && quickInputs.has(args[0].text)) {
        args.slice(1).forEach((arg) => reportOptions(arg, OPTION_TEXT, `${args[0].getText()} (Object.assign)`));
      } else if (name && ts.isPropertyAccessExpression(callee) && isPrompts(callee.expression)) {
        if (PROMPT_MESSAGES.has(name)) args.forEach((arg) => report(arg, `prompts.${name}`));
        else if (PROMPT_INPUTS.has(name)) args.forEach((arg) => reportOptions(arg, OPTION_TEXT, `prompts.${name}`));
        else if (name === 'notice') report(args[1], 'ui.notice'); // a detail view's ViewUi.notice(level, message)
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `prompts(context)`, `ui`, `….promptHost.current`, `this.prompts.current`: the user's prompts, never a logger. */
function isPrompts(receiver: ts.Expression): boolean {
  const r = unwrap(receiver);
  if (ts.isCallExpression(r)) return ts.isIdentifier(r.expression) && r.expression.text === 'prompts';
  if (ts.isIdentifier(r)) return r.text === 'ui';
  if (ts.isPropertyAccessExpression(r) && r.name.text === 'current') {
    const host = r.expression;
    const hostName = ts.isPropertyAccessExpression(host) ? host.name.text : ts.isIdentifier(host) ? host.text : '';
    return hostName === 'promptHost' || hostName === 'prompts';
  }
  return false;
}

function isCreateQuickInput(expression: ts.Expression): boolean {
  const e = unwrap(expression);
  return ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ['createQuickPick', 'createInputBox'].includes(e.expression.name.text);
}

/** The literal (with a letter in it) that `expression` is or may be, or undefined: l10n.t and other calls are not. */
function literalOf(expression: ts.Expression, depth = 0): ts.Node | undefined {
  if (depth > 8) return undefined;
  const e = unwrap(expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return hasLetter(e.text) ? e : undefined;
  if (ts.isTemplateExpression(e)) return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].some(hasLetter) ? e : undefined;
  if (ts.isSpreadElement(e)) return literalOf(e.expression, depth + 1);
  if (ts.isConditionalExpression(e)) return literalOf(e.whenTrue, depth + 1) ?? literalOf(e.whenFalse, depth + 1);
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) {
    return literalOf(e.left, depth + 1) ?? literalOf(e.right, depth + 1);
  }
  if (ts.isArrayLiteralExpression(e)) {
    for (const element of e.elements) {
      const literal = literalOf(ts.isSpreadElement(element) ? element.expression : element, depth + 1);
      if (literal) return literal;
    }
    return undefined;
  }
  // `[…].filter(Boolean).join(' ')`: the pieces joined.
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ['join', 'filter'].includes(e.expression.name.text)) return literalOf(e.expression.expression, depth + 1);
  if (ts.isIdentifier(e)) {
    const initializer = constInitializer(e);
    return initializer && literalOf(initializer, depth + 1) ? e : undefined;
  }
  return undefined;
}

/**
 * The initializer of the `const` an identifier names, looked up through the enclosing blocks of its file (a
 * parameter or any other declaration of the name on the way ends the search: it is not a literal we can see).
 */
function constInitializer(id: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((p) => declares(p.name, id.text))) return undefined;
    const statements = ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope) ? scope.statements : undefined;
    for (const statement of statements ?? []) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!declares(declaration.name, id.text)) continue;
        const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
        return isConst && ts.isIdentifier(declaration.name) ? declaration.initializer : undefined;
      }
    }
  }
  return undefined;
}

function declares(name: ts.BindingName, text: string): boolean {
  if (ts.isIdentifier(name)) return name.text === text;
  return name.elements.some((element) => !ts.isOmittedExpression(element) && declares(element.name, text));
}

function valueOf(property: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  if (ts.isPropertyAssignment(property)) return property.initializer;
  if (ts.isShorthandPropertyAssignment(property)) return property.name;
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function unwrap(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}
