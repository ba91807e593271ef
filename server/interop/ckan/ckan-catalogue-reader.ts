import type { Catalogue } from '../../../catalogue';
import type { DatasetListItem } from '../../../catalogue/datasets-service';
import { ckanIds, UUID_PATTERN } from './ckan-ids';
import type { OrganizationSource } from './ckan-organization';
import type { PackageSource } from './ckan-package';

/**
 * What the CKAN actions are built from, read through the catalogue's own services (the calls the
 * API and the pages make). Every dataset of the public catalogue is a package, published or not:
 * one without a version is a package without resources, which CKAN allows (data.gouv.fr's
 * harvester skips it until it has one).
 */
export type OrganizationsBySlug = Map<string, OrganizationSource>;

export async function readOrganizations(catalogue: Catalogue): Promise<OrganizationsBySlug> {
  const [{ organizations }, records] = await Promise.all([catalogue.datasets.organizations(), catalogue.accounts.organizations()]);
  const created = new Map(records.map((r) => [r.slug, r.createdAt]));
  return new Map(organizations.map((view) => [view.slug, { view, createdAt: created.get(view.slug) ?? '' }]));
}

/**
 * Every dataset matching the catalogue's full-text search (all when `text` is empty), in the
 * service's order: relevance with words, latest update without.
 */
export async function listAllDatasets(catalogue: Catalogue, text: string): Promise<DatasetListItem[]> {
  return catalogue.datasets.searchAll(text ? { q: text, sort: 'relevance' } : { sort: '-updated' });
}

/**
 * `package_show?id=`: the package's UUID, else the slug (CKAN's `name`; a slug may look like a
 * UUID, hence the order). An unknown slug is the catalogue's not-found further on.
 */
export async function resolvePackageSlug(catalogue: Catalogue, id: string): Promise<string> {
  if (!UUID_PATTERN.test(id)) return id;
  return (await listAllSlugs(catalogue)).find((slug) => ckanIds.package(slug) === id) ?? id;
}

/** Every dataset's slug, in one pass over the catalogue (cheaper than paging through the search). */
export async function listAllSlugs(catalogue: Catalogue): Promise<string[]> {
  return (await catalogue.listDatasets()).map((d) => d.slug);
}

export async function readPackageSource(catalogue: Catalogue, slug: string, organizations: OrganizationsBySlug): Promise<PackageSource> {
  const { datasets } = catalogue;
  const [detail, { versions }, schema] = await Promise.all([datasets.get(slug), datasets.versions(slug), datasets.schema(slug)]);
  return { detail, versions, schema, organization: organizations.get(detail.organization.slug) };
}

/** Several packages, one dataset at a time: a page may hold a thousand, and the store's pool is shared with the API. */
export async function readPackageSources(catalogue: Catalogue, slugs: readonly string[], organizations: OrganizationsBySlug): Promise<PackageSource[]> {
  const sources: PackageSource[] = [];
  for (const slug of slugs) sources.push(await readPackageSource(catalogue, slug, organizations));
  return sources;
}
