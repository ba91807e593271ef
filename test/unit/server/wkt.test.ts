import { parseWkt } from '../../../server/render/wkt';

describe('WKT', () => {
  it('reads points, lines, polygons and their multi forms', () => {
    expect(parseWkt('POINT (1.15 49.02)')).toEqual({ type: 'Point', coordinates: [1.15, 49.02] });
    expect(parseWkt('point z (1 2 3)')).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(parseWkt('SRID=4326;POINT(1 2)')).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(parseWkt('LINESTRING (0 0, 1 1, 2 0)')).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 1], [2, 0]] });
    expect(parseWkt('POLYGON ((0 0, 1 0, 1 1, 0 0), (0.2 0.2, 0.3 0.2, 0.2 0.3, 0.2 0.2))')).toEqual({
      type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.2], [0.3, 0.2], [0.2, 0.3], [0.2, 0.2]]],
    });
    expect(parseWkt('MULTIPOINT ((1 2), (3 4))')).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('MULTIPOINT (1 2, 3 4)')).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))')).toEqual({
      type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]],
    });
  });

  it('gives null for anything it cannot read, never an error', () => {
    for (const text of ['', 'POINT EMPTY', 'POINT (a b)', 'CIRCLE (1 2)', 'POINT (1 2', 'POINT 1 2)', 'GEOMETRYCOLLECTION (POINT (1 2))']) {
      expect(parseWkt(text)).toBeNull();
    }
  });
});
