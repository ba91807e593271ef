/**
 * Query API benchmark (not a test): `npm run bench:api [-- flags]`.
 *
 * On a 1M-row dataset loaded through the real pipeline (generated and loaded once under .bench/,
 * reused afterwards), serves the platform in a child process on 127.0.0.1 and measures with
 * autocannon (16 connections, a few seconds each) a set of records endpoints, the dataset page's
 * API, a full CSV export, and a light request's p99 alone and while a heavy query or an export
 * runs. Two floors are measured in the same run:
 * - HTTP floor: a bench-only route answering a constant JSON body (the first page's, captured
 *   once): what express and node's HTTP cost with no query at all;
 * - store floor: the same query through the records service in this process (no HTTP), with the
 *   same concurrency: what the store costs with no HTTP at all.
 * Figures drift between runs and machines; the ratios are what to read.
 *
 * Flags: --quick (100k rows) · --rows=N · --duration=S (per measurement, default 5) ·
 *        --connections=N (default 16) · --light-connections=N (default: --connections) ·
 *        --only=name,name (endpoints whose name contains one of them; floors always run) ·
 *        --cpu-prof (the server process writes V8 profiles, main thread and readers, to
 *        .bench/profiles/api/; read them with `node dist/bench/cpuprofile-summary.js <file>`) ·
 *        --quiet-wait=S (before each measurement, wait up to S seconds, default 20, for other
 *        processes to leave the CPUs; the share they used is printed when it stayed high) ·
 *        --read-workers=N (reader threads of the server and of the store floor; 0 runs every
 *        statement in the main thread, as before the read pool: for comparison)
 */
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Catalogue } from '../catalogue';
import { DEFAULT_READ_WORKERS } from '../catalogue/query/read-pool/open-runner';
import { createRecordsService, type QueryParams } from '../catalogue/records';
import { BENCH_DIR } from './ingest-data';
import { benchStore, openBenchCatalogue } from './support/api-dataset';
import { FLOOR_PATH, MEMORY_PATH, type MemoryReading } from './support/bench-app';
import { startServerChild, stopServerChild } from './support/server-child';
import { backgroundLoop, download, getJson, httpLoad, type HttpLoad } from './support/http-load';
import { ratio, table, times, verdict, type Cell } from './support/report';
import { waitForQuietCpu } from './support/quiet-cpu';
import { storeLoad, type StoreLoad } from './support/store-load';

interface Flags {
  rows: number;
  durationS: number;
  connections: number;
  lightConnections: number;
  only: string[] | null;
  cpuProf: boolean;
  quietWaitS: number;
  readWorkers: number | undefined;
}

function parseFlags(argv: readonly string[]): Flags {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const rows = Number(value('rows') ?? (argv.includes('--quick') ? 100_000 : 1_000_000));
  const connections = Number(value('connections') ?? 16);
  return {
    rows,
    durationS: Math.min(30, Number(value('duration') ?? 5)),
    connections,
    lightConnections: Number(value('light-connections') ?? connections),
    only: value('only')?.split(',') ?? null,
    cpuProf: argv.includes('--cpu-prof'),
    quietWaitS: Number(value('quiet-wait') ?? 20),
    readWorkers: value('read-workers') === undefined ? undefined : Number(value('read-workers')),
  };
}

