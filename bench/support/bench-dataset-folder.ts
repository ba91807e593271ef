import fs from 'node:fs';
import path from 'node:path';
import { BENCH_SCHEMA } from '../ingest-data';

/** What differs between the benches' dataset folders: who they say they are. */
export interface BenchDatasetMetadata {
  title: string;
  description: string;
  organization: string;
  organization_title: string;
  themes: string[];
  keywords?: string[];
}

/**
 * Writes `root/<slug>/` as `opendata load` reads it: the bench row schema, and dataset.json
 * pointing at the generated data file (by a relative path: nothing is copied).
 */
export function writeBenchDatasetFolder(root: string, slug: string, dataFile: string, metadata: BenchDatasetMetadata): string {
  const folder = path.join(root, slug);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'schema.json'), JSON.stringify(BENCH_SCHEMA, null, 2));
  fs.writeFileSync(path.join(folder, 'dataset.json'), JSON.stringify({
    ...metadata,
    licence: 'etalab-2.0',
    schema: 'schema.json',
    data: path.relative(folder, dataFile),
  }, null, 2));
  return folder;
}
