import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { readSource } from '../api/api-fixture';
import {
  BASE, canonical, createDcatWorld, DEMO_DATASETS, demoMetadata, NS, objects, one, readGraph, typesOf, type DcatWorld,
} from './dcat-world';

/**
 * One dataset as DCAT-AP, /datasets/{slug}.ttl and .jsonld: every property the catalogue holds,
 * with values checked against the dataset's folder (dataset.json, the data file), its
 * distributions and records API, a never-published dataset, and 404 problems. The HTML page at
 * /datasets/{slug} is untouched by the routes.
 */
let d: DcatWorld;
beforeAll(async () => {
  d = await createDcatWorld();
});
afterAll(async () => d.cleanup());

const page = (slug: string) => `${BASE}/datasets/${slug}`;
const datasetIri = (slug: string) => `${page(slug)}#dataset`;
const EU = 'http://publications.europa.eu/resource/authority/';
const ETALAB = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

async function graphOf(slug: string, format: 'ttl' | 'jsonld' = 'ttl') {
  const res = await request(d.app).get(`/datasets/${slug}.${format}`).expect(200);
  return readGraph(format, res.text);
}

describe('a dataset with every property (bornes-recharge)', () => {
  const slug = 'bornes-recharge';
  const meta = demoMetadata(slug);
  const dataset = datasetIri(slug);

  it('answers GET and HEAD in both formats with their media types; the HTML page still answers', async () => {
    for (const [extension, type] of [['ttl', /^text\/turtle; charset=utf-8$/], ['jsonld', /^application\/ld\+json/]] as const) {
      expect((await request(d.app).get(`/datasets/${slug}.${extension}`).expect(200)).headers['content-type']).toMatch(type);
      expect((await request(d.app).head(`/datasets/${slug}.${extension}`).expect(200)).headers['content-type']).toMatch(type);
    }
    const html = await request(d.app).get(`/datasets/${slug}`).expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain(meta.title);
  });

  it('carries its identifier, texts, publisher, contact point, keywords and themes', async () => {
    const g = await graphOf(slug);
    expect(typesOf(g, dataset)).toEqual([NS.dcat + 'Dataset']);
    expect(one(g, dataset, NS.dct + 'identifier')).toBe(page(slug));
    expect(one(g, dataset, NS.dct + 'title')).toBe(meta.title);
    expect(one(g, dataset, NS.dct + 'description')).toBe(meta.description);
    const publisher = one(g, dataset, NS.dct + 'publisher');
    expect(publisher).toBe(`${BASE}/organizations/${meta.organization}`);
    expect(typesOf(g, publisher)).toEqual(expect.arrayContaining([NS.foaf + 'Agent']));
    expect(one(g, publisher, NS.foaf + 'name')).toBe(meta.organization_title);
    const contact = one(g, dataset, NS.dcat + 'contactPoint');
    expect(typesOf(g, contact)).toEqual(expect.arrayContaining([NS.vcard + 'Organization', NS.vcard + 'Kind']));
    expect(one(g, contact, NS.vcard + 'fn')).toBe(meta.contact.name);
    expect(one(g, contact, NS.vcard + 'hasEmail')).toBe(`mailto:${meta.contact.email}`);
    expect(objects(g, dataset, NS.dcat + 'keyword').sort()).toEqual([...meta.keywords].sort());
    const themes = objects(g, dataset, NS.dcat + 'theme');
    for (const theme of themes) expect(typesOf(g, theme)).toContain(NS.skos + 'Concept');
    const labels = themes.filter((t) => t.startsWith(BASE)).map((t) => one(g, t, NS.skos + 'prefLabel'));
    expect(labels.sort()).toEqual([...meta.themes].sort());
    expect(themes.filter((t) => t.startsWith(EU)).sort()).toEqual([`${EU}data-theme/ENER`, `${EU}data-theme/TRAN`]);
  });

  it('carries its coverage, dates, frequency, landing page, schema and access rights', async () => {
    const g = await graphOf(slug);
    // The INSEE zone, shared by many datasets, and the coverage in this dataset's words.
    const spatial = objects(g, dataset, NS.dct + 'spatial');
    expect(spatial.sort()).toEqual(['http://id.insee.fr/geo/departement/27', `${page(slug)}#spatial`].sort());
    for (const location of spatial) expect(typesOf(g, location)).toEqual([NS.dct + 'Location']);
    expect(objects(g, 'http://id.insee.fr/geo/departement/27', NS.skos + 'prefLabel')).toEqual([]);
    expect(one(g, `${page(slug)}#spatial`, NS.skos + 'prefLabel')).toBe(meta.spatial.label);
    const period = one(g, dataset, NS.dct + 'temporal');
    expect(typesOf(g, period)).toEqual([NS.dct + 'PeriodOfTime']);
    expect(one(g, period, NS.dcat + 'startDate')).toBe(meta.temporal.start);
    expect(one(g, period, NS.dcat + 'endDate')).toBe(meta.temporal.end);
    expect(g.getQuads(period, NS.dcat + 'startDate', null, null)[0].object).toMatchObject({ datatype: { value: NS.xsd + 'date' } });
    const frequency = one(g, dataset, NS.dct + 'accrualPeriodicity');
    expect(frequency).toBe(`${EU}frequency/MONTHLY`);
    expect(typesOf(g, frequency)).toEqual([NS.dct + 'Frequency']);
    const api = (await request(d.app).get(`/api/v1/datasets/${slug}`).expect(200)).body;
    const versions = (await request(d.app).get(`/api/v1/datasets/${slug}/versions`).expect(200)).body.versions;
    expect(one(g, dataset, NS.dct + 'issued')).toBe(versions.at(-1).published_at);
    expect(one(g, dataset, NS.dct + 'modified')).toBe(api.updated_at);
    for (const p of ['issued', 'modified']) {
      expect(g.getQuads(dataset, NS.dct + p, null, null)[0].object).toMatchObject({ datatype: { value: NS.xsd + 'dateTime' } });
    }
    expect(one(g, dataset, NS.dcat + 'landingPage')).toBe(page(slug));
    expect(one(g, dataset, NS.dct + 'conformsTo')).toBe(`${BASE}/api/v1/datasets/${slug}/schema`);
    expect(one(g, dataset, NS.dct + 'accessRights')).toBe(`${EU}access-right/PUBLIC`);
    // The schema it conforms to is really there.
    await request(d.app).get(`/api/v1/datasets/${slug}/schema`).expect(200);
  });

  it('lists one distribution per export format and the original file with its size and SHA-256', async () => {
    const g = await graphOf(slug);
    const distributions = objects(g, dataset, NS.dcat + 'distribution');
    const byUrl = new Map(distributions.map((dist) => [one(g, dist, NS.dcat + 'downloadURL'), dist]));
    const exports = ['csv', 'json', 'ndjson', 'geojson'].map((f) => `${BASE}/api/v1/datasets/${slug}/exports/${f}`);
    const source = `${BASE}/api/v1/datasets/${slug}/versions/1/source`;
    expect([...byUrl.keys()].sort()).toEqual([...exports, source].sort());
    for (const [url, dist] of byUrl) {
      expect(typesOf(g, dist)).toEqual([NS.dcat + 'Distribution']);
      expect(one(g, dist, NS.dcat + 'accessURL')).toBe(url);
      expect(one(g, dist, NS.dct + 'license')).toBe(ETALAB);
      expect(typesOf(g, ETALAB)).toContain(NS.dct + 'LicenseDocument');
      expect(typesOf(g, one(g, dist, NS.dct + 'format'))).toContain(NS.dct + 'MediaTypeOrExtent');
      expect(one(g, dist, NS.dct + 'title')).not.toBe('');
    }
    expect(one(g, byUrl.get(exports[0])!, NS.dcat + 'mediaType')).toBe('https://www.iana.org/assignments/media-types/text/csv');
    expect(one(g, byUrl.get(exports[3])!, NS.dct + 'format')).toBe(`${EU}file-type/GEOJSON`);
    // Only registered media types are named: NDJSON's application/x-ndjson is not.
    expect(objects(g, byUrl.get(exports[2])!, NS.dcat + 'mediaType')).toEqual([]);

    const file = path.join(DEMO_DATASETS, slug, meta.data);
    const bytes = fs.readFileSync(file);
    const original = byUrl.get(source)!;
    expect(Number(one(g, original, NS.dcat + 'byteSize'))).toBe(bytes.length);
    const checksum = one(g, original, NS.spdx + 'checksum');
    expect(one(g, checksum, NS.spdx + 'algorithm')).toBe(NS.spdx + 'checksumAlgorithm_sha1');
    expect(one(g, checksum, NS.spdx + 'checksumValue')).toBe(crypto.createHash('sha1').update(bytes).digest('hex'));
    for (const url of [source, exports[0]]) await request(d.app).get(new URL(url).pathname).expect(200);
  });

  it('describes its records API as a dcat:DataService serving it', async () => {
    const g = await graphOf(slug);
    const [service] = g.getSubjects(NS.dcat + 'servesDataset', dataset, null).map((s) => s.value);
    expect(typesOf(g, service)).toEqual([NS.dcat + 'DataService']);
    expect(one(g, service, NS.dcat + 'endpointURL')).toBe(`${BASE}/api/v1/datasets/${slug}/records`);
    expect(one(g, service, NS.dcat + 'endpointDescription')).toBe(`${BASE}/api/v1/datasets/${slug}/openapi.json`);
    expect(one(g, service, NS.dct + 'title')).toContain(meta.title);
    expect(one(g, service, NS.dct + 'license')).toBe(ETALAB);
    expect(one(g, service, NS.dct + 'publisher')).toBe(`${BASE}/organizations/${meta.organization}`);
    await request(d.app).get(`/api/v1/datasets/${slug}/openapi.json`).expect(200);
  });

  it('is the same graph in Turtle and JSON-LD', async () => {
    const turtle = await graphOf(slug, 'ttl');
    const json = await graphOf(slug, 'jsonld');
    expect(json.size).toBe(turtle.size);
    expect(await canonical(json.getQuads(null, null, null, null))).toBe(await canonical(turtle.getQuads(null, null, null, null)));
  });
});

