import request from 'supertest';
import { ALL_SLUGS, createApiWorld, frenchNumber, readSource, UNPUBLISHED, type ApiWorld, type SourceDataset } from './api-fixture';

/**
 * Catalogue routes against expectations computed from the fixture folders (dataset.json, schema,
 * CSV), never from the store: search, facets, filters, sorts, pages, one dataset with its fields
 * and profile, its schema, organizations, versions.
 */
let w: ApiWorld;
const sources = new Map<string, SourceDataset>(ALL_SLUGS.map((slug) => [slug, readSource(slug)]));
const source = (slug: string) => sources.get(slug)!;
const recordCount = (slug: string) => (UNPUBLISHED.includes(slug) ? 0 : source(slug).rows.length);

beforeAll(async () => {
  w = await createApiWorld();
});
afterAll(async () => w.cleanup());

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const words = (s: string) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);

/** An independent reading of the rule: every query word starts a word of the title, description, keywords or themes. */
function matchesQuery(s: SourceDataset, q: string): boolean {
  const text = words([s.metadata.title, s.metadata.description, ...(s.metadata.keywords ?? []), ...(s.metadata.themes ?? [])].join(' '));
  return words(q).every((word) => text.some((t) => t.startsWith(word)));
}

function facetCounts(values: string[][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const list of values) for (const v of new Set(list.map(fold))) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
const asCounts = (facet: Array<{ value: string; count: number }>) => Object.fromEntries(facet.map((f) => [fold(f.value), f.count]));

const get = (url: string) => request(w.app).get(url);

describe('GET /api/v1/datasets', () => {
  it('lists every dataset with the contract shape, counts and facets from the sources', async () => {
    const res = await get('/api/v1/datasets').expect(200).expect('Content-Type', /application\/json/);
    expect(res.body).toMatchObject({ total: ALL_SLUGS.length, page: 1, page_size: 20 });
    expect(res.body.datasets.map((d: { slug: string }) => d.slug).sort()).toEqual(ALL_SLUGS);
    const all = ALL_SLUGS.map(source);
    expect(asCounts(res.body.facets.theme)).toEqual(facetCounts(all.map((s) => s.metadata.themes ?? [])));
    expect(asCounts(res.body.facets.keyword)).toEqual(facetCounts(all.map((s) => s.metadata.keywords ?? [])));
    expect(asCounts(res.body.facets.organization)).toEqual(facetCounts(all.map((s) => [s.metadata.organization])));
    expect(asCounts(res.body.facets.licence)).toEqual(facetCounts(all.map((s) => [s.metadata.licence])));
    for (const facet of Object.values(res.body.facets) as Array<Array<{ count: number }>>) {
      const counts = facet.map((f) => f.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
    for (const d of res.body.datasets) {
      const s = source(d.slug);
      expect(Object.keys(d).sort()).toEqual(
        ['slug', 'title', 'description', 'organization', 'themes', 'keywords', 'licence', 'updated_at', 'record_count', 'geo', 'links', 'version'].sort(),
      );
      expect(d).toMatchObject({
        title: s.metadata.title,
        description: s.metadata.description,
        organization: { slug: s.metadata.organization },
        themes: s.metadata.themes ?? [],
        keywords: s.metadata.keywords ?? [],
        licence: s.metadata.licence,
        record_count: recordCount(d.slug),
        geo: Boolean(s.schema['x-geo']),
        version: UNPUBLISHED.includes(d.slug) ? null : 1,
      });
      expect(new Date(d.updated_at).toISOString()).toBe(d.updated_at);
      const host = res.request.url.replace(/\/api\/v1\/datasets$/, '');
      expect(d.links).toEqual({
        html: `${host}/datasets/${d.slug}`,
        api: `${host}/api/v1/datasets/${d.slug}`,
        records: `${host}/api/v1/datasets/${d.slug}/records`,
      });
    }
    const organizations = res.body.facets.organization as Array<{ value: string; label: string }>;
    const bornes = organizations.find((o) => o.value === 'syndicat-energie-test');
    expect(bornes?.label).toBe(source('bornes-test').metadata.organization_title);
  });

  it('searches titles, descriptions and keywords with accents and case folded, best matches first', async () => {
    for (const q of ['PISCINE', 'vehicule electrique', 'Équipement', 'recharge borne', 'évreux', 'communes fictives']) {
      const res = await get(`/api/v1/datasets?q=${encodeURIComponent(q)}`).expect(200);
      const expected = ALL_SLUGS.filter((slug) => matchesQuery(source(slug), q));
      expect({ q, slugs: res.body.datasets.map((d: { slug: string }) => d.slug).sort() }).toEqual({ q, slugs: expected });
      expect(res.body.total).toBe(expected.length);
    }
    // « piscine » is in the title and keywords of one, in the description only of the other.
    const ranked = await get('/api/v1/datasets?q=piscine').expect(200);
    expect(ranked.body.datasets.map((d: { slug: string }) => d.slug)).toEqual(['piscines-test', 'subventions-test']);
  });

  it('filters by theme, organization, keyword, licence and geo, and counts facets over the results', async () => {
    const cases: Array<[string, (s: SourceDataset) => boolean]> = [
      ['theme=energie', (s) => (s.metadata.themes ?? []).map(fold).includes('energie')],
      ['theme=%C3%89conomie&theme=Soci%C3%A9t%C3%A9', (s) => ['economie', 'societe'].every((t) => (s.metadata.themes ?? []).map(fold).includes(t))],
      ['theme=Sports&theme=Soci%C3%A9t%C3%A9', () => false],
      ['organization=departement-eure', (s) => s.metadata.organization === 'departement-eure'],
      ['organization=departement-eure&organization=prefecture-eure', (s) => ['departement-eure', 'prefecture-eure'].includes(s.metadata.organization)],
      ['keyword=irve', (s) => (s.metadata.keywords ?? []).map(fold).includes('irve')],
      ['licence=CC-BY-4.0', (s) => s.metadata.licence === 'CC-BY-4.0'],
      ['geo=true', (s) => Boolean(s.schema['x-geo'])],
      ['geo=false', (s) => !s.schema['x-geo']],
      ['geo=true&licence=etalab-2.0', (s) => Boolean(s.schema['x-geo']) && s.metadata.licence === 'etalab-2.0'],
    ];
    for (const [query, keep] of cases) {
      const res = await get(`/api/v1/datasets?${query}`).expect(200);
      const expected = ALL_SLUGS.filter((slug) => keep(source(slug)));
      expect({ query, slugs: res.body.datasets.map((d: { slug: string }) => d.slug).sort() }).toEqual({ query, slugs: expected });
      expect(asCounts(res.body.facets.theme)).toEqual(facetCounts(expected.map((slug) => source(slug).metadata.themes ?? [])));
      expect(asCounts(res.body.facets.organization)).toEqual(facetCounts(expected.map((slug) => [source(slug).metadata.organization])));
    }
  });

  it('sorts by title, record count, last update and relevance, with the slug breaking ties', async () => {
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    const byTitle = await get('/api/v1/datasets?sort=title').expect(200);
    expect(byTitle.body.datasets.map((d: { slug: string }) => d.slug)).toEqual(
      [...ALL_SLUGS].sort((a, b) => collator.compare(source(a).metadata.title, source(b).metadata.title)),
    );
    const byRecords = await get('/api/v1/datasets?sort=-records').expect(200);
    expect(byRecords.body.datasets.map((d: { slug: string }) => d.slug)).toEqual(
      [...ALL_SLUGS].sort((a, b) => recordCount(b) - recordCount(a) || (a < b ? -1 : 1)),
    );
    const byUpdate = await get('/api/v1/datasets?sort=-updated').expect(200);
    const dates = byUpdate.body.datasets.map((d: { updated_at: string }) => d.updated_at);
    expect(dates).toEqual([...dates].sort().reverse());
    const byDefault = await get('/api/v1/datasets').expect(200);
    const slugs = (body: { datasets: Array<{ slug: string }> }) => body.datasets.map((d) => d.slug);
    expect(slugs(byDefault.body)).toEqual(slugs(byUpdate.body));
  });

  it('pages through the results', async () => {
    const all = (await get('/api/v1/datasets?sort=title').expect(200)).body.datasets.map((d: { slug: string }) => d.slug);
    const page2 = await get('/api/v1/datasets?sort=title&page=2&page_size=2').expect(200);
    expect(page2.body).toMatchObject({ total: ALL_SLUGS.length, page: 2, page_size: 2 });
    expect(page2.body.datasets.map((d: { slug: string }) => d.slug)).toEqual(all.slice(2, 4));
    const beyond = await get('/api/v1/datasets?page=9').expect(200);
    expect(beyond.body).toMatchObject({ total: ALL_SLUGS.length, datasets: [] });
  });

  it('answers bad parameters with a 400 problem naming each of them and what is allowed', async () => {
    const res = await get('/api/v1/datasets?sort=popularite&page=0&page_size=101&geo=peut-etre&couleur=bleu&q=a&q=b').expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'bad-request', title: expect.any(String), type: expect.any(String) });
    const named = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(named).toEqual(['couleur', 'geo', 'page', 'page_size', 'q', 'sort']);
    for (const name of named) expect(res.body.detail).toContain(name);
    const sort = res.body.errors.find((e: { path: string }) => e.path === 'sort');
    expect(sort.message).toEqual(expect.stringContaining('-records'));
    const unknown = res.body.errors.find((e: { path: string }) => e.path === 'couleur');
    expect(unknown.message).toEqual(expect.stringContaining('page_size'));
    await get('/api/v1/datasets?page_size=0').expect(400);
    await get('/api/v1/datasets?page=1.5').expect(400);
    await get('/api/v1/datasets?page_size=100').expect(200);
  });
});

describe('GET /api/v1/datasets/{slug}', () => {
  it('gives metadata, fields, version, record count, column profiles and links', async () => {
    const s = source('communes-test');
    const res = await get('/api/v1/datasets/communes-test').expect(200);
    expect(res.body).toMatchObject({
      slug: 'communes-test', title: s.metadata.title, description: s.metadata.description, licence: s.metadata.licence,
      organization: { slug: s.metadata.organization, title: s.metadata.organization_title },
      version: 1, record_count: s.rows.length, primary_key: s.schema['x-primaryKey'], geo: true,
    });
    const typeOf = (p: Record<string, unknown>) => (p.format === 'date' ? 'date' : String(p.type));
    expect(res.body.fields).toEqual(Object.entries(s.schema.properties).map(([name, p]) => ({
      name, type: typeOf(p), title: p.title ?? null, description: p.description ?? null,
    })));
    const populations = s.rows.map((r) => Number(r.population));
    expect(res.body.profile.population).toMatchObject({
      nulls: 0, distinct: new Set(populations).size, min: Math.min(...populations), max: Math.max(...populations),
    });
    const areas = s.rows.map((r) => frenchNumber(r.superficie));
    expect(res.body.profile.superficie).toMatchObject({ min: Math.min(...areas), max: Math.max(...areas) });
    expect(res.body.profile.commune.top.map((t: { value: string }) => t.value).sort()).toEqual(s.rows.map((r) => r.commune).sort());
    expect(Object.keys(res.body.profile)).toEqual(Object.keys(s.schema.properties));
    const host = res.request.url.replace(/\/api\/v1\/datasets\/communes-test$/, '');
    expect(res.body.links).toMatchObject({
      html: `${host}/datasets/communes-test`,
      api: `${host}/api/v1/datasets/communes-test`,
      schema: `${host}/api/v1/datasets/communes-test/schema`,
      records: `${host}/api/v1/datasets/communes-test/records`,
      openapi: `${host}/api/v1/datasets/communes-test/openapi.json`,
      exports: {
        csv: `${host}/api/v1/datasets/communes-test/exports/csv`,
        json: `${host}/api/v1/datasets/communes-test/exports/json`,
        ndjson: `${host}/api/v1/datasets/communes-test/exports/ndjson`,
      },
    });
    // Located by commune code only: a map, but no coordinates for GeoJSON.
    expect(res.body.links.exports.geojson).toBeUndefined();
  });

  it('profiles empty cells as nulls, from the source', async () => {
    const s = source('bornes-test');
    const res = await get('/api/v1/datasets/bornes-test').expect(200);
    for (const column of ['note', 'latitude', 'mise_en_service']) {
      expect({ column, nulls: res.body.profile[column].nulls }).toEqual({ column, nulls: s.rows.filter((r) => r[column] === '').length });
    }
    const powers = s.rows.map((r) => frenchNumber(r.puissance_kw));
    expect(res.body.profile.puissance_kw).toMatchObject({ min: Math.min(...powers), max: Math.max(...powers), distinct: new Set(powers).size });
    expect(res.body.links.exports.geojson).toMatch(/\/exports\/geojson$/);
  });

  it('shows a dataset with nothing published with its schema fields, no version and no records', async () => {
    const s = source('brouillon-test');
    const res = await get('/api/v1/datasets/brouillon-test').expect(200);
    expect(res.body).toMatchObject({ version: null, record_count: 0, profile: {}, published_at: null });
    expect(res.body.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(s.schema.properties));
    // No version ETag (express may still tag the body by its content).
    expect(res.headers.etag ?? '').not.toMatch(/brouillon-test-v/);
  });

  it('uses BASE_URL for links when it is set', async () => {
    const app = w.appWith({ baseUrl: 'https://donnees.eure.example' });
    const res = await request(app).get('/api/v1/datasets/communes-test').expect(200);
    expect(res.body.links.api).toBe('https://donnees.eure.example/api/v1/datasets/communes-test');
    const list = await request(app).get('/api/v1/datasets').expect(200);
    expect(list.body.datasets.every((d: { links: { html: string } }) => d.links.html.startsWith('https://donnees.eure.example/datasets/'))).toBe(true);
  });

  it('answers an unknown dataset or a parameter it does not take with a problem', async () => {
    const missing = await get('/api/v1/datasets/nulle-part').expect(404);
    expect(missing.body).toMatchObject({ status: 404, code: 'not-found' });
    expect(missing.body.detail).toContain('nulle-part');
    const extra = await get('/api/v1/datasets/communes-test?_size=3').expect(400);
    expect(extra.body.errors).toEqual([expect.objectContaining({ path: '_size' })]);
  });
});

describe('GET /api/v1/datasets/{slug}/schema', () => {
  it('is the row JSON Schema as given', async () => {
    for (const slug of ['communes-test', 'bornes-test']) {
      const res = await get(`/api/v1/datasets/${slug}/schema`).expect(200).expect('Content-Type', /application\/schema\+json/);
      expect(JSON.parse(res.text)).toEqual(source(slug).schema);
    }
    await get('/api/v1/datasets/nulle-part/schema').expect(404);
  });
});

describe('organizations', () => {
  it('lists organizations with their dataset counts, from the metadata', async () => {
    const res = await get('/api/v1/organizations').expect(200);
    const expected: Record<string, number> = {};
    for (const slug of ALL_SLUGS) expected[source(slug).metadata.organization] = (expected[source(slug).metadata.organization] ?? 0) + 1;
    expect(Object.fromEntries(res.body.organizations.map((o: { slug: string; dataset_count: number }) => [o.slug, o.dataset_count]))).toEqual(expected);
    const prefecture = res.body.organizations.find((o: { slug: string }) => o.slug === 'prefecture-eure');
    expect(prefecture).toMatchObject({ title: source('piscines-test').metadata.organization_title, links: { api: expect.stringMatching(/^http.*\/api\/v1\/organizations\/prefecture-eure$/) } });
  });

  it('gives one organization with its datasets', async () => {
    const res = await get('/api/v1/organizations/departement-eure').expect(200);
    const expected = ALL_SLUGS.filter((slug) => source(slug).metadata.organization === 'departement-eure');
    expect(res.body).toMatchObject({ slug: 'departement-eure', dataset_count: expected.length });
    expect(res.body.datasets.map((d: { slug: string }) => d.slug).sort()).toEqual(expected);
    await get('/api/v1/organizations/nulle-part').expect(404);
  });
});

describe('versions', () => {
  it('lists the published versions and gives one with its report', async () => {
    const s = source('bornes-test');
    const list = await get('/api/v1/datasets/bornes-test/versions').expect(200);
    expect(list.body.versions).toEqual([expect.objectContaining({ number: 1, status: 'published', rows: s.rows.length, source_name: 'data.csv' })]);
    const one = await get('/api/v1/datasets/bornes-test/versions/1').expect(200);
    expect(one.body).toMatchObject({ dataset: 'bornes-test', number: 1, stats: { rows: s.rows.length, invalidRows: 0 }, report: { valid: true } });
    // The rejected upload of the draft is not public history.
    expect((await get('/api/v1/datasets/brouillon-test/versions').expect(200)).body.versions).toEqual([]);
    await get('/api/v1/datasets/bornes-test/versions/2').expect(404);
    const bad = await get('/api/v1/datasets/bornes-test/versions/deux').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'n' })]);
  });
});
