import type { Store } from './storage';

/**
 * Records of a dataset version: the query engine's use cases (contract section 6, records and
 * exports). Parameters arrive as the raw query string; they are parsed and checked against the
 * dataset's fields into a RecordsQuery (catalogue/query), compiled to SQL with bound values.
 */
export type QueryParams = Record<string, string | string[] | undefined>;

export interface FieldInfo {
  name: string;
  type: string;
  title: string | null;
  description: string | null;
}

export interface RecordsPage {
  dataset: string;
  version: number;
  total_count: number | null;
  fields: FieldInfo[];
  records: Array<Record<string, unknown>>;
  /** Opaque `_next` cursor token for the following page (the HTTP layer makes it an absolute URL), or null. */
  next: string | null;
  facets?: Record<string, Array<{ value: unknown; count: number }>>;
  groups?: Array<Record<string, unknown>>;
}

export interface RecordsStream {
  dataset: string;
  version: number;
  fields: FieldInfo[];
  /** Latitude/longitude of each record for GeoJSON, when the dataset has coordinates. */
  geo: { latitude: string; longitude: string } | { geometry: string } | null;
  rows: AsyncIterable<Record<string, unknown>>;
}

export interface RecordsService {
  /** `version`: an older published/superseded version (`/versions/{n}/records`); default: current. */
  query(slug: string, params: QueryParams, options?: { version?: number }): Promise<RecordsPage>;
  /** One record by primary key (or row number when the schema has none); not-found otherwise. */
  get(slug: string, id: string, options?: { version?: number }): Promise<Record<string, unknown>>;
  /** All matching records (same filters, _select, _sort; no row cap), streamed with back-pressure. */
  stream(slug: string, params: QueryParams, options?: { version?: number }): Promise<RecordsStream>;
}

export function createRecordsService(store: Store): RecordsService {
  void store;
  const pending = () => Promise.reject(new Error('records service: to be built (query issue)'));
  return { query: pending, get: pending, stream: pending };
}
