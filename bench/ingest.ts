/**
 * Ingestion benchmark (not a test): `npm run bench:ingest [-- flags]`.
 *
 * Generates (once, seeded, under .bench/) a 1M-row file of Eure-like records, then runs each
 * measurement in a fresh child process, so that every peak RSS (`process.resourceUsage().maxRSS`)
 * is that measurement's own, and prints rows/s, seconds, peak RSS and ratios against the
 * baselines measured in the same run (raw csv-parse, raw insert) and full vs naive.
 *
 * Flags: --quick (100k rows, no 5M run) · --rows=N · --no-rows-5m / --rows-5m · --only=a,b ·
 *        --repeat=N (median of N runs) · --cpu-prof (profiles in .bench/profiles/) ·
 *        --quiet-wait=S (before each run, wait up to S seconds, default 60, for other processes
 *        to leave the CPU: on a shared 2-core machine they skew the parallel pipeline most)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, ensureBenchFile } from './ingest-data';
import {
  csvParseStream, csvSource, fullPublish, ingestOnly, insertPlain, insertWriter, naive,
  type MeasureContext, type MeasureOutcome,
} from './ingest-measures';
import { ingestFile } from '../catalogue/ingest/ingest-file';
import { ingestFileParallel } from '../catalogue/ingest/parallel-ingest';

/**
 * The catalogue's publish with `ingestFileParallel` in place of `ingestFile`: what publish.ts
 * would do once switched. Only in the measurement's own child process: the compiled publish.js
 * reads `ingest_file_1.ingestFile` at each call, so replacing that export is enough.
 */
const withParallelIngest = (run: Measurement['run']): Measurement['run'] => (ctx, timed) => {
  const exports = require('../catalogue/ingest/ingest-file') as { ingestFile: unknown };
  exports.ingestFile = ingestFileParallel;
  return run(ctx, timed);
};

type Timed = (work: () => Promise<number>) => Promise<number>;

interface Measurement {
  label: string;
  /** Which file: the main one (1M rows by default) or the 5M one. */
  size: 'main' | '5m';
  run(ctx: MeasureContext, timed: Timed): Promise<MeasureOutcome>;
}

/** A measurement timed as a whole. */
const whole = (run: (ctx: MeasureContext) => Promise<MeasureOutcome>) => async (ctx: MeasureContext, timed: Timed): Promise<MeasureOutcome> => {
  let outcome: MeasureOutcome | undefined;
  await timed(async () => {
    outcome = await run(ctx);
    return outcome.rows;
  });
  return outcome!;
};

const MEASUREMENTS: Record<string, Measurement> = {
  'csv-parse': { label: 'raw csv-parse (stream API, arrays)', size: 'main', run: whole(csvParseStream) },
  'csv-source': { label: 'product reader: prescan + decode + csv-parse', size: 'main', run: whole(csvSource) },
  'insert-writer': { label: 'raw insert: store writer, pre-built rows', size: 'main', run: insertWriter },
  'insert-plain': { label: 'raw insert: prepared stmt, 1 tx', size: 'main', run: insertPlain },
  naive: { label: 'NAIVE: objects → ajv coerce → named INSERT', size: 'main', run: naive },
  ingest: { label: 'ingestFile, no store (validate+keys+profile)', size: 'main', run: whole((ctx) => ingestOnly(ctx, ingestFile)) },
  'ingest-parallel': { label: 'ingestFileParallel, no store', size: 'main', run: whole((ctx) => ingestOnly(ctx, ingestFileParallel)) },
  publish: { label: 'FULL: catalogue.publish (ingestFile)', size: 'main', run: fullPublish },
  'publish-parallel': { label: 'FULL: catalogue.publish with ingestFileParallel', size: 'main', run: withParallelIngest(fullPublish) },
  'publish-5m': { label: 'FULL 5M rows: catalogue.publish (ingestFile)', size: '5m', run: fullPublish },
  'publish-parallel-5m': { label: 'FULL 5M rows: publish with ingestFileParallel', size: '5m', run: withParallelIngest(fullPublish) },
};

