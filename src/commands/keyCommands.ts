// App RSA key commands (Rotate RSA Key…, Extend / Revoke Previous Key, Revoke Current Key; the flows are shared with
// service accounts in keyRotationFlow.ts) and Show Expiry Report. After every change the app's known keys, the
// expiry radar and the tree's app list are brought up to date.
import * as vscode from 'vscode';
import { ApplicationDetail } from '../api';
import { knownAppKeys } from '../credentials/appKeyCache';
import { ExpiryRadar } from '../credentials/expiryRadar';
import { showExpiryReportCommand } from '../credentials/expiryStatusBar';
import { appKeyHolder } from '../credentials/keyRotation';
import { DetailPanels } from '../editors/detailPanels';
import { ApplicationNode } from '../tree/appNodes';
import { CommandContext, registerCommand } from './commandContext';
import { KeyTarget, extendPreviousKey, revokeCurrentKey, revokePreviousKey, rotateKey } from './keyRotationFlow';

/** An app a key command acts on: its tree node, or the pod and app id (from a detail view or the expiry report). */
export interface AppTarget {
  podId: string;
  appId: string;
}

export const expiryReportPanel = { podId: '', kind: 'expiryReport', id: 'Expiry report' } as const;

export function registerKeyCommands(context: CommandContext, radar: ExpiryRadar, panels: DetailPanels): vscode.Disposable[] {
  const keyCommand = (id: string, flow: (context: CommandContext, target: KeyTarget<ApplicationDetail>) => Promise<ApplicationDetail>) =>
    registerCommand(context, id, async (node?: unknown) => {
      const target = appTarget(node);
      const detail = await flow(context, appKeyTarget(context, target));
      knownAppKeys.remember(target.podId, target.appId, detail);
      radar.recompute();
      const list = context.tree.podNode(target.podId)?.applications;
      if (list) context.tree.refresh(list);
    });
  return [
    keyCommand('symphonyPodAdmin.apps.rotateKey', rotateKey),
    keyCommand('symphonyPodAdmin.apps.extendPreviousKey', extendPreviousKey),
    keyCommand('symphonyPodAdmin.apps.revokePreviousKey', revokePreviousKey),
    keyCommand('symphonyPodAdmin.apps.revokeCurrentKey', (c, t) => revokeCurrentKey(c, t)),
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
  throw new Error('Select an application in the Pods tree (or open its details), then run this command from there.');
}
