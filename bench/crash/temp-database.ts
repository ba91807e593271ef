import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import type { StoreKind } from '../../catalogue/storage';

/**
 * A fresh, empty store for one run of the crash trials: a SQLite file in the run's folder, or a
 * new PostgreSQL database on the server at `postgresUrl`, dropped by `drop()` (its connections
 * ended first, so that a killed server's leftovers cannot keep it alive).
 */
export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onMaintenanceDb(serverUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

export async function createTempDatabase(kind: StoreKind, workDir: string, postgresUrl: string): Promise<TempDatabase> {
  if (kind === 'sqlite') return { url: `sqlite:${path.join(workDir, 'catalogue.sqlite')}`, drop: async () => undefined };
  // The name is made here of [a-z0-9_] only; identifiers cannot be bound as parameters.
  const database = `opendata_crash_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await onMaintenanceDb(postgresUrl, (c) => c.query(`CREATE DATABASE "${database}"`));
  return {
    url: withDatabase(postgresUrl, database),
    async drop() {
      await onMaintenanceDb(postgresUrl, async (c) => {
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
        await c.query(`DROP DATABASE IF EXISTS "${database}"`);
      });
    },
  };
}
