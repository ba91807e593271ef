import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import proj4 from 'proj4';
import request from 'supertest';
import { binary, createApiWorld, frenchNumber, readSource, type ApiWorld } from './api-fixture';

/**
 * Exports over HTTP with the real records service (contract section 6): every matching record
 * with no row cap, the same filters, _select and _sort as the records, the CSV options, GeoJSON
 * from WGS84 and Lambert-93 coordinates, ETags. Expectations come from the source CSV files.
 */
let w: ApiWorld;
const BIG_ROWS = 2500;

beforeAll(async () => {
  w = await createApiWorld();
  // More rows than the records page's cap (1000): exports have none.
  const dir = path.join(w.datasetsDir, 'grand-test');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'dataset.json'), JSON.stringify({
    title: 'Grand jeu de test', description: 'Plus de lignes qu’une page.', organization: 'departement-eure', licence: 'etalab-2.0', schema: 'schema.json', data: 'data.csv',
  }));
  fs.writeFileSync(path.join(dir, 'schema.json'), JSON.stringify({
    type: 'object', properties: { n: { type: 'integer' }, libelle: { type: 'string' } }, required: ['n'], 'x-primaryKey': ['n'],
  }));
  fs.writeFileSync(path.join(dir, 'data.csv'), `n,libelle\n${Array.from({ length: BIG_ROWS }, (_, i) => `${i + 1},ligne ${i + 1}`).join('\n')}\n`);
  const results = await w.catalogue.loadDatasets(w.datasetsDir);
  expect(results.find((r) => r.slug === 'grand-test')?.status).toBe('published');
});
afterAll(async () => w.cleanup());

const bornes = readSource('bornes-test');
const get = (url: string) => request(w.app).get(url);
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
const neutralised = (text: string) => (FORMULA.test(text) && !NUMBER.test(text) ? `'${text}` : text);
const csvRows = (text: string, delimiter = ',') => parse(text.replace(/^\uFEFF/, ''), { delimiter }) as string[][];

describe('CSV', () => {
  it('exports every record, formula-like cells neutralised, as an attachment', async () => {
    const res = await get('/api/v1/datasets/bornes-test/exports/csv').expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bornes-test-v1\.csv"; filename\*=UTF-8''bornes-test-v1\.csv$/);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = csvRows(res.text);
    expect(header).toEqual(bornes.header);
    expect(rows.map((r) => r[0])).toEqual(bornes.rows.map((r) => r.id_borne));
    expect(rows.map((r) => r[9])).toEqual(bornes.rows.map((r) => neutralised(r.note)));
    expect(rows.map((r) => Number(r[4]))).toEqual(bornes.rows.map((r) => frenchNumber(r.puissance_kw)));
  });

  it('speaks French Excel with _profile=excel-fr', async () => {
    const res = await get('/api/v1/datasets/bornes-test/exports/csv?_profile=excel-fr').buffer(true).parse(binary).expect(200);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csvRows(text, ';');
    expect(header).toEqual(bornes.header);
    expect(rows.map((r) => r[4])).toEqual(bornes.rows.map((r) => r.puissance_kw));
  });

  it('takes the filters, _select and _sort of the records', async () => {
    const res = await get('/api/v1/datasets/bornes-test/exports/csv?gratuit=true&_select=id_borne,puissance_kw&_sort=-puissance_kw').expect(200);
    const [header, ...rows] = csvRows(res.text);
    expect(header).toEqual(['id_borne', 'puissance_kw']);
    const expected = bornes.rows
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.gratuit === 'oui')
      .sort((a, b) => frenchNumber(b.r.puissance_kw) - frenchNumber(a.r.puissance_kw) || a.i - b.i)
      .map(({ r }) => r.id_borne);
    expect(rows.map((r) => r[0])).toEqual(expected);
  });

  it('has no row cap', async () => {
    const res = await get('/api/v1/datasets/grand-test/exports/csv').expect(200);
    const [, ...rows] = csvRows(res.text);
    expect(rows).toHaveLength(BIG_ROWS);
    expect(rows[BIG_ROWS - 1]).toEqual([String(BIG_ROWS), `ligne ${BIG_ROWS}`]);
    const ndjson = await get('/api/v1/datasets/grand-test/exports/ndjson').buffer(true).parse(binary).expect(200);
    expect((ndjson.body as Buffer).toString('utf8').trimEnd().split('\n')).toHaveLength(BIG_ROWS);
  });
});

