import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { LICENCE_URIS } from '../../../server/interop/vocabularies';
import { pageProblems } from './html-checks';
import { createPagesWorld, PAGE_FIXTURES, type PagesWorld } from './pages-world';

/**
 * The schema.org `Dataset` block of every dataset page (contract section 8), read back the way a
 * search engine does: the `application/ld+json` script element, JSON.parse. Its values must be
 * the catalogue's (compared with the API's answers), and no metadata may end the block early.
 */
const BASE = 'https://donnees.example.fr';
/** Metadata written to break out of a script block, and to end a line in old JavaScript parsers. */
const BREAKOUT_TITLE = 'Évasion </script><script>alert(1)</script> <!-- fin';
const BREAKOUT_DESCRIPTION = 'Texte\u2028avec\u2029séparateurs </SCRIPT > et <!-- commentaire --> & « guillemets » "doubles"';
const BREAKOUT_ORGANIZATION = '</script><img src=x onerror=alert(2)>';

let w: PagesWorld;
let app: PagesWorld['app'];
let folder: string;

beforeAll(async () => {
  w = await createPagesWorld();
  app = w.appWith({ baseUrl: BASE });
  // Loaded through the dataset-folder pipeline like any dataset, with coverage blocks the fixtures lack.
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-jsonld-'));
  const dataset = path.join(folder, 'evasion-test');
  fs.cpSync(path.join(PAGE_FIXTURES, 'hostile-test'), dataset, { recursive: true });
  fs.writeFileSync(path.join(dataset, 'dataset.json'), JSON.stringify({
    title: BREAKOUT_TITLE,
    description: BREAKOUT_DESCRIPTION,
    organization: 'organisation-evasion',
    organization_title: BREAKOUT_ORGANIZATION,
    licence: 'ODbL-1.0',
    schema: 'schema.json',
    data: 'data.csv',
    keywords: ['</script>'],
    spatial: { label: 'Communes de l’Eure', granularity: 'commune', zones: ['27'] },
    temporal: { start: '2020-01-01', end: '2024-12-31' },
  }));
  const [loaded] = await w.catalogue.loadDatasets(folder);
  expect(loaded).toMatchObject({ slug: 'evasion-test', status: 'published' });
});
afterAll(async () => {
  await w.cleanup();
  fs.rmSync(folder, { recursive: true, force: true });
});

function scriptBlocks(html: string): Array<{ attributes: string; body: string }> {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)].map(([, attributes, body]) => ({ attributes, body }));
}

function jsonLdOf(html: string): Record<string, any> {
  const blocks = scriptBlocks(html).filter((b) => /type="application\/ld\+json"/.test(b.attributes));
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0].body);
}

