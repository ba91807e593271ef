/**
 * The load of `npm run bench:load`: a mix of read requests, one autocannon instance per kind (its
 * share of the connections), each request's path drawn from a seeded generator (different
 * filters, ids, formats), plus a few full CSV exports, one after the other on their own
 * connection(s). Every answer's latency and status is kept, per kind, so that percentiles can be
 * computed per kind and overall, and every non-2xx answer or connection error is counted.
 */
import autocannon from 'autocannon';
import { CATEGORIES, createRandom } from '../ingest-data';
import { download } from '../support/http-load';
import { percentile } from '../support/store-load';

export interface RequestKind {
  name: string;
  /** Relative weight in the connections (full exports aside). */
  share: number;
  path: (random: () => number) => string;
}

export interface KindResult {
  name: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers by HTTP status. */
  statuses: Map<number, number>;
  /** Connection errors and timeouts (no answer at all). */
  errors: number;
}

export interface MixResult {
  seconds: number;
  kinds: KindResult[];
  overall: KindResult;
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const commune = (random: () => number) => String(27001 + Math.floor(random() * 700));

export function requestKinds(slug: string, rows: number): RequestKind[] {
  const records = `/api/v1/datasets/${slug}/records`;
  const exports = `/api/v1/datasets/${slug}/exports`;
  const cat = (random: () => number) => encodeURIComponent(pick(random, CATEGORIES));
  return [
    { name: 'catalogue search (API)', share: 6, path: (r) => `/api/v1/datasets?q=${encodeURIComponent(pick(r, ['équipements', 'eure', 'banc', 'publication', 'piscine']))}` },
    { name: 'catalogue search (page)', share: 4, path: (r) => `/datasets?q=${encodeURIComponent(pick(r, ['équipements', 'eure', 'charge']))}` },
    {
      name: 'records, filtered', share: 18, path: (r) => pick(r, [
        () => `${records}?categorie=${cat(r)}&_sort=-montant`,
        () => `${records}?code_insee=${commune(r)}`,
        () => { const low = Math.floor(r() * 990_000); return `${records}?montant__gte=${low}&montant__lt=${low + 10_000}`; },
        () => `${records}?_q=${encodeURIComponent(pick(r, ['piscine', 'mairie', 'gymnase', 'parking']))}&_size=50`,
        () => `${records}?population__gte=${Math.floor(r() * 30_000)}&_sort=date_maj&_size=100`,
      ])(),
    },
    {
      name: 'facets, group by', share: 10, path: (r) => pick(r, [
        () => `${records}?_facet=categorie&_facet=code_insee&_size=0`,
        () => `${records}?_facet=categorie&_size=0&montant__gte=${Math.floor(r() * 900_000)}`,
        () => `${records}?_group_by=categorie&_agg=count,sum:montant,avg:population`,
      ])(),
    },
    { name: 'record by id', share: 14, path: (r) => `${records}/${1 + Math.floor(r() * rows)}` },
    // One category (1/8) and 10 % of the amounts: about rows / 80 rows, a few thousand at 200k.
    { name: 'export, filtered', share: 10, path: (r) => `${exports}/${pick(r, ['csv', 'ndjson', 'json'])}?categorie=${cat(r)}&montant__lt=100000` },
  ];
}

export const FULL_EXPORT = 'export, full (CSV)';

/** Splits `total` connections: `full` for full exports (about 1 in 32, at least 1), the rest by share (at least 1 each). */
export function splitConnections(kinds: readonly RequestKind[], total: number): { perKind: number[]; full: number } {
  const full = Math.max(1, Math.round(total / 32));
  const rest = Math.max(kinds.length, total - full);
  const shares = kinds.reduce((n, k) => n + k.share, 0);
  const perKind = kinds.map((k) => Math.max(1, Math.floor((rest * k.share) / shares)));
  for (let i = 0; perKind.reduce((a, b) => a + b, 0) < rest; i = (i + 1) % kinds.length) perKind[i]++;
  return { perKind, full };
}

class Tally {
  readonly latencies: number[] = [];
  readonly statuses = new Map<number, number>();
  errors = 0;

  answer(status: number, ms: number): void {
    this.latencies.push(ms);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  result(name: string, connections: number, seconds: number): KindResult {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      name, connections, requests: sorted.length, rps: sorted.length / seconds,
      p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
      statuses: this.statuses, errors: this.errors,
    };
  }
}

/** Resolves with autocannon's own duration (s): requests still in flight at its end are dropped, not waited for. */
function runKind(base: string, kind: RequestKind, connections: number, durationS: number, seed: number, tally: Tally): Promise<number> {
  const random = createRandom(seed);
  return new Promise((resolve, reject) => {
    // With a callback autocannon returns its event emitter (without one, only a promise of the totals).
    const instance = autocannon({
      url: base,
      connections,
      duration: durationS,
      timeout: 120,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: kind.path(random) }) }],
    }, (error, result) => (error ? reject(error) : resolve(result.duration)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => tally.answer(statusCode, responseTime));
    instance.on('reqError', () => tally.errors++);
  });
}

/**
 * Full exports one after the other on each lane until the deadline; the last one is let finish
 * (cutting it would count a short file). Resolves with the time taken, the last one included.
 */
async function fullExports(url: string, lanes: number, deadline: number, tally: Tally): Promise<number> {
  const started = performance.now();
  const lane = async () => {
    while (Date.now() < deadline) {
      const started = performance.now();
      try {
        const answer = await download(url);
        tally.answer(answer.status, performance.now() - started);
      } catch {
        tally.errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return (performance.now() - started) / 1000;
}

export async function runMix(base: string, slug: string, rows: number, options: { connections: number; durationS: number; seed: number }): Promise<MixResult> {
  const kinds = requestKinds(slug, rows);
  const { perKind, full } = splitConnections(kinds, options.connections);
  const tallies = kinds.map(() => new Tally());
  const fullTally = new Tally();
  const started = performance.now();
  const durations = await Promise.all([
    ...kinds.map((kind, i) => runKind(base, kind, perKind[i], options.durationS, options.seed + i, tallies[i])),
    fullExports(`${base}/api/v1/datasets/${slug}/exports/csv`, full, Date.now() + options.durationS * 1000, fullTally),
  ]);
  const seconds = (performance.now() - started) / 1000;
  const results = [...kinds.map((kind, i) => tallies[i].result(kind.name, perKind[i], durations[i])), fullTally.result(FULL_EXPORT, full, durations[kinds.length])];
  const all = new Tally();
  for (const tally of [...tallies, fullTally]) {
    all.latencies.push(...tally.latencies);
    for (const [status, n] of tally.statuses) all.statuses.set(status, (all.statuses.get(status) ?? 0) + n);
    all.errors += tally.errors;
  }
  // Each kind's rate over its own time (full exports run past the others' end): the sum is the overall rate.
  const overall = { ...all.result('overall', options.connections, seconds), rps: results.reduce((n, r) => n + r.rps, 0) };
  return { seconds, kinds: results, overall };
}
