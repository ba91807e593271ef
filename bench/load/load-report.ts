/**
 * The figures of `npm run bench:load`: per request kind and overall, the baseline and the run
 * under publish side by side, the latter as ratios of the former (× baseline: req/s, p99);
 * non-2xx answers by status; the publish; the server log's view; and the verdict (returned:
 * true when the run failed: any 5xx, connection error, or a publish that did not complete).
 */
import { ratio, table, times, verdict, type Cell } from '../support/report';
import type { KindResult, MixResult } from './request-mix';
import type { ServerLogSummary } from './server-log';

export interface PublishOutcome {
  status: number;
  seconds: number;
  /** How long the publish and the load ran at the same time. */
  overlapSeconds: number;
  loadSeconds: number;
  rowsServed: number | null;
  expectedRows: number;
  /** The answer's start when it was not a 201. */
  detail: string;
}

export interface LoadReport {
  flags: { kind: string; connections: number; durationS: number; baselineS: number; rows: number; publishRows: number };
  baseline: MixResult;
  loaded: MixResult;
  publish: PublishOutcome;
  serverLog: ServerLogSummary;
  notes: string[];
}

const count = (kind: KindResult, test: (status: number) => boolean) => [...kind.statuses].reduce((n, [status, k]) => n + (test(status) ? k : 0), 0);
const non2xx = (kind: KindResult) => count(kind, (s) => s < 200 || s >= 300);
const fivexx = (kind: KindResult) => count(kind, (s) => s >= 500);

function byStatus(kind: KindResult): string {
  const entries = [...kind.statuses].filter(([status]) => status < 200 || status >= 300).sort(([a], [b]) => a - b);
  return entries.length ? entries.map(([status, n]) => `${status}×${n}`).join(' ') : 'none';
}

function row(base: KindResult, load: KindResult): Cell[] {
  return [
    load.name, String(load.connections),
    base.rps, load.rps, times(ratio(load.rps, base.rps)),
    load.p50, load.p95, load.p99, times(ratio(load.p99, base.p99)),
    `${non2xx(base)} / ${non2xx(load)}`, `${base.errors} / ${load.errors}`,
  ];
}

export function printReport(report: LoadReport): boolean {
  const { flags, baseline, loaded, publish, serverLog } = report;
  console.log(`\nLoad on ${flags.kind}: ${flags.rows.toLocaleString('en')} rows read by ${flags.connections} connections, `
    + `baseline ${baseline.seconds.toFixed(0)} s, then ${loaded.seconds.toFixed(0)} s while ${flags.publishRows.toLocaleString('en')} rows are published`);
  console.log('req/s and latency (ms) under publish; × baseline = under publish ÷ baseline (same mix, same run, nothing else running)\n');
  const rows = [...baseline.kinds.map((b, i) => row(b, loaded.kinds[i])), row(baseline.overall, loaded.overall)];
  console.log(table(['kind', 'conns', 'base req/s', 'req/s', 'req/s × base', 'p50', 'p95', 'p99', 'p99 × base', 'non-2xx base / load', 'errors base / load'], rows));
  console.log(`\nbaseline overall: p50 ${baseline.overall.p50.toFixed(0)} ms, p95 ${baseline.overall.p95.toFixed(0)} ms, p99 ${baseline.overall.p99.toFixed(0)} ms`);
  console.log(`non-2xx by status: baseline ${byStatus(baseline.overall)}; under publish ${byStatus(loaded.overall)}`);

  const published = publish.status === 201 && publish.rowsServed === publish.expectedRows;
  console.log(`\nPublish of ${publish.expectedRows.toLocaleString('en')} rows: HTTP ${publish.status || 'connection broken'} in ${publish.seconds.toFixed(1)} s `
    + `(${Math.round(publish.expectedRows / publish.seconds).toLocaleString('en')} rows/s), ran during ${publish.overlapSeconds.toFixed(1)} s `
    + `of the ${publish.loadSeconds.toFixed(1)} s of load; ${publish.rowsServed?.toLocaleString('en') ?? 'no'} rows served afterwards`
    + (publish.detail ? `\n  answer: ${publish.detail}` : ''));
  console.log(`Server log: ${serverLog.requests.toLocaleString('en')} requests logged, ${serverLog.serverErrors} with a 5xx, ${serverLog.errorLines} error line(s)`
    + serverLog.firstErrors.map((e) => `\n  ${e}`).join(''));

  const serverErrors = fivexx(baseline.overall) + fivexx(loaded.overall);
  const errors = baseline.overall.errors + loaded.overall.errors;
  console.log('\nVerdict');
  console.log(`  ${verdict(serverErrors === 0 && serverLog.serverErrors === 0)}  no 5xx (client side ${serverErrors}, server log ${serverLog.serverErrors})`);
  console.log(`  ${verdict(errors === 0)}  no connection error or timeout (${errors})`);
  console.log(`  ${verdict(published)}  the publish completed and its rows are served`);
  for (const note of report.notes) console.log(`  note: ${note} (figures less comparable)`);
  return serverErrors > 0 || serverLog.serverErrors > 0 || errors > 0 || !published;
}
