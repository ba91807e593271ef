import { assertColumnName, assertVersionTableName, quoteIdentifier } from './sql-identifiers';
import type { VersionColumn } from './column-types';
import type { VersionWriter } from './dialects/dialect';
import type { Store } from './store-types';

export type { VersionWriter } from './dialects/dialect';
export { versionTableName } from './sql-identifiers';

/**
 * Creates `table` (`_id` 1..n in file order, one column per schema column) and returns the bulk
 * writer into it. The caller owns the outcome: commit() then publishVersion, or rollback(), which
 * leaves no table. How each store makes this fast is in dialects/ and README.md.
 */
export async function openVersionWriter(store: Store, table: string, columns: readonly VersionColumn[]): Promise<VersionWriter> {
  assertVersionTableName(table);
  columns.forEach((c) => assertColumnName(c.columnName));
  return store.dialect.openVersionWriter(table, columns);
}

/** Drops a version table and what lives beside it (SQLite's FTS5 and R*Tree companion tables). */
export async function dropVersionTable(store: Store, table: string): Promise<void> {
  assertVersionTableName(table);
  await store.dialect.query.dropCompanions(store.knex, table);
  await store.knex.schema.dropTableIfExists(table);
}

/**
 * One b-tree index per key column set (the schema's primary key, its unique keys), built once the
 * rows are in: building an index in bulk costs a fraction of maintaining it during the load. The
 * indexes are not UNIQUE on purpose: uniqueness is the validator's verdict (unique-error,
 * primary-key-error), and an index must not turn a reported finding into a failed load.
 */
export async function createIndexesAfterLoad(store: Store, table: string, keySets: ReadonlyArray<readonly string[]>): Promise<void> {
  assertVersionTableName(table);
  const seen = new Set<string>();
  let n = 0;
  for (const columns of keySets) {
    const key = columns.join('\u0000');
    if (columns.length === 0 || seen.has(key)) continue;
    seen.add(key);
    columns.forEach(assertColumnName);
    // Short generated names: "<table>_<column>_idx" could pass PostgreSQL's 63-byte limit and be cut.
    const index = `${table}_k${++n}`;
    await store.knex.raw(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(index)} ON ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`);
  }
  await store.dialect.analyzeTable(store.knex, table);
}
