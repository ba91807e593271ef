import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCrashTrials } from '../../../bench/crash/crash-trials';
import { checkStoreConsistency } from '../../../bench/crash/store-checks';
import { createTestStore, storeKindUnderTest, type TestStore } from '../../support/test-store';

/**
 * A few crash trials (`npm run crash-trials` runs twenty per store on large files): the real server,
 * killed with SIGKILL while it publishes, restarted, must serve a complete version and leave a
 * consistent store. Then the checker itself must see what a crash could leave behind.
 */
let t: TestStore;
let workDir: string;

beforeAll(async () => {
  t = await createTestStore();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-crash-test-'));
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('a server killed while it publishes', () => {
  it('serves the previous or the new version in full after a restart, and leaves the store consistent', async () => {
    const summary = await runCrashTrials({
      kind: storeKindUnderTest(), databaseUrl: t.url, workDir, trials: 2, largeRows: 10_000, firstRows: 300, seed: 7,
    });
    expect(summary.failures).toEqual([]);
    expect(summary.trials).toBe(2);
    expect(summary.killedDuringLoad + summary.killedAfterCommit).toBe(2);
    expect(await checkStoreConsistency(t.store)).toEqual([]);
  }, 120_000);

  it('would be caught leaving a version loading, an orphan table or a dangling current version', async () => {
    const { knex } = t.store;
    const dataset = await knex('datasets').first('id');
    await knex('versions').insert({
      dataset_id: dataset.id, status: 'loading', source_name: 'x.csv', bytes: 1, sha256: '0'.repeat(64), created_at: new Date().toISOString(),
    });
    await knex.schema.createTable('rec_9999_9999', (table) => table.integer('_id'));
    // The measuring publishes of the trials always leave superseded versions.
    const superseded = await knex('versions').where({ status: 'superseded' }).first('id');
    const current = await knex('datasets').where({ id: dataset.id }).first('current_version_id');
    await knex('datasets').where({ id: dataset.id }).update({ current_version_id: superseded.id });

    const problems = await checkStoreConsistency(t.store);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/encore « loading »/),
      expect.stringMatching(/table orpheline : rec_9999_9999/),
      expect.stringMatching(/version courante .* n’est pas publiée/),
    ]));
    await knex('datasets').where({ id: dataset.id }).update({ current_version_id: current.current_version_id });
  });
});
