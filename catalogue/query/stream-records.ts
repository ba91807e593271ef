import type { RecordsStream } from '../records';
import { makeRowDecoder, type Store } from '../storage';
import { LAT_COLUMN, LON_COLUMN } from '../storage/geo-columns';
import { withinBudget } from './budget';
import { buildPageQuery, conditionsOf, type CompileContext } from './compile';
import { FieldIndex } from './query-fields';
import type { RecordsQuery } from './records-query';
import { fieldInfos } from './run-query';
import { goneError, type VersionTarget } from './version-target';

/**
 * All matching records of a version, for exports: the same conditions, `_select` and `_sort` as
 * a page, no row cap. Read in keyset chunks (never OFFSET, whose cost grows with depth), one
 * chunk per pull of the async iterator: memory stays at one chunk, and a slow consumer simply
 * pulls later (back-pressure). Each chunk is its own statement with its own time budget; no
 * transaction spans the stream, so a long download never holds a connection between chunks.
 */
export const STREAM_CHUNK_ROWS = 5000;

type Row = Record<string, unknown>;

/** What the GeoJSON writer reads for coordinates (RecordsStream.geo). */
function geoOf(target: VersionTarget): RecordsStream['geo'] {
  const geo = target.dataset.rowSchema['x-geo'];
  if (!geo) return null;
  if (geo.latitude && geo.longitude) {
    if (geo.crs !== 'EPSG:2154') return { latitude: geo.latitude, longitude: geo.longitude };
    // Lambert-93 metres are no use to GeoJSON: the WGS84 point computed at publication is added to each record.
    return target.table.features.geo ? { latitude: LAT_COLUMN, longitude: LON_COLUMN } : null;
  }
  return geo.geometry ? { geometry: geo.geometry } : null;
}

export function streamRecords(store: Store, target: VersionTarget, query: RecordsQuery, options: { budgetMs: number; chunkRows?: number }): RecordsStream {
  const chunk = options.chunkRows ?? STREAM_CHUNK_ROWS;
  const geo = geoOf(target);
  const extra = geo && 'latitude' in geo && geo.latitude === LAT_COLUMN ? [LAT_COLUMN, LON_COLUMN] : [];
  const ctx: CompileContext = { knex: store.knex, table: target.table, fields: new FieldIndex(target.fields), dialect: store.dialect.query };
  // Compiled (and checked) now, so a bad query fails before the caller starts writing a response.
  const condition = conditionsOf(ctx, query);

  async function* rows(): AsyncGenerator<Row> {
    let after: RecordsQuery['after'];
    for (;;) {
      const page = buildPageQuery(ctx, { ...query, size: chunk, offset: undefined, after }, condition, extra);
      const fetched = await withinBudget(store, options.budgetMs, () => goneError(target.slug, target.number), (s) => s.run<Row[]>(page.query));
      const kept = fetched.length > chunk ? fetched.slice(0, chunk) : fetched;
      const decode = makeRowDecoder(store, page.selected);
      for (const row of kept) {
        const record = decode(row);
        for (const name of extra) record[name] = row[name] ?? null;
        yield record;
      }
      if (fetched.length <= chunk) return;
      const last = kept[kept.length - 1];
      after = {
        version: target.number,
        values: page.sortFields.map((f) => store.dialect.decodeValue(f.kind, last[f.columnName] ?? null) ?? null),
        id: Number(last._id),
      };
    }
  }

  return { dataset: target.slug, version: target.number, fields: fieldInfos(target.fields, query.select), geo, rows: rows() };
}
