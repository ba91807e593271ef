import type { Knex } from 'knex';
import type { VersionColumn } from './column-types';
import { assertColumnName, assertVersionTableName, quoteIdentifier as q } from './sql-identifiers';
import type { Store } from './store-types';

/**
 * Row-level comparison of two version tables by key, in SQL: counts with NOT EXISTS and a join
 * (the key columns are indexed since the load), and the first rows of each kind in file order.
 * Memory stays flat whatever the tables' size. `IS DISTINCT FROM` compares NULLs as values; both
 * SQLite (3.39+) and PostgreSQL take it. Identifiers are checked, values never reach the SQL.
 */
export interface DiffTable {
  table: string;
  /** The key columns, in key order, as this table names them. */
  key: readonly VersionColumn[];
  /** Every column of the table, to decode the sample rows. */
  columns: readonly VersionColumn[];
}

export interface DiffPlan {
  from: DiffTable;
  to: DiffTable;
  /** Columns present in both versions with the same kind (non-key): what "changed" compares. */
  compared: ReadonlyArray<{ from: VersionColumn; to: VersionColumn }>;
  sampleSize: number;
}

export interface DiffRows {
  added: number;
  removed: number;
  changed: number;
  samples: {
    added: Array<Record<string, unknown>>;
    removed: Array<Record<string, unknown>>;
    /** `row`: the row number in the newer version. */
    changed: Array<{ row: number; before: Record<string, unknown>; after: Record<string, unknown> }>;
  };
}

function check(plan: DiffPlan): void {
  for (const side of [plan.from, plan.to]) {
    assertVersionTableName(side.table);
    [...side.key, ...side.columns].forEach((c) => assertColumnName(c.columnName));
  }
}

const keyJoin = (plan: DiffPlan) =>
  plan.from.key.map((k, i) => `a.${q(k.columnName)} = b.${q(plan.to.key[i].columnName)}`).join(' AND ');

const differs = (plan: DiffPlan) =>
  plan.compared.length === 0 ? '1 = 0' : plan.compared.map((c) => `a.${q(c.from.columnName)} IS DISTINCT FROM b.${q(c.to.columnName)}`).join(' OR ');

const selectAll = (alias: string, columns: readonly VersionColumn[], prefix = '') =>
  columns.map((c) => `${alias}.${q(c.columnName)} AS ${q(prefix + c.columnName)}`).join(', ');

async function count(knex: Knex, sql: string): Promise<number> {
  const rows = await knex.raw(sql);
  const list: Array<Record<string, unknown>> = Array.isArray(rows) ? rows : rows.rows;
  return Number(list[0]?.n ?? 0);
}

async function select(knex: Knex, sql: string, limit: number): Promise<Array<Record<string, unknown>>> {
  const rows = await knex.raw(`${sql} LIMIT ?`, [limit]);
  return Array.isArray(rows) ? rows : rows.rows;
}

function decoder(store: Store, columns: readonly VersionColumn[], prefix = '') {
  return (row: Record<string, unknown>) =>
    Object.fromEntries(columns.map((c) => [c.name, store.dialect.decodeValue(c.kind, row[prefix + c.columnName])]));
}

export async function diffVersionTables(store: Store, plan: DiffPlan): Promise<DiffRows> {
  check(plan);
  const { knex } = store;
  const A = q(plan.from.table);
  const B = q(plan.to.table);
  const join = keyJoin(plan);
  const addedFrom = `FROM ${B} b WHERE NOT EXISTS (SELECT 1 FROM ${A} a WHERE ${join})`;
  const removedFrom = `FROM ${A} a WHERE NOT EXISTS (SELECT 1 FROM ${B} b WHERE ${join})`;
  const changedFrom = `FROM ${A} a JOIN ${B} b ON ${join} WHERE ${differs(plan)}`;
  const [added, removed, changed] = await Promise.all([
    count(knex, `SELECT COUNT(*) AS n ${addedFrom}`),
    count(knex, `SELECT COUNT(*) AS n ${removedFrom}`),
    count(knex, `SELECT COUNT(*) AS n ${changedFrom}`),
  ]);
  const n = plan.sampleSize;
  const [addedRows, removedRows, changedRows] = await Promise.all([
    added && n ? select(knex, `SELECT ${selectAll('b', plan.to.columns)} ${addedFrom} ORDER BY b."_id"`, n) : [],
    removed && n ? select(knex, `SELECT ${selectAll('a', plan.from.columns)} ${removedFrom} ORDER BY a."_id"`, n) : [],
    changed && n
      ? select(knex, `SELECT b."_id" AS "row_number", ${selectAll('a', plan.from.columns, 'a_')}, ${selectAll('b', plan.to.columns, 'b_')} ${changedFrom} ORDER BY b."_id"`, n)
      : [],
  ]);
  const before = decoder(store, plan.from.columns, 'a_');
  const after = decoder(store, plan.to.columns, 'b_');
  return {
    added, removed, changed,
    samples: {
      added: addedRows.map(decoder(store, plan.to.columns)),
      removed: removedRows.map(decoder(store, plan.from.columns)),
      changed: changedRows.map((row) => ({ row: Number(row.row_number), before: before(row), after: after(row) })),
    },
  };
}
