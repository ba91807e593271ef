import { DataFactory, type Quad, type Term } from 'n3';
import request from 'supertest';
import { UNPUBLISHED } from '../api/api-fixture';
import {
  BASE, canonical, createDcatWorld, DCAT_SLUGS, NS, objects, one, readGraph, typesOf, walkCatalogue, type DcatWorld,
} from './dcat-world';

/**
 * The DCAT-AP catalogue, /catalog.ttl and /catalog.jsonld: media types, HEAD, the Hydra paging a
 * harvester follows to the end, the catalogue's own properties, the same graph in both formats,
 * and problems for bad paging parameters.
 */
let d: DcatWorld;
beforeAll(async () => {
  d = await createDcatWorld();
});
afterAll(async () => d.cleanup());

const CATALOGUE = `${BASE}/catalog`;
const datasetIri = (slug: string) => `${BASE}/datasets/${slug}#dataset`;
const FORMATS = [
  { extension: 'ttl', type: /^text\/turtle; charset=utf-8$/ },
  { extension: 'jsonld', type: /^application\/ld\+json/ },
] as const;

describe.each(FORMATS)('/catalog.$extension', ({ extension, type }) => {
  it('answers GET and HEAD with its media type', async () => {
    const get = await request(d.app).get(`/catalog.${extension}`).expect(200);
    expect(get.headers['content-type']).toMatch(type);
    const head = await request(d.app).head(`/catalog.${extension}`).expect(200);
    expect(head.headers['content-type']).toMatch(type);
    expect(head.text ?? '').toBe('');
  });

  it('carries an ETag: a harvester coming back with it gets a 304 while nothing changed', async () => {
    for (const url of [`/catalog.${extension}`, `/datasets/${DCAT_SLUGS[0]}.${extension}`]) {
      const first = await request(d.app).get(url).expect(200);
      expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
      const etag = first.headers.etag;
      expect(etag).toMatch(/^W\/".+"$/);
      await request(d.app).get(url).set('If-None-Match', etag).expect(304);
      await request(d.app).get(url).set('If-None-Match', 'W/"autre"').expect(200);
    }
  });

  it('pages with hydra:next, followed to the end, listing every dataset exactly once', async () => {
    const pageSize = 3;
    const pages = await walkCatalogue(d.app, extension, pageSize);
    const lastPage = Math.ceil(DCAT_SLUGS.length / pageSize);
    expect(pages).toHaveLength(lastPage);
    const listed: string[] = [];
    pages.forEach(({ store }, i) => {
      const page = i + 1;
      const pageUrl = (n: number) => `${BASE}/catalog.${extension}?page=${n}&page_size=${pageSize}`;
      const view = pageUrl(page);
      expect(typesOf(store, view)).toContain(NS.hydra + 'PartialCollectionView');
      expect(objects(store, CATALOGUE, NS.hydra + 'view')).toEqual([view]);
      expect(one(store, view, NS.hydra + 'first')).toBe(pageUrl(1));
      expect(one(store, view, NS.hydra + 'last')).toBe(pageUrl(lastPage));
      expect(objects(store, view, NS.hydra + 'previous')).toEqual(page > 1 ? [pageUrl(page - 1)] : []);
      expect(objects(store, view, NS.hydra + 'next')).toEqual(page < lastPage ? [pageUrl(page + 1)] : []);
      expect(Number(one(store, view, NS.hydra + 'totalItems'))).toBe(DCAT_SLUGS.length);
      expect(Number(one(store, view, NS.hydra + 'itemsPerPage'))).toBe(pageSize);
      const onPage = objects(store, CATALOGUE, NS.dcat + 'dataset');
      expect(onPage.length).toBe(page < lastPage ? pageSize : DCAT_SLUGS.length - pageSize * (lastPage - 1));
      // Each listed dataset is described on its page, not only named.
      for (const dataset of onPage) expect(typesOf(store, dataset)).toContain(NS.dcat + 'Dataset');
      listed.push(...onPage);
    });
    expect([...listed].sort()).toEqual(DCAT_SLUGS.map(datasetIri).sort());
  });

  it('describes the catalogue: title, description, publisher, homepage, language, licence, modified, services', async () => {
    const res = await request(d.app).get(`/catalog.${extension}`).expect(200);
    const store = await readGraph(extension, res.text);
    const site = d.w.config.site;
    expect(typesOf(store, CATALOGUE)).toEqual([NS.dcat + 'Catalog']);
    expect(one(store, CATALOGUE, NS.dct + 'title')).toBe(site.name);
    expect(one(store, CATALOGUE, NS.dct + 'description')).toContain(site.operator);
    const publisher = one(store, CATALOGUE, NS.dct + 'publisher');
    expect(typesOf(store, publisher)).toContain(NS.foaf + 'Agent');
    expect(one(store, publisher, NS.foaf + 'name')).toBe(site.operator);
    expect(one(store, CATALOGUE, NS.foaf + 'homepage')).toBe(`${BASE}/`);
    expect(one(store, CATALOGUE, NS.dct + 'language')).toBe('http://publications.europa.eu/resource/authority/language/FRA');
    expect(typesOf(store, one(store, CATALOGUE, NS.dct + 'license'))).toContain(NS.dct + 'LicenseDocument');
    // The default page holds the whole test catalogue: every dataset, one records API per published one.
    expect(objects(store, CATALOGUE, NS.dcat + 'dataset').sort()).toEqual(DCAT_SLUGS.map(datasetIri).sort());
    const published = DCAT_SLUGS.filter((slug) => !UNPUBLISHED.includes(slug));
    const services = objects(store, CATALOGUE, NS.dcat + 'service');
    expect(services.map((s) => one(store, s, NS.dcat + 'servesDataset')).sort()).toEqual(published.map(datasetIri).sort());
    const search = await request(d.app).get('/api/v1/datasets?sort=-updated&page_size=1').expect(200);
    expect(one(store, CATALOGUE, NS.dct + 'modified')).toBe(search.body.datasets[0].updated_at);
    expect(store.getQuads(CATALOGUE, NS.dct + 'modified', null, null)[0].object).toMatchObject({ datatype: { value: NS.xsd + 'dateTime' } });
  });

  it('refuses bad paging values and unknown parameters with problems naming them', async () => {
    for (const [query, name] of [['page=0', 'page'], ['page=abc', 'page'], ['page_size=0', 'page_size'], ['page_size=101', 'page_size'], ['taille=3', 'taille']]) {
      const res = await request(d.app).get(`/catalog.${extension}?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([name]);
    }
    const beyond = await request(d.app).get(`/catalog.${extension}?page=99&page_size=5`).expect(404);
    expect(beyond.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(beyond.body.errors).toEqual([expect.objectContaining({ path: 'page' })]);
  });
});

/** Each format's page links lead to pages of the same format: the one place the two graphs differ. */
function withPageLinksOf(quads: readonly Quad[], from: string, to: string): Quad[] {
  const swap = <T extends Term>(term: T): T =>
    (term.termType === 'NamedNode' && term.value.startsWith(from) ? DataFactory.namedNode(to + term.value.slice(from.length)) : term) as T;
  return quads.map((q) => DataFactory.quad(swap(q.subject), q.predicate, swap(q.object)));
}

describe('Turtle and JSON-LD', () => {
  it('give the same catalogue graph, page for page', async () => {
    for (const query of ['', '?page=2&page_size=3']) {
      const turtle = await readGraph('ttl', (await request(d.app).get(`/catalog.ttl${query}`).expect(200)).text);
      const json = await readGraph('jsonld', (await request(d.app).get(`/catalog.jsonld${query}`).expect(200)).text);
      const jsonAsTurtle = withPageLinksOf(json.getQuads(null, null, null, null), `${BASE}/catalog.jsonld`, `${BASE}/catalog.ttl`);
      expect(json.size).toBe(turtle.size);
      expect(await canonical(jsonAsTurtle)).toBe(await canonical(turtle.getQuads(null, null, null, null)));
    }
  });

  it('never gives a shared resource (an INSEE zone, a theme, a licence) two labels in one language', async () => {
    const store = await readGraph('ttl', (await request(d.app).get('/catalog.ttl').expect(200)).text);
    const labels = new Map<string, number>();
    for (const q of store.getQuads(null, NS.skos + 'prefLabel', null, null)) {
      const key = `${q.subject.value} @${(q.object as { language?: string }).language ?? ''}`;
      labels.set(key, (labels.get(key) ?? 0) + 1);
    }
    expect(labels.size).toBeGreaterThan(0);
    expect([...labels].filter(([, count]) => count > 1)).toEqual([]);
  });

  it('uses an inline JSON-LD context, never a remote one', async () => {
    const res = await request(d.app).get('/catalog.jsonld').expect(200);
    const doc = JSON.parse(res.text);
    expect(typeof doc['@context']).toBe('object');
    expect(doc['@context'].dcat).toBe(NS.dcat);
    expect(JSON.stringify(doc['@context'])).not.toMatch(/"https?:\/\/[^"]*\.jsonld?"/);
  });
});
