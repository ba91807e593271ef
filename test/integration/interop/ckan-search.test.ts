import request from 'supertest';
import { readSource, type ApiWorld } from '../api/api-fixture';
import { ckanCall, CKAN_SLUGS, COMPLETE, completeMetadata, createCkanWorld } from './ckan-world';

/**
 * `package_list`, `package_search` and `organization_list` as harvesters page through them:
 * every dataset exactly once, `count`, the catalogue's accent-folded search, the `fq` terms
 * ckanext-harvest sends, CKAN's sorts and limits, and CKAN's error envelopes.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await createCkanWorld();
});
afterAll(async () => w.cleanup());

type Pkg = { name: string; id: string; organization: { name: string } | null; metadata_modified: string };
const names = (results: Pkg[]) => results.map((p) => p.name);
const metadataOf = (slug: string) => (slug === COMPLETE ? completeMetadata() : readSource(slug).metadata);

describe('package_list', () => {
  it('names every dataset, published or not, in alphabetical order, with limit and offset', async () => {
    expect((await ckanCall(w, 'package_list')).body.result).toEqual(CKAN_SLUGS);
    expect((await ckanCall(w, 'package_list', 'limit=2&offset=1')).body.result).toEqual(CKAN_SLUGS.slice(1, 3));
    const { body } = await ckanCall(w, 'package_list', 'limit=deux', 409);
    expect(body.error).toEqual({ __type: 'Validation Error', limit: [expect.stringContaining('deux')] });
  });
});

describe('package_search', () => {
  it('without parameters: every dataset counted, 10 rows at most, CKAN\'s default sort echoed, full packages', async () => {
    const { body } = await ckanCall(w, 'package_search');
    expect(body.result).toMatchObject({ count: CKAN_SLUGS.length, sort: 'score desc, metadata_modified desc', facets: {}, search_facets: {} });
    expect(body.result.results).toHaveLength(Math.min(10, CKAN_SLUGS.length));
    const modified = body.result.results.map((p: Pkg) => p.metadata_modified);
    expect(modified).toEqual([...modified].sort().reverse());
    // Each supertest call has its own port: compare the packages with the site's origin left out.
    const local = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/http:\/\/127\.0\.0\.1:\d+/g, 'SITE'));
    const show = (await ckanCall(w, 'package_show', `id=${COMPLETE}`)).body.result;
    expect(local(body.result.results.find((p: Pkg) => p.name === COMPLETE))).toEqual(local(show));
  });

  it.each(['id asc', 'name asc', 'metadata_modified desc', 'title_string asc'])('pages with rows and start cover every dataset exactly once (sort %s)', async (sort) => {
    const seen: string[] = [];
    for (let start = 0; ; start += 2) {
      const { body } = await ckanCall(w, 'package_search', `rows=2&start=${start}&sort=${encodeURIComponent(sort)}`);
      expect(body.result.count).toBe(CKAN_SLUGS.length);
      // ckanext-harvest stops at the first empty page.
      if (body.result.results.length === 0) break;
      seen.push(...names(body.result.results));
    }
    expect([...seen].sort()).toEqual(CKAN_SLUGS);
    expect(new Set(seen).size).toBe(CKAN_SLUGS.length);
    if (sort === 'name asc') expect(seen).toEqual(CKAN_SLUGS);
  });

  it('sorts by package id when asked, as ckanext-harvest does', async () => {
    const { body } = await ckanCall(w, 'package_search', 'rows=1000&sort=id%20asc');
    const ids = body.result.results.map((p: Pkg) => p.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('searches titles, descriptions, keywords and themes without accents or case', async () => {
    const expected = CKAN_SLUGS.filter((slug) => (metadataOf(slug).themes ?? []).includes('Énergie'));
    expect(expected.length).toBeGreaterThan(1);
    for (const q of ['energie', 'ÉNERGIE']) {
      const { body } = await ckanCall(w, 'package_search', `q=${encodeURIComponent(q)}&rows=100`);
      expect(names(body.result.results).sort()).toEqual(expected);
      expect(body.result.count).toBe(expected.length);
    }
    expect((await ckanCall(w, 'package_search', 'q=introuvablezzz')).body.result).toMatchObject({ count: 0, results: [] });
  });

  it('filters with the fq and q terms harvesters send', async () => {
    const byOrganization = (org: string) => CKAN_SLUGS.filter((slug) => metadataOf(slug).organization === org);
    const search = async (query: string) => names((await ckanCall(w, 'package_search', `${query}&rows=100`)).body.result.results).sort();
    expect(await search('fq=organization:departement-eure')).toEqual(byOrganization('departement-eure'));
    expect(await search(`fq=${encodeURIComponent('organization:departement-eure OR organization:sdis-test')}`))
      .toEqual([...byOrganization('departement-eure'), ...byOrganization('sdis-test')].sort());
    expect(await search(`fq=${encodeURIComponent('-organization:departement-eure')}`))
      .toEqual(CKAN_SLUGS.filter((slug) => metadataOf(slug).organization !== 'departement-eure'));
    expect(await search(`q=${encodeURIComponent('organization:syndicat-energie-test AND -tags:IRVE')}`)).toEqual([]);
    expect(await search(`q=${encodeURIComponent('organization:syndicat-energie-test tags:irve')}`)).toEqual(['bornes-test', COMPLETE]);
    expect(await search('fq=groups:sports')).toEqual(CKAN_SLUGS.filter((slug) => (metadataOf(slug).themes ?? []).includes('Sports')));
    expect(await search('fq=license_id:odc-odbl')).toEqual(CKAN_SLUGS.filter((slug) => metadataOf(slug).licence === 'ODbL-1.0'));
    expect(await search(`fq=${encodeURIComponent('metadata_modified:[2000-01-01T00:00:00Z TO *]')}`)).toEqual(CKAN_SLUGS);
    expect(await search(`fq=${encodeURIComponent('metadata_modified:[2999-01-01T00:00:00Z TO *]')}`)).toEqual([]);
  });

  it('brings rows above 1000 down to 1000, as CKAN does, and takes rows=0 for a count', async () => {
    expect((await ckanCall(w, 'package_search', 'rows=5000')).body.result.results).toHaveLength(CKAN_SLUGS.length);
    expect((await ckanCall(w, 'package_search', 'rows=0')).body.result).toMatchObject({ count: CKAN_SLUGS.length, results: [] });
  });

  it('answers bad numbers with a 409 Validation Error naming them', async () => {
    for (const [query, name] of [['rows=dix', 'rows'], ['rows=-1', 'rows'], ['start=1.5', 'start'], ['start=-3', 'start']]) {
      const { body } = await ckanCall(w, 'package_search', query, 409);
      expect(body.error).toEqual({ __type: 'Validation Error', [name]: [expect.stringContaining(name)] });
    }
  });

  it('answers an unknown parameter, field or sort with a 400 Search Query Error naming it', async () => {
    for (const [query, named] of [
      ['zz_inconnu=1', 'zz_inconnu'],
      ['fq=couleur:bleu', 'couleur'],
      ['sort=popularite%20desc', 'popularite'],
      [`fq=${encodeURIComponent('metadata_modified:[hier TO *]')}`, 'hier'],
    ]) {
      const { body } = await ckanCall(w, 'package_search', query, 400);
      expect(body.error).toEqual({ __type: 'Search Query Error', message: expect.stringContaining(named) });
    }
  });
});

describe('organization_list', () => {
  const organizations = () => {
    const all = new Map<string, { title: string; count: number }>();
    for (const slug of CKAN_SLUGS) {
      const m = metadataOf(slug);
      const entry = all.get(m.organization) ?? { title: m.organization_title ?? '', count: 0 };
      entry.count += 1;
      if (m.organization_title) entry.title = m.organization_title;
      all.set(m.organization, entry);
    }
    return all;
  };

  it('names the organisations, or gives them whole with all_fields=true', async () => {
    const expected = organizations();
    const list = (await ckanCall(w, 'organization_list')).body.result;
    expect(list).toEqual([...expected.keys()].sort());
    const full = (await ckanCall(w, 'organization_list', 'all_fields=true')).body.result;
    expect(full.map((o: { name: string }) => o.name)).toEqual(list);
    for (const o of full) {
      expect(o).toMatchObject({
        title: expected.get(o.name)!.title, display_name: expected.get(o.name)!.title, package_count: expected.get(o.name)!.count,
        type: 'organization', is_organization: true, state: 'active', approval_status: 'approved',
      });
      expect(o.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const show = (await ckanCall(w, 'package_show', `id=${COMPLETE}`)).body.result;
    expect(full.find((o: { name: string }) => o.name === show.organization.name).id).toBe(show.organization.id);
  });

  it('sorts by package_count, limits and refuses what it cannot read', async () => {
    const counts = (await ckanCall(w, 'organization_list', 'all_fields=true&sort=package_count%20desc')).body.result.map((o: { package_count: number }) => o.package_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await ckanCall(w, 'organization_list', 'limit=1&offset=1')).body.result).toEqual([[...organizations().keys()].sort()[1]]);
    expect((await ckanCall(w, 'organization_list', 'all_fields=peut-etre', 409)).body.error).toEqual({ __type: 'Validation Error', all_fields: [expect.any(String)] });
    expect((await ckanCall(w, 'organization_list', 'sort=couleur', 409)).body.error).toEqual({ __type: 'Validation Error', sort: [expect.stringContaining('couleur')] });
  });
});

describe('HTTP', () => {
  it('answers at CKAN\'s unversioned address too, with the same envelope', async () => {
    const res = await request(w.app).get('/api/action/package_list').set('Origin', 'https://data.gouv.fr').expect(200);
    expect(res.body).toEqual({ help: expect.stringMatching(/\/api\/3\/action\/help_show\?name=package_list$/), success: true, result: CKAN_SLUGS });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect((await request(w.app).get('/api/action/package_show?id=nulle-part').expect(404)).body.error.__type).toBe('Not Found Error');
  });

  it('takes the actions by POST with a JSON object too, as ckanapi sends them (to /api/action/…)', async () => {
    const post = (action: string, body: unknown) => request(w.app).post(`/api/action/${action}`).set('Content-Type', 'application/json').send(body as object);
    expect((await request(w.app).post('/api/3/action/package_show').send({ id: COMPLETE }).expect(200)).body.result.name).toBe(COMPLETE);
    const byPost = await post('package_search', { rows: 2, start: 2, sort: 'name asc' }).expect(200);
    expect(byPost.body).toMatchObject({ success: true, result: { count: CKAN_SLUGS.length } });
    expect(names(byPost.body.result.results)).toEqual(CKAN_SLUGS.slice(2, 4));
    expect((await post('package_show', { id: COMPLETE }).expect(200)).body.result.name).toBe(COMPLETE);
    expect((await post('organization_list', { all_fields: true, limit: 1 }).expect(200)).body.result[0]).toHaveProperty('package_count');
    expect((await post('package_search', { rows: 'x' }).expect(409)).body.error).toEqual({ __type: 'Validation Error', rows: [expect.any(String)] });
    const broken = await request(w.app).post('/api/3/action/package_list').set('Content-Type', 'application/json').send('{"limit":').expect(400);
    expect(broken.body).toMatch(/^Bad request - JSON Error: /);
    expect((await post('package_list', [1, 2]).expect(400)).body).toMatch(/^Bad request - JSON Error: /);
  });

  it('documents each action at the help address its answers give', async () => {
    for (const action of ['package_list', 'package_show', 'package_search', 'organization_list']) {
      const { body } = await request(w.app).get(`/api/3/action/${action}${action === 'package_show' ? `?id=${COMPLETE}` : ''}`).expect(200);
      const help = new URL(body.help);
      const doc = (await ckanCall(w, 'help_show', help.search.slice(1))).body.result;
      expect(doc).toEqual(expect.stringContaining('CKAN'));
      if (action === 'package_search') expect(doc).toMatch(/rows : .*1000/);
    }
    expect((await ckanCall(w, 'help_show', 'name=package_delete', 404)).body.error.message).toContain('package_delete');
  });

  it('is open to other sites (CORS) for reading, like /api/v1', async () => {
    const res = await request(w.app).get('/api/3/action/package_list').set('Origin', 'https://data.gouv.fr').expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});
