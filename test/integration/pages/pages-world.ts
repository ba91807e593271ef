import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Catalogue } from '../../../catalogue';
import type { Config } from '../../../catalogue/config';
import { createApp } from '../../../server/app';
import { createTestCatalogue, FIXTURE_DATASETS, type TestCatalogue } from '../../support/test-catalogue';

/**
 * The pages' world: a fresh store (SQLite, or PostgreSQL with TEST_DATABASE_URL) loaded through
 * the real pipeline with the shared fixture (communes-test: commune-keyed, for the choropleth),
 * the API's fixtures (points in WGS84 and Lambert-93, WKT geometries, a dataset without a
 * published version), a dataset with hostile metadata and cells, and the real communes layer
 * (datasets/communes-eure-contours, GeoJSON input).
 */
const ROOT = path.resolve(__dirname, '../../..');
export const API_FIXTURES = path.join(ROOT, 'test/integration/api/fixtures/datasets');
export const PAGE_FIXTURES = path.join(__dirname, 'fixtures/datasets');
export const COMMUNES_LAYER = path.join(ROOT, 'datasets/communes-eure-contours');

export interface PagesWorld {
  t: TestCatalogue;
  catalogue: Catalogue;
  config: Config;
  app: ReturnType<typeof createApp>;
  appWith(overrides: Partial<Config>, catalogue?: Catalogue): ReturnType<typeof createApp>;
  cleanup(): Promise<void>;
}

export async function createPagesWorld(): Promise<PagesWorld> {
  const t = await createTestCatalogue();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-pages-datasets-'));
  for (const source of [FIXTURE_DATASETS, API_FIXTURES, PAGE_FIXTURES]) fs.cpSync(source, dir, { recursive: true });
  fs.cpSync(COMMUNES_LAYER, path.join(dir, 'communes-eure-contours'), { recursive: true });
  const results = await t.catalogue.loadDatasets(dir);
  const failed = results.filter((r) => r.status !== 'published' && r.slug !== 'brouillon-test');
  if (failed.length) throw new Error(`fixtures did not load: ${JSON.stringify(failed)}`);
  const config = t.catalogue.config;
  return {
    t,
    catalogue: t.catalogue,
    config,
    app: createApp({ catalogue: t.catalogue, config }),
    appWith: (overrides, catalogue = t.catalogue) => createApp({ catalogue, config: { ...config, ...overrides } }),
    async cleanup() {
      await t.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
