/**
 * Load benchmark (not a test): `npm run bench:load [-- flags]` (issue 7, "Load").
 *
 * On a fresh store (temporary SQLite file, or with --store=postgres a PostgreSQL database created
 * and dropped by the run), loads a 200k-row dataset with `opendata load`, creates a steward and a
 * token with the CLI, starts the real app in its own process on 127.0.0.1 (bench/load/load-server.ts)
 * and runs a mix of 64 concurrent clients (catalogue search, filtered records pages, facets, records
 * by id, filtered exports, a few full exports: bench/load/request-mix.ts):
 * - first for a baseline (--baseline seconds, nothing else running),
 * - then for --duration seconds while a 1M-row file is published through the API
 *   (`POST /api/v1/datasets/{slug}/versions`, streamed from disk).
 * Prints requests/s and p50/p95/p99 per kind and overall, under publish as ratios of the baseline,
 * non-2xx answers by status, errors, the publish's outcome and duration, and the 5xx and error
 * lines of the server's own log. Exits 1 on any 5xx, connection error or failed publish.
 *
 * Flags: --store=sqlite|postgres (default sqlite) · --duration=S (30) · --connections=N (64) ·
 *        --baseline=S (10) · --rows=N (read dataset, 200000) · --publish-rows=N (1000000) ·
 *        --quick (50k / 200k rows, 10 s, baseline 5 s) · --seed=N ·
 *        --postgres-url=URL (server to create the database on; default TEST_DATABASE_URL, then
 *        postgres://postgres@127.0.0.1:5432/postgres) · --quiet-wait=S (wait up to S s, default 20,
 *        for other processes to leave the CPUs before each phase).
 */
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { StoreKind } from '../catalogue/storage';
import { publishOverHttp } from './crash/http-client';
import { createPublishTarget, prepareLoadWorld, PUBLISH_SLUG, READ_SLUG, type LoadWorld } from './load/load-world';
import { printReport, type PublishOutcome } from './load/load-report';
import { readServerLog } from './load/server-log';
import { requestKinds, runMix, type MixResult } from './load/request-mix';
import { createRandom } from './ingest-data';
import { waitForQuietCpu } from './support/quiet-cpu';
import { startServerChild, stopServerChild } from './support/server-child';

interface Flags {
  kind: StoreKind;
  durationS: number;
  connections: number;
  baselineS: number;
  rows: number;
  publishRows: number;
  seed: number;
  postgresUrl: string;
  quietWaitS: number;
}

function parseFlags(argv: readonly string[]): Flags {
  // Both `--name=value` and `--name value`.
  const value = (name: string) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i === -1) return undefined;
    return argv[i].includes('=') ? argv[i].slice(name.length + 3) : argv[i + 1];
  };
  const quick = argv.includes('--quick');
  const positive = (name: string, fallback: number) => {
    const n = Number(value(name) ?? fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} : un entier positif est attendu`);
    return n;
  };
  const kind = value('store') ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('--store : sqlite ou postgres');
  return {
    kind,
    durationS: positive('duration', quick ? 10 : 30),
    connections: positive('connections', 64),
    baselineS: positive('baseline', quick ? 5 : 10),
    rows: positive('rows', quick ? 50_000 : 200_000),
    publishRows: positive('publish-rows', quick ? 200_000 : 1_000_000),
    seed: positive('seed', 7),
    postgresUrl: value('postgres-url') ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    quietWaitS: Number(value('quiet-wait') ?? 20),
  };
}

const log = (line: string) => console.error(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startServer(world: LoadWorld): Promise<{ child: ChildProcess; base: string }> {
  return startServerChild(path.join(__dirname, 'load', 'load-server.js'), [world.logFile], { env: { ...process.env, ...world.env } });
}

/** Every kind answers 200 (a few paths each) before anything is measured: a broken mix is not a load figure. */
async function warmUp(base: string, flags: Flags): Promise<void> {
  const random = createRandom(flags.seed + 1000);
  for (const kind of requestKinds(READ_SLUG, flags.rows)) {
    for (let i = 0; i < 10; i++) {
      const url = base + kind.path(random);
      const res = await fetch(url);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`échauffement, ${kind.name} : ${url} → ${res.status} ${body.slice(0, 300)}`);
    }
  }
}

async function publishedCount(base: string): Promise<number | null> {
  const res = await fetch(`${base}/api/v1/datasets/${PUBLISH_SLUG}`);
  if (res.status !== 200) return null;
  return Number(((await res.json()) as { record_count?: unknown }).record_count);
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  log(`bench:load — ${flags.kind}, ${flags.rows.toLocaleString('en')} rows read, ${flags.publishRows.toLocaleString('en')} rows published, `
    + `${flags.connections} connections, baseline ${flags.baselineS} s, under publish ${flags.durationS} s, ${os.availableParallelism()} CPUs, node ${process.version}`);
  const world = await prepareLoadWorld({ kind: flags.kind, readRows: flags.rows, publishRows: flags.publishRows, postgresUrl: flags.postgresUrl, log });
  let failed = true;
  try {
    const { child, base } = await startServer(world);
    const notes: string[] = [];
    const quiet = async (phase: string) => {
      const share = await waitForQuietCpu(flags.quietWaitS);
      if (share !== null && share >= 0.3) notes.push(`${phase}: other processes used ${(share * 100).toFixed(0)} % of the CPUs before it started`);
    };
    let baseline: MixResult;
    let loaded: MixResult;
    let publish: PublishOutcome;
    try {
      await createPublishTarget(base, world.token);
      await warmUp(base, flags);
      await quiet('baseline');
      log(`baseline: ${flags.baselineS} s…`);
      baseline = await runMix(base, READ_SLUG, flags.rows, { connections: flags.connections, durationS: flags.baselineS, seed: flags.seed });
      await sleep(2000);
      await quiet('under publish');
      log(`under publish: ${flags.durationS} s while ${flags.publishRows.toLocaleString('en')} rows are published…`);
      const publishStarted = performance.now();
      const publishing = publishOverHttp(base, PUBLISH_SLUG, world.token, world.publishFile).then((answer) => ({ ...answer, ended: performance.now() }));
      const loadStarted = performance.now();
      loaded = await runMix(base, READ_SLUG, flags.rows, { connections: flags.connections, durationS: flags.durationS, seed: flags.seed });
      const loadEnded = performance.now();
      log('waiting for the publish to end…');
      const answer = await publishing;
      publish = {
        status: answer.status,
        seconds: (answer.ended - publishStarted) / 1000,
        overlapSeconds: Math.max(0, (Math.min(answer.ended, loadEnded) - Math.max(publishStarted, loadStarted)) / 1000),
        loadSeconds: (loadEnded - loadStarted) / 1000,
        rowsServed: await publishedCount(base),
        expectedRows: flags.publishRows,
        detail: answer.status === 201 ? '' : answer.body.slice(0, 500),
      };
    } finally {
      await stopServerChild(child, 15_000);
    }
    const serverLog = await readServerLog(world.logFile);
    failed = printReport({ flags, baseline, loaded, publish, serverLog, notes });
  } finally {
    await world.cleanup();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
