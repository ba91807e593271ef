import { CatalogueError } from '../errors';
import { toVersionRecord, type Db } from '../storage';
import { datasetLinks, organizationLinks } from './links';
import type { OrganizationRef } from './types';

/**
 * The newest published versions across the whole catalogue (the Atom feed, `/feed.atom`): one
 * statement joining versions to their dataset and organization, newest publication first, the
 * version id as tie-breaker so that the order is the same on both stores. Superseded versions
 * count: each was a publication when it happened. Rejected and loading uploads never do.
 */
export const LATEST_VERSIONS_LIMITS = { default: 50, max: 200 } as const;

export interface LatestVersion {
  dataset: OrganizationRef;
  organization: OrganizationRef;
  number: number;
  status: 'published' | 'superseded';
  published_at: string;
  rows: number | null;
  bytes: number;
  source_name: string;
  links: { dataset_html: string; api: string; organization_html: string };
}

export interface LatestVersionsList {
  versions: LatestVersion[];
}

type Row = Record<string, unknown>;

function checkedLimit(limit: number | undefined): number {
  if (limit === undefined) return LATEST_VERSIONS_LIMITS.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > LATEST_VERSIONS_LIMITS.max) {
    throw new CatalogueError('bad-request', `Le nombre de versions demandé doit être un entier de 1 à ${LATEST_VERSIONS_LIMITS.max}.`);
  }
  return limit;
}

function toLatestVersion(row: Row): LatestVersion {
  const version = toVersionRecord(row);
  const slug = row.dataset_slug as string;
  const organization = { slug: (row.organization_slug as string | null) ?? '', title: (row.organization_title as string | null) ?? '' };
  return {
    dataset: { slug, title: row.dataset_title as string },
    organization,
    number: version.number ?? 0,
    status: version.status === 'published' ? 'published' : 'superseded',
    published_at: version.publishedAt ?? version.createdAt,
    rows: version.rowCount,
    bytes: version.bytes,
    source_name: version.sourceName,
    links: {
      dataset_html: datasetLinks.html(slug),
      api: datasetLinks.version(slug, version.number ?? 0),
      organization_html: organization.slug ? organizationLinks.html(organization.slug) : '',
    },
  };
}

export async function listLatestVersions(db: Db, limit?: number): Promise<LatestVersionsList> {
  const rows: Row[] = await db('versions as v')
    .join('datasets as d', 'd.id', 'v.dataset_id')
    .leftJoin('organizations as o', 'o.id', 'd.organization_id')
    .whereIn('v.status', ['published', 'superseded'])
    .whereNotNull('v.number')
    .whereNotNull('v.published_at')
    .orderBy([{ column: 'v.published_at', order: 'desc' }, { column: 'v.id', order: 'desc' }])
    .limit(checkedLimit(limit))
    .select('v.*', 'd.slug as dataset_slug', 'd.title as dataset_title', 'o.slug as organization_slug', 'o.title as organization_title');
  return { versions: rows.map(toLatestVersion) };
}
