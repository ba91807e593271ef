import type { DatasetDetail, VersionView } from '../../../catalogue/datasets-service';
import type { RowSchema } from '../../../catalogue/validation/row-schema';
import { currentVersion, datasetDistributions } from '../dataset-distributions';
import { ckanGroup, type CkanGroup } from './ckan-groups';
import { ckanIds } from './ckan-ids';
import { ckanLicence, type CkanLicence } from './ckan-licence';
import { toCkanPackageOrganization, type CkanPackageOrganization, type OrganizationSource } from './ckan-organization';
import { ckanResources, type CkanResource } from './ckan-resources';
import { spatialExtent } from './ckan-spatial';
import { ckanTimestamp } from './ckan-time';

/**
 * One dataset as CKAN's `package_show` gives it, with the fields CKAN harvesters read: data.gouv.fr's
 * (udata's CKAN backend: its schema requires every key it lists, null allowed where CKAN has null)
 * and ckanext-harvest's CKAN harvester, which copies the package as is. Coverage, frequency and
 * extent are both top-level fields (ckanext-dcat's schema) and `extras` (CKAN's default schema,
 * where harvesters look for them).
 */
export interface PackageSource {
  detail: DatasetDetail;
  /** Newest first, as the catalogue lists them. */
  versions: VersionView[];
  organization: OrganizationSource | undefined;
  schema: RowSchema;
}

export interface CkanTag {
  id: string;
  name: string;
  display_name: string;
  state: 'active';
  vocabulary_id: null;
}

export interface CkanPackage extends CkanLicence {
  id: string;
  name: string;
  title: string;
  notes: string;
  url: string;
  version: string | null;
  type: 'dataset';
  state: 'active';
  private: false;
  author: string | null;
  author_email: string | null;
  maintainer: string | null;
  maintainer_email: string | null;
  metadata_created: string;
  metadata_modified: string;
  organization: CkanPackageOrganization | null;
  owner_org: string | null;
  tags: CkanTag[];
  num_tags: number;
  groups: CkanGroup[];
  resources: CkanResource[];
  num_resources: number;
  frequency?: string;
  temporal_start?: string;
  temporal_end?: string;
  spatial?: string;
  extras: Array<{ key: string; value: string }>;
  relationships_as_object: [];
  relationships_as_subject: [];
}

/** CKAN tag names hold letters, digits, spaces and `-_.` only (its tag_name_validator): other signs become spaces. */
function tagName(label: string): string {
  return label.replace(/[^\p{L}\p{N}\s_.-]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Keywords, then themes (data.gouv.fr ignores groups: the themes reach it as tags), once each. */
function ckanTags(keywords: string[], themes: string[]): CkanTag[] {
  const seen = new Set<string>();
  const tags: CkanTag[] = [];
  for (const label of [...keywords, ...themes]) {
    const name = tagName(label);
    if (name.length < 2 || seen.has(fold(name))) continue;
    seen.add(fold(name));
    tags.push({ id: ckanIds.tag(name), name, display_name: label, state: 'active', vocabulary_id: null });
  }
  return tags;
}

function coverage(detail: DatasetDetail, spatial: string | null): Record<string, string> {
  const fields: Record<string, string> = {};
  if (detail.frequency) fields.frequency = detail.frequency;
  if (detail.temporal?.start) fields.temporal_start = detail.temporal.start;
  if (detail.temporal?.end) fields.temporal_end = detail.temporal.end;
  if (spatial) fields.spatial = spatial;
  return fields;
}

export function toCkanPackage(source: PackageSource, baseUrl: string): CkanPackage {
  const { detail, versions, organization } = source;
  const id = ckanIds.package(detail.slug);
  const spatial = spatialExtent(source.schema, detail.profile);
  const covered = coverage(detail, spatial);
  const extras: Record<string, string> = { ...covered };
  if (detail.spatial?.label) extras['spatial-text'] = detail.spatial.label;
  if (detail.spatial?.zones?.length) extras['spatial-zones'] = detail.spatial.zones.join(',');
  if (detail.spatial?.granularity) extras['spatial-granularity'] = detail.spatial.granularity;
  const tags = ckanTags(detail.keywords, detail.themes);
  const distributions = datasetDistributions(detail, currentVersion(detail, versions), baseUrl);
  const firstPublication = versions.at(-1);
  const resources = ckanResources(id, detail.slug, distributions, firstPublication?.published_at ?? firstPublication?.created_at ?? null);
  const org = organization ? toCkanPackageOrganization(organization) : null;
  return {
    id,
    name: detail.slug,
    title: detail.title,
    notes: detail.description,
    url: baseUrl + detail.links.html,
    version: detail.version === null ? null : String(detail.version),
    ...ckanLicence(detail.licence, detail.licence_title),
    type: 'dataset',
    state: 'active',
    private: false,
    author: organization?.view.title ?? null,
    author_email: null,
    maintainer: detail.contact?.name ?? null,
    maintainer_email: detail.contact?.email ?? null,
    metadata_created: ckanTimestamp(detail.created_at),
    metadata_modified: ckanTimestamp(detail.updated_at),
    organization: org,
    owner_org: org?.id ?? null,
    tags,
    num_tags: tags.length,
    groups: detail.themes.map(ckanGroup),
    resources,
    num_resources: resources.length,
    ...covered,
    // CKAN lists extras by key.
    extras: Object.keys(extras).sort().map((key) => ({ key, value: extras[key] })),
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}
