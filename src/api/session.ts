// Who is signed in (GET /pod/v2/sessioninfo) and the pod's own certificate (GET /pod/v1/podcert).

import { l10n } from '../text/l10n';
import { Requester } from './requester';
import { SHAPES } from './shapes';
import { PodCertificate, UserV2 } from './types';

export class SessionApi {
  constructor(private readonly requester: Requester) {}

  /** The signed-in account, with its roles. */
  async getSessionInfo(): Promise<UserV2> {
    const res = await this.requester.withSession<UserV2>({ method: 'GET', path: '/pod/v2/sessioninfo', context: { area: 'session' }, expect: SHAPES.sessionInfo });
    return res.body;
  }

  /** The pod certificate used to verify pod-signed JWTs (no authentication needed). */
  async getPodCertificate(): Promise<PodCertificate> {
    const res = await this.requester.anonymous<PodCertificate>({ method: 'GET', path: '/pod/v1/podcert', context: { area: 'session', thing: l10n.t('the pod certificate') }, expect: SHAPES.podCertificate });
    return res.body;
  }
}
