import type { Knex } from 'knex';
import type { ColumnKind } from '../../validation/row-schema';
import { quoteIdentifier } from '../sql-identifiers';
import type { LonLatBox, QueryDialect, QuerySession, SearchWord, SqlFragment, TableFeatures } from './query-dialect';

/**
 * PostgreSQL's side of the query engine. Full text is an expression GIN index `<table>_search`
 * over `to_tsvector('french', opendata_unaccent(text columns))`: French stemming, accents folded
 * by `unaccent` behind an IMMUTABLE wrapper (unaccent itself is only STABLE, so an index cannot
 * use it directly). Geo is a b-tree on (_lat, _lon): no PostGIS needed for boxes of points.
 * Everything lives on the version table itself, so dropping the table drops it all.
 */
const UNACCENT_FUNCTION = 'opendata_unaccent';
/** Serialises the one-time set-up between processes publishing at the same moment. */
const SETUP_LOCK = 727_270_001;
const QUERY_CANCELED = '57014';
const UNDEFINED_TABLE = '42P01';

const searchIndex = (table: string) => `${table}_search`;
const geoIndex = (table: string) => `${table}_geo`;

/** The document a row is searched by; build and query must write the very same expression for the index to serve. */
function searchVector(textColumns: readonly string[]): string {
  const document = textColumns.map((c) => `coalesce(${quoteIdentifier(c)}, '')`).join(` || ' ' || `);
  return `to_tsvector('french', ${UNACCENT_FUNCTION}(${document}))`;
}

/** tsquery text: each word quoted (letters and digits only reach here), `:*` for a prefix, all ANDed. */
function tsQuery(words: readonly SearchWord[]): string {
  return words.map((w) => `'${w.text.replace(/'/g, "''")}'${w.prefix ? ':*' : ''}`).join(' & ');
}

const prepared = new WeakSet<Knex>();

/** Used only where the unaccent extension cannot be installed: French accents, by an immutable built-in. */
const ACCENTED = 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ';
const PLAIN = 'aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY';

/**
 * The immutable `opendata_unaccent(text)`, once per database: over the unaccent extension
 * (installed here if need be; it is a trusted extension), or, where it cannot be installed, over
 * translate(). Never replaced once there: indexes already built depend on its exact meaning.
 * Under an advisory lock, so two processes publishing at once do not race.
 */
async function ensureUnaccent(knex: Knex): Promise<void> {
  if (prepared.has(knex)) return;
  await knex.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [SETUP_LOCK]);
    const existing: { rows: unknown[] } = await trx.raw(
      'SELECT 1 FROM pg_proc WHERE proname = ? AND pronamespace = current_schema()::regnamespace', [UNACCENT_FUNCTION],
    );
    if (existing.rows.length > 0) return;
    let body = `translate($1, '${ACCENTED}', '${PLAIN}')`;
    try {
      await trx.raw('SAVEPOINT unaccent');
      await trx.raw('CREATE EXTENSION IF NOT EXISTS unaccent');
      const result: { rows: Array<{ schema: string }> } = await trx.raw(
        "SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'",
      );
      const schema = quoteIdentifier(result.rows[0].schema);
      // Schema-qualified inside, so the function means the same whatever the caller's search_path.
      body = `${schema}.unaccent('${schema}.unaccent'::regdictionary, $1)`;
      await trx.raw('RELEASE SAVEPOINT unaccent');
    } catch {
      await trx.raw('ROLLBACK TO SAVEPOINT unaccent');
    }
    await trx.raw(`CREATE FUNCTION ${UNACCENT_FUNCTION}(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$ SELECT ${body} $f$`);
  });
  prepared.add(knex);
}

export const postgresQueryDialect: QueryDialect = {
  encodeValue(_kind: ColumnKind, value: unknown): unknown {
    return value ?? null;
  },

  likeInsensitive(column: string, pattern: string): SqlFragment {
    return { sql: `${column} ILIKE ? ESCAPE '!'`, bindings: [pattern] };
  },

  orderTerm(column: string, desc: boolean): string {
    // PostgreSQL's default puts NULLs last ascending; SQLite's the other way. Said explicitly, both agree.
    return desc ? `${column} DESC NULLS LAST` : `${column} ASC NULLS FIRST`;
  },

  searchCondition(_table: string, textColumns: readonly string[], words: readonly SearchWord[]): SqlFragment {
    return { sql: `${searchVector(textColumns)} @@ to_tsquery('french', ${UNACCENT_FUNCTION}(?))`, bindings: [tsQuery(words)] };
  },

  boxCondition(_table: string, [minLon, minLat, maxLon, maxLat]: LonLatBox): SqlFragment {
    return { sql: '"_lat" BETWEEN ? AND ? AND "_lon" BETWEEN ? AND ?', bindings: [minLat, maxLat, minLon, maxLon] };
  },

  async withBudget<T>(knex: Knex, budgetMs: number, work: (session: QuerySession) => Promise<T>): Promise<T> {
    const start = Date.now();
    return knex.transaction(async (trx) => {
      // Public queries only read (architecture point 7).
      await trx.raw('SET TRANSACTION READ ONLY');
      return work({
        async run<R>(query: Knex.QueryBuilder | Knex.Raw): Promise<R> {
          // What is left of the whole budget, per statement: SET LOCAL takes no bound parameter, and this is an integer.
          const remaining = Math.max(1, Math.floor(budgetMs - (Date.now() - start)));
          await trx.raw(`SET LOCAL statement_timeout = ${remaining}`);
          return (await query.transacting(trx)) as R;
        },
      });
    });
  },

  isTimeout(error: unknown): boolean {
    return (error as { code?: unknown } | null)?.code === QUERY_CANCELED;
  },

  isMissingTable(error: unknown): boolean {
    return (error as { code?: unknown } | null)?.code === UNDEFINED_TABLE;
  },

  async describeTable(knex: Knex, table: string): Promise<TableFeatures | null> {
    const result: { rows: Array<{ present: boolean; search: boolean; geo: boolean }> } = await knex.raw(
      `SELECT to_regclass(?) IS NOT NULL AS present, to_regclass(?) IS NOT NULL AS search,
              EXISTS (SELECT 1 FROM information_schema.columns
                      WHERE table_schema = current_schema() AND table_name = ? AND column_name = '_lat') AS geo`,
      [quoteIdentifier(table), quoteIdentifier(searchIndex(table)), table],
    );
    const row = result.rows[0];
    return row.present ? { search: row.search, geo: row.geo } : null;
  },

  async buildSearchIndex(knex: Knex, table: string, textColumns: readonly string[]): Promise<void> {
    await ensureUnaccent(knex);
    await knex.raw(`CREATE INDEX ${quoteIdentifier(searchIndex(table))} ON ${quoteIdentifier(table)} USING gin (${searchVector(textColumns)})`);
  },

  async buildGeoIndex(knex: Knex, table: string): Promise<void> {
    await knex.raw(`CREATE INDEX ${quoteIdentifier(geoIndex(table))} ON ${quoteIdentifier(table)} ("_lat", "_lon")`);
  },

  async dropCompanions(): Promise<void> {
    // Indexes and hidden columns belong to the table: DROP TABLE takes them along.
  },

  async dropOrphanCompanions(): Promise<string[]> {
    return [];
  },

  async afterBulkUpdate(knex: Knex, table: string): Promise<void> {
    // Filling the geo columns rewrote every row of the fresh table: reclaim the old versions now.
    await knex.raw(`VACUUM ANALYZE ${quoteIdentifier(table)}`);
  },
};
