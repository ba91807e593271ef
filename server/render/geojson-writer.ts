import type { RecordsStream } from '../../catalogue/records';
import { batched } from './pump';
import { parseWkt, type Geometry } from './wkt';

/**
 * GeoJSON FeatureCollection from the stream's `geo`: a Point from the latitude/longitude columns
 * (WGS84, as the records service gives them), or the geometry column (GeoJSON object or text, or
 * WKT). A record without a usable location becomes a feature with a null geometry, as RFC 7946
 * allows. The properties are the stream's fields (or `propertyNames`, when the client's `_select`
 * left out the location columns that the route added back for the geometry).
 */
function toNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function geometryValue(value: unknown): Geometry | null {
  if (value && typeof value === 'object' && typeof (value as Geometry).type === 'string') return value as Geometry;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text);
      return parsed && typeof parsed.type === 'string' ? (parsed as Geometry) : null;
    } catch {
      return null;
    }
  }
  return parseWkt(text);
}

export function featureGeometry(row: Record<string, unknown>, geo: NonNullable<RecordsStream['geo']>): Geometry | null {
  if ('geometry' in geo) return geometryValue(row[geo.geometry]);
  const lat = toNumber(row[geo.latitude]);
  const lon = toNumber(row[geo.longitude]);
  return lat === null || lon === null ? null : { type: 'Point', coordinates: [lon, lat] };
}

async function* geojsonParts(stream: RecordsStream, propertyNames?: readonly string[]): AsyncGenerator<string> {
  const geo = stream.geo;
  if (!geo) throw new Error('geojson export without geo: checked by the route');
  const names = propertyNames ?? stream.fields.map((f) => f.name);
  let first = true;
  yield '{"type":"FeatureCollection","features":[';
  for await (const row of stream.rows) {
    const properties = Object.fromEntries(names.map((name) => [name, row[name] ?? null]));
    const feature = { type: 'Feature', geometry: featureGeometry(row, geo), properties };
    yield (first ? '\n' : ',\n') + JSON.stringify(feature);
    first = false;
  }
  yield '\n]}\n';
}

export const geojsonChunks = (stream: RecordsStream, propertyNames?: readonly string[]) => batched(geojsonParts(stream, propertyNames));
