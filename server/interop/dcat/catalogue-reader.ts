import type { Catalogue } from '../../../catalogue';
import type { DatasetDetail, OrganizationView, VersionView } from '../../../catalogue/datasets-service';

/**
 * What the DCAT documents are built from, read through the catalogue's own services (the very calls
 * the API and the pages make): one dataset's detail, its published versions and its organisation.
 */
export interface DcatDatasetSource {
  detail: DatasetDetail;
  /** Newest first, as the service lists them. */
  versions: VersionView[];
  organization: OrganizationView | undefined;
}

export interface DcatCataloguePage {
  datasets: DcatDatasetSource[];
  page: number;
  pageSize: number;
  totalItems: number;
  /** The latest change of any dataset of the whole catalogue (not only this page). */
  modified: string | null;
}

/** Title order, slug as tie-breaker (search-datasets.ts): stable while a harvester walks the pages. */
const PAGE_ORDER = 'title';
export const DCAT_DEFAULT_PAGE_SIZE = 100;

async function organizationsBySlug(catalogue: Catalogue): Promise<Map<string, OrganizationView>> {
  const { organizations } = await catalogue.datasets.organizations();
  return new Map(organizations.map((o) => [o.slug, o]));
}

async function readDataset(catalogue: Catalogue, slug: string, organizations: Map<string, OrganizationView>): Promise<DcatDatasetSource> {
  const [detail, { versions }] = await Promise.all([catalogue.datasets.get(slug), catalogue.datasets.versions(slug)]);
  return { detail, versions, organization: organizations.get(detail.organization.slug) };
}

/** One dataset (a not-found CatalogueError for an unknown slug). */
export async function readDcatDataset(catalogue: Catalogue, slug: string): Promise<DcatDatasetSource> {
  return readDataset(catalogue, slug, await organizationsBySlug(catalogue));
}

/**
 * One page of the catalogue. `page` and `page_size` are the query's raw values: the search service
 * checks them and names a faulty one in its bad-request.
 */
export async function readDcatCataloguePage(
  catalogue: Catalogue, query: { page?: string; page_size?: string },
): Promise<DcatCataloguePage> {
  const { datasets } = catalogue;
  const params = { sort: PAGE_ORDER, page: query.page, page_size: query.page_size ?? String(DCAT_DEFAULT_PAGE_SIZE) };
  const [result, latest, organizations] = await Promise.all([
    datasets.search(params),
    datasets.search({ sort: '-updated', page_size: '1' }),
    organizationsBySlug(catalogue),
  ]);
  const sources: DcatDatasetSource[] = [];
  // One dataset at a time: a page may list a hundred, and the store's pool is shared with the API.
  for (const item of result.datasets) sources.push(await readDataset(catalogue, item.slug, organizations));
  return {
    datasets: sources,
    page: result.page,
    pageSize: result.page_size,
    totalItems: result.total,
    modified: latest.datasets[0]?.updated_at ?? null,
  };
}
