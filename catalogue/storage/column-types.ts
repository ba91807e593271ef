import type { ColumnKind, ColumnSpec } from '../validation/row-schema';
import { quoteIdentifier } from './sql-identifiers';
import type { StoreKind } from './store-types';

/** The row id column every version table has: 1..n in file order. */
export const ROW_ID_COLUMN = '_id';

/**
 * THE mapping from a schema column kind to a SQL column type, per store (architecture point 8:
 * a dataset's table is derived from its row schema by one type → column mapping). SQLite keeps
 * dates as ISO text, which sorts and compares correctly as text.
 */
const COLUMN_TYPES: Record<ColumnKind, Record<StoreKind, string>> = {
  integer: { sqlite: 'INTEGER', postgres: 'bigint' },
  number: { sqlite: 'REAL', postgres: 'double precision' },
  boolean: { sqlite: 'INTEGER', postgres: 'boolean' },
  date: { sqlite: 'TEXT', postgres: 'date' },
  datetime: { sqlite: 'TEXT', postgres: 'timestamptz' },
  time: { sqlite: 'TEXT', postgres: 'text' },
  string: { sqlite: 'TEXT', postgres: 'text' },
  year: { sqlite: 'INTEGER', postgres: 'integer' },
  json: { sqlite: 'TEXT', postgres: 'text' },
};

export function sqlColumnType(kind: ColumnKind, store: StoreKind): string {
  return COLUMN_TYPES[kind][store];
}

/** One column of a version table: the schema property, its SQL name and its kind. */
export interface VersionColumn {
  name: string;
  columnName: string;
  kind: ColumnKind;
}

/** `"col" TYPE, …` for the data columns (the row id column is the dialect's business). */
export function columnDefinitions(columns: readonly VersionColumn[], store: StoreKind): string {
  return columns.map((c) => `${quoteIdentifier(c.columnName)} ${sqlColumnType(c.kind, store)}`).join(', ');
}

/** PostgreSQL cuts identifiers at 63 bytes; 48 ASCII characters leave room for a suffix and index names. */
export const MAX_COLUMN_NAME_LENGTH = 48;

/** Letters that Unicode decomposition does not reduce to ASCII. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i' };

export function foldToAscii(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæßøđłþðı]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

function cut(name: string, length: number): string {
  return name.slice(0, length).replace(/_+$/, '');
}

/**
 * A safe SQL identifier for a schema property name, not in `taken`. Leading underscores are
 * dropped so that generated names never start with `_`: that prefix belongs to the store's own
 * columns (`_id`), which therefore cannot collide with a data column.
 */
export function toColumnName(name: string, taken: ReadonlySet<string>): string {
  let base = foldToAscii(name).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (base === '') base = 'col';
  if (/^[0-9]/.test(base)) base = `c_${base}`;
  base = cut(base, MAX_COLUMN_NAME_LENGTH);
  if (!taken.has(base) && base !== ROW_ID_COLUMN) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = cut(base, MAX_COLUMN_NAME_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Column names for a whole schema, in property order: earlier properties keep the plain name. */
export function planVersionColumns(specs: ReadonlyArray<Pick<ColumnSpec, 'name' | 'kind'>>): VersionColumn[] {
  const taken = new Set<string>([ROW_ID_COLUMN]);
  return specs.map((spec) => {
    const columnName = toColumnName(spec.name, taken);
    taken.add(columnName);
    return { name: spec.name, columnName, kind: spec.kind };
  });
}
