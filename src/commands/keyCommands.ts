// App RSA key commands (Rotate RSA Key…, Extend / Revoke Previous Key, Revoke Current Key) and Show Expiry Report.
// The flows, shared with service accounts, are keyRotationFlow.ts, loaded as the part `keyRotation` on first use.
// After every change the app's known keys, the expiry radar and the tree's app list are brought up to date.
import * as vscode from 'vscode';
import { ApplicationDetail } from '../api';
import { knownAppKeys } from '../credentials/appKeyCache';
import { ExpiryRadar } from '../credentials/expiryRadar';
import { showExpiryReportCommand } from '../credentials/expiryStatusBar';
import { appKeyHolder } from '../credentials/keyRotation';
import { DetailPanels } from '../editors/detailPanels';
import { ApplicationNode } from '../tree/appNodes';
import { loadPart } from '../parts/loadPart';
import { CommandContext, registerCommand } from './commandContext';
import type { KeyTarget } from './keyRotationFlow';

type Flows = typeof import('./keyRotationFlow');
const flows = () => loadPart<Flows>('keyRotation');

/** An app a key command acts on: its tree node, or the pod and app id (from a detail view or the expiry report). */
export interface AppTarget {
  podId: string;
  appId: string;
}

export const expiryReportPanel = { podId: '', kind: 'expiryReport', id: 'Expiry report' } as const;

/** After any change of an app's keys (a key command, an agent tool): its known keys, the expiry radar and the tree's app list. */
export function keysChanged(context: CommandContext, radar: ExpiryRadar, target: AppTarget, detail: ApplicationDetail): void {
  knownAppKeys.remember(target.podId, target.appId, detail);
  radar.recompute();
  const list = context.tree.podNode(target.podId)?.applications;
  if (list) context.tree.refresh(list);
}

export function registerKeyCommands(context: CommandContext, radar: ExpiryRadar, panels: DetailPanels): vscode.Disposable[] {
  const keyCommand = (id: string, flow: (f: Flows, target: KeyTarget<ApplicationDetail>) => Promise<ApplicationDetail>) =>
    registerCommand(context, id, async (node?: unknown) => {
      const target = appTarget(node);
      keysChanged(context, radar, target, await flow(flows(), appKeyTarget(context, target)));
    });
  return [
    keyCommand('symphonyPodAdmin.apps.rotateKey', (f, t) => f.rotateKey(context, t)),
    keyCommand('symphonyPodAdmin.apps.extendPreviousKey', (f, t) => f.extendPreviousKey(context, t)),
    keyCommand('symphonyPodAdmin.apps.revokePreviousKey', (f, t) => f.revokePreviousKey(context, t)),
    keyCommand('symphonyPodAdmin.apps.revokeCurrentKey', (f, t) => f.revokeCurrentKey(context, t)),
    registerCommand(context, showExpiryReportCommand, async () => panels.open({ ...expiryReportPanel })),
  ];
}

function appKeyTarget(context: CommandContext, target: AppTarget): KeyTarget<ApplicationDetail> {
  const apps = context.sessions.client(target.podId).apps;
  return {
    podId: target.podId, id: target.appId, kind: appKeyHolder,
    nameOf: (detail) => detail.applicationInfo?.name ?? target.appId,
    read: () => apps.getApplication(target.appId),
    send: (change) => apps.updateApplication(target.appId, appKeyHolder.body(change)),
  };
}

export function appTarget(node: unknown): AppTarget {
  if (node instanceof ApplicationNode && node.podId) return { podId: node.podId, appId: node.appId };
  const candidate = node as Partial<AppTarget> | undefined;
  if (typeof candidate?.podId === 'string' && typeof candidate.appId === 'string') return { podId: candidate.podId, appId: candidate.appId };
  throw new Error(vscode.l10n.t('Select an application in the Pods tree (or open its details), then run this command from there.'));
}