// ---------------------------------------------------------------------------------------------
// Child side

interface ChildResult {
  name: string;
  rows: number;
  seconds: number;
  /** CPU time (user + system) of the whole process, all threads, during the timed work. */
  cpuSeconds: number;
  maxRssMb: number;
  note?: string;
}

const RESULT_MARK = 'BENCH_RESULT ';

async function runChild(name: string, file: string, rows: number): Promise<void> {
  const measurement = MEASUREMENTS[name];
  let seconds = -1;
  let cpuSeconds = -1;
  const timed: Timed = async (work) => {
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const n = await work();
    seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    cpuSeconds = (used.user + used.system) / 1e6;
    return n;
  };
  const outcome = await measurement.run({ file, rows }, timed);
  if (outcome.rows !== rows) throw new Error(`${name}: ${outcome.rows} rows handled, ${rows} expected`);
  const result: ChildResult = { name, rows: outcome.rows, seconds, cpuSeconds, maxRssMb: process.resourceUsage().maxRSS / 1024, note: outcome.note };
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent side

interface Flags {
  rows: number;
  rows5m: boolean;
  only: string[] | null;
  repeat: number;
  cpuProf: boolean;
  /** Seconds to wait for a quiet machine before each measurement (0: do not wait). */
  quietWait: number;
}

function parseFlags(argv: string[]): Flags {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const quick = argv.includes('--quick');
  return {
    rows: Number(value('rows') ?? (quick ? 100_000 : 1_000_000)),
    rows5m: argv.includes('--rows-5m') || (!quick && !argv.includes('--no-rows-5m')),
    only: value('only')?.split(',') ?? null,
    repeat: Number(value('repeat') ?? 1),
    cpuProf: argv.includes('--cpu-prof'),
    quietWait: Number(value('quiet-wait') ?? 60),
  };
}

/** CPU busy share (all cores) over `ms`: what other processes take before a measurement starts. */
function busyShare(ms: number): number {
  const sample = () => os.cpus().reduce((acc, c) => ({ idle: acc.idle + c.times.idle, total: acc.total + Object.values(c.times).reduce((a, b) => a + b, 0) }), { idle: 0, total: 0 });
  const before = sample();
  const until = Date.now() + ms;
  while (Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  const after = sample();
  const total = after.total - before.total;
  return total > 0 ? 1 - (after.idle - before.idle) / total : 0;
}

/** Waits (up to `maxMs`) for the machine to be quiet: other work on a shared 2-core machine skews a parallel pipeline most. */
function waitForQuiet(maxMs: number, log: (line: string) => void): number {
  const until = Date.now() + maxMs;
  let busy = busyShare(1000);
  while (busy > 0.15 && Date.now() < until) busy = busyShare(2000);
  if (busy > 0.15) log(`  (machine busy: ${Math.round(busy * 100)} % of the CPU taken by other processes; figures will be low)`);
  return busy;
}

function spawnMeasurement(name: string, file: string, rows: number, cpuProf: boolean): ChildResult {
  // One folder per measurement: a worker thread writes its own profile there too.
  const profDir = path.join(BENCH_DIR, 'profiles', `${name}-${Date.now()}`);
  const nodeFlags = ['--expose-gc', ...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [])];
  const child = spawnSync(process.execPath, [...nodeFlags, __filename, '--child', name, `--file=${file}`, `--rows=${rows}`], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 << 20,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (child.status !== 0 || !line) throw new Error(`measurement ${name} failed (exit ${child.status}):\n${child.stdout}`);
  return JSON.parse(line.slice(RESULT_MARK.length)) as ChildResult;
}

function median(results: ChildResult[]): ChildResult {
  const sorted = [...results].sort((a, b) => a.seconds - b.seconds);
  const mid = sorted[Math.floor(sorted.length / 2)];
  return { ...mid, maxRssMb: Math.max(...results.map((r) => r.maxRssMb)) };
}

const rate = (r: ChildResult) => r.rows / r.seconds;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function printTable(results: Map<string, ChildResult>): void {
  const parse = results.get('csv-parse');
  const insert = results.get('insert-writer');
  const head = ['measurement', 'rows', 'rows/s', 's', 'CPU s', 'peak RSS MB', '÷ csv-parse', '÷ insert'];
  const lines = [...results.entries()].map(([name, r]) => [
    MEASUREMENTS[name].label + (r.note ? ` (${r.note})` : ''),
    fmt(r.rows), fmt(rate(r)), fmt(r.seconds, 2), fmt(r.cpuSeconds, 2), fmt(r.maxRssMb),
    parse ? fmt(rate(r) / rate(parse), 2) : '–',
    insert ? fmt(rate(r) / rate(insert), 2) : '–',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log('');
  console.log(row(head));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const l of lines) console.log(row(l));
  console.log('');
  const naiveResult = results.get('naive');
  const targets: string[] = [];
  for (const [name, r] of results) {
    if (!name.startsWith('publish')) continue;
    const vsNaive = naiveResult ? rate(r) / rate(naiveResult) : NaN;
    targets.push(`${name}: ${naiveResult ? `${fmt(vsNaive, 2)}× naive (target ≥ 1.5 ${vsNaive >= 1.5 ? 'met' : 'NOT met'})` : 'no naive run'}, peak RSS ${fmt(r.maxRssMb)} MB (target < 200 ${r.maxRssMb < 200 ? 'met' : 'NOT met'})`);
  }
  targets.forEach((t) => console.log(t));
}

async function main(argv: string[]): Promise<void> {
  const childIndex = argv.indexOf('--child');
  if (childIndex >= 0) {
    const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))!.split('=')[1];
    await runChild(argv[childIndex + 1], value('file'), Number(value('rows')));
    return;
  }
  const flags = parseFlags(argv);
  const log = (line: string) => console.error(line);
  const names = Object.keys(MEASUREMENTS).filter((n) => (flags.only ? flags.only.includes(n) : MEASUREMENTS[n].size === 'main' || flags.rows5m));
  const needs5m = names.some((n) => MEASUREMENTS[n].size === '5m');
  const mainFile = await ensureBenchFile(flags.rows, log);
  const file5m = needs5m ? await ensureBenchFile(5_000_000, log) : null;
  log(`${path.basename(mainFile)}: ${fmt(fs.statSync(mainFile).size / 1e6)} MB, ${fmt(flags.rows)} rows; node ${process.version}; ${names.length} measurements × ${flags.repeat}`);
  const results = new Map<string, ChildResult>();
  for (const name of names) {
    const m = MEASUREMENTS[name];
    const [file, rows] = m.size === '5m' ? [file5m!, 5_000_000] : [mainFile, flags.rows];
    const runs: ChildResult[] = [];
    for (let i = 0; i < flags.repeat; i++) {
      if (flags.quietWait > 0) waitForQuiet(flags.quietWait * 1000, log);
      runs.push(spawnMeasurement(name, file, rows, flags.cpuProf));
    }
    const r = median(runs);
    log(`  ${name.padEnd(22)} ${fmt(rate(r)).padStart(9)} rows/s  ${fmt(r.seconds, 2).padStart(7)} s  CPU ${fmt(r.cpuSeconds, 2).padStart(6)} s  ${fmt(r.maxRssMb).padStart(5)} MB`);
    results.set(name, r);
  }
  printTable(results);
  if (!flags.rows5m && !flags.only) console.log('5M-row memory check skipped: run `npm run bench:ingest -- --rows-5m` (about two minutes more the first time, ~2 GB of temporary disk).');
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
