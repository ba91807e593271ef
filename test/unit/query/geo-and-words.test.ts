import { decodeCursor, encodeCursor } from '../../../catalogue/query/cursor';
import { boxAround, haversineMetres } from '../../../catalogue/query/geo-conditions';
import { parseSearchWords } from '../../../catalogue/query/search-words';
import { planVersionColumns } from '../../../catalogue/storage/column-types';
import { pointFromGeometry, pointFromLambert93, pointSource } from '../../../catalogue/storage/geo-points';

describe('points from x-geo', () => {
  it('Lambert-93: the projection origin is 3°E 46.5°N; a point of Évreux lands in Évreux', () => {
    const [lon, lat] = pointFromLambert93(700000, 6600000)!;
    expect(lon).toBeCloseTo(3, 9);
    expect(lat).toBeCloseTo(46.5, 9);
    // Évreux is about 49.02 N, 1.15 E; in Lambert-93 roughly X 565 km, Y 6 886 km.
    const [elon, elat] = pointFromLambert93('565000.00', '6886000.00')!;
    expect(elon).toBeGreaterThan(1.1);
    expect(elon).toBeLessThan(1.2);
    expect(elat).toBeGreaterThan(48.9);
    expect(elat).toBeLessThan(49.1);
    expect(pointFromLambert93(null, 1)).toBeNull();
  });

  it('WKT and GeoJSON: a point, or the mean of a shape', () => {
    expect(pointFromGeometry('POINT (1.151 49.024)')).toEqual([1.151, 49.024]);
    expect(pointFromGeometry('SRID=4326;POINT(1 49)')).toEqual([1, 49]);
    expect(pointFromGeometry('LINESTRING (1 49, 2 50)')).toEqual([1.5, 49.5]);
    expect(pointFromGeometry('{"type":"Point","coordinates":[1.2,49.1]}')).toEqual([1.2, 49.1]);
    expect(pointFromGeometry({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2]]] } })).toEqual([1, 1]);
    for (const bad of ['', 'POINT EMPTY', '{"type":', 'POINT (200 100)', 'n/a', 12]) expect(pointFromGeometry(bad)).toBeNull();
  });

  it('how each declaration is read', () => {
    const columns = planVersionColumns([{ name: 'Latitude', kind: 'number' }, { name: 'Longitude', kind: 'number' }, { name: 'x', kind: 'string' }, { name: 'y', kind: 'string' }, { name: 'geom', kind: 'string' }]);
    expect(pointSource({ latitude: 'Latitude', longitude: 'Longitude', crs: 'EPSG:4326' }, columns)).toEqual({ kind: 'copy', latitude: 'latitude', longitude: 'longitude' });
    expect(pointSource({ latitude: 'y', longitude: 'x' }, columns)).toMatchObject({ kind: 'convert', columns: ['x', 'y'] });
    expect(pointSource({ latitude: 'y', longitude: 'x', crs: 'EPSG:2154' }, columns)).toMatchObject({ kind: 'convert', columns: ['x', 'y'] });
    expect(pointSource({ geometry: 'geom' }, columns)).toMatchObject({ kind: 'convert', columns: ['geom'] });
    expect(pointSource({ commune: 'x' }, columns)).toBeNull();
    expect(pointSource(undefined, columns)).toBeNull();
  });
});

describe('distances', () => {
  it('the box around a circle holds it', () => {
    const [minLon, minLat, maxLon, maxLat] = boxAround(49, 1, 10_000);
    expect(haversineMetres(49, 1, maxLat, 1)).toBeGreaterThan(10_000);
    expect(haversineMetres(49, 1, 49, maxLon)).toBeGreaterThan(10_000);
    expect(minLat).toBeLessThan(49);
    expect(minLon).toBeLessThan(1);
    expect(boxAround(89.99, 0, 10_000)).toEqual([-180, expect.any(Number), 180, 90]);
  });
});

describe('search words', () => {
  it('letters and digits, * for a prefix, everything else separates', () => {
    expect(parseSearchWords("Saint-André-de-l'Eure évr* 27 \"OR\" (x) a*b")).toEqual([
      { text: 'Saint', prefix: false }, { text: 'André', prefix: false }, { text: 'de', prefix: false }, { text: 'l', prefix: false },
      { text: 'Eure', prefix: false }, { text: 'évr', prefix: true }, { text: '27', prefix: false }, { text: 'OR', prefix: false },
      { text: 'x', prefix: false }, { text: 'a', prefix: true }, { text: 'b', prefix: false },
    ]);
  });

  it('apostrophe-like letters separate words (PostgreSQL unaccents them into a quote that broke the tsquery: 500)', () => {
    expect(parseSearchWords('lʼéglise ʻOR ʹ1ʽ ˈa')).toEqual(['l', 'église', 'OR', '1', 'a'].map((text) => ({ text, prefix: false })));
  });
});

describe('cursor', () => {
  it('round-trips, and anything else is not a cursor', () => {
    const cursor = { version: 2, values: ['Évreux', null, 12.5, true], id: 99 };
    const token = encodeCursor(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token)).toEqual(cursor);
    for (const bad of ['', 'abc', '!!!', Buffer.from('{"v":0,"s":[],"id":1}').toString('base64url'), Buffer.from('{"v":1,"s":[{}],"id":1}').toString('base64url')]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});
