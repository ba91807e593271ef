import { CatalogueError } from '../errors';
import type { Dialect, Report } from '../ingest/report-types';
import { fromJsonText, nowIso, toJsonText, toNumberOrNull } from './column-values';
import { versionTableName } from './sql-identifiers';
import type { Db } from './store-types';

export type VersionStatus = 'loading' | 'published' | 'rejected' | 'superseded';

export interface VersionRecord {
  id: number;
  datasetId: number;
  /** 1, 2, 3… in publication order; null until published (rejected uploads never get one). */
  number: number | null;
  status: VersionStatus;
  sourceName: string;
  /** The stored original file, under DATA_DIR. */
  sourcePath: string | null;
  bytes: number;
  sha256: string;
  /** Null for versions stored before SHA-1 was kept (migration 004). */
  sha1: string | null;
  dialect: Dialect | null;
  report: Report | null;
  rowCount: number | null;
  tableName: string | null;
  author: string | null;
  /** Why a version ended as it did when the report does not say (an interrupted load). */
  note: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface LoadingVersionInput {
  datasetId: number;
  sourceName: string;
  sourcePath?: string | null;
  bytes: number;
  sha256: string;
  sha1?: string | null;
  author?: string | null;
}

type Row = Record<string, unknown>;

export function toVersionRecord(row: Row): VersionRecord {
  return {
    id: Number(row.id),
    datasetId: Number(row.dataset_id),
    number: toNumberOrNull(row.number),
    status: row.status as VersionStatus,
    sourceName: row.source_name as string,
    sourcePath: (row.source_path as string | null) ?? null,
    bytes: Number(row.bytes),
    sha256: row.sha256 as string,
    sha1: (row.sha1 as string | null) ?? null,
    dialect: fromJsonText(row.dialect, null),
    report: fromJsonText(row.report, null),
    rowCount: toNumberOrNull(row.row_count),
    tableName: (row.table_name as string | null) ?? null,
    author: (row.author as string | null) ?? null,
    note: (row.note as string | null) ?? null,
    createdAt: row.created_at as string,
    publishedAt: (row.published_at as string | null) ?? null,
  };
}

/**
 * Records an upload whose rows are about to load; its table name (rec_<dataset>_<version>) is
 * fixed here so that cleanup can find a table whatever happens to the load.
 */
export async function createLoadingVersion(db: Db, input: LoadingVersionInput): Promise<VersionRecord> {
  const [inserted] = await db('versions')
    .insert({
      dataset_id: input.datasetId,
      status: 'loading',
      source_name: input.sourceName,
      source_path: input.sourcePath ?? null,
      bytes: input.bytes,
      sha256: input.sha256,
      sha1: input.sha1 ?? null,
      author: input.author ?? null,
      created_at: nowIso(),
    })
    .returning('id');
  const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
  await db('versions').where({ id }).update({ table_name: versionTableName(input.datasetId, id) });
  return (await getVersion(db, id))!;
}

/** Where the original file was stored (known once the version has its id). */
export async function setVersionSourcePath(db: Db, id: number, sourcePath: string): Promise<void> {
  await db('versions').where({ id }).update({ source_path: sourcePath });
}

/** A load that ended invalid (or failed): kept with its report, never numbered, never current. */
export async function markRejected(db: Db, id: number, report: Report | null, note: string | null = null): Promise<VersionRecord> {
  const changed = await db('versions')
    .where({ id, status: 'loading' })
    .update({ status: 'rejected', report: toJsonText(report), dialect: toJsonText(report?.dialect), row_count: report?.stats.rows ?? null, note });
  const version = await getVersion(db, id);
  if (!version) throw new CatalogueError('not-found', `Version n° ${id} introuvable.`);
  if (changed === 0) throw new CatalogueError('conflict', `La version n° ${id} n'est plus en cours de chargement (${version.status}).`);
  return version;
}

export async function getVersion(db: Db, id: number): Promise<VersionRecord | undefined> {
  const row: Row | undefined = await db('versions').where({ id }).first();
  return row && toVersionRecord(row);
}

export async function getVersionByNumber(db: Db, datasetId: number, number: number): Promise<VersionRecord | undefined> {
  const row: Row | undefined = await db('versions').where({ dataset_id: datasetId, number }).first();
  return row && toVersionRecord(row);
}

export async function getCurrentVersion(db: Db, datasetId: number): Promise<VersionRecord | undefined> {
  const row: Row | undefined = await db('versions')
    .join('datasets', 'datasets.current_version_id', 'versions.id')
    .where('datasets.id', datasetId)
    .first('versions.*');
  return row && toVersionRecord(row);
}

/** Newest first. History lists published/superseded; stewards' uploads list all. */
export async function listVersions(db: Db, datasetId: number, statuses?: readonly VersionStatus[]): Promise<VersionRecord[]> {
  const query = db('versions').where({ dataset_id: datasetId }).orderBy('id', 'desc');
  if (statuses) query.whereIn('status', statuses);
  const rows: Row[] = await query;
  return rows.map(toVersionRecord);
}
