import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../accounts/types';
import type { AuditService } from '../audit/audit-log';
import { CatalogueError } from '../errors';
import { ingestFile, type IngestOptions } from '../ingest/ingest-file';
import type { Report } from '../ingest/report-types';
import { publishFile } from '../publish';
import { getVersion, getVersionByNumber, listVersions, type Store, type VersionRecord } from '../storage';
import { compileRowSchema } from '../validation/compile-row-schema';
import { requireDatasetRecord, requireManagedDataset } from './dataset-writes';
import { toUploadView, type UploadView } from './upload-view';

/**
 * A new file for a dataset (contract section 6, `POST …/versions`): checked only (dry run), or
 * published as the next version when valid. An invalid upload is kept with its report and listed
 * among the uploads; nothing of it is ever served. Original files are read back from DATA_DIR.
 */
export interface UploadedFile {
  path: string;
  /** The name the steward's file had. */
  name: string;
}

export type UploadOutcome =
  | { status: 'published'; version: number; uploadId: number; report: Report }
  | { status: 'rejected'; uploadId: number | null; report: Report }
  | { status: 'checked'; report: Report };

export interface UploadOptions {
  dryRun?: boolean;
  onProgress?: IngestOptions['onProgress'];
}

export interface SourceFile {
  path: string;
  name: string;
  bytes: number;
}

const PUBLIC = new Set(['published', 'superseded']);

export function createUploads(store: Store, dataDir: string, audit: AuditService) {
  const { knex } = store;

  function sourceOf(version: VersionRecord): SourceFile {
    const root = path.resolve(dataDir);
    const file = version.sourcePath ? path.resolve(root, version.sourcePath) : null;
    // The stored path is ours, but a file outside DATA_DIR is never served.
    if (!file || !file.startsWith(root + path.sep) || !fs.existsSync(file)) {
      throw new CatalogueError('not-found', 'Le fichier d’origine de cette version n’est plus conservé.');
    }
    return { path: file, name: version.sourceName, bytes: version.bytes };
  }

  /** The rejected upload just made: the newest rejected version of this file by this author. */
  async function rejectedUploadId(datasetId: number, report: Report, author: string): Promise<number | null> {
    const rejected = await listVersions(knex, datasetId, ['rejected']);
    return rejected.find((v) => v.sha256 === report.source.sha256 && v.author === author)?.id ?? null;
  }

  return {
    async upload(actor: Actor, slug: string, file: UploadedFile, options: UploadOptions = {}): Promise<UploadOutcome> {
      const dataset = await requireManagedDataset(knex, actor, slug);
      if (options.dryRun) {
        const { report } = await ingestFile(file.path, compileRowSchema(dataset.rowSchema), { sourceName: file.name, onProgress: options.onProgress });
        await audit.record(actor, 'version.check', slug, { file: file.name, valid: report.valid, rows: report.stats.rows, errors: report.stats.errors });
        return { status: 'checked', report };
      }
      const result = await publishFile(store, dataDir, slug, file.path, { author: actor.name, sourceName: file.name, onProgress: options.onProgress });
      if (result.status === 'published') {
        const version = await getVersionByNumber(knex, dataset.id, result.version);
        await audit.record(actor, 'version.publish', slug, { version: result.version, file: file.name, rows: result.report.stats.rows });
        return { status: 'published', version: result.version, uploadId: version!.id, report: result.report };
      }
      await audit.record(actor, 'version.reject', slug, { file: file.name, errors: result.report.stats.errors });
      return { status: 'rejected', uploadId: await rejectedUploadId(dataset.id, result.report, actor.name), report: result.report };
    },

    /** The public check (`POST /api/v1/validate?schema=`): nothing is stored, nothing audited. */
    async validate(slug: string, file: UploadedFile): Promise<Report> {
      const dataset = await requireDatasetRecord(knex, slug);
      return (await ingestFile(file.path, compileRowSchema(dataset.rowSchema), { sourceName: file.name })).report;
    },

    /** Whether a version of the dataset is loading now (a new upload would get a conflict). */
    async isLoading(slug: string): Promise<boolean> {
      const dataset = await requireDatasetRecord(knex, slug);
      return (await listVersions(knex, dataset.id, ['loading'])).length > 0;
    },

    /** Every upload, newest first: published, superseded, rejected, loading. */
    async list(actor: Actor, slug: string): Promise<UploadView[]> {
      const dataset = await requireManagedDataset(knex, actor, slug);
      return (await listVersions(knex, dataset.id)).map((v) => toUploadView(slug, v));
    },

    async get(actor: Actor, slug: string, id: number): Promise<UploadView & { report: Report | null }> {
      const dataset = await requireManagedDataset(knex, actor, slug);
      const version = await getVersion(knex, id);
      if (!version || version.datasetId !== dataset.id) throw new CatalogueError('not-found', `Aucun envoi n° ${id} pour « ${slug} ».`);
      return { ...toUploadView(slug, version), report: version.report };
    },

    /** The original file of a published (or superseded) version: public, like its rows. */
    async versionSource(slug: string, number: number): Promise<SourceFile> {
      const dataset = await requireDatasetRecord(knex, slug);
      const version = await getVersionByNumber(knex, dataset.id, number);
      if (!version || !PUBLIC.has(version.status)) throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'a pas de version n° ${number}.`);
      return sourceOf(version);
    },

    /** The original file of any upload (a rejected one included), for the dataset's stewards. */
    async uploadSource(actor: Actor, slug: string, id: number): Promise<SourceFile> {
      const dataset = await requireManagedDataset(knex, actor, slug);
      const version = await getVersion(knex, id);
      if (!version || version.datasetId !== dataset.id) throw new CatalogueError('not-found', `Aucun envoi n° ${id} pour « ${slug} ».`);
      return sourceOf(version);
    },
  };
}

export type Uploads = ReturnType<typeof createUploads>;
