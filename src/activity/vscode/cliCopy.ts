// Copy as CLI command (in the activity part): the pod's public profile facts and the resource of a logged change or
// a tree item, turned into symphony-pod lines by ../cliCommand.ts. The reason of a production pod's unlock (or of
// the logged change) goes into --unlock; no secret is read.
import * as vscode from 'vscode';
import type { CommandContext } from '../../commands/commandContext';
import { environmentOf } from '../../pods/podProfile';
import type { ActivityEntry } from '../activityEntry';
import { cliCommand, CliPodFacts, CliResourceFacts } from '../cliCommand';

/** A tree item as the caller passes it: plain data (src/parts/README.md). */
export interface ItemTarget { podId: string; kind?: string; id?: string; name?: string }

/** Copies the lines to the clipboard and says so. */
export async function copyCli(context: CommandContext, target: ActivityEntry | ItemTarget): Promise<string> {
  const text = cliCommandFor(context, target);
  await vscode.env.clipboard.writeText(text);
  void context.promptHost.current.info(vscode.l10n.t('Copied as symphony-pod commands; the key\'s passphrase, if any, stays in your secret store.'));
  return text;
}

export function cliCommandFor(context: CommandContext, target: ActivityEntry | ItemTarget): string {
  const entry = 'request' in target ? target : undefined;
  const podId = entry ? entry.pod.id : (target as ItemTarget).podId;
  // A change logged by the CLI is filed under the pod's URL: the profile with that URL has the sign-in facts.
  const profile = context.store.get(podId) ?? context.store.list().find((p) => p.podUrl === entry?.pod.url);
  if (!profile && !entry) throw new Error(vscode.l10n.t('That pod is no longer configured.'));
  const pod: CliPodFacts = profile
    ? { label: profile.label, url: profile.podUrl, environment: environmentOf(profile), authMethod: profile.authMethod, username: profile.username, privateKeyPath: profile.privateKeyPath,
      clientCertPath: profile.clientCertPath, clientKeyPath: profile.clientKeyPath, sessionAuthUrl: profile.sessionAuthUrl, caBundlePath: profile.caBundlePath }
    : { label: entry!.pod.label, url: entry!.pod.url, environment: entry!.pod.environment };
  const item = target as ItemTarget;
  const resource: CliResourceFacts | undefined = entry ? entry.resource : item.kind && item.id ? { kind: item.kind, id: item.id, name: item.name } : undefined;
  return cliCommand(pod, resource, entry?.reason ?? context.sessions.lock.reason(podId));
}
