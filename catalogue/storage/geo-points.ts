import proj4 from 'proj4';
import type { GeoSpec } from '../validation/row-schema';
import type { VersionColumn } from './column-types';

/**
 * Where a record is on a map, in WGS84, from its `x-geo` declaration (contract section 4):
 * latitude/longitude columns in EPSG:4326 or Lambert-93 (EPSG:2154, metres: latitude is Y,
 * longitude is X), or one geometry column in WKT or GeoJSON (a point, or the mean of a shape's
 * vertices). `commune` needs a gazetteer of communes and gives no point here.
 */
export type LonLat = [lon: number, lat: number];

/** The official EPSG:2154 definition (RGF93 / Lambert-93); proj4 does not ship it. */
const LAMBERT_93 = '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
const fromLambert93 = proj4(LAMBERT_93, 'WGS84');

export type PointSource =
  /** Both columns already hold WGS84 numbers: one SQL UPDATE copies them. */
  | { kind: 'copy'; latitude: string; longitude: string }
  /** Read in batches, converted in JS (Lambert-93, numbers kept as text, geometries). */
  | { kind: 'convert'; columns: string[]; toPoint(values: readonly unknown[]): LonLat | null };

function inRange([lon, lat]: LonLat): LonLat | null {
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lon, lat] : null;
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim().replace(',', '.'));
  return NaN;
}

/** Every [x, y] pair in a GeoJSON coordinates array, however deeply nested. */
function positions(coordinates: unknown, out: LonLat[] = []): LonLat[] {
  if (Array.isArray(coordinates)) {
    if (coordinates.length >= 2 && typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
      out.push([coordinates[0], coordinates[1]]);
    } else {
      for (const item of coordinates) positions(item, out);
    }
  }
  return out;
}

function centre(points: LonLat[]): LonLat | null {
  if (points.length === 0) return null;
  if (points.length === 1) return points[0];
  const lon = points.reduce((s, p) => s + p[0], 0) / points.length;
  const lat = points.reduce((s, p) => s + p[1], 0) / points.length;
  return [lon, lat];
}

function fromGeoJson(value: unknown): LonLat | null {
  const object = value as { type?: unknown; coordinates?: unknown; geometry?: unknown; geometries?: unknown } | null;
  if (!object || typeof object !== 'object') return null;
  if (object.type === 'Feature') return fromGeoJson(object.geometry);
  if (object.type === 'GeometryCollection' && Array.isArray(object.geometries)) {
    return centre(object.geometries.map(fromGeoJson).filter((p): p is LonLat => p !== null));
  }
  return centre(positions(object.coordinates));
}

const WKT_NUMBER_PAIR = /(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s+(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/** `POINT (lon lat)`, or the mean of the vertices of any other WKT shape (lon lat order, WGS84). */
function fromWkt(text: string): LonLat | null {
  if (!/^\s*(SRID=\d+;\s*)?[A-Za-z]+\s*(Z|M|ZM)?\s*\(/.test(text)) return null;
  const points: LonLat[] = [];
  for (const match of text.matchAll(WKT_NUMBER_PAIR)) points.push([Number(match[1]), Number(match[2])]);
  return centre(points);
}

export function pointFromGeometry(value: unknown): LonLat | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return inRangeOrNull(fromGeoJson(value));
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.startsWith('{')) {
    try {
      return inRangeOrNull(fromGeoJson(JSON.parse(text)));
    } catch {
      return null;
    }
  }
  return inRangeOrNull(fromWkt(text));
}

function inRangeOrNull(point: LonLat | null): LonLat | null {
  return point && inRange(point);
}

export function pointFromLambert93(x: unknown, y: unknown): LonLat | null {
  const easting = toNumber(x);
  const northing = toNumber(y);
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) return null;
  return inRange(fromLambert93.forward([easting, northing]) as LonLat);
}

const NUMERIC_KINDS = new Set(['number', 'integer']);

/** How to get each record's point for this schema, or null when it declares none the store can use. */
export function pointSource(geo: GeoSpec | undefined, columns: readonly VersionColumn[]): PointSource | null {
  if (!geo) return null;
  const byName = new Map(columns.map((c) => [c.name, c]));
  if (geo.latitude && geo.longitude) {
    const lat = byName.get(geo.latitude);
    const lon = byName.get(geo.longitude);
    if (!lat || !lon) return null;
    if (geo.crs === 'EPSG:2154') {
      return { kind: 'convert', columns: [lon.columnName, lat.columnName], toPoint: ([x, y]) => pointFromLambert93(x, y) };
    }
    if (NUMERIC_KINDS.has(lat.kind) && NUMERIC_KINDS.has(lon.kind)) {
      return { kind: 'copy', latitude: lat.columnName, longitude: lon.columnName };
    }
    return { kind: 'convert', columns: [lon.columnName, lat.columnName], toPoint: ([x, y]) => inRange([toNumber(x), toNumber(y)]) };
  }
  if (geo.geometry) {
    const column = byName.get(geo.geometry);
    return column ? { kind: 'convert', columns: [column.columnName], toPoint: ([value]) => pointFromGeometry(value) } : null;
  }
  return null;
}