describe('JSON and NDJSON', () => {
  it('export the records as a JSON array and as lines', async () => {
    const json = await get('/api/v1/datasets/bornes-test/exports/json?commune=Vernon').expect(200);
    const vernon = bornes.rows.filter((r) => r.commune === 'Vernon');
    expect(json.body.map((r: { id_borne: string }) => r.id_borne)).toEqual(vernon.map((r) => r.id_borne));
    expect(json.body[0]).toMatchObject({ puissance_kw: frenchNumber(vernon[0].puissance_kw), gratuit: vernon[0].gratuit === 'oui' });
    const ndjson = await get('/api/v1/datasets/bornes-test/exports/ndjson?commune=Vernon').buffer(true).parse(binary).expect(200);
    const lines = (ndjson.body as Buffer).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual(json.body);
  });
});

describe('GeoJSON', () => {
  it('places WGS84 points from latitude and longitude, even when _select leaves them out', async () => {
    for (const query of ['', '?_select=id_borne,commune']) {
      const res = await get(`/api/v1/datasets/bornes-test/exports/geojson${query}`).buffer(true).parse(binary).expect(200);
      const collection = JSON.parse((res.body as Buffer).toString('utf8'));
      expect(collection.features).toHaveLength(bornes.rows.length);
      collection.features.forEach((f: { geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }, i: number) => {
        const r = bornes.rows[i];
        expect(f.properties.id_borne).toBe(r.id_borne);
        if (r.latitude === '') expect(f.geometry).toBeNull();
        else {
          expect(f.geometry!.coordinates[0]).toBeCloseTo(Number(r.longitude), 9);
          expect(f.geometry!.coordinates[1]).toBeCloseTo(Number(r.latitude), 9);
        }
      });
      if (query) expect(Object.keys(collection.features[0].properties)).toEqual(['id_borne', 'commune']);
    }
  });

  it('reprojects Lambert-93 coordinates to WGS84', async () => {
    const dae = readSource('dae-test');
    const lambert93 = '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
    const res = await get('/api/v1/datasets/dae-test/exports/geojson').buffer(true).parse(binary).expect(200);
    const features = JSON.parse((res.body as Buffer).toString('utf8')).features;
    expect(features).toHaveLength(dae.rows.length);
    features.forEach((f: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }, i: number) => {
      const [lon, lat] = proj4(lambert93, 'EPSG:4326', [Number(dae.rows[i].x_l93), Number(dae.rows[i].y_l93)]);
      expect(f.geometry.coordinates[0]).toBeCloseTo(lon, 5);
      expect(f.geometry.coordinates[1]).toBeCloseTo(lat, 5);
      expect(Object.keys(f.properties)).toEqual(dae.header);
    });
  });

  it('is a 400 problem for a dataset without coordinates', async () => {
    for (const slug of ['subventions-test', 'communes-test']) {
      const res = await get(`/api/v1/datasets/${slug}/exports/geojson`).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'format' })]);
    }
  });
});

describe('ETag', () => {
  it('answers If-None-Match with a 304 for the same version and query', async () => {
    const first = await get('/api/v1/datasets/bornes-test/exports/json').expect(200);
    expect(first.headers.etag).toMatch(/^W\/"bornes-test-v1-/);
    await get('/api/v1/datasets/bornes-test/exports/json').set('If-None-Match', first.headers.etag).expect(304);
    const csv = await get('/api/v1/datasets/bornes-test/exports/csv').expect(200);
    expect(csv.headers.etag).not.toBe(first.headers.etag);
  });
});
