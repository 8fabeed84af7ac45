// The application detail view: a form over the manifest (info, URLs, description, permissions as a checklist of
// the 13 known ones plus custom entries, properties, notification callback) with the keys summarised (type and
// fingerprint only) and a link to the JSON document. Saving goes through `saveApplication`, the one path every
// manifest edit takes (validate → compare with the pod → diff/confirm → update). The notification API key never
// reaches the view: it shows only whether one is set, and the pod's value is kept on save.
import { X509Certificate, createPublicKey } from 'node:crypto';
import * as vscode from 'vscode';
import { ApplicationDetail, formatFingerprint } from '../api';
import { CommandContext } from '../commands/commandContext';
import { knownAppKeys } from '../credentials/appKeyCache';
import { publicKeyFingerprint } from '../credentials/keyRotation';
import { PodNode } from '../tree/podNode';
import { saveApplication } from './applicationSave';
import { DetailView, ViewUi } from './detailPanels';
import { ApplicationEdit, ApplicationModel, PanelState, ViewToHost } from './webviewMessages';

export const knownPermissions = [
  'SEND_MESSAGES', 'GET_USER_CONNECTIONS', 'REQUEST_USER_CONNECTIONS', 'SET_PRESENCE', 'GET_PRESENCE', 'GET_BASIC_USER_INFO',
  'GET_EXTENDED_USER_INFO', 'GET_BASIC_CONTACT_INFO', 'GET_EXTENDED_CONTACT_INFO', 'ACT_AS_USER', 'MANAGE_SIGNALS',
  'MANAGE_USER_FOLLOWING', 'TRUST_APP',
];

const keyCommands = {
  rotate: 'symphonyPodAdmin.apps.rotateKey',
  extendPrevious: 'symphonyPodAdmin.apps.extendPreviousKey',
  revokePrevious: 'symphonyPodAdmin.apps.revokePreviousKey',
  revokeCurrent: 'symphonyPodAdmin.apps.revokeCurrentKey',
} as const;

export class ApplicationView implements DetailView {
  private base: ApplicationDetail | undefined;

  constructor(private readonly context: CommandContext, private readonly state: PanelState) {}

  async load(): Promise<{ title: string; model: ApplicationModel }> {
    this.base = await this.context.sessions.client(this.state.podId).apps.getApplication(this.state.id);
    knownAppKeys.remember(this.state.podId, this.state.id, this.base);
    const model = this.model(this.base);
    return { title: vscode.l10n.t('App: {0}', model.name || model.appId), model };
  }

  async handle(message: ViewToHost, ui: ViewUi): Promise<void> {
    switch (message.type) {
      case 'application.save': {
        const base = this.base ?? (await this.load(), this.base!);
        ui.post({ type: 'busy', busy: true, message: vscode.l10n.t('Saving…') });
        const saved = await saveApplication(this.context, { podId: this.state.podId, appId: this.state.id, edited: applyEdit(base, message.edit), base });
        this.base = saved;
        ui.post({ type: 'load', state: this.state, model: this.model(saved) });
        return ui.notice('info', vscode.l10n.t('Saved {0}.', saved.applicationInfo?.name ?? this.state.id));
      }
      case 'application.openJson':
        // The tree's node when it is loaded, else the same two properties the command reads from it.
        await vscode.commands.executeCommand('symphonyPodAdmin.apps.editManifest',
          this.context.tree.podNode(this.state.podId)?.applications.cachedChild(this.state.id) ?? { podId: this.state.podId, appId: this.state.id });
        return undefined;
      case 'application.keyAction':
        // The key commands ask, change the pod and refresh the tree's app list (which reloads this panel).
        await vscode.commands.executeCommand(keyCommands[message.action], { podId: this.state.podId, appId: this.state.id });
        return undefined;
      default:
        return undefined;
    }
  }

  treeList(pod: PodNode) {
    return pod.applications;
  }

