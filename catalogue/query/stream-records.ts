import type { RecordsStream } from '../records';
import { makeRowDecoder } from '../storage';
import { LAT_COLUMN, LON_COLUMN } from '../storage/geo-columns';
import { withinBudget } from './budget';
import { buildPageQuery, conditionsOf, type CompileContext } from './compile';
import { FieldIndex } from './query-fields';
import type { RecordsQuery } from './records-query';
import { fieldInfos } from './run-query';
import type { StatementRunner } from './statement-runner';
import { goneError, type VersionTarget } from './version-target';

/**
 * All matching records of a version, for exports: the same conditions, `_select` and `_sort` as
 * a page, no row cap. Read in keyset chunks (never OFFSET, whose cost grows with depth), each
 * its own statement with its own time budget; no transaction spans the stream, so a long
 * download never holds a connection (or a reader thread) between chunks.
 *
 * One chunk is read ahead: as soon as chunk N arrives, the statement for N+1 is sent (its keyset
 * needs only N's last row), then N's rows are handed out. The reader (a pool thread on SQLite)
 * fetches while this thread formats and writes, and memory stays at two chunks. Pulling is still
 * what drives the stream: a consumer that stops pulling stops it after that one chunk ahead.
 */
export const STREAM_CHUNK_ROWS = 5000;
/**
 * Rows handed out between two turns given to the event loop. An async generator's consumer runs
 * on promise jobs alone, and so does the read ahead once its chunk is in: nothing else (no
 * other request) would run until the export ends or a socket write blocks, and on a fast link
 * writes never block. A turn every 1,000 rows (a few milliseconds of formatting) keeps light
 * requests going beside a download, for a cost that does not show in the export's rate.
 */
const ROWS_PER_TURN = 1000;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

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

export function streamRecords(runner: StatementRunner, target: VersionTarget, query: RecordsQuery, options: { budgetMs: number; chunkRows?: number }): RecordsStream {
  const { store } = runner;
  const chunk = options.chunkRows ?? STREAM_CHUNK_ROWS;
  const geo = geoOf(target);
  const extra = geo && 'latitude' in geo && geo.latitude === LAT_COLUMN ? [LAT_COLUMN, LON_COLUMN] : [];
  const ctx: CompileContext = { knex: store.knex, table: target.table, fields: new FieldIndex(target.fields), dialect: store.dialect.query };
  // Compiled (and checked) now, so a bad query fails before the caller starts writing a response.
  const condition = conditionsOf(ctx, query);

  function fetchChunk(after: RecordsQuery['after']) {
    const page = buildPageQuery(ctx, { ...query, size: chunk, offset: undefined, after }, condition, extra);
    const rows = withinBudget(runner, options.budgetMs, () => goneError(target.slug, target.number), (s) => s.run<Row[]>(page.query));
    // Read ahead: if the consumer stops first, nobody awaits it, and its failure must not go unhandled.
    rows.catch(() => undefined);
    return { page, rows };
  }

  async function* rows(): AsyncGenerator<Row> {
    let next = fetchChunk(undefined);
    let handed = 0;
    for (;;) {
      const { page } = next;
      const fetched = await next.rows;
      const kept = fetched.length > chunk ? fetched.slice(0, chunk) : fetched;
      const more = fetched.length > chunk;
      if (more) {
        const last = kept[kept.length - 1];
        next = fetchChunk({
          version: target.number,
          values: page.sortFields.map((f) => store.dialect.decodeValue(f.kind, last[f.columnName] ?? null) ?? null),
          id: Number(last._id),
        });
      }
      const decode = makeRowDecoder(store, page.selected);
      for (const row of kept) {
        if (++handed % ROWS_PER_TURN === 0) await turn();
        const record = decode(row);
        for (const name of extra) record[name] = row[name] ?? null;
        yield record;
      }
      if (!more) return;
    }
  }

  return { dataset: target.slug, version: target.number, fields: fieldInfos(target.fields, query.select), geo, rows: rows() };
}
