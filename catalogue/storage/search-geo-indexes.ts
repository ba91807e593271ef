import type { RowSchema } from '../validation/row-schema';
import type { VersionColumn } from './column-types';
import { fillGeoColumns } from './geo-columns';
import { pointSource } from './geo-points';
import { assertColumnName, assertVersionTableName } from './sql-identifiers';
import type { Store } from './store-types';

/**
 * The secondary structures of a freshly loaded version table that the query API needs: the
 * full-text index over its text columns (`_q`, `search()`) and the WGS84 point of each record
 * with its spatial index (`_bbox`, `in_bbox()`, `within_distance()`). Built in bulk once the
 * rows are in and before the version is published (catalogue/publish.ts), so readers never see
 * a version without them. How each store does it: dialects/sqlite-query.ts, dialects/postgres-query.ts.
 */
export interface IndexBuildSummary {
  search: boolean;
  geo: boolean;
  /** Milliseconds spent on each, for logs and benchmarks. */
  searchMs: number;
  geoMs: number;
}

/** The columns `_q` searches: every text column, in schema order (the order is part of the index expression). */
export function searchableColumns(columns: readonly VersionColumn[]): string[] {
  return columns.filter((c) => c.kind === 'string').map((c) => c.columnName);
}

export async function buildSearchAndGeoIndexes(store: Store, table: string, columns: readonly VersionColumn[], schema: RowSchema): Promise<IndexBuildSummary> {
  assertVersionTableName(table);
  columns.forEach((c) => assertColumnName(c.columnName));
  const { knex } = store;
  const dialect = store.dialect.query;
  // Structures left by a version table dropped elsewhere (cleanup, a failed publish) go first.
  await dialect.dropOrphanCompanions(knex);
  const summary: IndexBuildSummary = { search: false, geo: false, searchMs: 0, geoMs: 0 };
  try {
    // Geo first: filling its columns rewrites every row, which would also rewrite every entry of
    // an index built before it (PostgreSQL's full-text index is on the table).
    const source = pointSource(schema['x-geo'], columns);
    if (source) {
      const start = Date.now();
      await fillGeoColumns(knex, table, source);
      await dialect.afterBulkUpdate(knex, table);
      await dialect.buildGeoIndex(knex, table);
      summary.geo = true;
      summary.geoMs = Date.now() - start;
    }
    const text = searchableColumns(columns);
    if (text.length > 0) {
      const start = Date.now();
      await dialect.buildSearchIndex(knex, table, text);
      summary.search = true;
      summary.searchMs = Date.now() - start;
    }
    return summary;
  } catch (error) {
    // The caller drops the table itself; what lives beside it is ours to remove.
    await dialect.dropCompanions(knex, table).catch(() => undefined);
    throw error;
  }
}

/** For whoever drops a version table: removes what lives beside it (SQLite's FTS5 and R*Tree tables). */
export async function dropSearchAndGeoIndexes(store: Store, table: string): Promise<void> {
  assertVersionTableName(table);
  await store.dialect.query.dropCompanions(store.knex, table);
}