const log = (line: string) => console.error(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function paramsOf(pathAndQuery: string): QueryParams {
  const params: QueryParams = {};
  for (const [key, value] of new URL(pathAndQuery, 'http://x').searchParams) {
    const previous = params[key];
    params[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return params;
}

/** The `_next` token of page `page` (20 rows a page), found by walking the keyset cursor like a client would, in pages of 1000 then 20. */
async function cursorOfPage(catalogue: Catalogue, slug: string, page: number): Promise<string> {
  let before = (page - 1) * 20;
  let next: string | null = null;
  while (before > 0) {
    const size = before >= 1000 ? 1000 : 20;
    const answer = await catalogue.records.query(slug, { _size: String(size), _count: 'false', ...(next ? { _next: next } : {}) });
    next = answer.next;
    before -= size;
  }
  const check = await catalogue.records.query(slug, { _next: next! });
  if (check.records[0]?.id !== (page - 1) * 20 + 1) throw new Error(`page ${page} starts at id ${String(check.records[0]?.id)}`);
  return next!;
}

function startServer(rows: number, readWorkers: number | undefined, cpuProf: boolean): Promise<{ child: ChildProcess; base: string }> {
  const profiles = ['--cpu-prof', `--cpu-prof-dir=${path.join(BENCH_DIR, 'profiles', 'api')}`];
  const args = [String(rows), ...(readWorkers === undefined ? [] : [String(readWorkers)])];
  return startServerChild(path.join(__dirname, 'support', 'api-server.js'), args, { execArgv: ['--expose-gc', ...(cpuProf ? profiles : [])] });
}

interface Endpoint {
  name: string;
  path: string;
  /** The same work without HTTP, through the catalogue's services. */
  store: () => Promise<unknown>;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const bench = benchStore(flags.rows);
  const { slug } = bench;
  log(`bench:api — ${flags.rows.toLocaleString('en')} rows, ${flags.connections} connections × ${flags.durationS} s per measurement, `
    + `${os.availableParallelism()} CPUs, node ${process.version}, ${flags.readWorkers ?? DEFAULT_READ_WORKERS} reader threads per process`);
  const opened = await openBenchCatalogue(bench, log);
  const catalogue = flags.readWorkers === undefined ? opened : { ...opened, records: createRecordsService(opened.store, { readWorkers: flags.readWorkers }) };
  const { child, base } = await startServer(flags.rows, flags.readWorkers, flags.cpuProf);
  try {
    const deepPage = Math.min(10_000, Math.floor(flags.rows / 20 / 2));
    const cursor = await cursorOfPage(catalogue, slug, deepPage);
    const records = `/api/v1/datasets/${slug}/records`;
    const query = (q: string) => () => catalogue.records.query(slug, paramsOf(q));
    const endpoints: Endpoint[] = [
      { name: 'first page', path: records, store: query('?') },
      { name: 'equality filter (categorie)', path: `${records}?categorie=${encodeURIComponent('école')}`, store: query(`?categorie=${encodeURIComponent('école')}`) },
      { name: '  same, _count=false', path: `${records}?categorie=${encodeURIComponent('école')}&_count=false`, store: query(`?categorie=${encodeURIComponent('école')}&_count=false`) },
      { name: 'range filter (montant, 1 %)', path: `${records}?montant__gte=500000&montant__lt=510000`, store: query('?montant__gte=500000&montant__lt=510000') },
      { name: 'sort on a decimal (-montant)', path: `${records}?_sort=-montant`, store: query('?_sort=-montant') },
      { name: `page ${deepPage.toLocaleString('en')} by _next`, path: `${records}?_next=${cursor}`, store: query(`?_next=${cursor}`) },
      { name: 'facet (categorie)', path: `${records}?_facet=categorie&_size=0`, store: query('?_facet=categorie&_size=0') },
      { name: 'group by (categorie, sum)', path: `${records}?_group_by=categorie&_agg=count,sum:montant`, store: query('?_group_by=categorie&_agg=count,sum:montant') },
      { name: 'dataset (GET /datasets/{slug})', path: `/api/v1/datasets/${slug}`, store: () => catalogue.datasets.get(slug) },
    ];
    for (const e of [{ path: FLOOR_PATH }, ...endpoints]) {
      const { status } = await getJson(base + e.path);
      if (status !== 200) throw new Error(`${e.path} → ${status}`);
    }

    /**
     * autocannon stops at its duration and drops the requests still in flight, but the server
     * goes on with them (queued statements run): wait for it to finish before measuring anything
     * else, or the next figure pays for this one's leftovers. A light request answered fast twice
     * in a row says the queue is empty.
     */
    const settle = async (p99: number) => {
      await sleep(Math.min(15_000, Math.max(200, p99)));
      for (let quick = 0, tries = 0; quick < 2 && tries < 200; tries++) {
        const started = performance.now();
        await getJson(`${base}${MEMORY_PATH}`);
        await getJson(`${base}${records}?_size=1&_count=false`);
        quick = performance.now() - started < 20 ? quick + 1 : 0;
        if (quick < 2) await sleep(50);
      }
    };
    const busyNotes: string[] = [];
    const quiet = async (what: string) => {
      const share = await waitForQuietCpu(flags.quietWaitS);
      if (share !== null && share >= 0.3) busyNotes.push(`${what}: other processes used ${(share * 100).toFixed(0)} % of the CPUs`);
    };
    const load = async (url: string, label: string, connections = flags.connections) => {
      await quiet(label);
      const result = await httpLoad(base + url, { connections, durationS: flags.durationS });
      await settle(result.p99);
      return result;
    };
    const floorLoad = (op: () => Promise<unknown>) => storeLoad(op, { concurrency: flags.connections, durationS: flags.durationS });

    log('HTTP floor…');
    const httpFloor = await load(FLOOR_PATH, 'HTTP floor');
    const results: Array<{ endpoint: Endpoint; http: HttpLoad; store: StoreLoad }> = [];
    const chosen = endpoints.filter((e, i) => i === 0 || !flags.only || flags.only.some((name) => e.name.includes(name)) || e.name.startsWith('page '));
    for (const endpoint of chosen) {
      log(`${endpoint.name}…`);
      gc();
      await quiet(`${endpoint.name} (store floor)`);
      const storeFloor = await floorLoad(endpoint.store);
      gc();
      const http = await load(endpoint.path, endpoint.name);
      results.push({ endpoint, http, store: storeFloor });
    }

    log('full CSV export…');
    const exportUrl = `${base}/api/v1/datasets/${slug}/exports/csv`;
    gc();
    await quiet('export (store floor)');
    const streamStarted = performance.now();
    let streamed = 0;
    for await (const row of (await catalogue.records.stream(slug, {})).rows) if (row) streamed++;
    const streamSeconds = (performance.now() - streamStarted) / 1000;
    await quiet('export');
    await getJson<MemoryReading>(`${base}${MEMORY_PATH}?gc=1&reset=1`);
    const before = (await getJson<MemoryReading>(`${base}${MEMORY_PATH}?reset=1`)).body;
    const exported = await download(exportUrl);
    const memory = (await getJson<MemoryReading>(`${base}${MEMORY_PATH}`)).body;
    if (exported.status !== 200 || exported.lines !== flags.rows + 1) throw new Error(`export: ${exported.status}, ${exported.lines} lines`);

    log('light request, idle and under load…');
    const light = records;
    const lightIdle = await load(light, 'light request, idle', flags.lightConnections);
    const heavyPath = `${base}${records}?_sort=-montant&_facet=categorie`;
    await quiet('light request under a heavy query');
    const heavy = backgroundLoop((signal) => download(heavyPath, signal));
    await sleep(200);
    const lightHeavy = await httpLoad(base + light, { connections: flags.lightConnections, durationS: flags.durationS });
    const heavyRounds = await heavy.stop();
    await settle(lightHeavy.p99);
    await quiet('light request under an export');
    const exporting = backgroundLoop((signal) => download(exportUrl, signal));
    await sleep(200);
    const lightExport = await httpLoad(base + light, { connections: flags.lightConnections, durationS: flags.durationS });
    const exportRounds = await exporting.stop();
    await settle(lightExport.p99);

    // ------------------------------------------------------------------------------------------
    const rows: Cell[][] = [
      ['HTTP floor (constant JSON)', httpFloor.rps, httpFloor.p50, httpFloor.p99, '1.00×', null, null, `${httpFloor.failures} / –`],
      ...results.map(({ endpoint, http, store }): Cell[] => [
        endpoint.name, http.rps, http.p50, http.p99,
        times(ratio(httpFloor.rps, http.rps)), store.opsPerSecond, times(ratio(store.opsPerSecond, http.rps)), `${http.failures} / ${store.failures}`,
      ]),
    ];
    console.log(`\nQuery API, ${flags.rows.toLocaleString('en')} rows, ${flags.connections} connections, ${flags.durationS} s each`);
    console.log('cost × floor = floor req/s ÷ endpoint req/s (how many times the floor\'s cost one request has)\n');
    console.log(table(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'cost × HTTP floor', 'store floor ops/s', 'cost × store floor', 'failures http / store'], rows));

    const mb = exported.bytes / 1e6;
    console.log(`\nFull CSV export: ${flags.rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB in ${exported.seconds.toFixed(2)} s = `
      + `${Math.round(flags.rows / exported.seconds).toLocaleString('en')} rows/s; server RSS ${before.rssMb.toFixed(0)} MB before, peak ${memory.peakRssMb.toFixed(0)} MB `
      + `(+${(memory.peakRssMb - before.rssMb).toFixed(0)} MB); store floor (records.stream in process, no CSV) ${Math.round(streamed / streamSeconds).toLocaleString('en')} rows/s `
      + `→ export costs ${times(ratio(streamed / streamSeconds, flags.rows / exported.seconds))} the store floor`);

    console.log(`\nLight request (first page, ${flags.lightConnections} connections): p99 idle vs while a heavy query (sort on a decimal + facet, `
      + `one at a time, ${heavyRounds} completed) or full CSV exports (one at a time, ${exportRounds} completed) run`);
    console.log(table(['condition', 'req/s', 'p50 ms', 'p99 ms', 'p99 × idle'], [
      ['idle', lightIdle.rps, lightIdle.p50, lightIdle.p99, '1.00×'],
      ['heavy query running', lightHeavy.rps, lightHeavy.p50, lightHeavy.p99, times(ratio(lightHeavy.p99, lightIdle.p99))],
      ['export running', lightExport.rps, lightExport.p50, lightExport.p99, times(ratio(lightExport.p99, lightIdle.p99))],
    ]));

    const page1 = results[0].http;
    const deep = results.find((r) => r.endpoint.name.startsWith('page '))!.http;
    const deepCost = ratio(page1.rps, deep.rps);
    const heavyRatio = ratio(lightHeavy.p99, lightIdle.p99);
    const exportRatio = ratio(lightExport.p99, lightIdle.p99);
    console.log('\nTargets');
    console.log(`  ${verdict(deepCost <= 1.2)}  page ${deepPage.toLocaleString('en')} costs ${times(deepCost)} page 1 (≤ 1.20×)`);
    console.log(`  ${verdict(heavyRatio <= 5)}  light p99 with a heavy query running: ${times(heavyRatio)} idle (≤ 5×)`);
    console.log(`  ${verdict(exportRatio <= 5)}  light p99 with an export running: ${times(exportRatio)} idle (≤ 5×)`);
    const failures = [httpFloor, ...results.map((r) => r.http), ...results.map((r) => r.store), lightIdle, lightHeavy, lightExport].reduce((n, r) => n + r.failures, 0);
    for (const note of busyNotes) console.log(`  note: ${note} before the measurement (figures less comparable)`);
    if (failures) console.log(`  note: ${failures} failed request(s) during the measurements (non-2xx: query-timeout under overload; connection errors)`);
  } finally {
    await stopServerChild(child, 10_000);
    await catalogue.records.close();
    await opened.records.close();
    await catalogue.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
