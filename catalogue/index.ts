import { removeInterruptedCopies } from './interrupted-copies';
import { createAccountsService, type AccountsService } from './accounts/accounts-service';
import { createSessionsService, type SessionsService } from './accounts/sessions';
import { createAuditLog, type AuditService } from './audit/audit-log';
import type { Config } from './config';
import { createDiffService, type DiffService } from './diff/diff-service';
import { createDatasetsService, type DatasetsService } from './datasets-service';
import { createRecordsService, type RecordsService } from './records';
import { loadDatasetFolders, type LoadOptions, type LoadResult } from './load-datasets';
import { interruptPublishes, publishFile, type PublishOptions, type PublishResult } from './publish';
import { createStewardsService, type StewardsService } from './stewards/stewards-service';
import {
  cleanupLeftovers, getCurrentVersion, listDatasets, listOrganizations, openStore, type Store,
} from './storage';

/**
 * The one entry server/ and the CLI use (architecture: `openCatalogue(config)`). It opens the
 * store (migrations run), cleans what a crash may have left, and exposes the catalogue's use cases.
 */
export interface DatasetSummary {
  slug: string;
  title: string;
  description: string;
  organization: { slug: string; title: string };
  licence: string;
  themes: string[];
  keywords: string[];
  updatedAt: string;
  recordCount: number;
  version: number | null;
}

export interface StoreHealth {
  ok: boolean;
  kind: string;
  error?: string;
}

export interface Catalogue {
  readonly store: Store;
  readonly config: Config;
  /** Catalogue search, one dataset, its schema, organizations (datasets-service.ts). */
  readonly datasets: DatasetsService;
  /** Records of a dataset version: query, one record, streamed exports (records.ts). */
  readonly records: RecordsService;
  /** Accounts, organisations, logins and API tokens (accounts/accounts-service.ts). */
  readonly accounts: AccountsService;
  /** Server-side sessions of the stewards' workspace, in the store (accounts/sessions.ts). */
  readonly sessions: SessionsService;
  /** Stewards' use cases: datasets, uploads and reports, unpublish, delete (stewards/stewards-service.ts). */
  readonly stewards: StewardsService;
  /** Row-level diff between two versions by primary key (diff/diff-service.ts). */
  readonly diff: DiffService;
  /** Who did what, when, from where (audit/audit-log.ts). */
  readonly audit: AuditService;
  health(): Promise<StoreHealth>;
  listDatasets(): Promise<DatasetSummary[]>;
  publish(slug: string, file: string, options?: PublishOptions): Promise<PublishResult>;
  loadDatasets(dir: string, options?: LoadOptions): Promise<LoadResult[]>;
  /** Rolls back every publish running in this process (shutdown); resolves once they have; how many there were. */
  interruptPublishes(): Promise<number>;
  /** Interrupts running publishes, then closes the store. */
  close(): Promise<void>;
}

export type { PublishResult, PublishOptions } from './publish';
export type { LoadResult, LoadOptions } from './load-datasets';

export async function openCatalogue(config: Config): Promise<Catalogue> {
  const store = await openStore(config.databaseUrl);
  await cleanupLeftovers(store);
  removeInterruptedCopies(config.dataDir);
  const { knex } = store;
  const datasets = createDatasetsService(store);
  const audit = createAuditLog(store);
  const records = createRecordsService(store);
  return {
    store,
    config,
    datasets,
    records,
    accounts: createAccountsService(store, audit),
    sessions: createSessionsService(knex),
    stewards: createStewardsService(store, config.dataDir, audit, datasets),
    diff: createDiffService(store),
    audit,
    async health() {
      try {
        await knex.raw('select 1');
        return { ok: true, kind: store.kind };
      } catch (error) {
        return { ok: false, kind: store.kind, error: 'le stockage ne répond pas' };
      }
    },
    async listDatasets() {
      const organizations = new Map((await listOrganizations(knex)).map((o) => [o.id, o]));
      const datasets = await listDatasets(knex);
      return Promise.all(datasets.map(async (d): Promise<DatasetSummary> => {
        const version = await getCurrentVersion(knex, d.id);
        const org = organizations.get(d.organizationId);
        return {
          slug: d.slug, title: d.title, description: d.description,
          organization: { slug: org?.slug ?? '', title: org?.title ?? '' },
          licence: d.licence, themes: d.themes, keywords: d.keywords, updatedAt: d.updatedAt,
          recordCount: version?.rowCount ?? 0, version: version?.number ?? null,
        };
      }));
    },
    publish: (slug, file, options) => publishFile(store, config.dataDir, slug, file, options),
    loadDatasets: (dir, options) => loadDatasetFolders(store, config.dataDir, dir, options),
    interruptPublishes: () => interruptPublishes(store),
    async close() {
      await interruptPublishes(store);
      await records.close();
      await store.close();
    },
  };
}
