// Runs reads a few at a time: enough to hide a pod's latency, well under its throttle (about 400 requests / s per
// source IP, shared behind a NAT). Only reads go through here; writes run one at a time, in order.
export const READ_CONCURRENCY = 8;

export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
