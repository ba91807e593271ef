import type { Knex } from 'knex';
import type { ColumnKind } from '../../validation/row-schema';
import type { VersionColumn } from '../column-types';
import type { StoreKind } from '../store-types';
import type { QueryDialect } from './query-dialect';

/**
 * A bulk writer into one new version table. Rows are arrays of typed values in column order:
 * null for an absent value, JS booleans, dates and datetimes as ISO strings, json as text or
 * objects. The table is invisible to readers until publishVersion points the dataset at it.
 */
export interface VersionWriter {
  write(rows: unknown[][]): Promise<void>;
  /** Makes the table final (primary key, pending rows). The writer is closed afterwards. */
  commit(): Promise<void>;
  /** Leaves no table behind. Safe to call after a failed write or twice. */
  rollback(): Promise<void>;
  /** Rows accepted so far. */
  readonly rowCount: number;
}

/**
 * Everything that differs between SQLite and PostgreSQL, behind one interface (architecture
 * point 5). One implementation per file in this folder; nothing else branches on the client.
 */
export interface StoreDialect {
  readonly kind: StoreKind;
  knexConfig(): Knex.Config;
  /** Creates `table` (row id + one column per entry) and returns a writer into it. */
  openVersionWriter(table: string, columns: readonly VersionColumn[]): Promise<VersionWriter>;
  /** Names of all tables of the store's schema. */
  listTables(knex: Knex): Promise<string[]>;
  /** Refreshes planner statistics once a table is loaded and indexed. */
  analyzeTable(knex: Knex, table: string): Promise<void>;
  /** A value read from a version table, as the same JS value on both stores (SQLite booleans are 0/1). */
  decodeValue(kind: ColumnKind, value: unknown): unknown;
  /** The records query engine's differences: LIKE, full text, geo, NULL order, time budget (query-dialect.ts). */
  readonly query: QueryDialect;
}
