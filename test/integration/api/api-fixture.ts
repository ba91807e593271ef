import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Test } from 'supertest';
import type { Catalogue } from '../../../catalogue';
import type { Config } from '../../../catalogue/config';
import { createApp } from '../../../server/app';
import { createTestCatalogue, FIXTURE_DATASETS, type TestCatalogue } from '../../support/test-catalogue';

/**
 * The API tests' world: a fresh store (SQLite, or PostgreSQL with TEST_DATABASE_URL) loaded
 * through the real pipeline with the shared fixture (communes-test) and the API's own fixture
 * datasets. Expected values are read from the source files here, never from the store.
 */
export const API_FIXTURES = path.resolve(__dirname, 'fixtures/datasets');

export interface ApiWorld {
  t: TestCatalogue;
  catalogue: Catalogue;
  config: Config;
  app: ReturnType<typeof createApp>;
  datasetsDir: string;
  appWith(config: Partial<Config>, catalogue?: Catalogue): ReturnType<typeof createApp>;
  cleanup(): Promise<void>;
}

export async function createApiWorld(): Promise<ApiWorld> {
  const t = await createTestCatalogue();
  const datasetsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-api-datasets-'));
  fs.cpSync(FIXTURE_DATASETS, datasetsDir, { recursive: true });
  fs.cpSync(API_FIXTURES, datasetsDir, { recursive: true });
  await t.catalogue.loadDatasets(datasetsDir);
  const config = t.catalogue.config;
  return {
    t,
    catalogue: t.catalogue,
    config,
    datasetsDir,
    app: createApp({ catalogue: t.catalogue, config }),
    appWith: (overrides, catalogue = t.catalogue) => createApp({ catalogue, config: { ...config, ...overrides } }),
    async cleanup() {
      await t.cleanup();
      fs.rmSync(datasetsDir, { recursive: true, force: true });
    },
  };
}

export interface SourceDataset {
  slug: string;
  metadata: {
    title: string; description: string; organization: string; organization_title?: string; licence: string;
    themes?: string[]; keywords?: string[];
  };
  schema: { properties: Record<string, Record<string, unknown>>; required?: string[]; 'x-geo'?: Record<string, string>; 'x-primaryKey'?: string[] };
  header: string[];
  rows: Array<Record<string, string>>;
}

/** A fixture dataset read from its folder: metadata, schema and the CSV rows as text. */
export function readSource(slug: string): SourceDataset {
  const dir = [API_FIXTURES, FIXTURE_DATASETS].map((d) => path.join(d, slug)).find((d) => fs.existsSync(d));
  if (!dir) throw new Error(`no fixture ${slug}`);
  const metadata = JSON.parse(fs.readFileSync(path.join(dir, 'dataset.json'), 'utf8'));
  const schema = JSON.parse(fs.readFileSync(path.join(dir, metadata.schema), 'utf8'));
  const text = fs.readFileSync(path.join(dir, metadata.data), 'utf8').replace(/^\uFEFF/, '');
  const delimiter = text.split(/\r?\n/)[0].includes(';') ? ';' : ',';
  const table: string[][] = parse(text, { delimiter, relax_column_count: true });
  const [header, ...body] = table;
  return { slug, metadata, schema, header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))) };
}

/** Every fixture dataset loaded into the world, and which of them publish (the others are invalid). */
export const PUBLISHED = ['bornes-test', 'communes-test', 'dae-test', 'piscines-test', 'subventions-test'];
export const UNPUBLISHED = ['brouillon-test'];
export const ALL_SLUGS = [...PUBLISHED, ...UNPUBLISHED].sort();

/** `12,5` → 12.5 (the fixtures write decimals the French way). */
export const frenchNumber = (text: string): number => Number(text.replace(',', '.'));

/** A supertest body parser that keeps the raw bytes (a BOM, CRLF, what the client really got). */
export const binary = ((res: NodeJS.ReadableStream, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}) as unknown as Parameters<Test['parse']>[0];
