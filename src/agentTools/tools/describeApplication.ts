// describe_application: one app's manifest as an agent may see it: names, URLs, permissions, its pod entitlement,
// its RSA keys as fingerprints with the rotated key's expiry, whether a certificate and a notification API key are
// set. Never a key, a certificate body, the notification API key or property values (they may hold credentials).
import { X509Certificate } from 'node:crypto';
import { ApplicationDetail, validateAppId } from '../../api';
import { appKeyInfos } from '../../credentials/keyRotation';
import { l10n } from '../../text/l10n';
import { answer, isoDate } from '../format';
import { fieldsOf, idText, requiredText, SCHEMA, signedInPod } from '../input';
import type { AgentTool } from '../tool';

export interface AppInput { podId: string; appId: string }

export const appInputSchema = {
  podId: SCHEMA.podId,
  appId: { type: 'string', description: 'The application id (from symphony_search).' },
};

export function parseAppFields(input: unknown, extra: readonly string[] = []) {
  const fields = fieldsOf(input, ['podId', 'appId', ...extra]);
  return { fields, podId: requiredText(fields, 'podId', idText('pod id')), appId: requiredText(fields, 'appId', validateAppId) };
}

export const describeApplication: AgentTool<AppInput> = {
  name: 'symphony_describe_application',
  get title() {
    return l10n.t('Describe an application');
  },
  description: 'Shows one application of a pod: name, publisher, URLs, domain, permissions, its pod entitlement (enabled, listed, installed for everyone), its RSA keys (fingerprints; when the rotated previous key expires), whether it has a certificate and a notification URL. Never shows keys or secrets.',
  access: 'read',
  inputSchema: { type: 'object', properties: appInputSchema, required: ['podId', 'appId'], additionalProperties: false },
  parse: (input) => {
    const { podId, appId } = parseAppFields(input);
    return { podId, appId };
  },
  async invoke({ podId, appId }, host) {
    const pod = signedInPod(host, podId);
    const apps = host.client(podId).apps;
    const [detail, entitlements] = await Promise.all([apps.getApplication(appId), apps.listPodAppEntitlements()]);
    const entitlement = entitlements.find((e) => e.appId === appId);
    return answer(`Application "${detail.applicationInfo?.name ?? appId}" on ${pod.label}.`, { pod: pod.label, ...applicationSummary(detail),
      entitlement: entitlement && { enabled: entitlement.enable, listed: entitlement.listed, installedForEveryone: entitlement.install } });
  },
};

/** What an agent may know of an app (also the answer of the write tools). */
export function applicationSummary(detail: ApplicationDetail) {
  const info = detail.applicationInfo ?? {};
  return {
    appId: info.appId, name: info.name, publisher: info.publisher, appUrl: info.appUrl, domain: info.domain, iconUrl: detail.iconUrl,
    description: detail.description, allowOrigins: detail.allowOrigins, permissions: detail.permissions,
    rsaKeys: appKeyInfos(detail).map((k) => ({ slot: k.slot, fingerprint: k.fingerprint, expires: isoDate(k.expirationDate) })),
    certificate: detail.cert ? certificateSummary(detail.cert) : undefined,
    notification: detail.notification?.url || detail.notification?.apiKey
      ? { url: detail.notification.url, apiKeySet: !!detail.notification.apiKey } : undefined,
    propertyKeys: detail.properties?.map((p) => p.key),
  };
}

function certificateSummary(pem: string) {
  try {
    const cert = new X509Certificate(pem);
    return { subject: cert.subject.replace(/\n/g, ', '), expires: isoDate(Date.parse(cert.validTo)) };
  } catch {
    return { subject: 'unreadable certificate' };
  }
}
