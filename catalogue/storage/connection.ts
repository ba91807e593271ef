import fs from 'node:fs';
import path from 'node:path';
import knexFactory from 'knex';
import { CatalogueError } from '../errors';
import type { StoreDialect } from './dialects/dialect';
import { postgresDialect } from './dialects/postgres';
import { sqliteDialect } from './dialects/sqlite';
import { migrateToLatest } from './migrations';
import type { DatabaseConfig, Store } from './store-types';

const ACCEPTED_FORMS = '« sqlite:./chemin/relatif », « sqlite:/chemin/absolu » ou « postgres://utilisateur@hôte:port/base »';

function badConfig(url: string, why: string): CatalogueError {
  return new CatalogueError('bad-config', `DATABASE_URL « ${url} » n'est pas utilisable : ${why}. Formes acceptées : ${ACCEPTED_FORMS}.`);
}

/**
 * Reads DATABASE_URL (contract section 1). A relative SQLite path is taken from the working
 * directory, like every other path the command line receives.
 */
export function parseDatabaseUrl(url: string): DatabaseConfig {
  const value = url.trim();
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length);
    if (file === '') throw badConfig(url, 'le chemin du fichier manque');
    // The version writer opens the same file on a second connection: a memory database has no file.
    if (file === ':memory:') throw badConfig(url, 'une base en mémoire ne convient pas, il faut un fichier');
    if (file.startsWith('//')) throw badConfig(url, 'écrivez « sqlite:/chemin/absolu » ou « sqlite:./chemin/relatif », sans « // »');
    return { kind: 'sqlite', filename: path.resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw badConfig(url, "l'adresse PostgreSQL est mal formée");
    }
    if (parsed.hostname === '') throw badConfig(url, "l'hôte PostgreSQL manque");
    return { kind: 'postgres', connectionString: value };
  }
  throw badConfig(url, 'le type de base est inconnu');
}

function dialectFor(config: DatabaseConfig): StoreDialect {
  return config.kind === 'sqlite' ? sqliteDialect(config.filename) : postgresDialect(config.connectionString);
}

/** Opens the store named by `url`, creating the SQLite file's folder if needed, and migrates it. */
export async function openStore(url: string): Promise<Store> {
  const config = parseDatabaseUrl(url);
  if (config.kind === 'sqlite') fs.mkdirSync(path.dirname(config.filename), { recursive: true });
  const dialect = dialectFor(config);
  const knex = knexFactory(dialect.knexConfig());
  try {
    await migrateToLatest(knex);
  } catch (error) {
    await knex.destroy();
    throw error;
  }
  return { knex, kind: config.kind, dialect, config, close: () => knex.destroy() };
}
