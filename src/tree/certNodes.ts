// Certificates in the Pods tree: the pod's company certificates, a page at a time, and under a CA the
// certificates it issued. Expiring certificates carry a warning, expired ones an error (see expiryDecorations.ts).
import * as vscode from 'vscode';
import { CompanyCertInfoItem, formatFingerprint } from '../api';
import { knownPodManaged } from '../credentials/podManagedCertificates';
import { PodSessions } from '../pods/podSessions';
import { ContextValue } from './contextValues';
import { expiryState, expiryUri, expiryWarningDays } from './expiryDecorations';
import { Page, PagedListNode } from './pagedListNode';
import { ListNames, namesOfList, personInline } from './people';
import { spokenLabel } from './spokenLabel';
import { MessageNode, TreeNode } from './treeNode';

type Skip = number;

export class CertificatesNode extends PagedListNode<CompanyCertInfoItem, Skip> {
  protected readonly emptyText = vscode.l10n.t('No company certificates');

  constructor(parent: TreeNode, private readonly sessions: PodSessions) {
    super(parent);
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Certificates'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.podId}/certificates`;
    item.iconPath = new vscode.ThemeIcon('shield');
    item.contextValue = this.writable ? ContextValue.certificates : ContextValue.certificatesReadOnly;
    if (!this.writable) item.description = vscode.l10n.t('read-only: needs User Provisioning');
    return item;
  }

  get writable(): boolean {
    return this.sessions.can(this.podId!, 'certificates');
  }

  private issuers: { items: readonly CompanyCertInfoItem[]; fingerPrints: Set<string> } | undefined;

  /** Who last changed each certificate, by name: asked on the first hover, for every loaded certificate at once. */
  get names(): ListNames {
    return namesOfList(this, this.sessions);
  }

  override refresh(): void {
    super.refresh();
    this.names.reset();
  }

  /** Whether a loaded certificate names this fingerprint as its issuer (one pass per loaded list, not per node). */
  isIssuer(fingerPrint: string | undefined): boolean {
    if (this.issuers?.items !== this.loadedItems) {
      const fingerPrints = new Set<string>();
      for (const cert of this.loadedItems) if (cert.companyCertInfo?.issuerFingerPrint) fingerPrints.add(cert.companyCertInfo.issuerFingerPrint);
      this.issuers = { items: this.loadedItems, fingerPrints };
    }
    return !!fingerPrint && this.issuers.fingerPrints.has(fingerPrint);
  }

  protected async loadPage(skip: Skip | undefined, limit: number): Promise<Page<CompanyCertInfoItem, Skip>> {
    const start = skip ?? 0;
    const items = await this.sessions.client(this.podId!).certs.listCompanyCertificates({ skip: start, limit });
    return { items, next: items.length === limit ? start + limit : undefined };
  }

  protected override async loadRest(): Promise<void> {
    this.setAll(await this.sessions.client(this.podId!).certs.listAllCompanyCertificates());
  }

  protected keyOf(item: CompanyCertInfoItem): string {
    return item.companyCertInfo?.fingerPrint ?? '';
  }

  protected createNode(item: CompanyCertInfoItem): TreeNode {
    const fingerPrint = item.companyCertInfo?.fingerPrint ?? '';
    return new CertificateNode(this, this.sessions, item, this.writable, this.isIssuer(fingerPrint));
  }

  protected matches(item: CompanyCertInfoItem, filter: string): boolean {
    const { companyCertAttributes: a, companyCertInfo: i } = item;
    return [a?.name, i?.commonName, a?.type?.type, a?.status?.type, i?.fingerPrint].some((field) => field?.toLowerCase().includes(filter));
  }
}

export class CertificateNode extends TreeNode {
  constructor(
    parent: TreeNode,
    private readonly sessions: PodSessions,
    readonly item: CompanyCertInfoItem,
    private readonly writable: boolean,
    private readonly issuesOthers: boolean,
  ) {
    super(parent);
  }

  /** The pod's own certificate (`podmanaged/list`, as last read): marked, and never offered for deletion in the tree. */
  get podManaged(): boolean {
    return knownPodManaged.has(this.podId!, this.fingerPrint);
  }

  get fingerPrint(): string {
    return this.item.companyCertInfo?.fingerPrint ?? '';
  }

  get displayName(): string {
    return this.item.companyCertAttributes?.name || this.item.companyCertInfo?.commonName || this.fingerPrint;
  }

