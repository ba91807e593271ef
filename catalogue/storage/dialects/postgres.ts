import type { Knex } from 'knex';
import type { ColumnKind } from '../../validation/row-schema';
import type { VersionColumn } from '../column-types';
import type { StoreDialect, VersionWriter } from './dialect';
import { postgresClientConfig } from './postgres-types';
import { openPostgresVersionWriter } from './postgres-writer';
import { postgresQueryDialect } from './postgres-query';

export function postgresDialect(connectionString: string): StoreDialect {
  return {
    kind: 'postgres',
    knexConfig(): Knex.Config {
      return {
        client: 'pg',
        connection: postgresClientConfig(connectionString),
        // min 0: idle connections are closed rather than kept (knex's own advice for pg).
        pool: { min: 0, max: 10 },
      };
    },
    openVersionWriter(table: string, columns: readonly VersionColumn[]): Promise<VersionWriter> {
      return openPostgresVersionWriter(connectionString, table, columns);
    },
    async listTables(knex: Knex): Promise<string[]> {
      const result: { rows: Array<{ tablename: string }> } = await knex.raw(
        'SELECT tablename FROM pg_tables WHERE schemaname = current_schema()',
      );
      return result.rows.map((r) => r.tablename);
    },
    async analyzeTable(knex: Knex, table: string): Promise<void> {
      await knex.raw('ANALYZE ??', [table]);
    },
    decodeValue(_kind: ColumnKind, value: unknown): unknown {
      // The client's type parsers already return SQLite's shapes (see postgres-types.ts).
      return value;
    },
    query: postgresQueryDialect,
  };
}
