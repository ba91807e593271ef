/**
 * Crash trials (not a test): `npm run crash-trials [-- flags]`. For each store, a fresh database,
 * the real server in a child process, a large file published through the API and the server
 * killed with SIGKILL at a random moment, restarted and checked (bench/crash/crash-trials.ts).
 * Prints a summary per store; exits 1 on any failure.
 *
 * Flags: `--store=sqlite|postgres|both` (default both) · `--trials=N` (20) · `--rows=N` (rows of each
 * large file, 400000) · `--first-rows=N` (1000) · `--seed=N` (the kill moments; default: the time) ·
 * `--postgres-url=URL` (the server to create the database on; default CRASH_DATABASE_URL,
 * TEST_DATABASE_URL, then postgres://postgres@127.0.0.1:5432/postgres).
 * Run time: about trials × (1.1 × one publish + ~5 s of restarts and checks) per store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoreKind } from '../catalogue/storage';
import { runCrashTrials, writeLargeFiles, type CrashTrialSummary } from './crash/crash-trials';
import { createTempDatabase } from './crash/temp-database';

interface Flags {
  stores: StoreKind[];
  trials: number;
  rows: number;
  firstRows: number;
  seed: number;
  postgresUrl: string;
}

function parseFlags(argv: string[]): Flags {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const positive = (name: string, fallback: number) => {
    const n = Number(value(name) ?? fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} : un entier positif est attendu`);
    return n;
  };
  const store = value('store') ?? 'both';
  if (!['sqlite', 'postgres', 'both'].includes(store)) throw new Error('--store : sqlite, postgres ou both');
  return {
    stores: store === 'both' ? ['sqlite', 'postgres'] : [store as StoreKind],
    trials: positive('trials', 20),
    rows: positive('rows', 400_000),
    firstRows: positive('first-rows', 1000),
    seed: positive('seed', Date.now() % 2_147_483_647),
    postgresUrl: value('postgres-url') ?? process.env.CRASH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

function printSummary(summaries: CrashTrialSummary[], seconds: number): void {
  const rows = [
    ['stockage', 'essais', 'arrêts pendant le chargement', 'arrêts après la bascule', 'dont 201 reçu', 'échecs', 'une publication'],
    ...summaries.map((s) => [
      s.kind, String(s.trials), String(s.killedDuringLoad), String(s.killedAfterCommit), String(s.acknowledgedBeforeKill), String(s.failures.length),
      `${s.publishSeconds.toFixed(1)} s (${s.largeRows.toLocaleString('fr-FR')} lignes)`,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
  console.log(`durée totale : ${Math.round(seconds)} s`);
  for (const s of summaries) {
    if (s.leftoverIncomingFiles > 0) console.log(`${s.kind} : ${s.leftoverIncomingFiles} copie(s) d’envoi interrompu (sources/*/.incoming-*) laissée(s) dans DATA_DIR`);
  }
  for (const s of summaries) for (const f of s.failures) console.log(`ÉCHEC ${s.kind} : ${f}`);
}

async function main(argv: string[]): Promise<number> {
  const flags = parseFlags(argv);
  const started = Date.now();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-crash-'));
  const log = (line: string) => console.error(line);
  log(`essais d’arrêt brutal : ${flags.stores.join(', ')}, ${flags.trials} essais, ${flags.rows.toLocaleString('fr-FR')} lignes, graine ${flags.seed}`);
  const summaries: CrashTrialSummary[] = [];
  try {
    const largeFiles = await writeLargeFiles(root, flags.rows);
    for (const kind of flags.stores) {
      const workDir = path.join(root, kind);
      fs.mkdirSync(workDir);
      const database = await createTempDatabase(kind, workDir, flags.postgresUrl);
      try {
        summaries.push(await runCrashTrials({
          kind, databaseUrl: database.url, workDir, trials: flags.trials, largeRows: flags.rows, firstRows: flags.firstRows, seed: flags.seed, largeFiles, log,
        }));
      } catch (error) {
        summaries.push({
          kind, trials: 0, killedDuringLoad: 0, killedAfterCommit: 0, acknowledgedBeforeKill: 0, leftoverIncomingFiles: 0, publishSeconds: 0, largeRows: flags.rows,
          failures: [`les essais n’ont pas pu aller au bout : ${(error as Error)?.message ?? String(error)}`],
        });
      } finally {
        await database.drop();
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  printSummary(summaries, (Date.now() - started) / 1000);
  return summaries.some((s) => s.failures.length > 0) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
