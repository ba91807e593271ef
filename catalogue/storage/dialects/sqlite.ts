import type Database from 'better-sqlite3';
import type { Knex } from 'knex';
import type { ColumnKind } from '../../validation/row-schema';
import type { VersionColumn } from '../column-types';
import type { StoreDialect, VersionWriter } from './dialect';
import { applySqlitePragmas } from './sqlite-pragmas';
import { registerSqliteFunctions, sqliteQueryDialect } from './sqlite-query';
import { openSqliteVersionWriter } from './sqlite-writer';

export function sqliteDialect(filename: string): StoreDialect {
  return {
    kind: 'sqlite',
    knexConfig(): Knex.Config {
      return {
        client: 'better-sqlite3',
        connection: { filename },
        useNullAsDefault: true,
        // One pooled connection: better-sqlite3 is synchronous, so more would add no parallelism,
        // only lock contention between knex transactions that interleave across awaits (a busy
        // wait there would block the event loop that the lock holder needs to commit).
        pool: {
          min: 1,
          max: 1,
          afterCreate(conn: Database.Database, done: (err: Error | null, conn: Database.Database) => void) {
            try {
              applySqlitePragmas(conn);
              registerSqliteFunctions(conn);
              done(null, conn);
            } catch (error) {
              done(error as Error, conn);
            }
          },
        },
      };
    },
    openVersionWriter(table: string, columns: readonly VersionColumn[]): Promise<VersionWriter> {
      return openSqliteVersionWriter(filename, table, columns);
    },
    async listTables(knex: Knex): Promise<string[]> {
      const rows: Array<{ name: string }> = await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table'");
      return rows.map((r) => r.name);
    },
    async analyzeTable(knex: Knex, table: string): Promise<void> {
      await knex.raw('ANALYZE ??', [table]);
    },
    decodeValue(kind: ColumnKind, value: unknown): unknown {
      if (kind === 'boolean' && value !== null && value !== undefined) return value === 1 || value === true;
      return value;
    },
    query: sqliteQueryDialect,
  };
}
