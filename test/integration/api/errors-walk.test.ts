import request from 'supertest';
import { COMMAND_LINE_ACTOR } from '../../../catalogue/accounts/types';
import { apiAreas } from '../../../server/routes/api';
import type { ApiRoute } from '../../../server/openapi/route-spec';
import { createApp } from '../../../server/app';
import { captureLog } from '../../support/log-capture';
import { createApiWorld, type ApiWorld } from './api-fixture';

/**
 * Walks EVERY declared API route (the same declarations the routers mount) with bad input:
 * unknown slug, unknown parameter, bad version, bad id, bad format. Each answer must be an RFC 9457
 * problem with the right status, naming what is wrong, and leaking no stack trace, file path or SQL.
 */
let w: ApiWorld;
let routes: readonly ApiRoute[];
/** Stewards' routes are walked as an administrator: past authentication, bad input is what answers. */
let adminToken: string;

beforeAll(async () => {
  w = await createApiWorld();
  routes = apiAreas({ catalogue: w.catalogue, config: w.config }).routes;
  const { account } = await w.catalogue.accounts.add(COMMAND_LINE_ACTOR, { email: 'walk@eure.test', role: 'admin', organizations: ['departement-eure'] });
  adminToken = (await w.catalogue.accounts.tokens.create(COMMAND_LINE_ACTOR, account.id, 'walk')).token;
});

/** The route's own method; writes carry an empty JSON body, stewards' routes an administrator's token. */
function send(route: ApiRoute, url: string): request.Test {
  const test = request(w.app)[route.method](url);
  if (route.access === 'steward') test.set('Authorization', `Bearer ${adminToken}`);
  return route.method === 'get' ? test : test.send({});
}
afterAll(async () => w.cleanup());

const GOOD: Record<string, string> = { slug: 'bornes-test', n: '1', id: 'BRN-001', format: 'csv' };
const ORGANIZATION = 'departement-eure';

function fill(route: ApiRoute, overrides: Record<string, string> = {}): string {
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (overrides[name] !== undefined) return overrides[name];
    return route.path.startsWith('/api/v1/organizations') && name === 'slug' ? ORGANIZATION : GOOD[name];
  });
}

interface BadCase {
  label: string;
  url: string;
  status: number;
  /** A parameter the problem must name in `errors`. */
  names?: string;
}

/** The bad inputs that make sense for one route, from its declaration. */
function badCases(route: ApiRoute): BadCase[] {
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const cases: BadCase[] = [];
  if (params.includes('slug')) cases.push({ label: 'unknown slug', url: fill(route, { slug: 'nulle-part' }), status: 404 });
  cases.push({ label: 'unknown parameter', url: `${fill(route)}?zz_inconnu=1`, status: 400, names: 'zz_inconnu' });
  if (params.includes('n')) {
    for (const n of ['abc', '0', '-1', '1.5', '99999999999']) cases.push({ label: `bad version ${n}`, url: fill(route, { n }), status: 400, names: 'n' });
    cases.push({ label: 'version that does not exist', url: fill(route, { n: '99' }), status: 404 });
  }
  if (params.includes('id')) cases.push({ label: 'unknown id', url: fill(route, { id: 'BRN-999' }), status: 404 });
  if (params.includes('format')) cases.push({ label: 'bad format', url: fill(route, { format: 'xlsx' }), status: 400, names: 'format' });
  if (route.path.endsWith('/records') || route.path.includes('/exports/')) {
    cases.push({ label: 'unknown column', url: `${fill(route)}?couleur=bleu`, status: 400, names: 'couleur' });
    cases.push({ label: 'unknown operator', url: `${fill(route)}?puissance_kw__environ=3`, status: 400, names: 'puissance_kw__environ' });
    cases.push({ label: 'value of the wrong type', url: `${fill(route)}?puissance_kw__gt=beaucoup`, status: 400, names: 'puissance_kw__gt' });
    cases.push({ label: 'bad _where', url: `${fill(route)}?_where=${encodeURIComponent("puissance_kw > 1; DROP TABLE datasets")}`, status: 400, names: '_where' });
  }
  if (route.path.endsWith('/records')) cases.push({ label: '_size above 1000', url: `${fill(route)}?_size=1001`, status: 400, names: '_size' });
  return cases;
}