describe('schema.org Dataset on the dataset page', () => {
  it('states what the catalogue holds: names, dates, licence, producer, distributions, fields', async () => {
    const { text } = await request(app).get('/datasets/dae-test').expect(200);
    const { body: detail } = await request(app).get('/api/v1/datasets/dae-test').expect(200);
    const { body: { versions: [version] } } = await request(app).get('/api/v1/datasets/dae-test/versions').expect(200);
    const ld = jsonLdOf(text);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'Dataset',
      name: 'Défibrillateurs en Lambert-93 (test)',
      description: detail.description,
      url: `${BASE}/datasets/dae-test`,
      identifier: 'dae-test',
      license: LICENCE_URIS['etalab-2.0'],
      isAccessibleForFree: true,
      creator: { '@type': 'Organization', name: 'SDIS de test', url: `${BASE}/organizations/sdis-test` },
      publisher: { '@type': 'Organization', name: 'SDIS de test', url: `${BASE}/organizations/sdis-test` },
      dateCreated: detail.created_at,
      datePublished: version.published_at,
      dateModified: detail.updated_at,
      spatialCoverage: { '@type': 'Place', name: 'Département de l’Eure', geo: { '@type': 'GeoShape' } },
      includedInDataCatalog: { '@type': 'DataCatalog', name: w.config.site.name, url: `${BASE}/` },
    });
    expect(ld.keywords).toEqual(['Santé', 'défibrillateur', 'DAE']);
    expect(ld.temporalCoverage).toBeUndefined();
    expect(ld.variableMeasured.map((v: { name: string }) => v.name)).toEqual(detail.fields.map((f: { name: string }) => f.name));
    expect(ld.variableMeasured.every((v: { '@type': string }) => v['@type'] === 'PropertyValue')).toBe(true);

    const original = ld.distribution.find((d: { contentUrl: string }) => d.contentUrl.endsWith('/versions/1/source'));
    expect(original).toMatchObject({ '@type': 'DataDownload', encodingFormat: 'text/csv', contentSize: `${version.bytes} B`, sha256: version.sha256 });
    const exports = ld.distribution.filter((d: { contentUrl: string }) => d !== original);
    expect(exports.map((d: { encodingFormat: string }) => d.encodingFormat).sort()).toEqual(
      Object.keys(detail.links.exports).map((f) => ({ csv: 'text/csv', json: 'application/json', ndjson: 'application/x-ndjson', geojson: 'application/geo+json' })[f]).sort(),
    );
    for (const d of ld.distribution) {
      expect(d.contentUrl.startsWith(`${BASE}/api/v1/datasets/dae-test/`)).toBe(true);
      const res = await request(app).get(d.contentUrl.slice(BASE.length));
      expect({ url: d.contentUrl, status: res.status }).toEqual({ url: d.contentUrl, status: 200 });
    }
  });

  it('gives the temporal coverage as an ISO 8601 interval, and the declared place', async () => {
    const ld = jsonLdOf((await request(app).get('/datasets/evasion-test').expect(200)).text);
    expect(ld.temporalCoverage).toBe('2020-01-01/2024-12-31');
    expect(ld.spatialCoverage.name).toBe('Communes de l’Eure');
    expect(ld.license).toBe(LICENCE_URIS['ODbL-1.0']);
  });

  it('keeps metadata that tries to end the block inside it, and gives it back unchanged', async () => {
    const { text } = await request(app).get('/datasets/evasion-test').expect(200);
    const ld = jsonLdOf(text);
    expect(ld.name).toBe(BREAKOUT_TITLE);
    expect(ld.description).toBe(BREAKOUT_DESCRIPTION);
    expect(ld.creator.name).toBe(BREAKOUT_ORGANIZATION);
    expect(ld.keywords).toEqual(['</script>']);
    // The only scripts are the JSON-LD block and files from /assets: nothing the metadata opened.
    const head = text.slice(0, text.indexOf('</head>'));
    const block = scriptBlocks(head).find((b) => /ld\+json/.test(b.attributes))!.body;
    expect(block).not.toMatch(/[<>\u2028\u2029]/);
    expect(scriptBlocks(text).filter((b) => !/src="\/assets\//.test(b.attributes))).toHaveLength(1);
    expect(text).not.toMatch(/<script>alert|<img src=x/i);
    expect(pageProblems(text)).toEqual([]);
  });

  it('describes a dataset that has nothing published yet, without distributions', async () => {
    const ld = jsonLdOf((await request(app).get('/datasets/brouillon-test').expect(200)).text);
    expect(ld).toMatchObject({ '@type': 'Dataset', identifier: 'brouillon-test', distribution: [] });
    expect(ld.datePublished).toBeUndefined();
  });

  it('still passes the strict CSP: the block is data, the policy allows no inline script', async () => {
    const res = await request(app).get('/datasets/hostile-test').expect(200);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|nonce-|sha256-/);
    expect(pageProblems(res.text)).toEqual([]);
    expect(jsonLdOf(res.text).name).toBe("<script>alert('titre')</script> Jeu hostile");
  });
});

describe('alternate links in the head', () => {
  it('points a dataset page to its DCAT-AP descriptions', async () => {
    const { text } = await request(app).get('/datasets/dae-test').expect(200);
    expect(text).toMatch(/<link rel="alternate" type="text\/turtle" href="\/datasets\/dae-test\.ttl"/);
    expect(text).toMatch(/<link rel="alternate" type="application\/ld\+json" href="\/datasets\/dae-test\.jsonld"/);
  });

  it.each(['/', '/datasets', '/organizations', '/api', '/datasets/dae-test', '/plan-du-site'])('%s announces the Atom feed', async (url) => {
    const { text } = await request(app).get(url).expect(200);
    const head = text.slice(0, text.indexOf('</head>'));
    expect(head).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/feed\.atom" title="[^"]+">/);
    if (url !== '/datasets/dae-test') expect(head).not.toMatch(/ld\+json|text\/turtle/);
  });
});
