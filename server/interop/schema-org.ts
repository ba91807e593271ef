import { datasetLinks, organizationLinks } from '../../catalogue/datasets/links';
import type { DatasetDetail, VersionView } from '../../catalogue/datasets-service';
import type { SiteSettings } from '../../catalogue/site-settings';
import { currentVersion, datasetDistributions } from './dataset-distributions';
import { LICENCE_URIS } from './vocabularies';

/**
 * A dataset as a schema.org `Dataset` (the JSON-LD block of its page, read by search engines'
 * dataset search). Same sources as the DCAT-AP and CKAN outputs: licence URIs from
 * vocabularies.ts and distributions from dataset-distributions.ts, so the three never disagree.
 * Only what the catalogue holds is stated: an absent date or coverage is left out, not guessed.
 */
export type JsonLdObject = { [key: string]: unknown };

/** When no spatial label is held: the territory the whole platform covers. */
const TERRITORY = 'Département de l’Eure';

/** ISO 8601 interval; an open end is `..` (ISO 8601-2), as schema.org's temporalCoverage allows. */
export function temporalInterval(temporal: DatasetDetail['temporal']): string | null {
  if (!temporal || (!temporal.start && !temporal.end)) return null;
  return `${temporal.start ?? '..'}/${temporal.end ?? '..'}`;
}

function spatialCoverage(detail: DatasetDetail, site: SiteSettings): JsonLdObject {
  const [minLon, minLat, maxLon, maxLat] = site.mapBounds;
  return {
    '@type': 'Place',
    name: detail.spatial?.label || TERRITORY,
    // schema.org's box is « south west north east », in latitude longitude order.
    geo: { '@type': 'GeoShape', box: `${minLat} ${minLon} ${maxLat} ${maxLon}` },
  };
}

function organization(detail: DatasetDetail, base: string): JsonLdObject {
  const { slug, title } = detail.organization;
  return { '@type': 'Organization', name: title, ...(slug ? { url: base + organizationLinks.html(slug) } : {}) };
}

function distributions(detail: DatasetDetail, versions: readonly VersionView[], base: string): JsonLdObject[] {
  return datasetDistributions(detail, currentVersion(detail, versions), base).map((d) => ({
    '@type': 'DataDownload',
    name: d.title,
    description: d.description,
    encodingFormat: d.format.mediaType,
    contentUrl: d.url,
    ...(d.byteSize === null ? {} : { contentSize: `${d.byteSize} B` }),
    ...(d.sha256 === null ? {} : { sha256: d.sha256 }),
    ...(d.modified === null ? {} : { dateModified: d.modified }),
  }));
}

/** The first publication: the oldest version in the history (listed newest first). */
function firstPublication(versions: readonly VersionView[]): string | null {
  const oldest = versions[versions.length - 1];
  return oldest ? (oldest.published_at ?? oldest.created_at) : null;
}

export function toSchemaOrgDataset(detail: DatasetDetail, versions: readonly VersionView[], site: SiteSettings, base: string): JsonLdObject {
  const url = base + datasetLinks.html(detail.slug);
  const licence = LICENCE_URIS[detail.licence];
  const temporal = temporalInterval(detail.temporal);
  const published = firstPublication(versions);
  const producer = organization(detail, base);
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': url,
    name: detail.title,
    description: detail.description,
    url,
    identifier: detail.slug,
    keywords: [...detail.themes, ...detail.keywords],
    ...(licence ? { license: licence } : {}),
    isAccessibleForFree: true,
    inLanguage: 'fr',
    creator: producer,
    publisher: producer,
    dateCreated: detail.created_at,
    ...(published ? { datePublished: published } : {}),
    dateModified: detail.updated_at,
    ...(temporal ? { temporalCoverage: temporal } : {}),
    spatialCoverage: spatialCoverage(detail, site),
    includedInDataCatalog: { '@type': 'DataCatalog', name: site.name, url: `${base}/` },
    distribution: distributions(detail, versions, base),
    variableMeasured: detail.fields.map((f) => ({
      '@type': 'PropertyValue',
      name: f.name,
      ...(f.title || f.description ? { description: [f.title, f.description].filter(Boolean).join(' : ') } : {}),
    })),
  };
}
