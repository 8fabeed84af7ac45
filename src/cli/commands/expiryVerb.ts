// `symphony-pod expiry [--days N]`: company certificates and rotated app keys that expired or expire within N days
// (the expiry radar's rules). Exit 0 = none, 2 = something expiring or expired.
import { KnownAppKeys } from '../../credentials/appKeyCache';
import { appKeyItems, certificateItems, sortByDate } from '../../credentials/expiryItems';
import { appKeyInfos } from '../../credentials/keyRotation';
import { ApplicationDetail } from '../../api';
import { appsKind } from '../../podAsCode/kinds/apps';
import { l10n } from '../../text/l10n';
import { EXIT } from '../exitCodes';
import { progressHost, table } from '../output';
import { Verb } from '../verb';

export const expiryVerb: Verb = {
  name: 'expiry',
  get summary() {
    return l10n.t('List expired and expiring company certificates and rotated app keys; exit 2 when there is any.');
  },
  define: (c) => c.option('--days <n>', l10n.t('warn this many days ahead'), '30'),
  async run({ io, options, client }) {
    const days = Number(options.days);
    if (!Number.isFinite(days) || days < 0) throw new Error(l10n.t('--days must be a number of days, 0 or more (got {0}).', String(options.days)));
    const pod = client();
    try {
      const now = Date.now();
      const host = progressHost(io);
      const [certs, apps] = await Promise.all([pod.certs.listAllCompanyCertificates(), appsKind.list(pod, host.progress)]);
      const keys = new Map<string, KnownAppKeys>(apps.map((a) => {
        const detail = (a.pod as { detail: ApplicationDetail }).detail;
        return [a.id, { name: a.label, keys: appKeyInfos(detail), readAt: now }];
      }));
      const who = { id: pod.podUrl, label: pod.podUrl };
      const items = sortByDate([...certificateItems(who, certs, now, days), ...appKeyItems(who, keys, now, days)]);
      const result = items.map(({ kind, id, name, detail, state, date }) => ({ kind, id, name, detail, state, date: new Date(date).toISOString() }));
      const text = items.length
        ? table([[l10n.t('state'), l10n.t('date'), l10n.t('kind'), l10n.t('name'), l10n.t('detail')], ...result.map((r) => [r.state, r.date.slice(0, 10), r.kind, r.name, r.detail])])
        : l10n.t('Nothing expires within {0} days on {1}.', days, pod.podUrl);
      return { status: items.length ? EXIT.changes : EXIT.ok, result: { pod: pod.podUrl, days, items: result }, text };
    } finally {
      pod.dispose();
    }
  },
};
