/**
 * The API benchmark's dataset: the ingest benchmark's generated file of Eure-like records
 * (bench/ingest-data.ts, seeded, under .bench/), loaded through the real pipeline
 * (`catalogue.loadDatasets` on a dataset folder) into a SQLite store kept under
 * `.bench/api-<rows>/`. A second run finds it loaded (same files, same fingerprint) and reuses it.
 */
import path from 'node:path';
import { openCatalogue, type Catalogue } from '../../catalogue';
import { loadConfig, type Config } from '../../catalogue/config';
import { BENCH_DIR, ensureBenchFile } from '../ingest-data';
import { writeBenchDatasetFolder } from './bench-dataset-folder';

export const BENCH_SLUG = 'eure-bench';

export interface BenchStore {
  /** Environment for openCatalogue / loadConfig (DATABASE_URL, DATA_DIR). */
  env: Record<string, string>;
  slug: string;
  rows: number;
}

export function benchStore(rows: number): BenchStore {
  const dir = path.join(BENCH_DIR, `api-${rows}`);
  return {
    env: { DATABASE_URL: `sqlite:${path.join(dir, 'opendata.sqlite')}`, DATA_DIR: path.join(dir, 'data'), RATE_LIMIT: '0', LOG_LEVEL: 'silent' },
    slug: BENCH_SLUG,
    rows,
  };
}

export function benchConfig(store: BenchStore): Config {
  return loadConfig(store.env);
}

/** Writes the dataset folder (metadata, schema, a relative path to the generated file). */
function writeDatasetFolder(root: string, dataFile: string): string {
  writeBenchDatasetFolder(root, BENCH_SLUG, dataFile, {
    title: 'Équipements de l’Eure (banc d’essai)',
    description: 'Données générées pour le banc d’essai de l’API : fictives.',
    organization: 'banc-essai',
    organization_title: 'Banc d’essai',
    themes: ['Banc d’essai'],
  });
  return root;
}

/** Opens the bench catalogue, generating and loading the dataset first if needed. */
export async function openBenchCatalogue(store: BenchStore, log: (line: string) => void): Promise<Catalogue> {
  const dataFile = await ensureBenchFile(store.rows, log);
  const root = writeDatasetFolder(path.join(path.dirname(store.env.DATA_DIR), 'datasets'), dataFile);
  const catalogue = await openCatalogue(benchConfig(store));
  const started = Date.now();
  const [result] = await catalogue.loadDatasets(root);
  if (result.status !== 'published' && result.status !== 'unchanged') {
    await catalogue.close();
    throw new Error(`chargement du jeu de banc d’essai : ${result.status} ${result.message}`);
  }
  if (result.status === 'published') log(`loaded ${store.rows} rows through the pipeline in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return catalogue;
}
