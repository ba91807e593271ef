import type Database from 'better-sqlite3';
import type { Knex } from 'knex';
import type { ColumnKind } from '../../validation/row-schema';
import { quoteIdentifier } from '../sql-identifiers';
import { BudgetExceeded, type LonLatBox, type QueryDialect, type QuerySession, type SearchWord, type SqlFragment, type TableFeatures } from './query-dialect';
import { toUtcIso } from './sqlite-values';

/**
 * SQLite's side of the query engine. Full text is an FTS5 table `<table>_fts` (contentless,
 * `unicode61 remove_diacritics 2`: accents and case folded), geo an R*Tree `<table>_geo`; both
 * are built in one bulk INSERT … SELECT once the rows are in, never by triggers (see
 * ../../../../shared/docs/performance-notes.md: triggers during the load cost ten times more).
 */
const FOLD_FUNCTION = 'opendata_lower';
const COMPANION = /^(rec_\d+_\d+)_(fts|geo)$/;

const ftsTable = (table: string) => `${table}_fts`;
const geoTable = (table: string) => `${table}_geo`;

/**
 * SQLite's own lower() and LIKE fold ASCII only, so "É" would not match "é". A deterministic JS
 * function registered on every pooled connection folds the whole of Unicode, like ILIKE does.
 */
export function registerSqliteFunctions(db: Database.Database): void {
  db.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
}

/** FTS5 query text: each word quoted (no operator can sneak in), `*` after the quote for a prefix; spaces mean AND. */
function ftsMatch(words: readonly SearchWord[]): string {
  return words.map((w) => `"${w.text.replace(/"/g, '""')}"${w.prefix ? '*' : ''}`).join(' ');
}

async function tableNames(knex: Knex): Promise<string[]> {
  const rows: Array<{ name: string }> = await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table'");
  return rows.map((r) => r.name);
}

export const sqliteQueryDialect: QueryDialect = {
  encodeValue(kind: ColumnKind, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (kind === 'boolean' && typeof value === 'boolean') return value ? 1 : 0;
    // Stored as UTC ISO text by the writer: the bound value must have the same form to compare as text.
    if (kind === 'datetime') return toUtcIso(value);
    return value;
  },

  likeInsensitive(column: string, pattern: string): SqlFragment {
    return { sql: `${FOLD_FUNCTION}(${column}) LIKE ? ESCAPE '!'`, bindings: [pattern.toLowerCase()] };
  },

  orderTerm(column: string, desc: boolean): string {
    return desc ? `${column} DESC NULLS LAST` : `${column} ASC NULLS FIRST`;
  },

  searchCondition(table: string, _textColumns: readonly string[], words: readonly SearchWord[]): SqlFragment {
    const fts = quoteIdentifier(ftsTable(table));
    return { sql: `"_id" IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`, bindings: [ftsMatch(words)] };
  },

  boxCondition(table: string, [minLon, minLat, maxLon, maxLat]: LonLatBox): SqlFragment {
    // The R*Tree keeps 32-bit floats rounded outwards: it narrows the rows, the exact test follows.
    return {
      sql: `"_id" IN (SELECT id FROM ${quoteIdentifier(geoTable(table))} WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?)`
        + ' AND "_lon" BETWEEN ? AND ? AND "_lat" BETWEEN ? AND ?',
      bindings: [minLon, maxLon, minLat, maxLat, minLon, maxLon, minLat, maxLat],
    };
  },

  async withBudget<T>(_knex: Knex, budgetMs: number, work: (session: QuerySession) => Promise<T>): Promise<T> {
    // better-sqlite3 cannot interrupt a running statement: the budget stops the next one.
    const start = Date.now();
    return work({
      async run<R>(query: Knex.QueryBuilder | Knex.Raw): Promise<R> {
        const result = (await query) as R;
        if (Date.now() - start > budgetMs) throw new BudgetExceeded();
        return result;
      },
    });
  },

  isTimeout(error: unknown): boolean {
    return error instanceof BudgetExceeded;
  },

  isMissingTable(error: unknown): boolean {
    return /no such table/i.test((error as Error | null)?.message ?? '');
  },

  async describeTable(knex: Knex, table: string): Promise<TableFeatures | null> {
    const rows: Array<{ name: string }> = await knex.raw(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?, ?)", [table, ftsTable(table), geoTable(table)],
    );
    const names = new Set(rows.map((r) => r.name));
    if (!names.has(table)) return null;
    return { search: names.has(ftsTable(table)), geo: names.has(geoTable(table)) };
  },

  async buildSearchIndex(knex: Knex, table: string, textColumns: readonly string[]): Promise<void> {
    const fts = quoteIdentifier(ftsTable(table));
    const slots = textColumns.map((_, i) => `c${i}`);
    // Contentless and detail=none: the index answers "which rows have these words (or prefixes)",
    // nothing more is asked of it, and it stays a fraction of the size of a full one.
    await knex.raw(`CREATE VIRTUAL TABLE ${fts} USING fts5(${slots.join(', ')}, content='', columnsize=0, detail=none, tokenize='unicode61 remove_diacritics 2')`);
    await knex.raw(`INSERT INTO ${fts} (rowid, ${slots.join(', ')}) SELECT "_id", ${textColumns.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(table)}`);
  },

  async buildGeoIndex(knex: Knex, table: string): Promise<void> {
    const geo = quoteIdentifier(geoTable(table));
    await knex.raw(`CREATE VIRTUAL TABLE ${geo} USING rtree(id, min_lon, max_lon, min_lat, max_lat)`);
    // Inserting by small tiles (about 1 km) rather than in id order builds a tighter tree, faster.
    await knex.raw(
      `INSERT INTO ${geo} (id, min_lon, max_lon, min_lat, max_lat) SELECT "_id", "_lon", "_lon", "_lat", "_lat" FROM ${quoteIdentifier(table)}`
      + ' WHERE "_lat" IS NOT NULL AND "_lon" IS NOT NULL ORDER BY CAST("_lat" * 100 AS INTEGER), CAST("_lon" * 100 AS INTEGER)',
    );
  },

  async dropCompanions(knex: Knex, table: string): Promise<void> {
    await knex.raw(`DROP TABLE IF EXISTS ${quoteIdentifier(ftsTable(table))}`);
    await knex.raw(`DROP TABLE IF EXISTS ${quoteIdentifier(geoTable(table))}`);
  },

  async dropOrphanCompanions(knex: Knex): Promise<string[]> {
    const names = await tableNames(knex);
    const present = new Set(names);
    const orphans = names.filter((name) => {
      const match = COMPANION.exec(name);
      return match !== null && !present.has(match[1]);
    }).sort();
    for (const name of orphans) await knex.raw(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
    return orphans;
  },

  async afterBulkUpdate(): Promise<void> {
    // Rows were updated in place; there is no dead space to reclaim and no new index on the table.
  },
};
