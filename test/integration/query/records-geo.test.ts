import fs from 'node:fs';
import { haversineMetres } from '../../../catalogue/query/geo-conditions';
import { createTestCatalogue, type TestCatalogue } from '../../support/test-catalogue';
import { generateRows, VARIANTS, writeDatasetFolders, type SourceRow } from './eure-dataset';
import { fetchAll, idsOf } from './expected';

/**
 * `_bbox` and `within_distance` on the same rows published three ways: WGS84 columns, Lambert-93
 * columns (converted at publication) and WKT points. Expected rows come from the source
 * coordinates in JS; points within a hair of an edge are left out of the comparison, since the
 * Lambert-93 round trip moves them by about a millimetre.
 */
const rows = generateRows();
let t: TestCatalogue;
let folder: string;

beforeAll(async () => {
  t = await createTestCatalogue();
  folder = writeDatasetFolders(rows);
  const results = await t.catalogue.loadDatasets(folder);
  expect(results.map((r) => r.status)).toEqual(['published', 'published', 'published']);
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(folder, { recursive: true, force: true });
});

const EDGE = 1e-6;
type Box = [number, number, number, number];

function inBox(r: SourceRow, [minLon, minLat, maxLon, maxLat]: Box): boolean {
  return r.latitude !== null && r.longitude! >= minLon && r.longitude! <= maxLon && r.latitude >= minLat && r.latitude <= maxLat;
}

function nearEdge(r: SourceRow, [minLon, minLat, maxLon, maxLat]: Box): boolean {
  return r.latitude !== null && [r.longitude! - minLon, maxLon - r.longitude!, r.latitude - minLat, maxLat - r.latitude].some((d) => Math.abs(d) < EDGE);
}

async function ids(slug: string, params: Record<string, string>): Promise<Set<unknown>> {
  const { records } = await fetchAll(t.catalogue.records, slug, { ...params, _select: 'id', _size: '1000' });
  return new Set(idsOf(records));
}

/** Same set, ignoring `ambiguous` rows. */
function expectSameRows(actual: Set<unknown>, expected: SourceRow[], ambiguous: (r: SourceRow) => boolean) {
  const skip = new Set<unknown>(rows.filter(ambiguous).map((r) => r.id));
  const got = [...actual].filter((id) => !skip.has(id)).map(String).sort();
  const want = expected.map((r) => r.id).filter((id) => !skip.has(id)).sort();
  expect(got).toEqual(want);
  expect(want.length).toBeGreaterThan(0);
}

describe.each(VARIANTS.map((v) => v.slug))('%s', (slug) => {
  const boxes: Box[] = [[1.1, 48.99, 1.2, 49.06], [0.5, 49.0, 1.0, 49.4], [1.3, 49.0, 1.9, 49.35]];

  it.each(boxes)('_bbox=%s,%s,%s,%s', async (...box) => {
    const b = box as Box;
    expectSameRows(await ids(slug, { _bbox: b.join(',') }), rows.filter((r) => inBox(r, b)), (r) => nearEdge(r, b));
  });

  it('_bbox combines with filters and sorts', async () => {
    const b: Box = [0.5, 48.5, 2, 49.5];
    const page = await fetchAll(t.catalogue.records, slug, { _bbox: b.join(','), categorie: 'Culture', _sort: '-montant', _size: '100', _select: 'id' });
    const keep = rows.filter((r) => inBox(r, b) && r.categorie === 'Culture');
    expect(page.records).toHaveLength(keep.length);
  });

  it.each([[49.024, 1.151, 2000], [49.092, 1.485, 800], [49.2, 1.0, 25_000]])('within_distance(%s, %s, %s)', async (lat, lon, metres) => {
    const where = `within_distance(${lat}, ${lon}, ${metres})`;
    const distance = (r: SourceRow) => haversineMetres(lat, lon, r.latitude!, r.longitude!);
    expectSameRows(
      await ids(slug, { _where: where }),
      rows.filter((r) => r.latitude !== null && distance(r) <= metres),
      (r) => r.latitude !== null && Math.abs(distance(r) - metres) < 0.5,
    );
  });

  it('in_bbox() in _where is _bbox', async () => {
    const b: Box = [1.1, 48.99, 1.2, 49.06];
    expectSameRows(await ids(slug, { _where: `in_bbox(${b.join(', ')}) AND montant IS NOT NULL` }),
      rows.filter((r) => inBox(r, b) && r.montant !== null), (r) => nearEdge(r, b));
  });
});

describe('geo in exports and errors', () => {
  it('the stream says where coordinates are: fields, or _lat/_lon added for Lambert-93, or the geometry', async () => {
    const wgs = await t.catalogue.records.stream('subventions', {});
    expect(wgs.geo).toEqual({ latitude: 'latitude', longitude: 'longitude' });
    const wkt = await t.catalogue.records.stream('subventions-wkt', {});
    expect(wkt.geo).toEqual({ geometry: 'geom' });
    const located = rows.find((r) => r.latitude !== null)!;
    const l93 = await t.catalogue.records.stream('subventions-l93', { id: located.id });
    expect(l93.geo).toEqual({ latitude: '_lat', longitude: '_lon' });
    const out: Array<Record<string, unknown>> = [];
    for await (const row of l93.rows) out.push(row);
    expect(out).toHaveLength(1);
    expect(out[0]._lat as number).toBeCloseTo(located.latitude!, 7);
    expect(out[0]._lon as number).toBeCloseTo(located.longitude!, 7);
  });

  it('a bad box is refused, naming the parameter', async () => {
    for (const bbox of ['1,2,3', '2,49,1,50', 'a,b,c,d', '1,49,2,95']) {
      await expect(t.catalogue.records.query('subventions', { _bbox: bbox })).rejects.toMatchObject({ code: 'bad-request', details: [{ path: '_bbox' }] });
    }
  });
});
