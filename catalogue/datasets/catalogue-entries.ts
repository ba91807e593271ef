import {
  getVersion, listDatasets, listOrganizations, type DatasetRecord, type Db, type OrganizationRecord, type VersionRecord,
} from '../storage';
import type { RowSchema } from '../validation/row-schema';
import { datasetLinks } from './links';
import { indexText, type IndexedText } from './text-search';
import type { DatasetListItem, OrganizationRef } from './types';

/**
 * The whole catalogue as search, facets and organization pages need it: every dataset with its
 * organization, current version and indexed text. The catalogue is small (hundreds of datasets),
 * so it is read whole and searched in JS, identically on both stores.
 */
export interface CatalogueEntry {
  dataset: DatasetRecord;
  organization: OrganizationRecord | undefined;
  version: VersionRecord | undefined;
  text: IndexedText;
}

/**
 * Indexed text per dataset, rebuilt only when the dataset's `updated_at` moves: descriptions run to
 * thousands of characters, and folding them on every search would be wasted work.
 */
export class TextIndexCache {
  private readonly entries = new Map<number, { stamp: string; text: IndexedText }>();

  textOf(dataset: DatasetRecord): IndexedText {
    const cached = this.entries.get(dataset.id);
    if (cached && cached.stamp === dataset.updatedAt) return cached.text;
    const text = indexText({
      title: dataset.title,
      // Themes count as keywords: someone searching « santé » expects the Santé theme.
      keywords: [...dataset.keywords, ...dataset.themes].join(' '),
      description: dataset.description,
    });
    this.entries.set(dataset.id, { stamp: dataset.updatedAt, text });
    return text;
  }

  keepOnly(ids: ReadonlySet<number>): void {
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }
}

export async function loadCatalogueEntries(db: Db, cache: TextIndexCache, filter: { organizationId?: number } = {}): Promise<CatalogueEntry[]> {
  const [datasets, organizations] = await Promise.all([listDatasets(db, filter), listOrganizations(db)]);
  const byId = new Map(organizations.map((o) => [o.id, o]));
  // One primary-key lookup per dataset: cheap at this size, and the repositories stay the only SQL.
  const versions = await Promise.all(datasets.map((d) => (d.currentVersionId === null ? undefined : getVersion(db, d.currentVersionId))));
  if (filter.organizationId === undefined) cache.keepOnly(new Set(datasets.map((d) => d.id)));
  return datasets.map((dataset, i) => ({
    dataset,
    organization: byId.get(dataset.organizationId),
    version: versions[i],
    text: cache.textOf(dataset),
  }));
}

/** Any declared location makes a dataset mappable: points, geometries, or a commune code (choropleth). */
export function hasGeo(schema: RowSchema): boolean {
  const geo = schema['x-geo'];
  return Boolean(geo && (geo.latitude || geo.geometry || geo.commune));
}

/** The later of the metadata change and the publication of the current version. */
export function lastUpdate(dataset: DatasetRecord, version: VersionRecord | undefined): string {
  const published = version?.publishedAt ?? '';
  return published > dataset.updatedAt ? published : dataset.updatedAt;
}

export interface ListItemSource {
  dataset: DatasetRecord;
  organization: OrganizationRef | undefined;
  version: VersionRecord | undefined;
}

export function toListItem({ dataset, organization, version }: ListItemSource): DatasetListItem {
  return {
    slug: dataset.slug,
    title: dataset.title,
    description: dataset.description,
    organization: { slug: organization?.slug ?? '', title: organization?.title ?? '' },
    themes: dataset.themes,
    keywords: dataset.keywords,
    licence: dataset.licence,
    updated_at: lastUpdate(dataset, version),
    record_count: version?.rowCount ?? 0,
    version: version?.number ?? null,
    geo: hasGeo(dataset.rowSchema),
    links: {
      html: datasetLinks.html(dataset.slug),
      api: datasetLinks.api(dataset.slug),
      records: datasetLinks.records(dataset.slug),
    },
  };
}
