// Text a person reads goes through l10n.t (issue 17: "every user-facing string in code through vscode.l10n.t"): no
// string or template literal as a notification's message or button, a quick pick's, input box's or progress's title,
// placeholder or prompt, an input's validation message, or a confirmation, neither through VS Code's API nor through
// the extension's wrappers in src/ui (Prompts, pickUser, confirmChange, withProgress). Output-channel log lines are English on
// purpose and never count. The rule: scripts/l10n/literalMessages.ts.
import * as assert from 'assert';
import { existsSync } from 'fs';
import * as path from 'path';
import { literalMessages, literalMessagesIn } from '../../../scripts/l10n/literalMessages';

const root = path.join(__dirname, '..', '..', '..', '..');

/** Every source file: text a person reads is translated everywhere (an exception is a bug or a log line, never a folder). */
const CHECKED = ['src/'];

const FIX = 'Write the text as l10n.t(\'Deleted {0}.\', name) (vscode.l10n.t, or l10n from src/text/l10n.ts where vscode is not imported); see src/ui/README.md, "Text the user reads".';

describe('l10n: no literal text where the user reads it', () => {
  it('every checked folder and file exists (a rename must not drop it from the check)', () => {
    assert.deepEqual(CHECKED.filter((p) => !existsSync(path.join(root, p))), []);
  });

  it('the checked code passes every message, title, placeholder and prompt through l10n.t', () => {
    const problems = literalMessages(path.join(root, 'src'), (file) => CHECKED.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)));
    assert.deepEqual(problems, [], `Literal text the user reads (file:line: where: code). ${FIX}`);
  });

  describe('the rule', () => {
    const found = (code: string) => literalMessagesIn('example.ts', code).map((f) => `${f.line}: ${f.what}`);

    it('finds literals in notifications, their details and buttons', () => {
      assert.deepEqual(found([
        "vscode.window.showInformationMessage('Saved.');",
        "window.showErrorMessage(`Could not save ${name}.`, 'Retry');",
        "vscode.window.showWarningMessage(message, { modal: true, detail: 'It cannot be undone.' }, 'Delete');",
      ].join('\n')), ['1: showInformationMessage', '2: showErrorMessage', '2: showErrorMessage button', '3: showWarningMessage detail', '3: showWarningMessage button']);
    });

    it('finds literals given to the prompts wrappers, confirmChange and withProgress', () => {
      assert.deepEqual(found([
        "void prompts(context).info(`Removed ${who}.`);",
        "await ui.pick(items, { title: 'Which pod?', placeHolder: 'Pick one' });",
        "await context.promptHost.current.input({ prompt: 'Name', validate: (v) => (v ? undefined : 'Required.') });",
        "await this.prompts.current.confirm(l10n.t('Delete {0}?', name), detail, 'Delete');",
        "await confirmChange(context, podId, { message: l10n.t('Remove?'), detail: `User id ${id}`, action: l10n.t('Remove') });",
        "await withProgress(`Deleting ${name}…`, task);",
        "await vscode.window.withProgress({ location, title: 'Loading…' }, task);",
        "ui.notice('error', 'Fix the name first.');",
        "const checkId = (id) => (ok(id) ? undefined : 'Too large.');",
        "await pickUser(ui, client, { title: 'Add Member', local: true, checkId });",
        "const group = requireNode(node, GroupNode, 'a group');",
      ].join('\n')), [
        '1: prompts.info', '2: prompts.pick title', '2: prompts.pick placeHolder', '3: prompts.input prompt', '3: prompts.input validate',
        '4: prompts.confirm', '5: confirmChange detail', '6: withProgress title', '7: withProgress title', '8: ui.notice',
        '10: pickUser title', '9: pickUser checkId', '11: requireNode',
      ]);
    });

    it('follows ?:, +, ??, [...].join() and a const of the same scope to the literal', () => {
      assert.deepEqual(found([
        "const title = 'Create Group';",
        'function f(ui, name, other) {',
        '  ui.input({ title, prompt: name });',
        "  ui.info(ok ? l10n.t('Done.') : 'Failed.');",
        "  ui.info([l10n.t('Done.'), 'And more.'].filter(Boolean).join(' '));",
        "  ui.info(other ?? 'nothing');",
        '}',
        "function g(ui, title) { ui.input({ title, prompt: l10n.t('Name') }); }",
      ].join('\n')), ['3: prompts.input title', '4: prompts.info', '5: prompts.info', '6: prompts.info']);
    });

    it('finds the text set on a quick pick or input box made with createQuickPick / createInputBox', () => {
      assert.deepEqual(found([
        'const box = vscode.window.createInputBox();',
        "box.title = 'Rename';",
        "Object.assign(box, { prompt: 'New name', value: '' });",
        "box.value = 'not user-facing text';",
      ].join('\n')), ['2: box.title', '3: box (Object.assign) prompt']);
    });

    it('leaves log lines, l10n.t, text without letters and other calls alone', () => {
      assert.deepEqual(found([
        "context.log.info(`Signed in to ${label} as ${user}`);",
        "this.log.warn('Could not show the new item.');",
        "log.error('Failed');",
        "console.error('Failed');",
        "void prompts(context).info(vscode.l10n.t('Deleted {0}.', name));",
        "void ui.info(`${file}: ${problem}`, ...actions);",
        "await ui.pick(items, { title: describeTitle(node), placeHolder: '' });",
        "somethingElse.info('Not a prompt.');",
        "const item = { title: 'A command title in an object passed elsewhere' };",
      ].join('\n')), []);
    });
  });
});
