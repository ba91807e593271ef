import http from 'node:http';
import fc from 'fast-check';
import request from 'supertest';
import { encodeCursor } from '../../catalogue/query/cursor';
import { OPERATORS } from '../../catalogue/query/operators';
import { RESERVED_PARAMS } from '../../catalogue/query/parse-params';
import { SEARCH_PARAMS } from '../../catalogue/datasets/search-params';
import { createApiWorld, type ApiWorld } from '../integration/api/api-fixture';
import { fuzzRuns, hostileText } from './fuzz-settings';
import { closeServer, DATASET_FIELDS, encodeComponent, expectClientAnswer, listenOnce, queryOf, SLUGS } from './http-fuzz-support';

/**
 * Random query strings on the real app over the real store (SQLite, or PostgreSQL with
 * TEST_DATABASE_URL), loaded with the API's fixture datasets: records, older versions, one
 * record, facets, groups, exports and the catalogue search. The answer is never a 5xx; a 400
 * is problem+json naming a parameter that was sent.
 */
let w: ApiWorld;
let server: http.Server;
beforeAll(async () => {
  w = await createApiWorld();
  server = await listenOnce(w.app);
});
afterAll(async () => {
  await closeServer(server);
  await w.cleanup();
});

const slug = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...SLUGS) }, { weight: 1, arbitrary: fc.constantFrom('inconnu', 'COMMUNES-TEST', 'communes-test ', 'communes-test\0', '\0', '..', '%2e%2e', "communes-test' OR '1'='1") });
const OPS = [...OPERATORS.map((o) => o.name), 'like', 'EXACT', ''];

/** Values shaped like what each parameter takes, and anything else. */
function valueFor(fields: readonly string[]): fc.Arbitrary<string> {
  const field = fc.constantFrom(...fields, '_id', 'inconnue');
  return fc.oneof(
    { weight: 3, arbitrary: hostileText(24) },
    { weight: 2, arbitrary: fc.constantFrom('0', '1', '-1', '1.5', '7,4', '1e308', '1e999', 'NaN', '2024-02-29', '2023-02-29', '2024-01-01T10:00:00Z', 'oui', 'true', '', '1000', '1001', '10001', 'a,b', ',,', 'null') },
    { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom('', '-', '+'), field), { minLength: 1, maxLength: 3 }).map((l) => l.map(([s, f]) => s + f).join(',')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('count', 'sum', 'avg', 'min', 'max', 'median'), field).map(([fn, f]) => (fn === 'count' ? fn : `${fn}:${f}`)) },
    { weight: 1, arbitrary: fc.tuple(field, fc.constantFrom('=', '>', 'LIKE', 'IS'), fc.constantFrom("'a'", '1', "date'2024-01-01'", 'NULL', "'x%'")).map(([f, op, v]) => `\`${f}\` ${op} ${v}`) },
    { weight: 1, arbitrary: fc.tuple(fc.double(), fc.double(), fc.double(), fc.double()).map((n) => n.join(',')) },
    { weight: 2, arbitrary: fc.record({
      version: fc.oneof(fc.constantFrom(1, 2), fc.nat()),
      values: fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('2024-01-01', 'zzz', '1e400')), { maxLength: 2 }),
      id: fc.oneof(fc.nat(30), fc.nat()),
    }).filter((c) => c.version >= 1).map(encodeCursor) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 6000 }).map((n) => 'é'.repeat(n)) },
  );
}

function nameFor(fields: readonly string[], reserved: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...fields) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...fields, '_id', 'inconnue'), fc.constantFrom(...OPS)).map(([f, op]) => `${f}__${op}`) },
    { weight: 4, arbitrary: fc.constantFrom(...reserved) },
    { weight: 1, arbitrary: hostileText(12) },
  );
}

/** A path and a query string for a slug, its fields deciding the names and values. */
function requestFor(paths: (s: string) => fc.Arbitrary<string>, reserved: readonly string[]) {
  return slug.chain((s) => {
    const fields = DATASET_FIELDS[s] ?? ['x'];
    const pairs = fc.array(fc.tuple(nameFor(fields, reserved), valueFor(fields)), { maxLength: 5 });
    return fc.tuple(paths(s), queryOf(pairs));
  });
}