const LEAKS = /\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|node_modules|\bselect\b.*\bfrom\b|\binsert into\b|sqlite_|SQLITE_|knex|\bpg_|\brec_\d+_\d+\b/i;

function expectProblem(res: request.Response, c: BadCase): void {
  expect({ url: c.url, status: res.status }).toEqual({ url: c.url, status: c.status });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const keys = Object.keys(res.body).sort();
  expect(keys.filter((k) => k !== 'errors')).toEqual(['code', 'detail', 'status', 'title', 'type']);
  expect(res.body).toMatchObject({ status: c.status, title: expect.any(String), detail: expect.any(String), code: expect.any(String), type: expect.any(String) });
  if (res.body.errors !== undefined) {
    expect(Array.isArray(res.body.errors)).toBe(true);
    for (const e of res.body.errors) expect(typeof e.message).toBe('string');
  }
  if (c.names) {
    const named = (res.body.errors ?? []).map((e: { path?: string; message: string }) => `${e.path ?? ''} ${e.message}`).join(' | ');
    expect(`${res.body.detail} ${named}`).toContain(c.names);
  }
  expect(res.text).not.toMatch(LEAKS);
  expect(res.headers.etag ?? '').not.toMatch(/-v\d+-/);
  expect(res.headers['content-disposition']).toBeUndefined();
}

/**
 * The CKAN-compatible routes answer CKAN's own envelope (server/interop/ckan/ckan-envelope.ts):
 * `success: false` and an `error` with its `__type`, 409 for a Validation Error, 400 for a Search
 * Query Error, 404 for Not Found; unexpected failures still end in the one 500 problem.
 */
const isCkan = (route: ApiRoute) => route.path.startsWith('/api/3/') || route.path.startsWith('/api/action/');

function expectCkanError(res: request.Response, c: BadCase): void {
  const expected = c.status === 400 ? [400, 409] : [c.status];
  expect({ url: c.url, status: expected.includes(res.status) }).toEqual({ url: c.url, status: true });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toMatchObject({ help: expect.any(String), success: false, error: { __type: expect.any(String) } });
  if (c.names) expect(JSON.stringify(res.body.error)).toContain(c.names);
  expect(res.text).not.toMatch(LEAKS);
}

describe('every API route answers bad input with a clean problem', () => {
  it('declares the routes walked here', () => {
    expect(routes.length).toBeGreaterThanOrEqual(12);
  });

  // The cases are built from the declarations once the world exists; one test per route and case.
  const declared = apiAreas({ catalogue: {} as never, config: {} as never }).routes;
  for (const route of declared) {
    for (const c of badCases(route)) {
      it(`${route.operationId} (${route.path}): ${c.label}`, async () => {
        const res = await send(route, c.url);
        if (isCkan(route)) expectCkanError(res, c);
        else expectProblem(res, c);
      });
    }
  }

  it('answers an unknown API route, a method a route does not take and a malformed path with problems', async () => {
    for (const [method, url, status] of [
      ['get', '/api/v1/nulle-part', 404],
      ['get', '/api/v2/datasets', 404],
      ['delete', '/api/v1/datasets/bornes-test', 404],
      ['get', '/api/v1/datasets/%E0%A4%A', 400],
    ] as const) {
      const res = await request(w.app)[method](url);
      expectProblem(res, { label: url, url, status });
    }
  });

  it('hides the internals of an unexpected failure behind a 500 problem, and logs it', async () => {
    const log = captureLog(w.config);
    const failing = new Error('SQLITE_CORRUPT: select * from rec_1_1 at /srv/app/catalogue/x.ts:12');
    const broken = { ...w.catalogue, datasets: { ...w.catalogue.datasets, search: () => Promise.reject(failing), get: () => Promise.reject(failing) } };
    const app = createApp({ catalogue: broken, config: w.config, logger: log.logger });
    for (const url of ['/api/v1/datasets', '/api/v1/datasets/bornes-test']) {
      const res = await request(app).get(url);
      expectProblem(res, { label: url, url, status: 500 });
      expect(res.body.code).toBe('internal-error');
    }
    expect(log.lines<{ err?: { message: string } }>().filter((line) => line.err?.message.startsWith('SQLITE_CORRUPT'))).toHaveLength(2);
  });
});
