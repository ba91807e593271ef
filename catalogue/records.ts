import { CatalogueError } from './errors';
import { DEFAULT_BUDGET_MS } from './query/budget';
import { cursorVersion, parseRecordsParams } from './query/parse-params';
import { openStatementRunner, type RunnerOptions } from './query/read-pool/open-runner';
import { getRecord } from './query/record-id';
import { runRecordsQuery } from './query/run-query';
import { streamRecords } from './query/stream-records';
import { createTargetResolver } from './query/version-target';
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
  /**
   * Where each record's WGS84 coordinates are, for GeoJSON: the schema's latitude/longitude
   * fields (EPSG:4326), its geometry field (WKT or GeoJSON), or, for Lambert-93 schemas, the keys
   * `_lat`/`_lon` that are then added to every streamed record; null without coordinates.
   */
  geo: { latitude: string; longitude: string } | { geometry: string } | null;
  rows: AsyncIterable<Record<string, unknown>>;
}

/** `version`: a published or superseded version number; `timeoutMs`: the query's time budget (default 10 s). */
export interface RecordsOptions {
  version?: number;
  timeoutMs?: number;
}

export interface RecordsService {
  /** `version`: an older published/superseded version (`/versions/{n}/records`); default: current. A `_next` cursor keeps reading the version it was made on. */
  query(slug: string, params: QueryParams, options?: RecordsOptions): Promise<RecordsPage>;
  /**
   * One record by primary key (or row number when the schema has none); not-found otherwise.
   * A composite key is its values in `x-primaryKey` order joined by `,` (e.g. `27229,2024`).
   */
  get(slug: string, id: string, options?: RecordsOptions): Promise<Record<string, unknown>>;
  /** All matching records (same filters, _select, _sort; no row cap), streamed with back-pressure. */
  stream(slug: string, params: QueryParams, options?: RecordsOptions): Promise<RecordsStream>;
  /** Stops the reader threads (SQLite); the store stays open. The service must not be used afterwards. */
  close(): Promise<void>;
}

/** `readWorkers`: reader threads for a SQLite store (default 2; 0 reads in the main thread). */
export type RecordsServiceOptions = RunnerOptions;

/**
 * Metadata (dataset, version, fields) is read on the store's connection; the records statements
 * run on the runner: the read pool's threads on SQLite (catalogue/query/read-pool), the store's
 * pool on PostgreSQL.
 */
export function createRecordsService(store: Store, options: RecordsServiceOptions = {}): RecordsService {
  const targets = createTargetResolver(store);
  const runner = openStatementRunner(store, options);
  const budget = (options: RecordsOptions) => options.timeoutMs ?? DEFAULT_BUDGET_MS;

  return {
    async query(slug, params, options = {}) {
      const pinned = cursorVersion(params);
      if (pinned !== undefined && options.version !== undefined && pinned !== options.version) {
        throw new CatalogueError('bad-request', 'Paramètres invalides', [
          { path: '_next', message: `_next : ce curseur a été fait sur la version ${pinned}, pas sur la version ${options.version}` },
        ]);
      }
      const target = await targets.resolve(slug, { version: pinned ?? options.version, pinned: pinned !== undefined });
      const query = parseRecordsParams(params, target.fields, { features: target.table.features });
      return runRecordsQuery(runner, target, query, budget(options)).catch((error) => {
        if ((error as CatalogueError).code === 'gone') targets.forget(target);
        throw error;
      });
    },

    async get(slug, id, options = {}) {
      const target = await targets.resolve(slug, { version: options.version });
      return getRecord(runner, target, id, budget(options));
    },

    async stream(slug, params, options = {}) {
      const target = await targets.resolve(slug, { version: options.version });
      // Exports read everything: paging and shaping parameters of the records page do not apply.
      const query = parseRecordsParams(params, target.fields, { features: target.table.features });
      return streamRecords(runner, target, query, { budgetMs: budget(options) });
    },

    close: () => runner.close(),
  };
}
