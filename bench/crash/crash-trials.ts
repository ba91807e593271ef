import fs from 'node:fs';
import path from 'node:path';
import { openStore, type StoreKind } from '../../catalogue/storage';
import { CRASH_SLUG, prepareCrashStore, writeCrashCsv } from './crash-dataset';
import { publishOverHttp, readServedVersion, type ServedVersion } from './http-client';
import { startServerProcess, type RunningServer } from './server-process';
import { checkStoreConsistency } from './store-checks';

/**
 * Crash trials on one store (issue 7): the real server publishes a large file through its API and
 * is killed with SIGKILL at a random moment; restarted, it must serve either the previous version
 * or (when the kill came after the switch) the new one, complete, never a mix; and the store must
 * be consistent (store-checks.ts). Two large files (A, B) alternate, so that the previous and the
 * new content always differ and a mix would show in the export's checksum.
 */
export interface CrashTrialOptions {
  kind: StoreKind;
  /** An empty store (migrated or not): a fresh SQLite file or PostgreSQL database. */
  databaseUrl: string;
  /** A folder for DATA_DIR and the dataset's files; the caller removes it. */
  workDir: string;
  trials: number;
  /** Rows of each large file. */
  largeRows: number;
  /** Rows of the first version. */
  firstRows: number;
  seed: number;
  /** Large files already generated (shared between stores); else written under workDir. */
  largeFiles?: { a: string; b: string };
  log?: (line: string) => void;
}

export interface CrashTrialSummary {
  kind: StoreKind;
  trials: number;
  /** The previous version was current after the restart. */
  killedDuringLoad: number;
  /** The kill came after the publish's switch: the new version was current. */
  killedAfterCommit: number;
  /** Of those, the ones whose 201 answer had reached the client before the kill (it must not be lost). */
  acknowledgedBeforeKill: number;
  failures: string[];
  /**
   * Copies of uploads being stored (`sources/<slug>/.incoming-*`) left in DATA_DIR after the last
   * restart; start-up removes them, so any left after a restart is also a failure of its trial.
   */
  leftoverIncomingFiles: number;
  /** One full publish of a large file, measured before the trials (the kill delays are drawn within it). */
  publishSeconds: number;
  largeRows: number;
}

type ContentKey = 'first' | 'a' | 'b';
type Content = Pick<ServedVersion, 'recordCount' | 'exportRows' | 'exportSha256'>;

