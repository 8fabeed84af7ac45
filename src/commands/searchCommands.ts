// Search All Pods: one quick pick that finds a certificate, application, group or person by name, id or fingerprint
// in every signed-in pod and opens it: a certificate, application or group in its detail view (the tree's own Open
// Details commands), a person in Show Connection Info. The searching is a lazily loaded part (searchCommandsPart.ts).
import * as vscode from 'vscode';
import { loadPart } from '../parts/loadPart';
import { ApplicationNode } from '../tree/appNodes';
import { CertificateNode } from '../tree/certNodes';
import { GroupNode } from '../tree/groupNodes';
import { peopleOf } from '../tree/people';
import { PodNode } from '../tree/podNode';
import { CommandContext, registerCommand } from './commandContext';
import type { Found } from './searchCommandsPart';

export function registerSearchCommands(context: CommandContext): vscode.Disposable[] {
  // Lists without a server-side search, per pod, kept until the tree changes (a refresh, a sign-in, an edit).
  const lists = new Map<string, unknown>();
  return [
    context.tree.onDidChangeTreeData(() => lists.clear()),
    registerCommand(context, 'symphonyPodAdmin.search', async () => {
      const found = await loadPart<typeof import('./searchCommandsPart')>('search').pickSearchResult(context, lists);
      return open(context, found);
    }),
  ];
}

async function open(context: CommandContext, { podId, hit }: Found): Promise<unknown> {
  if (hit.kind === 'person') return vscode.commands.executeCommand('symphonyPodAdmin.connections.showInfo', { podId, userId: hit.id });
  if (!context.tree.podNode(podId)) await context.tree.getChildren();
  const pod = context.tree.podNode(podId) as PodNode;
  switch (hit.kind) {
    case 'certificate':
      return vscode.commands.executeCommand('symphonyPodAdmin.certs.open', new CertificateNode(pod.certificates, context.sessions, hit.item, pod.certificates.writable, false));
    case 'application':
      return vscode.commands.executeCommand('symphonyPodAdmin.apps.open', new ApplicationNode(pod.applications, hit.item, pod.applications.writable));
    case 'group':
      return vscode.commands.executeCommand('symphonyPodAdmin.groups.open', new GroupNode(pod.groups, hit.item, peopleOf(context.sessions, podId)));
  }
}