describe('other datasets', () => {
  it('names an intercommunality by its INSEE URI', async () => {
    const slug = 'points-apport-volontaire';
    const g = await graphOf(slug, 'jsonld');
    const spatial = objects(g, datasetIri(slug), NS.dct + 'spatial');
    expect(spatial.sort()).toEqual(['http://id.insee.fr/geo/intercommunalite/200071454', `${page(slug)}#spatial`].sort());
    expect(one(g, `${page(slug)}#spatial`, NS.skos + 'prefLabel')).toBe(demoMetadata(slug).spatial.label);
    expect(one(g, datasetIri(slug), NS.dct + 'accrualPeriodicity')).toBe(`${EU}frequency/QUARTERLY`);
  });

  it('gives a dataset without contact the platform’s, and its ODbL licence as a URI', async () => {
    const slug = 'bornes-test';
    const g = await graphOf(slug);
    const contact = one(g, datasetIri(slug), NS.dcat + 'contactPoint');
    expect(one(g, contact, NS.vcard + 'hasEmail')).toBe(`mailto:${d.w.config.site.contactEmail}`);
    const licences = new Set(objects(g, datasetIri(slug), NS.dcat + 'distribution').map((dist) => one(g, dist, NS.dct + 'license')));
    expect([...licences]).toEqual(['https://opendatacommons.org/licenses/odbl/1-0/']);
    expect(objects(g, datasetIri(slug), NS.dct + 'temporal')).toEqual([]);
  });

  it('describes a never-published dataset without distributions, service or issue date', async () => {
    const slug = 'brouillon-test';
    const g = await graphOf(slug);
    const dataset = datasetIri(slug);
    expect(one(g, dataset, NS.dct + 'title')).toBe(readSource(slug).metadata.title);
    expect(objects(g, dataset, NS.dcat + 'distribution')).toEqual([]);
    expect(objects(g, dataset, NS.dct + 'issued')).toEqual([]);
    expect(g.getSubjects(NS.rdf + 'type', NS.dcat + 'DataService', null)).toEqual([]);
  });

  it('answers an unknown dataset with a 404 problem in both formats, GET and HEAD', async () => {
    for (const extension of ['ttl', 'jsonld']) {
      const res = await request(d.app).get(`/datasets/nulle-part.${extension}`).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, code: 'not-found' });
      await request(d.app).head(`/datasets/nulle-part.${extension}`).expect(404);
    }
    await request(d.app).get('/datasets/bornes-recharge.ttl?page=1').expect(400);
  });
});
