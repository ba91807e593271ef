import type { WhereNode } from './where/ast';

/**
 * A records query is a value (architecture point 1): what the API's query string asks for, parsed
 * and checked against the dataset's fields, before any SQL. One function compiles it to a knex
 * builder on either store.
 */
export type FilterOp =
  | 'exact' | 'not' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'notin'
  | 'contains' | 'startswith' | 'endswith' | 'isnull';

export interface Filter {
  field: string;
  op: FilterOp;
  /** Converted to the column's type: a single value, a list for in/notin, a boolean for isnull. */
  value: unknown;
}

export interface SortKey {
  field: string;
  desc: boolean;
}

export type AggregateFn = 'count' | 'sum' | 'avg' | 'min' | 'max';

export interface Aggregate {
  fn: AggregateFn;
  /** Absent for count. */
  field?: string;
  /** Result key: `count`, `sum_montant`… */
  key: string;
}

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export interface RecordsQuery {
  filters: Filter[];
  where?: WhereNode;
  /** `_q`: every word must match, `word*` matches a prefix; accents and case folded. */
  search?: string;
  bbox?: Bbox;
  select?: string[];
  sort: SortKey[];
  groupBy?: string[];
  aggregates?: Aggregate[];
  facets: string[];
  facetSize: number;
  size: number;
  offset?: number;
  /** Decoded `_next` cursor: the version it was made on and the last row's sort values and id. */
  after?: { version: number; values: unknown[]; id: number };
  /** false: `_count=false`, skip the total. */
  count: boolean;
}

export const QUERY_LIMITS = {
  defaultSize: 20,
  maxSize: 1000,
  maxOffset: 10_000,
  defaultFacetSize: 10,
  maxFacetSize: 100,
} as const;
