import fs from 'node:fs';
import request from 'supertest';
import { createApp } from '../../../server/app';
import { captureLog } from '../../support/log-capture';
import { copyFixtureDatasets, createTestCatalogue, type TestCatalogue } from '../../support/test-catalogue';

let t: TestCatalogue;
let app: ReturnType<typeof createApp>;
let datasets: string;

beforeAll(async () => {
  t = await createTestCatalogue();
  datasets = copyFixtureDatasets();
  await t.catalogue.loadDatasets(datasets);
  app = createApp({ catalogue: t.catalogue, config: t.catalogue.config });
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(datasets, { recursive: true, force: true });
});

describe('the platform over HTTP', () => {
  it('lists the loaded datasets with their record counts on the home page, in French', async () => {
    const res = await request(app).get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/<html lang="fr">/);
    expect(res.text).toMatch(/Communes de test/);
    expect(res.text).toMatch(/3 lignes/);
    expect(res.text.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('reports the store on /healthz', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', store: { ok: true, kind: t.catalogue.store.kind } });
  });

  it('answers an unknown page with a French 404 page and an unknown API route with problem+json', async () => {
    const page = await request(app).get('/nulle-part').expect(404);
    expect(page.text).toMatch(/Page introuvable/);
    const api = await request(app).get('/api/v1/nulle-part').expect(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(api.body).toMatchObject({ status: 404, code: 'not-found', title: expect.any(String), detail: expect.any(String) });
  });

  it('escapes metadata shown in pages', async () => {
    await t.catalogue.store.knex('datasets').update({ title: '<script>alert(1)</script>' });
    const res = await request(app).get('/').expect(200);
    expect(res.text).not.toMatch(/<script>alert/);
    expect(res.text).toMatch(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});

describe('an unexpected failure', () => {
  it('is a 500 page without internals, and it is logged', async () => {
    const log = captureLog(t.catalogue.config);
    const broken = { ...t.catalogue, datasets: { ...t.catalogue.datasets, search: () => Promise.reject(new Error('SQLITE_CORRUPT: secret internals at /srv/x.ts:12')) } };
    const res = await request(createApp({ catalogue: broken, config: t.catalogue.config, logger: log.logger })).get('/').expect(500);
    expect(res.text).toMatch(/Erreur interne/);
    expect(res.text).not.toMatch(/SQLITE_CORRUPT|secret|\.ts:/);
    expect(log.lines<{ err?: { message: string } }>().filter((line) => line.err?.message.includes('SQLITE_CORRUPT'))).toHaveLength(1);
  });
});
