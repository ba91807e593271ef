import type { DatasetContact, DatasetSpatial, DatasetTemporal } from '../storage';

export type { DatasetContact, DatasetSpatial, DatasetTemporal };

/**
 * What the catalogue side of the API returns (contract section 6, "Catalogue"): plain JSON values
 * in the API's snake_case. Links are paths relative to the site root; the HTTP layer makes them
 * absolute (BASE_URL or the request's host), since catalogue/ knows nothing of hosts.
 */
export interface FacetValue {
  value: string;
  count: number;
  /** A human label where the value is an identifier (organization title, licence name). */
  label?: string;
}

export interface CatalogueFacets {
  theme: FacetValue[];
  organization: FacetValue[];
  keyword: FacetValue[];
  licence: FacetValue[];
}

export interface OrganizationRef {
  slug: string;
  title: string;
}

export interface DatasetListItem {
  slug: string;
  title: string;
  description: string;
  organization: OrganizationRef;
  themes: string[];
  keywords: string[];
  licence: string;
  updated_at: string;
  /** Rows of the current version; 0 while nothing is published. */
  record_count: number;
  /** Number of the current version, null while nothing is published. */
  version: number | null;
  /** The row schema declares where records are (x-geo: coordinates, geometry or commune code). */
  geo: boolean;
  links: { html: string; api: string; records: string };
}

export interface SearchResult {
  total: number;
  page: number;
  page_size: number;
  facets: CatalogueFacets;
  datasets: DatasetListItem[];
}

export interface FieldDescription {
  name: string;
  type: string;
  title: string | null;
  description: string | null;
}

/** A column profile computed during the load (never a table scan at read time). */
export interface ColumnProfileView {
  nulls: number;
  distinct: number;
  distinct_approximate: boolean;
  min: string | number | null;
  max: string | number | null;
  top: Array<{ value: string; count: number }>;
  top_approximate: boolean;
}

export interface DatasetDetail extends Omit<DatasetListItem, 'links'> {
  licence_title: string;
  frequency: string | null;
  spatial: DatasetSpatial | null;
  temporal: DatasetTemporal | null;
  contact: DatasetContact | null;
  demo: boolean;
  created_at: string;
  published_at: string | null;
  primary_key: string[];
  fields: FieldDescription[];
  /** Keyed by field name, in field order. */
  profile: Record<string, ColumnProfileView>;
  links: {
    html: string;
    api: string;
    schema: string;
    records: string;
    versions: string;
    openapi: string;
    exports: Record<string, string>;
  };
}

export interface OrganizationView {
  slug: string;
  title: string;
  description: string | null;
  url: string | null;
  dataset_count: number;
  links: { html: string; api: string };
}

export interface OrganizationsList {
  organizations: OrganizationView[];
}

export interface OrganizationDetail extends OrganizationView {
  datasets: DatasetListItem[];
}

/** A published (or superseded) version, as the dataset's history lists it. */
export interface VersionView {
  number: number;
  status: 'published' | 'superseded';
  created_at: string;
  published_at: string | null;
  author: string | null;
  rows: number | null;
  bytes: number;
  sha256: string;
  /** Null for versions stored before SHA-1 was kept. */
  sha1: string | null;
  source_name: string;
  links: { api: string; records: string };
}

export interface VersionsList {
  dataset: string;
  versions: VersionView[];
}

export interface VersionDetail extends VersionView {
  dataset: string;
  stats: unknown;
  report: unknown;
}

/**
 * Which version of a dataset a request reads, resolved before any query so that the HTTP layer
 * can answer `If-None-Match` without running it, and pin the query to that very version.
 */
export interface VersionRef {
  dataset: string;
  version: number;
  /** Moves with any metadata change (title, schema…), not only with a new version. */
  updated_at: string;
}
