import request from 'supertest';
import { storeKindUnderTest } from '../../support/test-store';
import { bearer, COMMUNES_V1, createStewardsWorld, type StewardsWorld } from './stewards-world';

/**
 * While a new version loads, readers keep getting the previous one, in full, and switch at once
 * when it is published; a second publish of the same dataset meanwhile gets a 409, never a mix.
 */
let w: StewardsWorld;
beforeAll(async () => {
  w = await createStewardsWorld();
});
afterAll(async () => w.cleanup());

const ROWS = 90_000;
function bigFile(options: { badLast?: boolean } = {}): string {
  const lines = ['code_insee;commune;population;superficie'];
  for (let i = 0; i < ROWS; i++) lines.push(`${10000 + i};Commune ${i};${i};${(i % 100) + 0.5}`.replace('.', ','));
  if (options.badLast) lines[lines.length - 1] = '99999;Dernière;pas un nombre;1';
  return lines.join('\n') + '\n';
}

async function loadingStarted(): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const loading = await w.catalogue.store.knex('versions').where({ status: 'loading' }).first('id');
    if (loading) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the load never started');
}

describe(`publishing while readers read (${storeKindUnderTest()})`, () => {
  it('serves the previous version in full until the new one is published, then the new one at once; a concurrent publish gets 409', async () => {
    let done = false;
    const upload = request(w.app).post('/api/v1/datasets/communes-eure/versions').set(bearer(w.agent.token)).set('Content-Type', 'text/csv').send(bigFile())
      .then((res) => {
        done = true;
        return res;
      });
    await loadingStarted();

    const second = await request(w.app).post('/api/v1/datasets/communes-eure/versions').set(bearer(w.admin.token)).set('Content-Type', 'text/csv').send(COMMUNES_V1);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('conflict');
    // The store refuses a second load by itself, whatever the HTTP layer checked first (another process, a race).
    const actor = w.catalogue.accounts.actorFor(w.admin.account, 'token', null);
    await expect(w.catalogue.stewards.uploads.upload(actor, 'communes-eure', { path: w.writeFile('course.csv', COMMUNES_V1), name: 'course.csv' }))
      .rejects.toMatchObject({ code: 'conflict' });

    const seen: Array<{ version: number; total: number; rows: number }> = [];
    let readsWhileLoading = 0;
    while (!done) {
      const res = await request(w.app).get('/api/v1/datasets/communes-eure/records?_size=1000').expect(200);
      seen.push({ version: res.body.version, total: res.body.total_count, rows: res.body.records.length });
      if (!done && res.body.version === 1) readsWhileLoading++;
    }
    const published = await upload;
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(2);
    expect(readsWhileLoading).toBeGreaterThan(0);
    for (const s of seen) {
      expect([{ version: 1, total: 3, rows: 3 }, { version: 2, total: ROWS, rows: 1000 }]).toContainEqual(s);
    }
    const after = await request(w.app).get('/api/v1/datasets/communes-eure/records?_size=1').expect(200);
    expect(after.body).toMatchObject({ version: 2, total_count: ROWS });
    const detail = await request(w.app).get('/api/v1/datasets/communes-eure').expect(200);
    expect(detail.body).toMatchObject({ version: 2, record_count: ROWS });
  });

  it('a file found invalid at its very end leaves the current version untouched and served', async () => {
    const res = await request(w.app).post('/api/v1/datasets/communes-eure/versions').set(bearer(w.agent.token)).set('Content-Type', 'text/csv').send(bigFile({ badLast: true }));
    expect(res.status).toBe(422);
    expect(res.body.report.errors[0]).toMatchObject({ row: ROWS + 1, field: 'population', code: 'type-error' });
    const after = await request(w.app).get('/api/v1/datasets/communes-eure/records?_size=1').expect(200);
    expect(after.body).toMatchObject({ version: 2, total_count: ROWS });
    expect(await w.catalogue.store.knex('versions').where({ status: 'loading' }).first()).toBeUndefined();
  });
});
