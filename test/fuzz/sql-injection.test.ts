import http from 'node:http';
import request from 'supertest';
import { tokenize } from '../../catalogue/datasets/text-search';
import { OPERATORS } from '../../catalogue/query/operators';
import { parseSearchWords } from '../../catalogue/query/search-words';
import { createApiWorld, readSource, type ApiWorld } from '../integration/api/api-fixture';
import { closeServer, encodeComponent, listenOnce, snapshotStore, type StoreSnapshot } from './http-fuzz-support';

/**
 * Classic SQL injection payloads through every parameter of the public read API, on the real
 * app and store (SQLite, or PostgreSQL with TEST_DATABASE_URL). Each answer is a 400 naming the
 * parameter or a 404 where the payload lands in a name (a column, an operator, a slug, a version,
 * an id), or a 200 where it is just a value: then the rows are what that value means as data
 * (nothing matches it, or the same rows as its plain words). Never a 5xx; and afterwards every
 * table of the store and its row count are what they were.
 */
const PAYLOADS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '1 OR 1=1',
  '1; DROP TABLE datasets',
  '1; DROP TABLE datasets; --',
  "'; DROP TABLE versions; --",
  '") UNION SELECT name, sql FROM sqlite_master --',
  "') UNION SELECT table_name FROM information_schema.tables --",
  "' UNION ALL SELECT NULL, NULL, NULL --",
  '`commune`; DROP TABLE datasets; --',
  '`a``b\'c"d`',
  '"commune" OR 1=1',
  'commune) --',
  '/* */ OR 1=1',
  '*/ OR 1=1 /*',
  '-- ',
  '#',
  "1' AND (SELECT count(*) FROM datasets) > 0 --",
  "'; SELECT pg_sleep(0); --",
  "'||(SELECT slug FROM datasets LIMIT 1)||'",
  "x'); ATTACH DATABASE 'x.db' AS x; --",
  '$$; DROP TABLE datasets; $$',
  "E'\\x27 OR 1=1'",
  '‘ OR 1=1 --',
  'ʼ OR ʼ1ʼ=ʼ1',
  '＇ OR 1=1 --',
  "\\' OR 1=1 --",
  '%27 OR 1=1',
  '?',
  '$1',
  ':name',
];

let w: ApiWorld;
let server: http.Server;
let before: StoreSnapshot;
beforeAll(async () => {
  w = await createApiWorld();
  server = await listenOnce(w.app);
  before = await snapshotStore(w.t);
});
afterAll(async () => {
  await closeServer(server);
  await w.cleanup();
});

const get = (url: string) => request(server).get(url);
const q = encodeComponent;
const bornes = readSource('bornes-test');
const TEXT_COLUMN = 'commune';
const communes = bornes.rows.map((r) => r[TEXT_COLUMN]);

/** Every answer: a status among `allowed`, a problem naming `param` when 400, never a 5xx. */
async function answer(url: string, allowed: number[], param?: string): Promise<request.Response> {
  const res = await get(url);
  if (!allowed.includes(res.status)) throw new Error(`${url}: HTTP ${res.status} (${allowed.join('/')} expected) ${res.text.slice(0, 300)}`);
  if (res.status === 400) {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (param !== undefined) expect((res.body.errors ?? []).map((e: { path?: string }) => e.path)).toContain(param);
  }
  return res;
}

const records = (query: string) => `/api/v1/datasets/bornes-test/records?_size=1000&${query}`;
const idsOf = (res: request.Response) => (res.body.records as Array<{ id_borne: string }>).map((r) => r.id_borne);

/** What a text filter means as data, computed from the source file. */
function expectedRows(op: string, value: string): string[] | null {
  const lower = (t: string) => t.toLowerCase();
  const keep: Record<string, (c: string) => boolean> = {
    exact: (c) => c === value,
    not: (c) => c !== value,
    contains: (c) => lower(c).includes(lower(value)),
    startswith: (c) => lower(c).startsWith(lower(value)),
    endswith: (c) => lower(c).endsWith(lower(value)),
    in: (c) => value.split(',').includes(c),
    notin: (c) => !value.split(',').includes(c),
  };
  return keep[op] ? bornes.rows.filter((r) => keep[op](r[TEXT_COLUMN])).map((r) => r.id_borne) : null;
}

