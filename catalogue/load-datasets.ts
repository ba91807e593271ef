import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readDatasetMetadata } from './dataset-metadata';
import { CatalogueError, isCatalogueError } from './errors';
import { publishFile } from './publish';
import {
  createDataset, getDatasetBySlug, updateDataset, upsertOrganization, type DatasetInput, type Store,
} from './storage';
import { loadRowSchema } from './validation/load-schema';

/**
 * Loads dataset folders (`datasets/<slug>/dataset.json` + schema + data, contract section 3):
 * creates organizations and datasets on the fly, and publishes the data file as a new version
 * when the dataset is new or any of its three files changed since the last load.
 */
export type LoadStatus = 'published' | 'unchanged' | 'invalid' | 'error';

export interface LoadResult {
  slug: string;
  status: LoadStatus;
  version?: number;
  rows?: number;
  message: string;
}

export interface LoadOptions {
  log?: (line: string) => void;
}

export async function loadDatasetFolders(store: Store, dataDir: string, root: string, options: LoadOptions = {}): Promise<LoadResult[]> {
  const log = options.log ?? (() => undefined);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    const result: LoadResult = { slug: root, status: 'error', message: `Le dossier ${root} n'existe pas.` };
    log(`✗ ${result.message}`);
    return [result];
  }
  const folders = fs.readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
  const results: LoadResult[] = [];
  for (const slug of folders) {
    const result = await loadOneFolder(store, dataDir, path.join(root, slug), slug).catch((error): LoadResult => {
      if (!isCatalogueError(error)) throw error;
      const details = error.details.map((d) => `\n    - ${d.message}`).join('');
      return { slug, status: 'error', message: `${error.message}${details}` };
    });
    log(formatLoadLine(result));
    results.push(result);
  }
  return results;
}

async function loadOneFolder(store: Store, dataDir: string, dir: string, slug: string): Promise<LoadResult> {
  const metadataFile = path.join(dir, 'dataset.json');
  const metadata = readDatasetMetadata(metadataFile);
  const schemaFile = path.resolve(dir, metadata.schema);
  const dataFile = path.resolve(dir, metadata.data);
  const schemaSource = readJson(schemaFile);
  const { schema, warnings } = loadRowSchema(schemaSource, schemaFile);
  const fingerprint = await fingerprintFiles([metadataFile, schemaFile, dataFile]);

  const { knex } = store;
  const existing = await getDatasetBySlug(knex, slug);
  if (existing && existing.sourceFingerprint === fingerprint && existing.currentVersionId !== null) {
    return { slug, status: 'unchanged', message: 'déjà chargé, fichiers inchangés' };
  }
  const organization = await upsertOrganization(knex, { slug: metadata.organization, title: metadata.organization_title });
  const input: DatasetInput = {
    slug, organizationId: organization.id, title: metadata.title, description: metadata.description,
    licence: metadata.licence, themes: metadata.themes ?? [], keywords: metadata.keywords ?? [],
    frequency: metadata.frequency ?? null, spatial: metadata.spatial ?? null, temporal: metadata.temporal ?? null,
    contact: metadata.contact ?? null, demo: metadata.demo ?? false, rowSchema: schema, schemaSource,
    schemaWarnings: warnings.map((message) => ({ code: 'schema-import' as const, message })),
    sourceFingerprint: existing?.sourceFingerprint ?? null,
  };
  const dataset = existing ? await updateDataset(knex, existing.id, input) : await createDataset(knex, input);
  const result = await publishFile(store, dataDir, slug, dataFile);
  if (result.status === 'rejected') {
    const first = result.report.errors[0];
    return {
      slug, status: 'invalid', rows: result.report.stats.rows,
      message: `fichier invalide, ${result.report.stats.errors} erreur(s)${first ? ` ; première : ${first.row ? `ligne ${first.row}, ` : ''}${first.message}` : ''}`,
    };
  }
  // Remember the files only once they are published, so that a failed load is tried again.
  await updateDataset(knex, dataset.id, { sourceFingerprint: fingerprint });
  return { slug, status: 'published', version: result.version, rows: result.report.stats.rows, message: `version ${result.version} publiée` };
}

function formatLoadLine(r: LoadResult): string {
  const mark = { published: '✓', unchanged: '=', invalid: '✗', error: '✗' }[r.status];
  const rows = r.rows !== undefined ? ` (${r.rows.toLocaleString('fr-FR')} lignes)` : '';
  return `${mark} ${r.slug} : ${r.message}${r.status === 'published' ? rows : ''}`;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'fichier absent' : (error as Error).message;
    throw new CatalogueError('bad-schema', `Le schéma ${file} ne peut pas être lu : ${reason}.`);
  }
}

/** Content hash of the files that make a dataset version (streamed): any change triggers a new publish. */
async function fingerprintFiles(files: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    if (!fs.existsSync(file)) throw new CatalogueError('unreadable-file', `Le fichier ${file} est introuvable.`);
    hash.update(path.basename(file));
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
