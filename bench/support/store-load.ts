/**
 * The store floor: the same work as an endpoint, called directly on the catalogue's services in
 * this process (no HTTP, no JSON), with the same concurrency as the HTTP load, for a few seconds.
 */
export interface StoreLoad {
  opsPerSecond: number;
  p50: number;
  p99: number;
  ops: number;
  /** Operations that threw (a query-timeout under overload, say): counted, not timed. */
  failures: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function storeLoad(op: () => Promise<unknown>, { concurrency, durationS }: { concurrency: number; durationS: number }): Promise<StoreLoad> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const end = started + durationS * 1000;
  const lane = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        await op();
        latencies.push(performance.now() - t);
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { opsPerSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), ops: latencies.length, failures };
}