  toTreeItem(): vscode.TreeItem {
    const { companyCertAttributes: attributes, companyCertInfo: info } = this.item;
    const state = expiryState(info?.expiryDate);
    const expiry = info?.expiryDate ? new Date(info.expiryDate).toISOString().slice(0, 10) : vscode.l10n.t('no expiry date');
    const item = new vscode.TreeItem(this.displayName, this.issuesOthers ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${this.podId}/certificate/${this.parentPath()}${this.fingerPrint}`;
    item.description = [this.podManaged ? vscode.l10n.t('pod-managed') : undefined, info?.commonName !== this.displayName ? info?.commonName : undefined, attributes?.type?.type, attributes?.status?.type, state === 'expired' ? vscode.l10n.t('expired {0}', expiry) : vscode.l10n.t('expires {0}', expiry)]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = iconFor(attributes?.status?.type, state);
    item.resourceUri = expiryUri('certificate', this.fingerPrint, state);
    item.accessibilityInformation = { label: spokenLabel(this.displayName, item.description, [state === 'expiring' && `expires within ${expiryWarningDays()} days`]) };
    item.contextValue = !this.writable ? ContextValue.certificateReadOnly : this.podManaged ? ContextValue.certificatePodManaged : ContextValue.certificate;
    item.command = { command: 'symphonyPodAdmin.certs.open', title: vscode.l10n.t('Open Details'), arguments: [this] };
    // No tooltip here: VS Code asks `resolveTooltip` on hover, so expanding the list costs no name lookup.
    return item;
  }

  /** The hover: the certificate's facts and who last changed it, by name (one lookup for the whole loaded list). */
  async resolveTooltip(): Promise<vscode.MarkdownString> {
    const { companyCertAttributes: attributes, companyCertInfo: info } = this.item;
    const list = this.rootList();
    await list.names.resolve([info?.updatedBy, ...list.loadedItems.map((c) => c.companyCertInfo?.updatedBy)]);
    const state = expiryState(info?.expiryDate);
    const expiry = info?.expiryDate ? new Date(info.expiryDate).toISOString().slice(0, 10) : vscode.l10n.t('no expiry date');
    const updatedBy = info?.updatedBy !== undefined ? escapeMarkdown(personInline(list.names.people.get(info.updatedBy), info.updatedBy)) : '';
    const updatedAt = info?.updatedAt !== undefined ? new Date(info.updatedAt).toISOString().slice(0, 10) : '';
    return new vscode.MarkdownString(
      [
        `**${escapeMarkdown(this.displayName)}**`,
        '',
        `| | |`,
        `|---|---|`,
        `| ${vscode.l10n.t('Common name')} | ${escapeMarkdown(info?.commonName ?? '')} |`,
        `| ${vscode.l10n.t('Type')} | ${attributes?.type?.type ?? ''} |`,
        `| ${vscode.l10n.t('Status')} | ${attributes?.status?.type ?? ''} |`,
        this.podManaged ? `| ${vscode.l10n.t('Managed by')} | ${vscode.l10n.t('the pod itself: deleting it can break the pod')} |` : '',
        `| ${vscode.l10n.t('Expires')} | ${state === 'expired' ? vscode.l10n.t('{0} (expired)', expiry) : state === 'expiring' ? vscode.l10n.t('{0} (soon)', expiry) : expiry} |`,
        `| ${vscode.l10n.t('Fingerprint')} | \`${formatFingerprint(this.fingerPrint)}\` |`,
        info?.issuerFingerPrint ? `| ${vscode.l10n.t('Issuer')} | \`${info.issuerFingerPrint}\` |` : '',
        info?.lastSeen ? `| ${vscode.l10n.t('Last seen')} | ${new Date(info.lastSeen).toISOString()} |` : '',
        info?.updatedAt !== undefined || updatedBy ? `| ${vscode.l10n.t('Updated')} | ${updatedBy ? vscode.l10n.t('{0} by {1}', updatedAt, updatedBy).trim() : updatedAt} |` : '',
      ]
        .filter((line) => line !== '')
        .join('\n'),
    );
  }

  /** The Certificates list this certificate belongs to (an issued certificate hangs below its issuer). */
  private rootList(): CertificatesNode {
    let node = this.parent;
    while (node && !(node instanceof CertificatesNode)) node = node.parent;
    return node as CertificatesNode;
  }

  override async getChildren(): Promise<TreeNode[]> {
    const issued = await this.sessions.client(this.podId!).certs.listIssuedBy(this.fingerPrint);
    if (issued.length === 0) return [new MessageNode(this, vscode.l10n.t('No certificates issued by this one'))];
    return issued.map((cert) => new CertificateNode(this, this.sessions, cert, this.writable, false));
  }

  private parentPath(): string {
    return this.parent instanceof CertificateNode ? `${this.parent.fingerPrint}/` : '';
  }
}

function iconFor(status: string | undefined, expiry: ReturnType<typeof expiryState>): vscode.ThemeIcon {
  if (expiry === 'expired') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (expiry === 'expiring') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  switch (status) {
    case 'TRUSTED':
      return new vscode.ThemeIcon('verified');
    case 'REVOKED':
      return new vscode.ThemeIcon('circle-slash');
    case 'DISABLED':
      return new vscode.ThemeIcon('debug-pause');
    default:
      return new vscode.ThemeIcon('shield');
  }
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
