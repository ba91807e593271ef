import type { VersionColumn } from '../column-types';

/** Turns a typed cell into something better-sqlite3 can bind (it refuses booleans and objects). */
export type CellEncoder = (value: unknown) => unknown;

function encodeBoolean(value: unknown): unknown {
  return value === true ? 1 : value === false ? 0 : (value ?? null);
}

function encodeJson(value: unknown): unknown {
  return value === null || value === undefined || typeof value === 'string' ? (value ?? null) : JSON.stringify(value);
}

const HAS_TIME = /\d[T ]\d/;
const HAS_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * PostgreSQL keeps datetimes as timestamptz and gives them back in UTC; SQLite keeps text. Writing
 * the same UTC ISO form here makes both stores return the same string, and makes text order the
 * time order. A datetime without an offset is read as UTC, as the PostgreSQL session (TimeZone=UTC) does.
 */
export function toUtcIso(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  const naive = HAS_TIME.test(value) && !HAS_ZONE.test(value);
  const date = new Date(naive ? `${value.replace(' ', 'T')}Z` : value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** Encoders for the columns that need one, by position; the other columns bind as they come. */
export function sqliteEncoders(columns: readonly VersionColumn[]): Array<{ index: number; encode: CellEncoder }> {
  const encoders: Array<{ index: number; encode: CellEncoder }> = [];
  columns.forEach((column, index) => {
    if (column.kind === 'boolean') encoders.push({ index, encode: encodeBoolean });
    else if (column.kind === 'json') encoders.push({ index, encode: encodeJson });
    else if (column.kind === 'datetime') encoders.push({ index, encode: toUtcIso });
  });
  return encoders;
}
