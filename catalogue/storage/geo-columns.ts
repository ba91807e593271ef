import type { Knex } from 'knex';
import type { PointSource, LonLat } from './geo-points';
import { quoteIdentifier } from './sql-identifiers';

/**
 * The hidden `_lat`/`_lon` columns (WGS84) of a version table, filled in bulk after the load:
 * one UPDATE when the schema's columns already hold WGS84 numbers, otherwise read in `_id`
 * chunks, converted in JS (proj4, WKT, GeoJSON) and written back with one multi-row UPDATE per
 * batch. Their names start with `_`, which no data column can (toColumnName), so they never clash.
 */
export const LAT_COLUMN = '_lat';
export const LON_COLUMN = '_lon';

const READ_CHUNK = 5000;
/** Three parameters a row: far under both stores' caps, big enough to amortise each statement. */
const WRITE_BATCH = 1000;

export async function fillGeoColumns(knex: Knex, table: string, source: PointSource): Promise<void> {
  const t = quoteIdentifier(table);
  // Portable DDL: "double precision" is PostgreSQL's float8 and gets REAL affinity in SQLite.
  await knex.raw(`ALTER TABLE ${t} ADD COLUMN "${LAT_COLUMN}" double precision`);
  await knex.raw(`ALTER TABLE ${t} ADD COLUMN "${LON_COLUMN}" double precision`);
  if (source.kind === 'copy') {
    const lat = quoteIdentifier(source.latitude);
    const lon = quoteIdentifier(source.longitude);
    await knex.raw(`UPDATE ${t} SET "${LAT_COLUMN}" = ${lat}, "${LON_COLUMN}" = ${lon} WHERE ${lat} BETWEEN -90 AND 90 AND ${lon} BETWEEN -180 AND 180`);
    return;
  }
  await convertInChunks(knex, table, source);
}

async function convertInChunks(knex: Knex, table: string, source: Extract<PointSource, { kind: 'convert' }>): Promise<void> {
  let last = 0;
  for (;;) {
    const rows: Array<Record<string, unknown>> = await knex(table)
      .select('_id', ...source.columns)
      .where('_id', '>', last)
      .orderBy('_id')
      .limit(READ_CHUNK);
    if (rows.length === 0) return;
    const points: Array<[number, LonLat]> = [];
    for (const row of rows) {
      const point = source.toPoint(source.columns.map((c) => row[c]));
      if (point) points.push([Number(row._id), point]);
    }
    for (let i = 0; i < points.length; i += WRITE_BATCH) await writePoints(knex, table, points.slice(i, i + WRITE_BATCH));
    last = Number(rows[rows.length - 1]._id);
    if (rows.length < READ_CHUNK) return;
  }
}

/**
 * One UPDATE … FROM a VALUES list, accepted by both stores (SQLite ≥ 3.33). The casts give
 * PostgreSQL the parameters' types, and give SQLite INTEGER and REAL affinity.
 */
async function writePoints(knex: Knex, table: string, points: ReadonlyArray<[number, LonLat]>): Promise<void> {
  if (points.length === 0) return;
  const tuple = '(CAST(? AS bigint), CAST(? AS double precision), CAST(? AS double precision))';
  const bindings: number[] = [];
  for (const [id, [lon, lat]] of points) bindings.push(id, lat, lon);
  const t = quoteIdentifier(table);
  await knex.raw(
    `WITH v(id, lat, lon) AS (VALUES ${new Array(points.length).fill(tuple).join(', ')}) `
    + `UPDATE ${t} SET "${LAT_COLUMN}" = v.lat, "${LON_COLUMN}" = v.lon FROM v WHERE ${t}."_id" = v.id`,
    bindings,
  );
}
