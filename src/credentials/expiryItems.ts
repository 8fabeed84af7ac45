// The expiry radar's rows, without `vscode`: company certificates (`expiryDate`) and rotated app and service-account
// keys (`expirationDate`) that expire within the warning window or already have, sorted by date (oldest first).
import { CompanyCertInfoItem, shortFingerprint } from '../api';
import { l10n } from '../text/l10n';
import { KnownAppKeys } from './appKeyCache';

export type ExpiryItemKind = 'certificate' | 'appKey' | 'accountKey';

/** How the report and its exports name each kind. */
export const expiryKindLabel: Record<ExpiryItemKind, string> = {
  get certificate() { return l10n.t('Company certificate'); },
  get appKey() { return l10n.t('Rotated app key'); },
  get accountKey() { return l10n.t('Rotated service account key'); },
};

export interface ExpiryItem {
  podId: string;
  podLabel: string;
  kind: ExpiryItemKind;
  /** Certificate fingerprint, app id, or service account user id. */
  id: string;
  name: string;
  /** What it is, in a few words: certificate type / status, or the rotated key's fingerprint. */
  detail: string;
  date: number;
  state: 'expired' | 'expiring';
}

const dayMs = 24 * 60 * 60 * 1000;

export function expiryStateOf(date: number, now: number, warningDays: number): ExpiryItem['state'] | undefined {
  if (date <= now) return 'expired';
  return date - now <= warningDays * dayMs ? 'expiring' : undefined;
}

export function certificateItems(pod: { id: string; label: string }, certs: readonly CompanyCertInfoItem[], now: number, warningDays: number): ExpiryItem[] {
  const items: ExpiryItem[] = [];
  for (const cert of certs) {
    const info = cert.companyCertInfo;
    const state = info?.expiryDate ? expiryStateOf(info.expiryDate, now, warningDays) : undefined;
    if (!state || !info?.fingerPrint) continue;
    const attributes = cert.companyCertAttributes;
    items.push({
      podId: pod.id, podLabel: pod.label, kind: 'certificate', id: info.fingerPrint,
      name: attributes?.name || info.commonName || info.fingerPrint,
      detail: [l10n.t('Company certificate'), attributes?.type?.type, attributes?.status?.type].filter(Boolean).join(' · '),
      date: info.expiryDate!, state,
    });
  }
  return items;
}

export function appKeyItems(pod: { id: string; label: string }, apps: ReadonlyMap<string, KnownAppKeys>, now: number, warningDays: number): ExpiryItem[] {
  return rotatedKeyItems(pod, apps, 'appKey', now, warningDays);
}

/** Rotated (previous) keys of apps or service accounts, by id. */
export function rotatedKeyItems(pod: { id: string; label: string }, holders: ReadonlyMap<string, KnownAppKeys>, kind: 'appKey' | 'accountKey', now: number, warningDays: number): ExpiryItem[] {
  const items: ExpiryItem[] = [];
  for (const [id, holder] of holders) {
    for (const key of holder.keys) {
      const state = key.expirationDate ? expiryStateOf(key.expirationDate, now, warningDays) : undefined;
      if (!state) continue;
      items.push({
        podId: pod.id, podLabel: pod.label, kind, id, name: holder.name,
        detail: kind === 'appKey' ? l10n.t('Rotated app RSA key {0}', shortFingerprint(key.fingerprint)) : l10n.t('Rotated service account RSA key {0}', shortFingerprint(key.fingerprint)), date: key.expirationDate!, state,
      });
    }
  }
  return items;
}

export function sortByDate(items: ExpiryItem[]): ExpiryItem[] {
  return [...items].sort((a, b) => a.date - b.date || a.podLabel.localeCompare(b.podLabel) || a.name.localeCompare(b.name));
}
