// rotate_app_key: installs a new RSA public key as an app's current key (the old one becomes the previous key for
// the pod's grace period), by the rotation rules of src/credentials/keyRotation.ts: a rotation the pod would refuse
// is explained before anything is sent. Only a public key is taken: a private key never passes through a model.
import { validatePublicKey } from '../../api';
import { keyDate, keySaveRefusal, publicKeyFingerprint, saveCurrentKey, saveRefusalMessage } from '../../credentials/keyRotation';
import { l10n } from '../../text/l10n';
import { answer, isoDate } from '../format';
import { podName, refuse, signedInPod } from '../input';
import type { AgentTool, ToolHost } from '../tool';
import { AppInput, appInputSchema, parseAppFields } from './describeApplication';
import { writablePod } from './writes';

export interface RotateKeyInput extends AppInput { publicKeyPem: string }

async function read(input: RotateKeyInput, host: ToolHost) {
  const pod = writablePod(host, signedInPod(host, input.podId));
  const base = await host.client(input.podId).apps.getApplication(input.appId);
  const refusal = keySaveRefusal(base, input.publicKeyPem);
  if (refusal) refuse('publicKeyPem', saveRefusalMessage(refusal, input.appId));
  return { pod, base };
}

const short = (fingerprint: string) => `${fingerprint.slice(0, 23)}…`;

export const rotateKey: AgentTool<RotateKeyInput> = {
  name: 'symphony_rotate_app_key',
  get title() {
    return l10n.t('Rotate an application\'s RSA key');
  },
  description: 'Installs a new RSA public key (PEM, -----BEGIN PUBLIC KEY-----) as an application\'s current key; the old current key stays valid as the previous key until the pod\'s grace period ends. Refused while a valid previous key exists. Never send a private key. The user is asked to confirm.',
  access: 'write',
  inputSchema: {
    type: 'object',
    properties: { ...appInputSchema, publicKeyPem: { type: 'string', description: 'The new RSA public key, PEM (SubjectPublicKeyInfo).' } },
    required: ['podId', 'appId', 'publicKeyPem'],
    additionalProperties: false,
  },
  parse(input) {
    const { fields, podId, appId } = parseAppFields(input, ['publicKeyPem']);
    const pem = fields.publicKeyPem;
    if (typeof pem !== 'string') refuse('publicKeyPem', '"publicKeyPem" is required: the new RSA public key as PEM text.');
    if (/PRIVATE KEY/.test(pem)) refuse('publicKeyPem', 'This is a private key: never send it. Give the public key (-----BEGIN PUBLIC KEY-----) only.');
    const problem = validatePublicKey(pem);
    if (problem) refuse('publicKeyPem', problem);
    return { podId, appId, publicKeyPem: pem };
  },
  async preview(input, host) {
    const { pod, base } = await read(input, host);
    const current = base.authenticationKeys?.current?.key;
    // Shown to the user (VS Code's confirmation): in their language, unlike what the model reads.
    const values = { app: base.applicationInfo?.name ?? input.appId, pod: pod.label, environment: pod.environment ?? '' };
    const keys = { pod: podName(pod), appId: input.appId, key: short(publicKeyFingerprint(input.publicKeyPem)), current: current ? short(publicKeyFingerprint(current)) : '' };
    return {
      title: pod.environment ? l10n.t('Rotate the RSA key of {app} on {pod} ({environment})?', values) : l10n.t('Rotate the RSA key of {app} on {pod}?', values),
      message: current
        ? l10n.t('Pod {pod}, application {appId}: the new key {key} becomes current. The current key {current} becomes the previous key, accepted until the pod\'s grace period ends.', keys)
        : l10n.t('Pod {pod}, application {appId}: the new key {key} becomes current. The app has no current key yet.', keys),
    };
  },
  async invoke(input, host) {
    const { pod } = await read(input, host);
    const updated = await host.changeKeys(input.podId, input.appId, saveCurrentKey(input.publicKeyPem));
    const previous = updated.authenticationKeys?.previous;
    return answer(`Rotated the RSA key of ${input.appId} on ${podName(pod)}.${previous?.key ? ` The previous key is accepted until ${keyDate(previous.expirationDate)}.` : ''}`, {
      appId: input.appId, currentKey: publicKeyFingerprint(input.publicKeyPem), previousKey: previous?.key ? { fingerprint: publicKeyFingerprint(previous.key), expires: isoDate(previous.expirationDate) } : undefined,
    });
  },
};
