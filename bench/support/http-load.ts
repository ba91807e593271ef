/**
 * HTTP load from the benchmark's process: autocannon (N connections for a few seconds) for
 * throughput and latency, and a plain streamed GET for exports (bytes and lines counted, the
 * body thrown away as it comes).
 */
import autocannon from 'autocannon';
import http from 'node:http';

export interface HttpLoad {
  /** Completed requests per second. */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers and connection errors: a measurement with any is suspect (the table says so). */
  failures: number;
}

export interface LoadOptions {
  connections: number;
  durationS: number;
}

export async function httpLoad(url: string, { connections, durationS }: LoadOptions): Promise<HttpLoad> {
  const result = await autocannon({ url, connections, duration: durationS, timeout: 30 });
  const requests = result['2xx'] + result.non2xx;
  return {
    rps: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    failures: result.non2xx + result.errors,
  };
}

export interface Download {
  status: number;
  bytes: number;
  lines: number;
  seconds: number;
}

/** GETs `url` to the end, counting; `signal` aborts (the server sees the client go away). */
export function download(url: string, signal?: AbortSignal): Promise<Download> {
  const started = performance.now();
  return new Promise<Download>((resolve, reject) => {
    const req = http.get(url, { signal }, (res) => {
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, lines, seconds: (performance.now() - started) / 1000 }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** GET and parse a small JSON answer. */
export async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
}

/**
 * Runs `work` over and over (one at a time) until stopped: the background of the "light request
 * under load" measurements. `stop()` resolves once the iteration under way has ended or aborted.
 */
export function backgroundLoop(work: (signal: AbortSignal) => Promise<unknown>): { stop(): Promise<number> } {
  const controller = new AbortController();
  let rounds = 0;
  const running = (async () => {
    while (!controller.signal.aborted) {
      await work(controller.signal).catch(() => undefined);
      if (!controller.signal.aborted) rounds++;
    }
  })();
  return {
    async stop() {
      controller.abort();
      await running;
      return rounds;
    },
  };
}