  private model(app: ApplicationDetail): ApplicationModel {
    const info = app.applicationInfo ?? {};
    return {
      kind: 'application',
      podLabel: this.context.store.get(this.state.podId)?.label ?? this.state.podId,
      writable: this.context.sessions.can(this.state.podId, 'applications'),
      appId: info.appId ?? this.state.id,
      name: info.name ?? '',
      publisher: info.publisher ?? '',
      appUrl: info.appUrl ?? '',
      domain: info.domain ?? '',
      description: app.description ?? '',
      iconUrl: app.iconUrl ?? '',
      allowOrigins: app.allowOrigins ?? '',
      permissions: app.permissions ?? [],
      knownPermissions,
      // A pod may hold numeric values: the form shows (and sends back) text.
      properties: (app.properties ?? []).map((p) => ({ key: p.key ?? '', value: String(p.value ?? '') })),
      notificationUrl: app.notification?.url ?? '',
      notificationApiKeySet: Boolean(app.notification?.apiKey),
      keys: keySummaries(app),
    };
  }
}

/** The pod's version with the form's fields replaced; keys, certificate and the notification API key are kept. */
export function applyEdit(base: ApplicationDetail, edit: ApplicationEdit): ApplicationDetail {
  const edited: ApplicationDetail = { ...base, applicationInfo: { ...base.applicationInfo } };
  const info = edited.applicationInfo!;
  const set = <T>(value: T | undefined, apply: (v: T) => void) => value !== undefined && apply(value);
  set(edit.name, (v) => (info.name = v.trim()));
  set(edit.publisher, (v) => (info.publisher = v.trim()));
  set(edit.appUrl, (v) => (info.appUrl = v.trim()));
  set(edit.domain, (v) => (info.domain = v.trim()));
  set(edit.description, (v) => (edited.description = v));
  set(edit.iconUrl, (v) => (v.trim() ? (edited.iconUrl = v.trim()) : delete edited.iconUrl));
  set(edit.allowOrigins, (v) => (v.trim() ? (edited.allowOrigins = v.trim()) : delete edited.allowOrigins));
  set(edit.permissions, (v) => (edited.permissions = [...new Set(v.map((p) => p.trim()))]));
  set(edit.properties, (v) => (edited.properties = v));
  set(edit.notificationUrl, (v) => {
    if (v.trim()) edited.notification = { ...base.notification, url: v.trim() };
    else if (base.notification?.apiKey) edited.notification = { apiKey: base.notification.apiKey };
    else delete edited.notification;
  });
  return edited;
}

/** Type and SHA-256 fingerprint of each public key or certificate; never the key itself. */
function keySummaries(app: ApplicationDetail): ApplicationModel['keys'] {
  const summaries: ApplicationModel['keys'] = [];
  for (const slot of ['current', 'previous'] as const) {
    const key = app.authenticationKeys?.[slot];
    if (!key?.key) continue;
    summaries.push({ slot, ...describePublicKey(key.key), ...(key.expirationDate ? { expirationDate: key.expirationDate } : {}), ...(key.action ? { action: key.action } : {}) });
  }
  if (app.cert) {
    try {
      const cert = new X509Certificate(app.cert);
      summaries.push({ slot: 'certificate', type: vscode.l10n.t('X.509 certificate ({0})', cert.subject.replace(/\n/g, ', ')), fingerprint: formatFingerprint(cert.fingerprint256), expirationDate: Date.parse(cert.validTo) });
    } catch {
      summaries.push({ slot: 'certificate', type: vscode.l10n.t('certificate (unreadable PEM)'), fingerprint: '' });
    }
  }
  return summaries;
}

function describePublicKey(pem: string): { type: string; fingerprint: string } {
  try {
    const key = createPublicKey(pem);
    const bits = key.asymmetricKeyDetails?.modulusLength;
    const type = (key.asymmetricKeyType ?? 'unknown').toUpperCase();
    return { type: bits ? vscode.l10n.t('{0} {1}-bit public key', type, bits) : vscode.l10n.t('{0} public key', type), fingerprint: publicKeyFingerprint(pem) };
  } catch {
    return { type: vscode.l10n.t('public key (unreadable PEM)'), fingerprint: '' };
  }
}
