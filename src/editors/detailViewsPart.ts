// The detail views of certificates, groups and applications, bundled as a lazily loaded part (src/parts/README.md):
// the panel host (detailPanels.ts) stays in the extension bundle and asks this part for a view when a panel opens.
import { CommandContext } from '../commands/commandContext';
import { ApplicationView } from './applicationView';
import { CertificateView } from './certificateView';
import { DetailView } from './detailPanels';
import { GroupView } from './groupView';
import { PanelState } from './webviewMessages';

export function createView(kind: 'certificate' | 'group' | 'application', context: CommandContext, state: PanelState): DetailView {
  if (kind === 'certificate') return new CertificateView(context, state);
  if (kind === 'group') return new GroupView(context, state);
  return new ApplicationView(context, state);
}
