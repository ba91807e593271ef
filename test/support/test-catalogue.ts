import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCatalogue, type Catalogue } from '../../catalogue';
import { loadConfig } from '../../catalogue/config';
import { createTestStore, type TestStore } from './test-store';

/** A catalogue on a fresh test store (SQLite file, or PostgreSQL with TEST_DATABASE_URL) and its own DATA_DIR. */
export interface TestCatalogue {
  catalogue: Catalogue;
  testStore: TestStore;
  dataDir: string;
  cleanup(): Promise<void>;
}

export async function createTestCatalogue(): Promise<TestCatalogue> {
  const testStore = await createTestStore();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-data-'));
  const config = loadConfig({ DATABASE_URL: testStore.url, DATA_DIR: dataDir, RATE_LIMIT: '0' });
  const catalogue = await openCatalogue(config);
  return {
    catalogue, testStore, dataDir,
    async cleanup() {
      await catalogue.close();
      await testStore.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const FIXTURE_DATASETS = path.resolve(__dirname, '../fixtures/datasets');

/** Copies the fixture dataset folders into a temporary folder the test may change. */
export function copyFixtureDatasets(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-datasets-'));
  fs.cpSync(FIXTURE_DATASETS, dir, { recursive: true });
  return dir;
}
