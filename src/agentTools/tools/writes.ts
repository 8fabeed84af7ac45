// What every write tool checks first: the surface may refuse writes to a pod (a production pod without its unlock).
import { PodApiError } from '../../api';
import type { PodRef, ToolHost } from '../tool';

export function writablePod(host: ToolHost, pod: PodRef): PodRef {
  const refusal = host.writeRefusal(pod);
  if (refusal) throw new PodApiError(refusal, { kind: 'validation', field: 'podId' });
  return pod;
}
