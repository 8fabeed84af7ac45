// The certificate detail view: the pod's `certInfo` sections as tables, the attributes form (name, type, status),
// copy fingerprint and delete (after a modal confirmation that names the certificate), expiry highlighted with the
// tree's own warning window.
import * as vscode from 'vscode';
import { CompanyCertDetail, formatFingerprint, validateRequiredName } from '../api';
import { CommandContext } from '../commands/commandContext';
import { expiryState, expiryWarningDays } from '../tree/expiryDecorations';
import { PodNode } from '../tree/podNode';
import { peopleOf, personLabel, personTooltip } from '../tree/people';
import { confirmChange } from '../ui/confirmChange';
import { DetailView, ViewUi } from './detailPanels';
import { CertificateModel, PanelState, ViewToHost } from './webviewMessages';

export class CertificateView implements DetailView {
  private name = '';

  constructor(private readonly context: CommandContext, private readonly state: PanelState) {}

  private get fingerPrint(): string {
    return this.state.id;
  }

  async load(): Promise<{ title: string; model: CertificateModel }> {
    const detail = await this.context.sessions.client(this.state.podId).certs.getCompanyCertificate(this.fingerPrint);
    const model = toCertificateModel(detail, this.fingerPrint, this.context.store.get(this.state.podId)?.label ?? this.state.podId, this.context.sessions.can(this.state.podId, 'certificates'));
    const updatedBy = detail.companyCertInfo?.updatedBy;
    if (updatedBy !== undefined) {
      // Asked again on every load, as the group panel does, so a click costs what Open Details costs whatever the
      // tree looked up before; a failed lookup leaves the id on show.
      const person = (await peopleOf(this.context.sessions, this.state.podId).resolve([updatedBy], { fresh: true })).get(String(updatedBy));
      if (person?.name) model.updatedByPerson = { name: personLabel(person, updatedBy), tooltip: personTooltip(person, updatedBy) };
    }
    this.name = model.name || model.commonName || this.fingerPrint;
    return { title: vscode.l10n.t('Certificate: {0}', this.name), model };
  }

  async handle(message: ViewToHost, ui: ViewUi): Promise<void> {
    const certs = this.context.sessions.client(this.state.podId).certs;
    switch (message.type) {
      case 'certificate.save': {
        const { name, type, status } = message.attributes;
        const problem = validateRequiredName(name, vscode.l10n.t('The certificate name'));
        if (problem) return ui.notice('error', problem, 'name');
        ui.post({ type: 'busy', busy: true, message: vscode.l10n.t('Saving…') });
        await certs.updateCompanyCertificate(this.fingerPrint, { name: name.trim(), type: { type }, status: { type: status } });
        ui.refreshTree();
        await ui.reload();
        return ui.notice('info', vscode.l10n.t('Saved the attributes of {0}.', name.trim()));
      }
      case 'certificate.delete': {
        const confirmed = await confirmChange(this.context, this.state.podId, {
          message: vscode.l10n.t('Delete the certificate "{0}"?', this.name),
          detail: vscode.l10n.t('Fingerprint {0}\n\nAccounts that authenticate with it, or with certificates it issued, can no longer sign in.', formatFingerprint(this.fingerPrint)),
          action: vscode.l10n.t('Delete Certificate'),
          destructive: true,
        });
        if (!confirmed) return;
        ui.post({ type: 'busy', busy: true, message: vscode.l10n.t('Deleting…') });
        await certs.deleteCompanyCertificate(this.fingerPrint);
        ui.refreshTree();
        void this.context.promptHost.current.info(vscode.l10n.t('Deleted the certificate {0}.', this.name));
        return ui.close();
      }
      case 'certificate.copyFingerprint':
        await vscode.env.clipboard.writeText(this.fingerPrint);
        return ui.notice('info', vscode.l10n.t('Copied the fingerprint.'));
      default:
        return undefined;
    }
  }

  treeList(pod: PodNode) {
    return pod.certificates;
  }
}

export function toCertificateModel(detail: CompanyCertDetail, fingerPrint: string, podLabel: string, writable: boolean): CertificateModel {
  const { companyCertAttributes: attributes, companyCertInfo: info } = detail;
  return {
    kind: 'certificate',
    podLabel,
    writable,
    fingerPrint: formatFingerprint(info?.fingerPrint ?? fingerPrint),
    name: attributes?.name ?? '',
    type: attributes?.type?.type ?? '',
    status: attributes?.status?.type ?? '',
    commonName: info?.commonName ?? '',
    ...defined({ issuerFingerPrint: info?.issuerFingerPrint && formatFingerprint(info.issuerFingerPrint), expiryDate: info?.expiryDate, lastSeen: info?.lastSeen, updatedAt: info?.updatedAt, updatedBy: info?.updatedBy }),
    expiry: expiryState(info?.expiryDate),
    warningDays: expiryWarningDays(),
    sections: (detail.certInfo ?? []).map((section) => ({
      name: section.name ?? '',
      rows: (section.attributes ?? []).map((pair) => ({ name: pair.name ?? '', value: pair.value ?? '' })),
    })),
  };
}

/** The properties whose value is not undefined (the protocol's objects carry no `undefined` entries). */
export function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
