import { loadCatalogueEntries, TextIndexCache } from './datasets/catalogue-entries';
import { getDatasetDetail, requireDataset } from './datasets/dataset-detail';
import { listLatestVersions, type LatestVersionsList } from './datasets/latest-versions';
import { getOrganizationDetail, listOrganizationViews } from './datasets/organizations';
import { parseSearchParams, SEARCH_LIMITS, type CatalogueParams } from './datasets/search-params';
import { searchDatasets } from './datasets/search-datasets';
import type {
  DatasetDetail, DatasetListItem, OrganizationDetail, OrganizationsList, SearchResult, VersionDetail, VersionRef, VersionsList,
} from './datasets/types';
import { getVersionDetail, listVersionViews, resolveVersion } from './datasets/versions';
import type { Store } from './storage';
import type { RowSchema } from './validation/row-schema';

/**
 * The catalogue side of the API (contract section 6, "Catalogue"): dataset search with facets,
 * one dataset with its fields, current version and column profiles, its row schema, organizations,
 * and the published history. Search runs in JS over the whole catalogue (hundreds of datasets):
 * fast at that size, and the same answers on SQLite and PostgreSQL.
 */
export type { CatalogueParams } from './datasets/search-params';
export { SEARCH_SORTS, SEARCH_PARAMS, SEARCH_LIMITS } from './datasets/search-params';
export type * from './datasets/types';
export type { LatestVersion, LatestVersionsList } from './datasets/latest-versions';
export { LATEST_VERSIONS_LIMITS } from './datasets/latest-versions';

export interface DatasetsService {
  /** `GET /api/v1/datasets`: bad-request naming each faulty parameter. */
  search(params: CatalogueParams): Promise<SearchResult>;
  /** Every dataset the search matches (all without `q`), in its order: the site map, feeds, harvesters. */
  searchAll(params?: CatalogueParams): Promise<DatasetListItem[]>;
  get(slug: string): Promise<DatasetDetail>;
  /** The row JSON Schema in force (with its x- extension keywords). */
  schema(slug: string): Promise<RowSchema>;
  organizations(): Promise<OrganizationsList>;
  organization(slug: string): Promise<OrganizationDetail>;
  /** Published and superseded versions, newest first. */
  versions(slug: string): Promise<VersionsList>;
  version(slug: string, number: number): Promise<VersionDetail>;
  /** The version a read works on (current, or `number`): cheap, for ETags and pinning a query. */
  resolveVersion(slug: string, number?: number): Promise<VersionRef>;
  /** The newest publications across all datasets (superseded ones included), newest first; `limit` 1 to 200, 50 by default. */
  latestVersions(limit?: number): Promise<LatestVersionsList>;
}

export function createDatasetsService(store: Store): DatasetsService {
  const { knex } = store;
  const texts = new TextIndexCache();
  return {
    async search(params) {
      const query = parseSearchParams(params);
      return searchDatasets(await loadCatalogueEntries(knex, texts), query);
    },
    async searchAll(params = {}) {
      const all: DatasetListItem[] = [];
      const size = SEARCH_LIMITS.maxPageSize;
      for (let page = 1; ; page++) {
        const result = await this.search({ ...params, page: String(page), page_size: String(size) });
        all.push(...result.datasets);
        if (result.datasets.length < size || all.length >= result.total) return all;
      }
    },
    get: (slug) => getDatasetDetail(knex, slug),
    schema: async (slug) => (await requireDataset(knex, slug)).rowSchema,
    organizations: () => listOrganizationViews(knex),
    organization: (slug) => getOrganizationDetail(knex, texts, slug),
    versions: (slug) => listVersionViews(knex, slug),
    version: (slug, number) => getVersionDetail(knex, slug, number),
    resolveVersion: (slug, number) => resolveVersion(knex, slug, number),
    latestVersions: (limit) => listLatestVersions(knex, limit),
  };
}
