import type { Knex } from 'knex';
import type { ColumnKind } from '../../validation/row-schema';

/**
 * What the records query engine needs from a store and cannot write in portable SQL: Unicode
 * case-insensitive LIKE, full-text search, the spatial prefilter, NULL ordering, the time budget,
 * and building the search and geo structures of a version table after its load. One
 * implementation per store (sqlite-query.ts, postgres-query.ts); nothing else branches on the
 * client (architecture point 5).
 */

/** A SQL condition with `?` placeholders and its bound values, in order. */
export interface SqlFragment {
  sql: string;
  bindings: unknown[];
}

/** One word of a full-text query: accents and case are folded by the store; `prefix` for `word*`. */
export interface SearchWord {
  text: string;
  prefix: boolean;
}

export type LonLatBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** What a published version table offers beyond its columns (found by looking at the store). */
export interface TableFeatures {
  /** A full-text index over the text columns. */
  search: boolean;
  /** Hidden `_lat`/`_lon` columns (WGS84) with their spatial index. */
  geo: boolean;
}

/** One statement run inside the time budget of a query. */
export interface QuerySession {
  run<T = unknown>(query: Knex.QueryBuilder | Knex.Raw): Promise<T>;
}

/** What a session throws when SQLite finds, between statements, that the budget is spent. */
export class BudgetExceeded extends Error {
  constructor() {
    super('time budget exceeded');
    this.name = 'BudgetExceeded';
  }
}

export interface QueryDialect {
  /** A typed JS value as this store binds it for a column of `kind` (SQLite: booleans as 0/1, UTC ISO datetimes). */
  encodeValue(kind: ColumnKind, value: unknown): unknown;
  /** Case-insensitive (Unicode) LIKE on a quoted column; `pattern` escapes with `!`. */
  likeInsensitive(column: string, pattern: string): SqlFragment;
  /** An ORDER BY term where NULL sorts as the smallest value: first ascending, last descending. */
  orderTerm(column: string, desc: boolean): string;
  /** Rows of `table` whose text columns hold every word (a word* matches a prefix). */
  searchCondition(table: string, textColumns: readonly string[], words: readonly SearchWord[]): SqlFragment;
  /** Rows whose (_lon, _lat) fall inside the box, edges included: uses the spatial index. */
  boxCondition(table: string, box: LonLatBox): SqlFragment;
  /**
   * Runs `work` with a time budget. PostgreSQL cancels the statement past it; SQLite cannot be
   * interrupted, so the budget is checked between statements only (see catalogue/query/README.md).
   */
  withBudget<T>(knex: Knex, budgetMs: number, work: (session: QuerySession) => Promise<T>): Promise<T>;
  /** The error a statement stopped by the budget raises. */
  isTimeout(error: unknown): boolean;
  /** The error raised when a version table no longer exists. */
  isMissingTable(error: unknown): boolean;

  /** null when the table does not exist. */
  describeTable(knex: Knex, table: string): Promise<TableFeatures | null>;
  /** Builds the full-text index over `textColumns` in one bulk pass (after the load). */
  buildSearchIndex(knex: Knex, table: string, textColumns: readonly string[]): Promise<void>;
  /** Builds the spatial index over the filled `_lat`/`_lon` columns in one bulk pass. */
  buildGeoIndex(knex: Knex, table: string): Promise<void>;
  /** Drops what buildSearchIndex/buildGeoIndex made outside the table itself (safe when absent). */
  dropCompanions(knex: Knex, table: string): Promise<void>;
  /** Drops companion structures whose version table is gone (a drop that did not know them); returns their names. */
  dropOrphanCompanions(knex: Knex): Promise<string[]>;
  /** After rewriting every row of a fresh table (the geo columns): reclaim space, refresh statistics. */
  afterBulkUpdate(knex: Knex, table: string): Promise<void>;
}
