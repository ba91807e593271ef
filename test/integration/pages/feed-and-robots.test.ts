import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { isCatalogueError } from '../../../catalogue/errors';
import { createPagesWorld, type PagesWorld } from './pages-world';
import { childrenNamed, childText, parseXml, type XmlElement } from './xml-document';

/**
 * `/feed.atom` (contract section 8): an Atom 1.0 feed (RFC 4287) with one entry per published
 * version across the catalogue, newest first; and `/robots.txt`. A second version of dae-test is
 * published (v1 becomes superseded and must stay in the feed) and a rejected upload must not
 * appear.
 */
const BASE = 'https://donnees.example.fr';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

let w: PagesWorld;
let app: PagesWorld['app'];
let dir: string;

beforeAll(async () => {
  w = await createPagesWorld();
  app = w.appWith({ baseUrl: BASE });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-feed-'));
  const second = path.join(dir, 'dae-v2.csv');
  fs.writeFileSync(second, 'id_dae;nom;x_l93;y_l93\nDAE-1;Mairie d’Évreux;563841.52;6878912.08\nDAE-2;Gare de Vernon;588100.40;6886750.10\nDAE-3;Gymnase de Bernay;513200.00;6889100.00\nDAE-4;Piscine de Louviers;562000.00;6901000.00\n');
  expect(await w.catalogue.publish('dae-test', second)).toMatchObject({ status: 'published', version: 2 });
  const bad = path.join(dir, 'piscines-bad.csv');
  fs.writeFileSync(bad, 'rien;de;bon\n1;2;3\n');
  expect((await w.catalogue.publish('piscines-test', bad)).status).toBe('rejected');
});
afterAll(async () => {
  await w.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

function links(parent: XmlElement): Array<{ rel: string; type: string; href: string }> {
  return childrenNamed(parent, 'link').map((l) => ({ rel: l.getAttribute('rel') ?? 'alternate', type: l.getAttribute('type') ?? '', href: l.getAttribute('href') ?? '' }));
}

async function publicVersions(): Promise<Array<{ slug: string; title: string; number: number; published_at: string; rows: number }>> {
  const { body } = await request(app).get('/api/v1/datasets?page_size=100').expect(200);
  const all = [];
  for (const d of body.datasets) {
    const { body: history } = await request(app).get(`/api/v1/datasets/${d.slug}/versions`).expect(200);
    all.push(...history.versions.map((v: { number: number; published_at: string; rows: number }) => ({ slug: d.slug, title: d.title, ...v })));
  }
  return all;
}

describe('/feed.atom', () => {
  it('is an Atom feed with the required feed elements', async () => {
    const res = await request(app).get('/feed.atom').expect(200).expect('Content-Type', 'application/atom+xml; charset=utf-8');
    const feed = parseXml(res.text);
    expect([feed.localName, feed.namespaceURI]).toEqual(['feed', ATOM_NS]);
    expect(childText(feed, 'id')).toBe(`${BASE}/feed.atom`);
    expect(childText(feed, 'title')).toContain(w.config.site.name);
    expect(childText(childrenNamed(feed, 'author')[0], 'name')).toBe(w.config.site.operator);
    expect(links(feed)).toEqual(expect.arrayContaining([
      { rel: 'self', type: 'application/atom+xml', href: `${BASE}/feed.atom` },
      { rel: 'alternate', type: 'text/html', href: `${BASE}/datasets` },
    ]));
    const entries = childrenNamed(feed, 'entry');
    expect(childText(feed, 'updated')).toBe(childText(entries[0], 'updated'));
  });

  it('has one entry per published version, superseded ones included, newest first', async () => {
    const feed = parseXml((await request(app).get('/feed.atom').expect(200)).text);
    const entries = childrenNamed(feed, 'entry');
    const versions = await publicVersions();
    expect(entries).toHaveLength(versions.length);
    const ids = entries.map((e) => childText(e, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(versions.map((v) => `${BASE}/api/v1/datasets/${v.slug}/versions/${v.number}`).sort());
    const updated = entries.map((e) => childText(e, 'updated'));
    expect(updated).toEqual([...updated].sort().reverse());
    expect(updated.every((u) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(u))).toBe(true);
    expect(ids).not.toContain(`${BASE}/api/v1/datasets/piscines-test/versions/2`);
  });

  it('says which dataset, which version, how many rows and who published it', async () => {
    const feed = parseXml((await request(app).get('/feed.atom').expect(200)).text);
    const [newest, ...rest] = childrenNamed(feed, 'entry');
    expect(childText(newest, 'title')).toBe('Nouvelle version 2 : Défibrillateurs en Lambert-93 (test)');
    expect(links(newest)).toContainEqual({ rel: 'alternate', type: 'text/html', href: `${BASE}/datasets/dae-test` });
    expect(childText(newest, 'summary')).toMatch(/^4 lignes, .*SDIS de test/);
    const author = childrenNamed(newest, 'author')[0];
    expect([childText(author, 'name'), childText(author, 'uri')]).toEqual(['SDIS de test', `${BASE}/organizations/sdis-test`]);
    const first = rest.find((e) => childText(e, 'id') === `${BASE}/api/v1/datasets/dae-test/versions/1`)!;
    expect(childText(first, 'title')).toBe('Nouvelle version 1 : Défibrillateurs en Lambert-93 (test)');
    expect(childText(first, 'summary')).toMatch(/^3 lignes/);
    // Hostile metadata is text in the feed: the title comes back as written.
    const hostile = rest.find((e) => childText(e, 'id').includes('/hostile-test/'))!;
    expect(childText(hostile, 'title')).toBe("Nouvelle version 1 : <script>alert('titre')</script> Jeu hostile");
  });

  it('may be cached a few minutes, and answers 304 while nothing changed', async () => {
    const first = await request(app).get('/feed.atom').expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    await request(app).get('/feed.atom').set('If-None-Match', first.headers.etag).expect(304);
    // A producer renamed: same publications, another body, so the old ETag no longer matches.
    await w.catalogue.store.knex('organizations').where({ slug: 'sdis-test' }).update({ title: 'SDIS renommé' });
    const renamed = await request(app).get('/feed.atom').set('If-None-Match', first.headers.etag).expect(200);
    expect(renamed.text).toContain('<name>SDIS renommé</name>');
    await w.catalogue.store.knex('organizations').where({ slug: 'sdis-test' }).update({ title: 'SDIS de test' });
  });
});

describe('latest versions in the catalogue', () => {
  it('gives the newest publications across datasets, as many as asked', async () => {
    const { versions } = await w.catalogue.datasets.latestVersions(2);
    expect(versions.map((v) => [v.dataset.slug, v.number, v.status])).toEqual([['dae-test', 2, 'published'], [expect.any(String), 1, 'published']]);
    expect(versions[0]).toMatchObject({ organization: { slug: 'sdis-test', title: 'SDIS de test' }, rows: 4 });
    const all = await w.catalogue.datasets.latestVersions();
    expect(all.versions.find((v) => v.dataset.slug === 'dae-test' && v.number === 1)?.status).toBe('superseded');
  });

  it.each([0, 201, 1.5])('refuses a limit of %s', async (limit) => {
    const error = await w.catalogue.datasets.latestVersions(limit).catch((e: unknown) => e);
    expect(isCatalogueError(error) && error.code).toBe('bad-request');
  });
});

describe('/robots.txt', () => {
  it('opens the public pages, closes the private and heavy paths, and names the sitemap', async () => {
    const res = await request(app).get('/robots.txt').expect(200).expect('Content-Type', 'text/plain; charset=utf-8');
    const lines = res.text.split('\n');
    expect(lines[0]).toBe('User-agent: *');
    expect(lines).toEqual(expect.arrayContaining(['Allow: /', 'Disallow: /espace', 'Disallow: /connexion', 'Disallow: /api/v1/']));
    expect(lines).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(lines.filter((l) => /^Disallow: \/(datasets|organizations)?$/.test(l))).toEqual([]);
    await request(app).get('/sitemap.xml').expect(200);
  });

  it('the site map page links the feed and the XML sitemap', async () => {
    const { text } = await request(app).get('/plan-du-site').expect(200);
    expect(text).toMatch(/<a href="\/feed\.atom">/);
    expect(text).toMatch(/<a href="\/sitemap\.xml">/);
  });
});
