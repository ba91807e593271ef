import type { LonLatBox, QueryDialect } from '../storage/dialects/query-dialect';
import type { Bbox } from './records-query';
import { and, type SqlFragment } from './sql-fragment';

/**
 * Spatial conditions over the hidden `_lat`/`_lon` columns (WGS84 degrees). A box goes to the
 * store's spatial index; a distance is a box around the circle (index) and then the haversine
 * test, written with sin/cos/power/radians, which both stores have (SQLite's math functions).
 */
export const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_M;

/** null when valid, else what is wrong (French). */
export function checkBox([minLon, minLat, maxLon, maxLat]: readonly number[]): string | null {
  if (![minLon, minLat, maxLon, maxLat].every(Number.isFinite)) return 'quatre nombres attendus : minLon, minLat, maxLon, maxLat';
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) return 'longitudes entre -180 et 180, latitudes entre -90 et 90 attendues';
  if (minLon > maxLon || minLat > maxLat) return 'le minimum doit précéder le maximum (minLon, minLat, maxLon, maxLat)';
  return null;
}

export function checkDistance(lat: number, lon: number, metres: number): string | null {
  if (![lat, lon, metres].every(Number.isFinite)) return 'latitude, longitude et distance en mètres attendues';
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return 'latitude entre -90 et 90 et longitude entre -180 et 180 attendues';
  if (metres < 0) return 'la distance doit être positive';
  return null;
}

export function boxCondition(dialect: QueryDialect, table: string, box: Bbox): SqlFragment {
  return dialect.boxCondition(table, box);
}

/** The box that holds every point within `metres` of (lat, lon), a little wider for rounding. */
export function boxAround(lat: number, lon: number, metres: number): LonLatBox {
  const dLat = (metres / METRES_PER_DEGREE) * 1.001 + 1e-9;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  const widest = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const cos = Math.cos((widest * Math.PI) / 180);
  const dLon = cos > 1e-9 ? dLat / cos : 360;
  if (dLon >= 180) return [-180, minLat, 180, maxLat];
  return [Math.max(-180, lon - dLon), minLat, Math.min(180, lon + dLon), maxLat];
}

/**
 * haversine(d) ≤ metres ⇔ sin²(Δlat/2) + cos(lat1)·cos(lat2)·sin²(Δlon/2) ≤ sin²(metres / 2R):
 * the bound is computed here, so the SQL needs no asin and no clamping. Past half the Earth's
 * circumference every point qualifies. (A box that crosses the antimeridian is not split: the
 * Eure is far from it.)
 */
export function distanceCondition(dialect: QueryDialect, table: string, lat: number, lon: number, metres: number): SqlFragment {
  const half = metres / (2 * EARTH_RADIUS_M);
  const bound = half >= Math.PI / 2 ? 1 : Math.sin(half) ** 2;
  const haversine: SqlFragment = {
    sql: 'power(sin(radians("_lat" - ?) / 2), 2) + ? * cos(radians("_lat")) * power(sin(radians("_lon" - ?) / 2), 2) <= ?',
    bindings: [lat, Math.cos((lat * Math.PI) / 180), lon, bound],
  };
  return and([dialect.boxCondition(table, boxAround(lat, lon, metres)), haversine]);
}

/** The same distance in JS, for callers and tests that need it. */
export function haversineMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