/** A small seeded generator (mulberry32): the same seed draws the same kill moments. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function writeLargeFiles(dir: string, rows: number): Promise<{ a: string; b: string }> {
  const files = { a: path.join(dir, `large-a-${rows}.csv`), b: path.join(dir, `large-b-${rows}.csv`) };
  await writeCrashCsv(files.a, rows, 1);
  await writeCrashCsv(files.b, rows, 2);
  return files;
}

function countIncomingFiles(dataDir: string): number {
  const sources = path.join(dataDir, 'sources');
  if (!fs.existsSync(sources)) return 0;
  return fs.readdirSync(sources).reduce((n, slug) => n + fs.readdirSync(path.join(sources, slug)).filter((f) => f.startsWith('.incoming-')).length, 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sameContent(served: ServedVersion, expected: Content): boolean {
  return served.recordCount === expected.recordCount && served.exportRows === expected.exportRows && served.exportSha256 === expected.exportSha256;
}

function describe(served: ServedVersion): string {
  return `version ${served.version}, ${served.recordCount} lignes annoncées, ${served.exportRows} exportées, sha256 ${served.exportSha256.slice(0, 12)}…`;
}

export async function runCrashTrials(options: CrashTrialOptions): Promise<CrashTrialSummary> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.join(options.workDir, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const { token } = await prepareCrashStore(options.databaseUrl, dataDir, options.workDir, options.firstRows);
  const files = options.largeFiles ?? (await writeLargeFiles(options.workDir, options.largeRows));
  const env = { databaseUrl: options.databaseUrl, dataDir };
  const summary: CrashTrialSummary = {
    kind: options.kind, trials: 0, killedDuringLoad: 0, killedAfterCommit: 0, acknowledgedBeforeKill: 0, leftoverIncomingFiles: 0, failures: [], publishSeconds: 0, largeRows: options.largeRows,
  };
  const expected = new Map<ContentKey, Content>();
  const contentOf = new Map<number, ContentKey>();
  const store = await openStore(options.databaseUrl);
  let server: RunningServer | null = await startServerProcess(env);
  try {
    const first = await readServedVersion(server.baseUrl, CRASH_SLUG);
    if (first.version === null || first.recordCount !== options.firstRows) throw new Error(`première version inattendue : ${describe(first)}`);
    expected.set('first', first);
    contentOf.set(first.version, 'first');

    // Both large files published in full once: their expected content, and how long a publish takes.
    let measured = 0;
    for (const key of ['a', 'b'] as const) {
      const started = process.hrtime.bigint();
      const answer = await publishOverHttp(server.baseUrl, CRASH_SLUG, token, files[key]);
      measured += Number(process.hrtime.bigint() - started) / 1e9;
      if (answer.status !== 201) throw new Error(`publication de mesure : ${answer.status} ${answer.body.slice(0, 300)}`);
      const served = await readServedVersion(server.baseUrl, CRASH_SLUG);
      if (served.recordCount !== options.largeRows || served.exportRows !== options.largeRows) throw new Error(`publication de mesure incomplète : ${describe(served)}`);
      expected.set(key, served);
      contentOf.set(served.version!, key);
    }
    summary.publishSeconds = measured / 2;
    log(`${options.kind} : une publication de ${options.largeRows.toLocaleString('fr-FR')} lignes prend ${summary.publishSeconds.toFixed(1)} s`);

    const random = seededRandom(options.seed);
    let current = await readServedVersion(server.baseUrl, CRASH_SLUG);
    for (let trial = 1; trial <= options.trials; trial++) {
      const running = server ?? (await startServerProcess(env));
      server = running;
      const previous = current.version!;
      const previousKey = contentOf.get(previous)!;
      const nextKey: ContentKey = previousKey === 'a' ? 'b' : 'a';
      // Odd trials anywhere in the publish; even ones around its end (±25 %), where it switches
      // versions: a busy machine stretches the publish, and a uniform draw would rarely land there.
      const [from, to] = trial % 2 === 1 ? [0, 1] : [0.75, 1.25];
      const delayMs = Math.round((from + random() * (to - from)) * summary.publishSeconds * 1000);
      const answer = publishOverHttp(running.baseUrl, CRASH_SLUG, token, files[nextKey]);
      await sleep(delayMs);
      await running.kill();
      server = null;
      const acknowledged = (await answer).status;
      const restarted = await startServerProcess(env);
      server = restarted;
      const served = await readServedVersion(restarted.baseUrl, CRASH_SLUG);
      const fail = (message: string) => summary.failures.push(`essai ${trial} (arrêt à ${delayMs} ms) : ${message}`);
      let outcome: string;
      if (served.version === previous) {
        summary.killedDuringLoad++;
        outcome = 'version précédente';
        if (!sameContent(served, expected.get(previousKey)!)) fail(`version précédente incomplète ou mélangée : ${describe(served)}`);
        if (acknowledged === 201) fail('la publication avait été confirmée (201) mais elle est perdue');
      } else if (served.version === previous + 1) {
        summary.killedAfterCommit++;
        outcome = 'nouvelle version';
        contentOf.set(served.version, nextKey);
        if (acknowledged === 201) summary.acknowledgedBeforeKill++;
        if (!sameContent(served, expected.get(nextKey)!)) fail(`nouvelle version incomplète ou mélangée : ${describe(served)}`);
      } else {
        outcome = 'version inattendue';
        fail(`ni la version ${previous} ni la suivante : ${describe(served)}`);
      }
      if (acknowledged !== 0 && acknowledged !== 201) fail(`réponse inattendue à la publication : ${acknowledged}`);
      current = served;
      const code = await restarted.stop();
      server = null;
      if (code !== 0) fail(`arrêt par SIGTERM terminé avec le code ${code}`);
      for (const problem of await checkStoreConsistency(store)) fail(problem);
      // The restart removed copies a killed publish left half-written (catalogue/interrupted-copies.ts).
      const leftovers = countIncomingFiles(dataDir);
      if (leftovers > 0) fail(`${leftovers} copie(s) d’envoi interrompu (sources/*/.incoming-*) encore là après le redémarrage`);
      summary.trials++;
      log(`${options.kind} : essai ${trial}/${options.trials}, arrêt brutal à ${delayMs} ms → ${outcome}${acknowledged === 201 ? ' (201 reçu)' : ''}`);
    }
    summary.leftoverIncomingFiles = countIncomingFiles(dataDir);
  } catch (error) {
    // A server that would not start or answer ends the run; the trials so far are kept.
    summary.failures.push(`essais interrompus : ${(error as Error)?.message ?? String(error)}`);
  } finally {
    if (server) await server.kill();
    await store.close();
  }
  return summary;
}
