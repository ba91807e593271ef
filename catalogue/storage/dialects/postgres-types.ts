import type { Knex } from 'knex';
import pg from 'pg';

/** Type OIDs whose default node-postgres parsing differs from what SQLite gives back. */
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => unknown;

function toIso(text: string, zoned: string): string {
  const parsed = parseTimestamptz(zoned);
  // 'infinity' and friends parse to numbers, not dates: keep the database's own word.
  return parsed instanceof Date && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : text;
}

/**
 * Result parsers for this store's clients only (passed as the client's `types`, not set globally
 * on the pg module, so other pg users in the process are unaffected). They make PostgreSQL give the
 * values SQLite gives: counts and bigints as numbers, dates as `YYYY-MM-DD`, datetimes as ISO UTC.
 * Numbers past 2^53 lose precision; the ingest refuses such integers before they get here.
 */
export const storeTypeParsers = {
  getTypeParser(oid: number, format?: string): (text: string) => unknown {
    if (format === undefined || format === 'text') {
      switch (oid) {
        case INT8:
        case NUMERIC:
          return Number;
        case DATE:
          return (text) => text;
        case TIMESTAMPTZ:
          return (text) => toIso(text, text);
        case TIMESTAMP:
          // A timestamp without time zone is taken as UTC, like a naive datetime on the SQLite side.
          return (text) => toIso(text, `${text}+00`);
      }
    }
    return pg.types.getTypeParser(oid, format as 'text') as (text: string) => unknown;
  },
};

/** Connection settings shared by the knex pool and the writer's own client. */
export function postgresClientConfig(connectionString: string): Knex.PgConnectionConfig {
  return {
    connectionString,
    types: storeTypeParsers,
    // A naive datetime must mean the same on every connection, whatever the server's default zone.
    options: '-c TimeZone=UTC',
  };
}
