import { CatalogueError } from '../errors';
import { getOrganizationBySlug, listDatasets, listOrganizations, type Db, type OrganizationRecord } from '../storage';
import { loadCatalogueEntries, toListItem, type TextIndexCache } from './catalogue-entries';
import { organizationLinks } from './links';
import type { OrganizationDetail, OrganizationsList, OrganizationView } from './types';

/** Organizations (producers) with their dataset counts, and one organization with its datasets. */
function toView(o: OrganizationRecord, datasetCount: number): OrganizationView {
  return {
    slug: o.slug,
    title: o.title,
    description: o.description,
    url: o.url,
    dataset_count: datasetCount,
    links: { html: organizationLinks.html(o.slug), api: organizationLinks.api(o.slug) },
  };
}

export async function listOrganizationViews(db: Db): Promise<OrganizationsList> {
  const [organizations, datasets] = await Promise.all([listOrganizations(db), listDatasets(db)]);
  const counts = new Map<number, number>();
  for (const d of datasets) counts.set(d.organizationId, (counts.get(d.organizationId) ?? 0) + 1);
  return { organizations: organizations.map((o) => toView(o, counts.get(o.id) ?? 0)) };
}

export async function getOrganizationDetail(db: Db, cache: TextIndexCache, slug: string): Promise<OrganizationDetail> {
  const organization = await getOrganizationBySlug(db, slug);
  if (!organization) throw new CatalogueError('not-found', `L'organisation « ${slug} » n'existe pas.`);
  const entries = await loadCatalogueEntries(db, cache, { organizationId: organization.id });
  return { ...toView(organization, entries.length), datasets: entries.map(toListItem) };
}