describe.each(PAYLOADS.map((payload, i) => [payload, i] as const))('payload %j', (payload, index) => {
  const p = q(payload);

  it('in a text column filter, with every operator, is data', async () => {
    // Independent requests, sent together: the store answers them side by side.
    await Promise.all(OPERATORS.map(async ({ name: op }) => {
      const param = `${TEXT_COLUMN}__${op}`;
      const res = await answer(records(`${param}=${p}`), op === 'isnull' ? [400] : [200, 400], param);
      const expected = expectedRows(op, payload);
      if (res.status === 200 && expected) expect(idsOf(res)).toEqual(expected);
      // Only a list with an empty item may be refused among these operators.
      if (expected && !(op === 'in' || op === 'notin')) expect(res.status).toBe(200);
    }));
    expect(communes.includes(payload)).toBe(false);
  });

  it('in a typed column filter (number, boolean or date, and a third of the operators, in turn) is a 400 naming it', async () => {
    // Across the corpus every typed column meets every operator; each payload takes its share.
    const column = ['puissance_kw', 'gratuit', 'mise_en_service'][index % 3];
    const ops = OPERATORS.filter((_, k) => k % 3 === Math.floor(index / 3) % 3);
    await Promise.all(ops.map(({ name: op }) => answer(records(`${column}__${op}=${p}`), [400], `${column}__${op}`)));
  });

  it('in a filter name or operator is a 400 naming it', async () => {
    await answer(records(`${p}=x`), [400], payload);
    await answer(records(`${TEXT_COLUMN}__${p}=x`), [400], `${TEXT_COLUMN}__${payload}`);
  });

  it('in _where: refused as an expression, data as a quoted literal, a 400 as a column name', async () => {
    await answer(records(`_where=${p}`), [400], '_where');
    await answer(records(`_where=${q(`commune = '${payload}'`)}`), [200, 400], '_where');
    const literal = await answer(records(`_where=${q(`commune = '${payload.replace(/'/g, "''")}'`)}`), [200]);
    expect(idsOf(literal)).toEqual([]);
    const like = await answer(records(`_where=${q(`commune LIKE '${payload.replace(/'/g, "''")}'`)}`), [200]);
    expect(idsOf(like)).toEqual([]);
    await answer(records(`_where=${q(`\`${payload.replace(/`/g, '``')}\` = 1`)}`), [400], '_where');
    await answer(records(`_where=${q(`"${payload.replace(/"/g, '""')}" IS NULL`)}`), [400], '_where');
  });

  it('in _q is searched as its words only', async () => {
    const words = parseSearchWords(payload).map((word) => `${word.text}${word.prefix ? '*' : ''}`).join(' ');
    const res = await answer(records(`_q=${p}`), [200]);
    const literal = await answer(records(words ? `_q=${q(words)}` : ''), [200]);
    expect(idsOf(res)).toEqual(idsOf(literal));
  });

  it('in _sort, _select, _group_by, _agg, _facet, _next, _bbox and the numbers is a 400 naming the parameter', async () => {
    const params = ['_sort', '_select', '_group_by', '_agg', '_facet', '_next', '_bbox', ['_size', '_offset', '_facet_size', '_count'][index % 4]];
    await Promise.all(params.map((param) => answer(records(`${param}=${p}`), [400], param)));
    // The payload inside a list, behind a valid item: one shape per payload, in turn.
    const [param, value] = [['_sort', `-${payload}`], ['_sort', `commune,${payload}`], ['_agg', `sum:${payload}`], ['_group_by', `commune,${payload}`], ['_bbox', `0,0,1,${payload}`]][index % 5];
    await answer(records(`${param}=${q(value)}`), [400], param);
    await answer(records(`_next=${Buffer.from(payload).toString('base64url')}`), [400], '_next');
  });

  it('in a slug, a version number or a record id is not found or refused', async () => {
    await answer(`/api/v1/datasets/${p}/records`, [400, 404]);
    await answer(`/api/v1/datasets/${p}${['', '/schema', '/exports/csv', '/versions'][index % 4]}`, [400, 404]);
    await answer(`/api/v1/datasets/bornes-test/versions/${p}/records`, [400, 404]);
    await answer(`/api/v1/datasets/bornes-test/records/${p}`, [404]);
    await answer(`/api/v1/datasets/subventions-test/records/${p}`, [404]);
    await answer(`/api/v1/datasets/bornes-test/exports/${p}`, [400, 404]);
    await answer(`/api/v1/organizations/${p}`, [404]);
  });

  it('in an export is refused, or exports what the value means as data', async () => {
    const csv = await answer(`/api/v1/datasets/bornes-test/exports/csv?${TEXT_COLUMN}=${p}`, [200]);
    expect(csv.text.trim().split('\n')).toHaveLength(1);
    const param = ['_where', '_select', '_sort'][index % 3];
    await answer(`/api/v1/datasets/bornes-test/exports/json?${param}=${p}`, [400], param);
    const option = ['_delimiter', '_profile', '_bom', '_decimal'][index % 4];
    await answer(`/api/v1/datasets/bornes-test/exports/csv?${option}=${p}`, [400], option);
  });

  it('in the catalogue search: q is searched as its words, filters match nothing, the rest is a 400', async () => {
    const res = await answer(`/api/v1/datasets?q=${p}`, [200]);
    const words = tokenize(payload).join(' ');
    const literal = await answer(`/api/v1/datasets${words ? `?q=${q(words)}` : ''}`, [200]);
    expect(res.body.total).toBe(literal.body.total);
    const filter = ['theme', 'organization', 'keyword', 'licence'][index % 4];
    expect((await answer(`/api/v1/datasets?${filter}=${p}`, [200, 400], filter)).body.total ?? 0).toBe(0);
    for (const param of [['geo', 'sort', 'page', 'page_size'][index % 4], payload]) await answer(`/api/v1/datasets?${q(param)}=${p}`, [400], param);
  });
});

describe('after every payload', () => {
  it('the store holds the same tables with the same row counts', async () => {
    const after = await snapshotStore(w.t);
    expect(after).toEqual(before);
    expect(before.tables).toEqual(expect.arrayContaining(['datasets', 'versions']));
    const res = await get('/api/v1/datasets/bornes-test/records').expect(200);
    expect(res.body.total_count).toBe(bornes.rows.length);
  });
});
