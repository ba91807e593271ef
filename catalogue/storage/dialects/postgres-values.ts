import type { VersionColumn } from '../column-types';

export type CellEncoder = (value: unknown) => unknown;

/** node-postgres would send a JS array as a PostgreSQL array literal; json cells are text here. */
function encodeJson(value: unknown): unknown {
  return value === null || value === undefined || typeof value === 'string' ? value : JSON.stringify(value);
}

/** SQLite stores NaN as NULL; doing the same here keeps both stores' contents alike. */
function encodeNumber(value: unknown): unknown {
  return typeof value === 'number' && Number.isNaN(value) ? null : value;
}

/** Encoders for the columns that need one, by position; the other columns bind as they come. */
export function postgresEncoders(columns: readonly VersionColumn[]): Array<{ index: number; encode: CellEncoder }> {
  const encoders: Array<{ index: number; encode: CellEncoder }> = [];
  columns.forEach((column, index) => {
    if (column.kind === 'json') encoders.push({ index, encode: encodeJson });
    else if (column.kind === 'number') encoders.push({ index, encode: encodeNumber });
  });
  return encoders;
}
