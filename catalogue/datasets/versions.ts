import { CatalogueError } from '../errors';
import { getCurrentVersion, getVersionByNumber, listVersions, type Db, type VersionRecord } from '../storage';
import { requireDataset } from './dataset-detail';
import { lastUpdate } from './catalogue-entries';
import { datasetLinks } from './links';
import type { VersionDetail, VersionRef, VersionsList, VersionView } from './types';

/**
 * A dataset's published history (contract section 6: versions, `/versions/{n}`), and the version a
 * read request works on. Rejected uploads never take a number: they belong to the stewards' list.
 */
const PUBLIC_STATUSES = ['published', 'superseded'] as const;

function toVersionView(slug: string, v: VersionRecord): VersionView {
  const number = v.number ?? 0;
  return {
    number,
    status: v.status === 'published' ? 'published' : 'superseded',
    created_at: v.createdAt,
    published_at: v.publishedAt,
    author: v.author,
    rows: v.rowCount,
    bytes: v.bytes,
    sha256: v.sha256,
    sha1: v.sha1,
    source_name: v.sourceName,
    links: { api: datasetLinks.version(slug, number), records: datasetLinks.versionRecords(slug, number) },
  };
}

async function requirePublicVersion(db: Db, datasetId: number, slug: string, number: number): Promise<VersionRecord> {
  const version = await getVersionByNumber(db, datasetId, number);
  if (!version || !(PUBLIC_STATUSES as readonly string[]).includes(version.status)) {
    throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'a pas de version n° ${number}.`);
  }
  return version;
}

/** The current version, or version `number` when given; not-found when there is none. */
export async function resolveVersion(db: Db, slug: string, number?: number): Promise<VersionRef> {
  const dataset = await requireDataset(db, slug);
  const version = number === undefined ? await getCurrentVersion(db, dataset.id) : await requirePublicVersion(db, dataset.id, slug, number);
  if (!version || version.number === null) {
    throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'a encore aucune version publiée.`);
  }
  return { dataset: slug, version: version.number, updated_at: lastUpdate(dataset, version) };
}

export async function listVersionViews(db: Db, slug: string): Promise<VersionsList> {
  const dataset = await requireDataset(db, slug);
  const versions = await listVersions(db, dataset.id, PUBLIC_STATUSES);
  return { dataset: slug, versions: versions.map((v) => toVersionView(slug, v)) };
}

export async function getVersionDetail(db: Db, slug: string, number: number): Promise<VersionDetail> {
  const dataset = await requireDataset(db, slug);
  const version = await requirePublicVersion(db, dataset.id, slug, number);
  return { dataset: slug, ...toVersionView(slug, version), stats: version.report?.stats ?? null, report: version.report };
}