async function check(path: string, q: { names: string[]; query: string }, extraNames: string[] = []): Promise<void> {
  const res = await request(server).get(q.query ? `${path}?${q.query}` : path);
  expectClientAnswer(res, [...q.names, ...extraNames]);
}

const seg = encodeComponent;

describe('HTTP fuzz: the public read API never answers 5xx', () => {
  it('records, facets and groups of the current version', async () => {
    const statuses = new Set<number>();
    await fc.assert(fc.asyncProperty(requestFor((s) => fc.constant(`/api/v1/datasets/${seg(s)}/records`), RESERVED_PARAMS), async ([path, q]) => {
      const res = await request(server).get(q.query ? `${path}?${q.query}` : path);
      statuses.add(res.status);
      expectClientAnswer(res, q.names);
    }), fuzzRuns(400));
    // The generators reach answers, not only refusals.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 400, 404]));
  });

  it('forged _next cursors: as many values as sort keys, of any type', async () => {
    const scalar = fc.oneof(fc.string({ maxLength: 10 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null),
      fc.constantFrom('2024-01-01', '2024-13-45', 'zzz', '1e400', 1.5, 1e300, -0));
    const forged = fc.constantFrom(...SLUGS).chain((s) => fc.tuple(
      fc.constant(s),
      fc.array(fc.tuple(fc.constantFrom('', '-'), fc.constantFrom(...DATASET_FIELDS[s])), { minLength: 1, maxLength: 3 }),
      fc.array(scalar, { minLength: 3, maxLength: 3 }),
      fc.oneof(fc.nat(30), fc.constant(Number.MAX_SAFE_INTEGER)),
    ));
    await fc.assert(fc.asyncProperty(forged, async ([s, keys, values, id]) => {
      const cursor = encodeCursor({ version: 1, values: values.slice(0, keys.length), id });
      const query = `_sort=${seg(keys.map(([sign, f]) => sign + f).join(','))}&_next=${cursor}`;
      await check(`/api/v1/datasets/${seg(s)}/records`, { names: ['_sort', '_next'], query });
    }), fuzzRuns(250));
  });

  it('records of an older version', async () => {
    const version = fc.oneof(fc.constantFrom('1', '2', '0', '-1', '01', '1.0', '999999999', '9999999999', 'abc', '%00', '1;DROP'), hostileText(6).map(seg));
    await fc.assert(fc.asyncProperty(requestFor((s) => version.map((n) => `/api/v1/datasets/${seg(s)}/versions/${n}/records`), RESERVED_PARAMS), ([path, q]) => check(path, q)), fuzzRuns(150));
  });

  it('one record by any id', async () => {
    const id = fc.oneof(fc.constantFrom('27229', 'BRN-001', '1', '0', '-1', '1e3', '27229,x', ',', '%2F', '..'), hostileText(20).map(seg));
    await fc.assert(fc.asyncProperty(slug, id, (s, i) => check(`/api/v1/datasets/${seg(s)}/records/${i}`, { names: [], query: '' })), fuzzRuns(200));
  });

  it('exports in every format, with filters, _select and _sort', async () => {
    const format = fc.constantFrom('csv', 'json', 'ndjson', 'geojson', 'xml', 'CSV', '');
    const reserved = ['_select', '_sort', '_where', '_q', '_bbox', '_delimiter', '_bom', '_decimal', '_profile', '_size', '_next'];
    await fc.assert(fc.asyncProperty(requestFor((s) => format.map((f) => `/api/v1/datasets/${seg(s)}/exports/${f}`), reserved), ([path, q]) => check(path, q)), fuzzRuns(200));
  });

  it('the catalogue search', async () => {
    const name = fc.oneof(fc.constantFrom(...SEARCH_PARAMS), hostileText(10));
    const value = fc.oneof(hostileText(30), fc.constantFrom('1', '0', '101', '100', 'true', '-updated', 'relevance', 'sport', 'etalab-2.0', "' OR 1=1 --"));
    const q = queryOf(fc.array(fc.tuple(name, value), { maxLength: 5 }));
    await fc.assert(fc.asyncProperty(q, (query) => check('/api/v1/datasets', query)), fuzzRuns(200));
  });
});
