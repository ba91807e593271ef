import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { CRASH_SLUG, prepareCrashStore, writeCrashCsv } from '../../../bench/crash/crash-dataset';
import { publishOverHttp } from '../../../bench/crash/http-client';
import { startServerProcess, type RunningServer } from '../../../bench/crash/server-process';
import { checkStoreConsistency } from '../../../bench/crash/store-checks';
import { createTestStore, type TestStore } from '../../support/test-store';

/**
 * SIGTERM on the real server process while an export streams to a slow client and a publish
 * loads: new connections are refused, the export ends complete, the publish is rolled back
 * (previous version current, the new one rejected with the shutdown note), and the process exits
 * with code 0.
 */
const FIRST_ROWS = 120_000; // an export well past the socket buffers, so that it is still in flight
const LARGE_ROWS = 100_000;

let t: TestStore;
let workDir: string;
let server: RunningServer | null = null;

beforeAll(async () => {
  t = await createTestStore();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-shutdown-test-'));
});
afterAll(async () => {
  await server?.kill();
  await t.cleanup();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** A GET whose body is held after its first chunk until `resume()`: a slow client, deterministic. */
function heldDownload(url: string): Promise<{ resume(): Promise<string> }> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      const chunks: Buffer[] = [];
      const ended = new Promise<string>((done, fail) => {
        res.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
        res.on('error', fail);
        res.on('aborted', () => fail(new Error('export coupé')));
      });
      res.once('data', (chunk: Buffer) => {
        chunks.push(chunk);
        res.pause();
        res.on('data', (more: Buffer) => chunks.push(more));
        resolve({
          resume: () => {
            res.resume();
            return ended;
          },
        });
      });
    }).on('error', reject);
  });
}

/** Waits, bounded, until `check` holds. */
async function waitFor(what: string, check: () => Promise<boolean>, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`toujours pas après ${limitMs / 1000} s : ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('SIGTERM', () => {
  it('lets an in-flight export finish, rolls back a running publish and exits with code 0', async () => {
    const dataDir = path.join(workDir, 'data');
    const { token } = await prepareCrashStore(t.url, dataDir, workDir, FIRST_ROWS);
    const large = path.join(workDir, 'large.csv');
    await writeCrashCsv(large, LARGE_ROWS, 1);
    const { knex } = t.store;
    const dataset = await knex('datasets').where({ slug: CRASH_SLUG }).first('id', 'current_version_id');
    server = await startServerProcess({ databaseUrl: t.url, dataDir, logLevel: 'info' });

    const exported = await heldDownload(`${server.baseUrl}/api/v1/datasets/${CRASH_SLUG}/exports/csv`);
    const answer = publishOverHttp(server.baseUrl, CRASH_SLUG, token, large);
    await waitFor('une version en chargement', async () => (await knex('versions').where({ dataset_id: dataset.id, status: 'loading' })).length === 1);
    const exit = server.stop();

    const published = await answer;
    expect(published.status).toBe(503);
    expect(JSON.parse(published.body).code).toBe('shutting-down');
    expect(JSON.parse(published.body).detail).toMatch(/publication interrompue par l’arrêt du serveur/i);
    // The listening socket closed before the publish was interrupted: no new connection now.
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
    const csv = await exported.resume();
    expect(csv.split('\n').filter((line) => line !== '')).toHaveLength(FIRST_ROWS + 1);
    expect(await exit).toBe(0);
    expect(server.output()).toMatch(/Arrêt demandé \(SIGTERM\)/);
    server = null;

    const after = await knex('datasets').where({ id: dataset.id }).first('current_version_id');
    expect(after.current_version_id).toBe(dataset.current_version_id);
    const rejected = await knex('versions').where({ dataset_id: dataset.id, status: 'rejected' }).select('note', 'table_name');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].note).toMatch(/publication interrompue par l’arrêt du serveur/i);
    expect(await t.store.dialect.listTables(knex)).not.toContain(rejected[0].table_name);
    expect(await checkStoreConsistency(t.store)).toEqual([]);
  }, 120_000);
});
