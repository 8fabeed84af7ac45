// Composition root: builds the shared services and registers every contribution. It only wires.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Symphony Pod Admin', { log: true });
  context.subscriptions.push(log);
  log.info('Symphony Pod Admin activated');
}

export function deactivate(): void {}
