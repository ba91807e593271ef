import request from 'supertest';
import { storeKindUnderTest } from '../../support/test-store';
import { bearer, COMMUNES_V1, createStewardsWorld, type StewardsWorld } from './stewards-world';

/**
 * While a new version loads, readers keep getting the previous one, in full, and switch at once
 * when it is published; a second publish of the same dataset meanwhile gets a 409, never a mix.
 */
/**
 * The switch to the new version waits on a gate the test opens, so that the reads below happen
 * while the new version is fully loaded but not yet published: the riskiest moment, reached every
 * run rather than by luck of timing. The real store function runs once the gate opens.
 */
let openGate: () => void = () => undefined;
let gateReached: () => void = () => undefined;
const switchReached = new Promise<void>((resolve) => (gateReached = resolve));
const gate = new Promise<void>((resolve) => (openGate = resolve));
let gated = false;
jest.mock('../../../catalogue/storage', () => {
  const actual = jest.requireActual('../../../catalogue/storage');
  return {
    ...actual,
    publishVersion: async (...args: unknown[]) => {
      if (gated) {
        gateReached();
        await gate;
      }
      return actual.publishVersion(...args);
    },
  };
});

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
    gated = true;
    let done = false;
    const upload = request(w.app).post('/api/v1/datasets/communes-eure/versions').set(bearer(w.agent.token)).set('Content-Type', 'text/csv').send(bigFile())
      .then((res) => {
        done = true;
        return res;
      });
    await loadingStarted();

    // Reads while rows are being inserted (as many as the load leaves time for).
    const seen: Array<{ version: number; total: number; rows: number }> = [];
    const readPage = async () => {
      const res = await request(w.app).get('/api/v1/datasets/communes-eure/records?_size=1000').expect(200);
      seen.push({ version: res.body.version, total: res.body.total_count, rows: res.body.records.length });
    };
    let reachedSwitch = false;
    void switchReached.then(() => (reachedSwitch = true));
    while (!reachedSwitch && !done) await readPage();

    // The new table is complete and waits for its switch: readers still get version 1, in full.
    await switchReached;
    const second = await request(w.app).post('/api/v1/datasets/communes-eure/versions').set(bearer(w.admin.token)).set('Content-Type', 'text/csv').send(COMMUNES_V1);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('conflict');
    // The store refuses a second load by itself, whatever the HTTP layer checked first (another process, a race).
    const actor = w.catalogue.accounts.actorFor(w.admin.account, 'token', null);
    await expect(w.catalogue.stewards.uploads.upload(actor, 'communes-eure', { path: w.writeFile('course.csv', COMMUNES_V1), name: 'course.csv' }))
      .rejects.toMatchObject({ code: 'conflict' });
    for (let i = 0; i < 3; i++) {
      const res = await request(w.app).get('/api/v1/datasets/communes-eure/records?_size=1000').expect(200);
      expect(res.body).toMatchObject({ version: 1, total_count: 3 });
      expect(res.body.records).toHaveLength(3);
    }
    expect(done).toBe(false);

    openGate();
    const published = await upload;
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(2);
    for (const s of seen) expect(s).toEqual({ version: 1, total: 3, rows: 3 });
    // The switch is at once: the very next read gets the new version, in full.
    const after = await request(w.app).get('/api/v1/datasets/communes-eure/records?_size=1000').expect(200);
    expect(after.body).toMatchObject({ version: 2, total_count: ROWS });
    expect(after.body.records).toHaveLength(1000);
    const detail = await request(w.app).get('/api/v1/datasets/communes-eure').expect(200);
    expect(detail.body).toMatchObject({ version: 2, record_count: ROWS });
    gated = false;
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
