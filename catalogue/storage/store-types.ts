import type { Knex } from 'knex';
import type { StoreDialect } from './dialects/dialect';

/** Which database a store runs on. Only connection.ts and dialects/ look at it. */
export type StoreKind = 'sqlite' | 'postgres';

/** A parsed DATABASE_URL. */
export type DatabaseConfig =
  | { kind: 'sqlite'; filename: string }
  | { kind: 'postgres'; connectionString: string };

/** An open catalogue store: the knex instance, what it runs on, and the dialect module behind it. */
export interface Store {
  readonly knex: Knex;
  readonly kind: StoreKind;
  readonly dialect: StoreDialect;
  readonly config: DatabaseConfig;
  close(): Promise<void>;
}

/**
 * What repositories take: the store's knex or a transaction opened on it, so that a caller can
 * compose several repository calls into one transaction (Directus services do the same).
 */
export type Db = Knex | Knex.Transaction;
