// The detail views of certificates, groups and applications, and the expiry report's, bundled as a lazily loaded
// part (src/parts/README.md): the panel host (detailPanels.ts) stays in the extension bundle and asks this part for a
// view when a panel opens.
import { CommandContext } from '../commands/commandContext';
import type { ExpiryRadar } from '../credentials/expiryRadar';
import { ApplicationView } from './applicationView';
import { CertificateView } from './certificateView';
import { DetailView } from './detailPanels';
import { ExpiryReportView } from './expiryReportView';
import { GroupView } from './groupView';
import { PanelState } from './webviewMessages';

/** The expiry report's view: the radar (the extension's) is passed in, and how to open a row's detail panel. */
export function createExpiryReportView(context: CommandContext, radar: ExpiryRadar, openDetail: (state: PanelState) => void): DetailView {
  return new ExpiryReportView(context, radar, openDetail);
}

export function createView(kind: 'certificate' | 'group' | 'application', context: CommandContext, state: PanelState): DetailView {
  if (kind === 'certificate') return new CertificateView(context, state);
  if (kind === 'group') return new GroupView(context, state);
  return new ApplicationView(context, state);
}
