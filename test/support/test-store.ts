import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../../catalogue/storage/connection';
import type { Store, StoreKind } from '../../catalogue/storage/store-types';

/**
 * A fresh, empty, migrated store per call. With TEST_DATABASE_URL=postgres://… each call gets its
 * own database on that server (so test files can run in parallel); otherwise a SQLite file in the
 * system's temporary folder. No mocks: the real drivers, the real migrations.
 */
export interface TestStore {
  url: string;
  store: Store;
  cleanup(): Promise<void>;
}

export function storeKindUnderTest(): StoreKind {
  return /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? '') ? 'postgres' : 'sqlite';
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onMaintenanceDb<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createPostgresTestStore(serverUrl: string): Promise<TestStore> {
  const database = `opendata_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await onMaintenanceDb(serverUrl, (c) => c.query(`CREATE DATABASE "${database}"`));
  const url = withDatabase(serverUrl, database);
  const store = await openStore(url);
  return {
    url,
    store,
    async cleanup() {
      await store.close();
      await onMaintenanceDb(serverUrl, async (c) => {
        // A writer's client left open by a failing test must not keep the database alive.
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
        await c.query(`DROP DATABASE IF EXISTS "${database}"`);
      });
    },
  };
}

async function createSqliteTestStore(): Promise<TestStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-store-'));
  const url = `sqlite:${path.join(dir, 'catalogue.sqlite')}`;
  const store = await openStore(url);
  return {
    url,
    store,
    async cleanup() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createTestStore(): Promise<TestStore> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  return storeKindUnderTest() === 'postgres' ? createPostgresTestStore(serverUrl) : createSqliteTestStore();
}
