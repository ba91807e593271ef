import fs from 'node:fs';
import request from 'supertest';
import type { Catalogue } from '../../../catalogue';
import { CatalogueError } from '../../../catalogue/errors';
import { createApp } from '../../../server/app';
import { captureLog } from '../../support/log-capture';
import { copyFixtureDatasets, createTestCatalogue, type TestCatalogue } from '../../support/test-catalogue';

/**
 * The request log, read back from an in-memory destination: one JSON line per request with its
 * id, route, status and duration; the request id echoed and honoured; secrets (cookies,
 * authorization, set-cookie, CSRF tokens, e-mail addresses) never written; a 500 logged with
 * the id the user is shown.
 */
interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  route?: string | null;
  method?: string;
  status?: number;
  responseTime?: number;
  err?: { message: string; stack: string };
  req?: { url: string; headers: Record<string, string> };
}

let t: TestCatalogue;
let datasets: string;

function appLogging(catalogue: Catalogue = t.catalogue) {
  const config = { ...catalogue.config, sessionSecret: 'a-session-secret-long-enough-for-the-tests' };
  const captured = captureLog(config);
  const log = { text: captured.text, lines: () => captured.lines<LogLine>() };
  return { app: createApp({ catalogue, config, logger: captured.logger }), log };
}

beforeAll(async () => {
  t = await createTestCatalogue();
  datasets = copyFixtureDatasets();
  await t.catalogue.loadDatasets(datasets);
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(datasets, { recursive: true, force: true });
});

describe('the request log', () => {
  it('writes one line per request: id, method, matched route, status, duration', async () => {
    const { app, log } = appLogging();
    const res = await request(app).get('/api/v1/datasets/communes-test/records?_size=2').expect(200);
    await request(app).get('/datasets/communes-test').expect(200);
    await request(app).get('/nulle-part').expect(404);
    const [api, page, missing] = log.lines();
    expect(log.lines()).toHaveLength(3);
    expect(api).toMatchObject({ reqId: res.headers['x-request-id'], method: 'GET', route: '/api/v1/datasets/:slug/records', status: 200, responseTime: expect.any(Number) });
    expect(page).toMatchObject({ route: '/datasets/:slug', status: 200 });
    expect(missing).toMatchObject({ route: null, status: 404 });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(log.lines().map((l) => l.reqId)).size).toBe(3);
  });

  it('honours a sane incoming X-Request-Id and replaces anything else', async () => {
    const { app, log } = appLogging();
    const kept = await request(app).get('/api/v1/datasets').set('X-Request-Id', 'proxy-7f3a.42').expect(200);
    expect(kept.headers['x-request-id']).toBe('proxy-7f3a.42');
    const replaced = await request(app).get('/api/v1/datasets').set('X-Request-Id', 'a b<script>').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.lines().map((l) => l.reqId)).toEqual(['proxy-7f3a.42', replaced.headers['x-request-id']]);
  });

  it('never writes cookies, authorization, CSRF tokens, set-cookie or e-mail addresses', async () => {
    const { app, log } = appLogging();
    const login = await request(app).get('/connexion').expect(200);
    const setCookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    expect(setCookies.length).toBeGreaterThan(0);
    await request(app)
      .get('/datasets?q=alice.martin@example.fr&email=bob%40example.org&token=T0KENVALUE')
      .set('Cookie', 'opendata.sid=COOKIEVALUE42')
      .set('Authorization', 'Bearer AUTHVALUE42')
      .set('X-CSRF-Token', 'CSRFVALUE42')
      .expect(200);
    const text = log.text();
    for (const secret of ['COOKIEVALUE42', 'AUTHVALUE42', 'CSRFVALUE42', 'T0KENVALUE', 'alice.martin', 'example.fr', 'bob%40', 'example.org']) {
      expect(text).not.toContain(secret);
    }
    for (const cookie of setCookies) expect(text).not.toContain(cookie.split(';')[0].split('=')[1]);
    const [connexion, search] = log.lines() as Array<LogLine & { res: { headers: Record<string, unknown> } }>;
    expect(connexion.res.headers['set-cookie']).toBe('[masqué]');
    expect(search.req?.headers).toMatchObject({ cookie: '[masqué]', authorization: '[masqué]', 'x-csrf-token': '[masqué]' });
    expect(search.req?.url).toBe('/datasets?q=[masqué]&email=[masqué]&token=[masqué]');
  });
});

describe('an unexpected error', () => {
  const failing = (): Catalogue => ({
    ...t.catalogue,
    datasets: { ...t.catalogue.datasets, organizations: async () => { throw new Error('échec pour carol.durand@example.net dans /srv/app/secret.ts'); } },
  });

  it('is logged with the request id the user is shown, and the answer shows no internals', async () => {
    const { app, log } = appLogging(failing());
    const api = await request(app).get('/api/v1/organizations').set('X-Request-Id', 'incident-1').expect(500);
    const page = await request(app).get('/organizations').expect(500);
    expect(api.body.detail).toContain('Identifiant de la requête : incident-1.');
    expect(page.text).toContain(`Identifiant de la requête : ${page.headers['x-request-id']}.`);
    for (const body of [api.text, page.text]) expect(body).not.toMatch(/secret\.ts|carol|at .*\(|Error:/);
    const errors = log.lines().filter((l) => l.err?.stack?.includes('secret.ts'));
    expect(errors.map((l) => l.reqId)).toEqual(expect.arrayContaining(['incident-1', page.headers['x-request-id']]));
    expect(errors.every((l) => l.level === 50)).toBe(true);
    expect(log.text()).not.toContain('carol.durand');
    expect(log.lines().filter((l) => l.status === 500).map((l) => l.route)).toEqual(['/api/v1/organizations', '/organizations']);
  });
});

describe('a query past its time budget', () => {
  it('is a 503 logged as a warning with its request id, not as an unexpected error', async () => {
    const slow = { ...t.catalogue, datasets: { ...t.catalogue.datasets, organizations: async () => { throw new CatalogueError('query-timeout', 'La requête a dépassé le temps imparti.'); } } };
    const { app, log } = appLogging(slow);
    const res = await request(app).get('/api/v1/organizations').expect(503);
    const [warning, requestLine] = log.lines();
    expect(warning).toMatchObject({ level: 40, reqId: res.headers['x-request-id'], err: { message: 'La requête a dépassé le temps imparti.' } });
    expect(requestLine).toMatchObject({ level: 40, reqId: res.headers['x-request-id'], status: 503, route: '/api/v1/organizations' });
  });
});

describe('/healthz', () => {
  it('queries the store: 503 once the store is closed', async () => {
    const own = await createTestCatalogue();
    const { app } = appLogging(own.catalogue);
    await request(app).get('/healthz').expect(200);
    await own.catalogue.store.close();
    const res = await request(app).get('/healthz').expect(503);
    expect(res.body).toMatchObject({ status: 'error', store: { ok: false, kind: own.catalogue.store.kind } });
    await own.catalogue.records.close();
    await own.testStore.cleanup();
    fs.rmSync(own.dataDir, { recursive: true, force: true });
  });
});
