import { CatalogueError } from '../errors';

/** Version tables are the only tables the store creates at run time; cleanup relies on this exact shape. */
export const VERSION_TABLE_PATTERN = /^rec_\d+_\d+$/;

/** What toColumnName produces; anything else reaching SQL as an identifier is a bug upstream. */
const COLUMN_NAME_PATTERN = /^[a-z][a-z0-9_]{0,47}$|^_id$/;

export function versionTableName(datasetId: number, versionId: number): string {
  if (!Number.isSafeInteger(datasetId) || !Number.isSafeInteger(versionId) || datasetId < 1 || versionId < 1) {
    throw new CatalogueError('bad-request', `Identifiants de table invalides : ${datasetId}, ${versionId}.`);
  }
  return `rec_${datasetId}_${versionId}`;
}

export function isVersionTableName(name: string): boolean {
  return VERSION_TABLE_PATTERN.test(name);
}

export function assertVersionTableName(name: string): void {
  if (!isVersionTableName(name)) {
    throw new CatalogueError('bad-request', `« ${name} » n'est pas un nom de table de version.`);
  }
}

export function assertColumnName(name: string): void {
  if (!COLUMN_NAME_PATTERN.test(name)) {
    throw new CatalogueError('bad-request', `« ${name} » n'est pas un nom de colonne valide.`);
  }
}

/**
 * Double quotes are the SQL standard and both SQLite and PostgreSQL take them. Names are already
 * restricted to [a-z0-9_], so quoting is a second line of defence and keeps reserved words usable.
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
