import type { ColumnProfileView } from '../../../catalogue/datasets-service';
import type { RowSchema } from '../../../catalogue/validation/row-schema';

/**
 * The `spatial` CKAN harvesters read (ckanext-spatial's convention): the dataset's extent as a
 * GeoJSON geometry, in text. Ours is the bounding box of the records' WGS84 coordinates, from the
 * column profiles computed at load time (no scan). Only a Polygon: data.gouv.fr's harvester refuses
 * any other geometry type, and fails the whole dataset with it. Datasets located otherwise
 * (Lambert-93 columns, geometries, commune codes), or whose points are all on one line, have none.
 */
export function spatialExtent(schema: RowSchema, profile: Record<string, ColumnProfileView>): string | null {
  const geo = schema['x-geo'];
  if (!geo?.latitude || !geo.longitude || (geo.crs && geo.crs !== 'EPSG:4326')) return null;
  const lat = profile[geo.latitude];
  const lon = profile[geo.longitude];
  const [south, north, west, east] = [lat?.min, lat?.max, lon?.min, lon?.max];
  if (typeof south !== 'number' || typeof north !== 'number' || typeof west !== 'number' || typeof east !== 'number') return null;
  if (!(south < north && west < east) || south < -90 || north > 90 || west < -180 || east > 180) return null;
  const ring = [[west, south], [east, south], [east, north], [west, north], [west, south]];
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
}
