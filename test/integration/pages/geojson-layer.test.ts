import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { GEOJSON_MAX_BYTES } from '../../../catalogue/ingest/geojson-source';
import { ingestFile } from '../../../catalogue/ingest/ingest-file';
import { compileRowSchema } from '../../../catalogue/validation/compile-row-schema';
import type { RowSchema } from '../../../catalogue/validation/row-schema';
import { COMMUNES_LAYER, createPagesWorld, type PagesWorld } from './pages-world';

/**
 * GeoJSON input: the communes layer the choropleths are drawn on is a FeatureCollection loaded
 * like any other dataset (one record per feature, the geometry as GeoJSON in a `geometry` column),
 * and a GeoJSON file that cannot be read gets a precise report.
 */
let w: PagesWorld;
let dir: string;
beforeAll(async () => {
  w = await createPagesWorld();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-geojson-'));
});
afterAll(async () => {
  await w.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const SCHEMA: RowSchema = {
  type: 'object',
  properties: {
    code: { type: 'string', pattern: '^[0-9]{5}$' },
    habitants: { type: 'integer', minimum: 0 },
    geometry: { type: 'object', required: ['type', 'coordinates'] },
  },
  required: ['code', 'geometry'],
  'x-primaryKey': ['code'],
  'x-geo': { geometry: 'geometry' },
};

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 49], [x + 0.1, 49], [x + 0.1, 49.1], [x, 49.1], [x, 49]]] });

describe('the communes layer', () => {
  it('loads from its GeoJSON file: 596 communes, valid, a geometry column', async () => {
    const detail = await w.catalogue.datasets.get('communes-eure-contours');
    expect(detail).toMatchObject({ record_count: 596, demo: true, primary_key: ['code_insee'] });
    expect(detail.fields.map((f) => [f.name, f.type])).toEqual([['code_insee', 'string'], ['nom', 'string'], ['geometry', 'json']]);
    const version = await w.catalogue.datasets.version('communes-eure-contours', 1);
    expect(version.report).toMatchObject({ valid: true, stats: { rows: 596, errors: 0 }, dialect: { encoding: 'utf-8', header: ['code_insee', 'nom', 'geometry'] } });
    expect(fs.statSync(path.join(COMMUNES_LAYER, 'communes-eure-contours.geojson')).size).toBeLessThan(1024 * 1024);
  });

  it('is served back as GeoJSON polygons, and its records can be found by bounding box', async () => {
    const res = await request(w.app).get('/api/v1/datasets/communes-eure-contours/exports/geojson?_select=code_insee,nom&code_insee=27229').expect(200);
    const collection = JSON.parse(res.text);
    expect(collection.features).toHaveLength(1);
    expect(collection.features[0]).toMatchObject({ properties: { code_insee: '27229', nom: 'Évreux' }, geometry: { type: 'Polygon' } });
    const near = await request(w.app).get('/api/v1/datasets/communes-eure-contours/records?_bbox=1.1,49.0,1.2,49.05&_select=code_insee').expect(200);
    expect(near.body.records.map((r: { code_insee: string }) => r.code_insee)).toContain('27229');
  });

  it('its page describes the geometry instead of printing coordinates', async () => {
    const { text } = await request(w.app).get('/datasets/communes-eure-contours').expect(200);
    expect(text).toMatch(/polygone de \d+ sommets/);
    expect(text).not.toMatch(/\[\[\[/);
  });
});

describe('GeoJSON ingestion', () => {
  it('turns features into records: properties as cells, the geometry as GeoJSON text', async () => {
    const rows: unknown[][] = [];
    const file = write('ok.geojson', ` \n{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"code":"27001","habitants":334},"geometry":${JSON.stringify(square(1))}},
      {"type":"Feature","properties":{"habitants":12,"code":"27002","extra":"x"},"geometry":${JSON.stringify(square(2))}}]}`);
    const result = await ingestFile(file, compileRowSchema(SCHEMA), { onRows: (batch) => void rows.push(...batch) });
    expect(result.report.valid).toBe(true);
    expect(result.report.dialect.header).toEqual(['code', 'habitants', 'extra', 'geometry']);
    expect(result.report.warnings.map((f) => f.code)).toEqual(['extra-label']);
    expect(rows).toEqual([
      ['27001', 334, JSON.stringify(square(1))],
      ['27002', 12, JSON.stringify(square(2))],
    ]);
  });

  it('reports invalid features by row, like CSV cells (header = row 1)', async () => {
    const file = write('bad-rows.geojson', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '27001' }, geometry: square(1) },
        { type: 'Feature', properties: { code: 'abc', habitants: -5 }, geometry: square(2) },
        { type: 'Point', coordinates: [1, 49] },
        { type: 'Feature', properties: { code: '27001' }, geometry: null },
      ],
    });
    const { report } = await ingestFile(file, compileRowSchema(SCHEMA), {});
    expect(report.valid).toBe(false);
    const found = report.errors.map((e) => [e.row, e.code, e.field ?? null]);
    expect(found).toEqual(expect.arrayContaining([
      [3, 'constraint-error', 'code'],
      [3, 'constraint-error', 'habitants'],
      [4, 'source-error', null],
      [5, 'constraint-error', 'geometry'],
    ]));
    expect(report.stats.rows).toBe(4);
  });

  it('says where the JSON is broken, and what is not a FeatureCollection', async () => {
    const broken = await ingestFile(write('broken.geojson', '{"type":"FeatureCollection",\n "features": [ {"type": } ]}'), compileRowSchema(SCHEMA), {});
    expect(broken.report.valid).toBe(false);
    expect(broken.report.errors).toEqual([expect.objectContaining({ code: 'source-error', message: expect.stringMatching(/JSON valide \(près de « {"type": } ]} »\)/) })]);
    const feature = await ingestFile(write('feature.geojson', { type: 'Feature', properties: {}, geometry: square(1) }), compileRowSchema(SCHEMA), {});
    expect(feature.report.errors).toEqual([expect.objectContaining({ code: 'source-error', message: expect.stringMatching(/type « Feature ».*FeatureCollection/) })]);
    const comma = await ingestFile(write('comma.geojson', '{"type":"FeatureCollection",\n"features":[],}'), compileRowSchema(SCHEMA), {});
    expect(comma.report.errors[0].message).toMatch(/JSON valide \(vers la ligne 2, colonne 15\)/);
    expect(GEOJSON_MAX_BYTES).toBe(64 * 1024 * 1024);
  });

  it('leaves CSV files to the CSV reader', async () => {
    const csv = write('plain.csv', 'code,habitants,geometry\n27001,3,"{""type"":""Point"",""coordinates"":[1,49]}"\n');
    const { report } = await ingestFile(csv, compileRowSchema(SCHEMA), {});
    expect(report).toMatchObject({ valid: true, dialect: { delimiter: ',', header: ['code', 'habitants', 'geometry'] } });
  });
});
