import type { Knex } from 'knex';
import * as catalogueTables from './001-catalogue-tables';
import * as oneLoadPerDataset from './002-one-load-per-dataset';
import * as accountsAndAudit from './003-accounts-and-audit';
import * as versionSha1 from './004-version-sha1';

interface MigrationEntry {
  name: string;
  migration: Knex.Migration;
}

/**
 * Migrations are imported, not discovered in a directory: the same list then works from the
 * TypeScript sources (jest) and from compiled JavaScript in dist/. Append new ones; never rename.
 */
const MIGRATIONS: MigrationEntry[] = [
  { name: '001-catalogue-tables', migration: catalogueTables },
  { name: '002-one-load-per-dataset', migration: oneLoadPerDataset },
  { name: '003-accounts-and-audit', migration: accountsAndAudit },
  { name: '004-version-sha1', migration: versionSha1 },
];

export const migrationSource: Knex.MigrationSource<MigrationEntry> = {
  getMigrations: async () => MIGRATIONS,
  getMigrationName: (entry) => entry.name,
  getMigration: async (entry) => entry.migration,
};

export const MIGRATIONS_TABLE = 'knex_migrations';

/** Brings the catalogue tables to the latest version; a no-op when they already are. */
export async function migrateToLatest(knex: Knex): Promise<void> {
  await knex.migrate.latest({ migrationSource, tableName: MIGRATIONS_TABLE });
}
