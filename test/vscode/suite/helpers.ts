// Shared by the extension-host tests: the extension's API, a pod emulator per test file, scripted prompts,
// and small tree readers that work on what a user sees (labels, descriptions, context values).
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { PodEnvironment } from '../../../src/pods/podProfile';
import type { TreeNode } from '../../../src/tree/treeNode';
import { EmulatorOptions, PodEmulator, startPodEmulator } from '../../../src/podEmulator';
import { Answer, input, pickValue, ScriptedPrompts, file, pickLabel } from './scriptedPrompts';

export const extensionId = 'symphony-pod-admin.symphony-pod-admin';

export async function extensionApi(): Promise<SymphonyPodAdminApi> {
  const extension = vscode.extensions.getExtension<SymphonyPodAdminApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not installed in this VS Code`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

export function startEmulator(options: EmulatorOptions = {}): Promise<PodEmulator> {
  return startPodEmulator({ port: 0, ...options });
}

/** Runs `action` with scripted prompts (the given answers, or a prepared ScriptedPrompts), then puts the real ones back. */
export async function answering<T, P extends ScriptedPrompts = ScriptedPrompts>(
  api: SymphonyPodAdminApi,
  answers: Answer[] | P,
  action: () => Thenable<T> | Promise<T>,
): Promise<{ result: T; prompts: P }> {
  const prompts = (Array.isArray(answers) ? new ScriptedPrompts(answers, api.cancelled) : answers) as P;
  const previous = api.promptHost.current;
  api.promptHost.current = prompts;
  try {
    const result = await action();
    return { result, prompts };
  } finally {
    api.promptHost.current = previous;
  }
}

/** Adds a pod through "Add Pod…" exactly as a user would answer it, and returns its id. */
export async function addRsaPod(api: SymphonyPodAdminApi, emulator: PodEmulator, label: string, account: 'admin' | 'user' = 'admin', environment: PodEnvironment = 'development'): Promise<string> {
  const { prompts } = await answering(
    api,
    [input(label), input(emulator.url), pickValue('rsa'), input(emulator[account].username), file(emulator[account].privateKeyPath), pickValue('system'), pickValue(environment)],
    () => vscode.commands.executeCommand('symphonyPodAdmin.pods.add'),
  );
  if (prompts.errors.length) throw new Error(`Add Pod failed: ${prompts.errors.join('; ')}`);
  const profile = api.store.list().find((p) => p.label === label);
  if (!profile) throw new Error(`The pod ${label} was not added`);
  await backgroundReads(api);
  return profile.id;
}

/**
 * Waits for the reads the extension starts on its own: a sign-in starts an expiry check (every certificate page,
 * every app's keys) that nobody awaits. A test that counts requests must not start while it runs; on a busy machine
 * it easily outlasts the next test's first request. The check is single-flight, so this joins the running one; when
 * none runs, a check of data read in the last minutes sends nothing.
 */
export async function backgroundReads(api: SymphonyPodAdminApi): Promise<void> {
  await api.expiry.radar.check();
}

export async function removePod(api: SymphonyPodAdminApi, podId: string): Promise<void> {
  await answering(api, [{ confirm: true }], () => vscode.commands.executeCommand('symphonyPodAdmin.pods.remove', api.tree.podNode(podId)));
}

export async function children(api: SymphonyPodAdminApi, node?: TreeNode): Promise<TreeNode[]> {
  return api.tree.getChildren(node);
}

export function label(node: TreeNode): string {
  const text = node.toTreeItem().label;
  return typeof text === 'string' ? text : text?.label ?? '';
}

export function contextValue(node: TreeNode): string | undefined {
  return node.toTreeItem().contextValue;
}

export async function child(api: SymphonyPodAdminApi, node: TreeNode | undefined, name: string | RegExp): Promise<TreeNode> {
  const all = await children(api, node);
  const found = all.find((c) => (typeof name === 'string' ? label(c) === name : name.test(label(c))));
  if (!found) throw new Error(`No child "${name}" under ${node ? label(node) : 'the root'}: ${all.map(label).join(', ')}`);
  return found;
}

export async function podNode(api: SymphonyPodAdminApi, podId: string): Promise<TreeNode> {
  await children(api);
  const node = api.tree.podNode(podId);
  if (!node) throw new Error(`No tree node for pod ${podId}`);
  return node;
}

export { input, pickLabel, pickValue, file };
