import type { Store } from './storage';

/**
 * The catalogue side of the API (contract section 6, "Catalogue"): dataset search with facets,
 * one dataset with its fields, current version and column profiles, its row schema, organizations.
 */
export type CatalogueParams = Record<string, string | string[] | undefined>;

export interface DatasetsService {
  search(params: CatalogueParams): Promise<unknown>;
  get(slug: string): Promise<unknown>;
  schema(slug: string): Promise<unknown>;
  organizations(): Promise<unknown>;
  organization(slug: string): Promise<unknown>;
}

export function createDatasetsService(store: Store): DatasetsService {
  void store;
  const pending = () => Promise.reject(new Error('datasets service: to be built (query issue)'));
  return { search: pending, get: pending, schema: pending, organizations: pending, organization: pending };
}
