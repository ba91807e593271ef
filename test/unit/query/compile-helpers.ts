import knexFactory, { type Knex } from 'knex';
import { buildRecordsQuery, type CompiledRecordsQuery } from '../../../catalogue/query/compile';
import { parseRecordsParams } from '../../../catalogue/query/parse-params';
import type { RecordsQuery } from '../../../catalogue/query/records-query';
import type { QueryParams } from '../../../catalogue/records';
import { planVersionColumns } from '../../../catalogue/storage/column-types';
import type { QueryDialect } from '../../../catalogue/storage/dialects/query-dialect';
import { postgresQueryDialect } from '../../../catalogue/storage/dialects/postgres-query';
import { sqliteQueryDialect } from '../../../catalogue/storage/dialects/sqlite-query';

/**
 * Query builders on both dialects without a database: knex instances with no connection only
 * build SQL, read back with `.toSQL()`.
 */
export interface DialectUnderTest {
  name: 'sqlite' | 'postgres';
  knex: Knex;
  dialect: QueryDialect;
}

export const DIALECTS: DialectUnderTest[] = [
  { name: 'sqlite', knex: knexFactory({ client: 'better-sqlite3', useNullAsDefault: true }), dialect: sqliteQueryDialect },
  { name: 'postgres', knex: knexFactory({ client: 'pg' }), dialect: postgresQueryDialect },
];

/** Names with accents and spaces, to show that SQL sees only the planned column names. */
export const FIELDS = planVersionColumns([
  { name: 'commune', kind: 'string' },
  { name: 'Montant (€)', kind: 'number' },
  { name: 'population', kind: 'integer' },
  { name: 'date', kind: 'date' },
  { name: 'horodatage', kind: 'datetime' },
  { name: 'signé', kind: 'boolean' },
  { name: 'objet', kind: 'string' },
]);

export const TABLE = { name: 'rec_1_2', features: { search: true, geo: true } };

export function compileParams(d: DialectUnderTest, params: QueryParams, change: Partial<RecordsQuery> = {}): CompiledRecordsQuery {
  return buildRecordsQuery(d.knex, TABLE, FIELDS, { ...parseRecordsParams(params, FIELDS), ...change }, d.dialect);
}

/** The page's SQL and bindings, `?` placeholders. */
export function pageSql(d: DialectUnderTest, params: QueryParams, change: Partial<RecordsQuery> = {}): { sql: string; bindings: readonly unknown[] } {
  const { sql, bindings } = compileParams(d, params, change).page!.toSQL();
  return { sql, bindings };
}

/** Just the WHERE text of a page, and the bindings that belong to it (the LIMIT's come last). */
export function whereOf(d: DialectUnderTest, params: QueryParams, change: Partial<RecordsQuery> = {}): { where: string; bindings: unknown[] } {
  const { sql, bindings } = pageSql(d, params, change);
  const match = / where (.*) order by /.exec(sql);
  return { where: match ? match[1] : '', bindings: bindings.slice(0, -1) as unknown[] };
}
