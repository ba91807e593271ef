import express from 'express';
import request from 'supertest';
import { createRenderer } from '../../../server/render/templates';
import { interopPagesRouter } from '../../../server/routes/pages-interop';
import { createPagesWorld, type PagesWorld } from './pages-world';
import { childrenNamed, childText, parseXml } from './xml-document';

/**
 * `/sitemap.xml` (contract section 8): every public page once, as absolute URLs that answer 200,
 * with the datasets' last change; past the 50,000-URL cap, an index of parts (checked here with a
 * cap of 5 injected into the router).
 */
const BASE = 'https://donnees.example.fr';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

let w: PagesWorld;
let app: PagesWorld['app'];
beforeAll(async () => {
  w = await createPagesWorld();
  app = w.appWith({ baseUrl: BASE });
});
afterAll(() => w.cleanup());

interface Listed {
  loc: string;
  lastmod: string;
}

function urlsOf(xml: string): Listed[] {
  const root = parseXml(xml);
  expect([root.localName, root.namespaceURI]).toEqual(['urlset', SITEMAP_NS]);
  return childrenNamed(root, 'url').map((url) => ({ loc: childText(url, 'loc'), lastmod: childText(url, 'lastmod') }));
}

async function catalogueDatasets(): Promise<Array<{ slug: string; updated_at: string; version: number | null }>> {
  const { body } = await request(app).get('/api/v1/datasets?page_size=100').expect(200);
  expect(body.total).toBe(body.datasets.length);
  return body.datasets;
}

describe('/sitemap.xml', () => {
  it('is XML listing each dataset page once, with its last change, and its table when published', async () => {
    const res = await request(app).get('/sitemap.xml').expect(200).expect('Content-Type', 'application/xml; charset=utf-8');
    const urls = urlsOf(res.text);
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    const datasets = await catalogueDatasets();
    expect(datasets.length).toBeGreaterThan(5);
    for (const d of datasets) {
      const page = urls.filter((u) => u.loc === `${BASE}/datasets/${d.slug}`);
      expect({ slug: d.slug, page }).toEqual({ slug: d.slug, page: [{ loc: `${BASE}/datasets/${d.slug}`, lastmod: d.updated_at }] });
      const table = locs.filter((l) => l === `${BASE}/datasets/${d.slug}/table`);
      expect({ slug: d.slug, tables: table.length }).toEqual({ slug: d.slug, tables: d.version === null ? 0 : 1 });
    }
    const datasetPages = locs.filter((l) => /^https:\/\/donnees\.example\.fr\/datasets\/[^/]+$/.test(l));
    expect(datasetPages).toHaveLength(datasets.length);
  });

  it('lists the fixed pages and the producers, and nothing private', async () => {
    const locs = urlsOf((await request(app).get('/sitemap.xml').expect(200)).text).map((u) => u.loc);
    for (const path of ['/', '/datasets', '/organizations', '/api', '/accessibilite', '/mentions-legales', '/donnees-personnelles', '/plan-du-site']) {
      expect(locs).toContain(BASE + path);
    }
    const { body } = await request(app).get('/api/v1/organizations').expect(200);
    const producers = body.organizations.filter((o: { dataset_count: number }) => o.dataset_count > 0);
    expect(producers.length).toBeGreaterThan(1);
    for (const o of producers) expect(locs.filter((l) => l === `${BASE}/organizations/${o.slug}`)).toHaveLength(1);
    expect(locs.filter((l) => /\/(espace|connexion)|\/api\/v1\//.test(l))).toEqual([]);
    expect(locs.every((l) => l.startsWith(`${BASE}/`))).toBe(true);
  });

  it('lists only URLs that answer 200 through the app', async () => {
    const locs = urlsOf((await request(app).get('/sitemap.xml').expect(200)).text).map((u) => u.loc);
    for (const loc of locs) {
      const res = await request(app).get(loc.slice(BASE.length));
      expect({ loc, status: res.status, type: res.headers['content-type'] }).toEqual({ loc, status: 200, type: expect.stringMatching(/^text\/html/) });
    }
  });

  it('uses the request host when BASE_URL is not set', async () => {
    const res = await request(w.app).get('/sitemap.xml').set('Host', 'portail.test:8080').expect(200);
    expect(urlsOf(res.text)[0].loc).toBe('http://portail.test:8080/');
  });

  it('may be cached a few minutes, and answers 304 to a crawler that has it', async () => {
    const first = await request(app).get('/sitemap.xml').expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers.etag).toMatch(/^W\/"[^"]+"$/);
    await request(app).get('/sitemap.xml').set('If-None-Match', first.headers.etag).expect(304);
    await request(app).get('/sitemap.xml').set('If-None-Match', 'W/"autre"').expect(200);
  });

  it('has no parts while it fits in one file', async () => {
    await request(app).get('/sitemap.xml?page=1').expect(404);
  });
});

describe('/sitemap.xml past its cap', () => {
  const CAP = 5;
  let capped: express.Express;
  beforeAll(() => {
    capped = express();
    capped.use(interopPagesRouter({ catalogue: w.catalogue, config: { ...w.config, baseUrl: BASE }, render: createRenderer() }, { sitemapMaxUrls: CAP }));
  });

  it('becomes an index of parts, each within the cap, together listing every URL once in the same order', async () => {
    const whole = urlsOf((await request(app).get('/sitemap.xml').expect(200)).text);
    const res = await request(capped).get('/sitemap.xml').expect(200).expect('Content-Type', 'application/xml; charset=utf-8');
    const root = parseXml(res.text);
    expect([root.localName, root.namespaceURI]).toEqual(['sitemapindex', SITEMAP_NS]);
    const parts = childrenNamed(root, 'sitemap').map((s) => ({ loc: childText(s, 'loc'), lastmod: childText(s, 'lastmod') }));
    expect(parts.map((p) => p.loc)).toEqual(Array.from({ length: Math.ceil(whole.length / CAP) }, (_, i) => `${BASE}/sitemap.xml?page=${i + 1}`));

    const listed: typeof whole = [];
    for (const part of parts) {
      const urls = urlsOf((await request(capped).get(part.loc.slice(BASE.length)).expect(200)).text);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(CAP);
      const newest = urls.map((u) => u.lastmod).filter(Boolean).sort().pop() ?? '';
      expect(part.lastmod).toBe(newest);
      listed.push(...urls);
    }
    expect(listed).toEqual(whole);
  });

  it.each(['0', String(1000), 'abc', '1.5', '-1'])('answers 404 to ?page=%s', async (page) => {
    await request(capped).get(`/sitemap.xml?page=${page}`).expect(404);
  });
});
