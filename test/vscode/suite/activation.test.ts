// The extension is installed in the extension host, activates, and registers every command its manifest contributes.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'symphony-pod-admin.symphony-pod-admin';

interface Manifest {
  activationEvents?: string[];
  contributes?: {
    commands?: { command: string }[];
    views?: Record<string, { id: string }[]>;
  };
}

describe('Activation', () => {
  let extension: vscode.Extension<unknown>;

  before(() => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in this extension host`);
    extension = found;
  });

  it('activates by itself once VS Code has started, without the view being opened, and never on "*"', async () => {
    const events = (extension.packageJSON as Manifest).activationEvents ?? [];
    assert.ok(events.includes('onStartupFinished'), events.join(', '));
    assert.ok(!events.includes('*'), 'activating on "*" would slow start-up');
    // Nothing here activates it: VS Code does, after start-up (the mocha timeout bounds the wait).
    while (!extension.isActive) await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('activates', async () => {
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('registers every command contributed in package.json', async () => {
    await extension.activate();
    const manifest = extension.packageJSON as Manifest;
    const contributed = (manifest.contributes?.commands ?? []).map((command) => command.command);
    if (manifest.contributes?.commands !== undefined) {
      assert.ok(contributed.length > 0, 'contributes.commands exists but lists no command');
    }
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('shows its output channel ("Show Log") when the manifest contributes that command', async function () {
    await extension.activate();
    const manifest = extension.packageJSON as Manifest;
    const showLog = (manifest.contributes?.commands ?? []).find((command) => command.command === 'symphonyPodAdmin.showLog');
    if (!showLog) {
      // The API has no way to list output channels; without the command there is nothing observable to check.
      this.skip();
    }
    await vscode.commands.executeCommand('symphonyPodAdmin.showLog');
  });
});
