// describe_certificate: one company certificate as the pod describes it (attributes, expiry, issuer, the `certInfo`
// sections). The API returns no PEM here; the redactor removes one anyway.
import { normalizeFingerprint } from '../../api';
import { l10n } from '../../text/l10n';
import { answer, isoDate } from '../format';
import { fieldsOf, idText, requiredText, SCHEMA, signedInPod } from '../input';
import type { AgentTool } from '../tool';

const fingerprintCheck = (value: string) =>
  /^[0-9a-f]{64}$/.test(normalizeFingerprint(value)) ? undefined : 'The fingerprint is the certificate\'s SHA-256: 64 hexadecimal digits (colons allowed).';

export const describeCertificate: AgentTool<{ podId: string; fingerprint: string }> = {
  name: 'symphony_describe_certificate',
  get title() {
    return l10n.t('Describe a company certificate');
  },
  description: 'Shows one company certificate of a pod: name, type (trusted, known, revoked, …), status, common name, expiry date, issuer fingerprint, last seen, and the certificate\'s subject / issuer / validity sections.',
  access: 'read',
  inputSchema: {
    type: 'object',
    properties: {
      podId: SCHEMA.podId,
      fingerprint: { type: 'string', description: 'SHA-256 fingerprint of the certificate (64 hex digits, from symphony_search).' },
    },
    required: ['podId', 'fingerprint'],
    additionalProperties: false,
  },
  parse(input) {
    const fields = fieldsOf(input, ['podId', 'fingerprint']);
    return { podId: requiredText(fields, 'podId', idText('pod id')), fingerprint: normalizeFingerprint(requiredText(fields, 'fingerprint', fingerprintCheck)) };
  },
  async invoke({ podId, fingerprint }, host) {
    const pod = signedInPod(host, podId);
    const cert = await host.client(podId).certs.getCompanyCertificate(fingerprint);
    const attributes = cert.companyCertAttributes ?? {};
    const info = cert.companyCertInfo ?? {};
    const expired = info.expiryDate !== undefined && info.expiryDate <= Date.now();
    return answer(`Company certificate "${attributes.name ?? info.commonName ?? fingerprint}" on ${pod.label}${expired ? ' (EXPIRED)' : ''}.`, {
      pod: pod.label, fingerprint: info.fingerPrint ?? fingerprint, name: attributes.name, type: attributes.type?.type, status: attributes.status?.type,
      commonName: info.commonName, expires: isoDate(info.expiryDate), issuerFingerprint: info.issuerFingerPrint,
      lastSeen: isoDate(info.lastSeen), updated: isoDate(info.updatedAt), updatedBy: info.updatedBy,
      sections: (cert.certInfo ?? []).map((s) => ({ name: s.name, attributes: Object.fromEntries((s.attributes ?? []).map((a) => [a.name ?? '', a.value])) })),
    });
  },
};
