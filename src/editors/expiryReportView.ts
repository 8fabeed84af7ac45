// The expiry report: one panel (not bound to a pod) in the detail host, showing the expiry radar's rows across
// every signed-in pod, sorted by date, with Open / Rotate or Replace per row and an export as CSV or Markdown for a
// change ticket. Loading reuses the radar's fresh data; only "Reload" asks it to read the pods again.
import * as vscode from 'vscode';
import { CommandContext } from '../commands/commandContext';
import { ExpiryRadar, ExpiryReport } from '../credentials/expiryRadar';
import { exportReport } from '../credentials/expiryExport';
import { ExpiryItem } from '../credentials/expiryItems';
import { DetailView, ViewUi } from './detailPanels';
import { ExpiryReportModel, PanelState, ViewToHost } from './webviewMessages';

type RowRef = { podId: string; kind: ExpiryItem['kind']; id: string };

export class ExpiryReportView implements DetailView {
  private reloads = 0;

  constructor(
    private readonly context: CommandContext,
    private readonly radar: ExpiryRadar,
    private readonly openDetail: (state: PanelState) => void,
  ) {}

  async load(): Promise<{ title: string; model: ExpiryReportModel }> {
    // The first load uses what the radar has; a later one (the view's Reload) reads the pods again.
    const report = this.reloads++ === 0 ? await this.radar.check() : await this.radar.check({ refresh: 'all' });
    return { title: vscode.l10n.t('Expiry Report ({0})', report.items.length), model: toModel(report) };
  }

  async handle(message: ViewToHost, ui: ViewUi): Promise<void> {
    switch (message.type) {
      case 'expiryReport.open': {
        const row = this.row(message);
        if (row.kind === 'accountKey') return void (await vscode.commands.executeCommand('symphonyPodAdmin.accounts.open', { podId: row.podId, uid: row.id }));
        return this.openDetail({ podId: row.podId, kind: row.kind === 'certificate' ? 'certificate' : 'application', id: row.id });
      }
      case 'expiryReport.replace': {
        const row = this.row(message);
        if (row.kind === 'appKey') await vscode.commands.executeCommand('symphonyPodAdmin.apps.rotateKey', { podId: row.podId, appId: row.id });
        else if (row.kind === 'accountKey') await vscode.commands.executeCommand('symphonyPodAdmin.accounts.rotateKey', { podId: row.podId, uid: row.id });
        else await vscode.commands.executeCommand('symphonyPodAdmin.certs.create', this.context.tree.podNode(row.podId)?.certificates ?? { podId: row.podId });
        const report = this.radar.recompute() ?? (await this.radar.check());
        return ui.post({ type: 'load', state: { podId: '', kind: 'expiryReport', id: 'Expiry report' }, model: toModel(report) });
      }
      case 'expiryReport.export': {
        const items = this.radar.report?.items ?? [];
        const document = await vscode.workspace.openTextDocument({ language: message.format === 'csv' ? 'csv' : 'markdown', content: exportReport(items, message.format) });
        await vscode.window.showTextDocument(document, { preview: false });
        return ui.notice('info', items.length === 1 ? vscode.l10n.t('Exported 1 row as {0} into a new editor.', message.format === 'csv' ? 'CSV' : 'Markdown')
          : vscode.l10n.t('Exported {0} rows as {1} into a new editor.', items.length, message.format === 'csv' ? 'CSV' : 'Markdown'));
      }
      default:
        return undefined;
    }
  }

  treeList(): undefined {
    return undefined;
  }

  /** Only rows the report shows can be acted on: a message naming anything else is refused. */
  private row(ref: RowRef): ExpiryItem {
    const row = this.radar.report?.items.find((i) => i.podId === ref.podId && i.kind === ref.kind && i.id === ref.id);
    if (!row) throw new Error(vscode.l10n.t('That row is no longer in the report; reload it.'));
    return row;
  }
}

function toModel(report: ExpiryReport): ExpiryReportModel {
  return {
    kind: 'expiryReport',
    warningDays: report.warningDays,
    checkedAt: report.checkedAt,
    podCount: report.podCount,
    rows: report.items.map((i) => ({ podId: i.podId, podLabel: i.podLabel, kind: i.kind, id: i.id, name: i.name, detail: i.detail, date: i.date, state: i.state })),
    problems: report.problems,
  };
}
