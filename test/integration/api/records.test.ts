import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createApiWorld, frenchNumber, readSource, type ApiWorld } from './api-fixture';
import { typedRows } from './stub-records';

/**
 * Records routes over HTTP with the real records service (contract section 6): the page's shape,
 * `next` as an absolute URL carrying the same parameters, filters, facets, groups, one record,
 * older versions, and ETags. Expected values come from the fixture CSV files.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await createApiWorld();
});
afterAll(async () => w.cleanup());

const communes = readSource('communes-test');
const bornes = readSource('bornes-test');
const get = (url: string) => request(w.app).get(url);
const ids = (records: Array<{ id_borne: string }>) => records.map((r) => r.id_borne);

/** Follows `next` links (absolute URLs) to the end and returns every page. */
async function allPages(firstUrl: string, app = w.app): Promise<Array<Record<string, any>>> {
  const pages = [];
  let url: string | null = firstUrl;
  while (url) {
    const res: request.Response = await request(app).get(url).expect(200);
    pages.push(res.body);
    const next: string | null = res.body.next;
    if (next) expect(next).toMatch(/^https?:\/\/[^/]+\/api\/v1\//);
    url = next ? next.replace(/^https?:\/\/[^/]+/, '') : null;
    if (pages.length > 50) throw new Error('too many pages');
  }
  return pages;
}

describe('GET /api/v1/datasets/{slug}/records', () => {
  it('gives the contract shape with typed values, from the source', async () => {
    const res = await get('/api/v1/datasets/communes-test/records').expect(200);
    expect(res.body).toMatchObject({ dataset: 'communes-test', version: 1, total_count: communes.rows.length, next: null });
    expect(res.body.fields.map((f: { name: string }) => f.name)).toEqual(communes.header);
    expect(res.body.records).toEqual(typedRows(communes));
    expect(res.headers.etag).toMatch(/^W\/"communes-test-v1-/);
  });

  it('pages with `next`: an absolute URL with the same parameters plus _next, stable to the end', async () => {
    const pages = await allPages('/api/v1/datasets/bornes-test/records?_size=7&_sort=-puissance_kw');
    expect(pages.map((p) => p.records.length)).toEqual([7, 7, 7, 4]);
    const expected = [...bornes.rows]
      .map((r, i) => ({ id: r.id_borne, power: frenchNumber(r.puissance_kw), row: i }))
      .sort((a, b) => b.power - a.power || a.row - b.row)
      .map((r) => r.id);
    expect(pages.flatMap((p) => ids(p.records))).toEqual(expected);
    const first = await get('/api/v1/datasets/bornes-test/records?_size=7&_sort=-puissance_kw').expect(200);
    const next = new URL(first.body.next);
    expect(next.pathname).toBe('/api/v1/datasets/bornes-test/records');
    expect(next.searchParams.get('_size')).toBe('7');
    expect(next.searchParams.get('_sort')).toBe('-puissance_kw');
    expect(next.searchParams.get('_next')).toEqual(expect.any(String));
  });

  it('keeps the filters in `next` and counts only the matching records', async () => {
    const free = bornes.rows.filter((r) => r.gratuit === 'oui').map((r) => r.id_borne);
    const pages = await allPages('/api/v1/datasets/bornes-test/records?gratuit=true&_size=3');
    expect(pages[0].total_count).toBe(free.length);
    expect(pages.flatMap((p) => ids(p.records))).toEqual(free);
    expect(new URL(pages[0].next).searchParams.get('gratuit')).toBe('true');
  });

  it('builds `next` on BASE_URL when it is set', async () => {
    const app = w.appWith({ baseUrl: 'https://donnees.eure.example' });
    const res = await request(app).get('/api/v1/datasets/bornes-test/records?_size=5').expect(200);
    expect(res.body.next).toMatch(/^https:\/\/donnees\.eure\.example\/api\/v1\/datasets\/bornes-test\/records\?_size=5&_next=/);
  });

  it('filters with operators, converting values to the column type', async () => {
    const cases: Array<[string, (r: Record<string, string>) => boolean]> = [
      ['population__gt=20000', (r) => Number(r.population) > 20000],
      ['commune=Vernon', (r) => r.commune === 'Vernon'],
      ['code_insee__in=27229,27375', (r) => ['27229', '27375'].includes(r.code_insee)],
      ['commune__contains=VER', (r) => /ver/i.test(r.commune)],
      ['prefecture=false', (r) => r.prefecture === 'non'],
    ];
    for (const [query, keep] of cases) {
      const res = await get(`/api/v1/datasets/communes-test/records?${query}`).expect(200);
      expect({ query, codes: res.body.records.map((r: { code_insee: string }) => r.code_insee) })
        .toEqual({ query, codes: communes.rows.filter(keep).map((r) => r.code_insee) });
    }
  });

  it('selects columns, counts facets and groups, from the source', async () => {
    const selected = await get('/api/v1/datasets/communes-test/records?_select=code_insee,commune').expect(200);
    for (const r of selected.body.records) expect(Object.keys(r).sort()).toEqual(['code_insee', 'commune']);

    const faceted = await get('/api/v1/datasets/bornes-test/records?_facet=commune&_size=1').expect(200);
    const counts: Record<string, number> = {};
    for (const r of bornes.rows) counts[r.commune] = (counts[r.commune] ?? 0) + 1;
    expect(Object.fromEntries(faceted.body.facets.commune.map((f: { value: string; count: number }) => [f.value, f.count]))).toEqual(counts);

    const grouped = await get('/api/v1/datasets/bornes-test/records?_group_by=commune&_agg=count,sum:puissance_kw').expect(200);
    const sums: Record<string, number> = {};
    for (const r of bornes.rows) sums[r.commune] = (sums[r.commune] ?? 0) + frenchNumber(r.puissance_kw);
    expect(grouped.body.groups).toHaveLength(Object.keys(counts).length);
    for (const g of grouped.body.groups) {
      expect(g.count).toBe(counts[g.commune]);
      expect(g.sum_puissance_kw).toBeCloseTo(sums[g.commune], 6);
    }
  });

  it('answers a bad filter or size with a 400 problem naming it', async () => {
    for (const [query, name] of [['couleur=bleu', 'couleur'], ['population__gt=beaucoup', 'population__gt'], ['_size=1001', '_size'], ['population__environ=3', 'population__environ']]) {
      const res = await get(`/api/v1/datasets/communes-test/records?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(res.body.errors ?? res.body.detail)).toContain(name);
      expect(res.headers.etag).toBeUndefined();
    }
  });

  it('searches words written with an apostrophe-like letter (PostgreSQL answered 500)', async () => {
    for (const q of ['ʼ OR ʼ1ʼ=ʼ1', 'ʼÉvreuxʼ', "search('ʼ1ʼ')"]) {
      const param = q.startsWith('search') ? '_where' : '_q';
      const res = await get(`/api/v1/datasets/communes-test/records?${param}=${encodeURIComponent(q)}`).expect(200);
      expect(res.body.records).toEqual(q === 'ʼÉvreuxʼ' ? [expect.objectContaining({ commune: 'Évreux' })] : []);
    }
  });

  it('refuses a NUL character in any value with a 400 naming the parameter (PostgreSQL answered 500)', async () => {
    for (const [query, name] of [['commune=%00', 'commune'], ['commune__contains=a%00', 'commune__contains'], ['_where=commune%20%3D%20%27%00%27', '_where'], ['_q=%C3%89vreux%00', '_q']]) {
      const res = await get(`/api/v1/datasets/communes-test/records?${query}`).expect(400);
      expect(res.body.errors).toEqual([{ path: name, message: `${name} : caractère nul (U+0000) interdit dans une valeur` }]);
    }
  });
});

describe('GET /api/v1/datasets/{slug}/records/{id}', () => {
  it('gives the record itself by primary key', async () => {
    const expected = typedRows(communes);
    for (const record of expected) {
      const res = await get(`/api/v1/datasets/communes-test/records/${record.code_insee}`).expect(200);
      expect(res.body).toEqual(record);
    }
    const missing = await get('/api/v1/datasets/communes-test/records/99999').expect(404);
    expect(missing.body.code).toBe('not-found');
  });

  it('finds no dataset or organization whose slug holds a NUL character (PostgreSQL answered 500)', async () => {
    for (const path of ['', '/schema', '/records', '/records/27229', '/versions/1/records', '/exports/csv']) {
      expect((await get(`/api/v1/datasets/communes-test%00${path}`).expect(404)).body.code).toBe('not-found');
    }
    expect((await get('/api/v1/organizations/%00').expect(404)).body.code).toBe('not-found');
  });

  it('finds no record whose id holds a NUL character (PostgreSQL answered 500)', async () => {
    for (const id of ['27229%00', '%00']) {
      expect((await get(`/api/v1/datasets/communes-test/records/${id}`).expect(404)).body.code).toBe('not-found');
    }
  });

  it('gives a record by its row number when the schema has no primary key', async () => {
    const subventions = readSource('subventions-test');
    const res = await get('/api/v1/datasets/subventions-test/records/2').expect(200);
    expect(res.body).toMatchObject({ beneficiaire: subventions.rows[1].beneficiaire, montant: frenchNumber(subventions.rows[1].montant) });
  });
});

describe('versions and ETags', () => {
  it('answers If-None-Match with a 304 while the version is the same', async () => {
    const url = '/api/v1/datasets/communes-test/records?_size=2';
    const app = w.appWith({ baseUrl: 'http://test.local' });
    const first = await request(app).get(url).expect(200);
    const etag = first.headers.etag;
    await request(app).get(url).set('If-None-Match', etag).expect(304);
    await request(app).get(`${url}&commune=Vernon`).set('If-None-Match', etag).expect(200);
    const record = await request(app).get('/api/v1/datasets/communes-test/records/27229').expect(200);
    await request(app).get('/api/v1/datasets/communes-test/records/27229').set('If-None-Match', record.headers.etag).expect(304);
  });

  it('serves a new version under a new ETag, keeps the old one at /versions/{n}/records, and lets a cursor finish its version', async () => {
    const app = w.appWith({ baseUrl: 'http://test.local' });
    const url = '/api/v1/datasets/communes-test/records';
    const before = await request(app).get(url).expect(200);
    const cursor = await request(app).get(`${url}?_size=1`).expect(200);
    const file = path.join(w.datasetsDir, 'communes-v2.csv');
    fs.writeFileSync(file, 'code_insee;commune;population;superficie;prefecture\n27229;Évreux;47000;26,44;oui\n');
    const published = await w.catalogue.publish('communes-test', file);
    expect(published).toMatchObject({ status: 'published', version: 2 });

    const after = await request(app).get(url).set('If-None-Match', before.headers.etag).expect(200);
    expect(after.body).toMatchObject({ version: 2, total_count: 1, records: [expect.objectContaining({ population: 47000 })] });
    expect(after.headers.etag).toMatch(/^W\/"communes-test-v2-/);

    const old = await request(app).get('/api/v1/datasets/communes-test/versions/1/records').expect(200);
    expect(old.body).toMatchObject({ version: 1, total_count: communes.rows.length });
    expect(old.body.records).toEqual(typedRows(communes));

    const rest = await allPages(cursor.body.next.replace('http://test.local', ''), app);
    expect(rest.every((p) => p.version === 1)).toBe(true);
    expect(rest.flatMap((p) => p.records.map((r: { code_insee: string }) => r.code_insee))).toEqual(communes.rows.slice(1).map((r) => r.code_insee));

    await request(app).get('/api/v1/datasets/communes-test/versions/3/records').expect(404);
    const dataset = await request(app).get('/api/v1/datasets/communes-test').expect(200);
    expect(dataset.body).toMatchObject({ version: 2, record_count: 1 });
  });
});
