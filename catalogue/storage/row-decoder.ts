import type { VersionColumn } from './column-types';
import type { Store } from './store-types';

export type RowDecoder = (row: Record<string, unknown>) => Record<string, unknown>;

/**
 * Turns a row read from a version table (keyed by SQL column name) into a record keyed by schema
 * property name, with the same JS values on both stores (the dialect turns SQLite's 0/1 into booleans).
 */
export function makeRowDecoder(store: Store, columns: readonly VersionColumn[]): RowDecoder {
  const { dialect } = store;
  return (row) => {
    const record: Record<string, unknown> = {};
    for (const column of columns) {
      // A query may select a subset of the columns: absent ones are left out, not made null.
      if (!(column.columnName in row)) continue;
      record[column.name] = dialect.decodeValue(column.kind, row[column.columnName]);
    }
    return record;
  };
}
