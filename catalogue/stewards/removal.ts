import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../accounts/types';
import type { AuditService } from '../audit/audit-log';
import { dropVersionTable, type Store } from '../storage';
import { deleteDatasetRows, withdrawCurrentVersion } from '../storage/dataset-removal';
import { requireManagedDataset } from './dataset-writes';

/**
 * Unpublishing (the current version is withdrawn: the dataset keeps its page and history but has
 * no data online until a new version is published) and deleting (the dataset, its versions, their
 * tables and original files). Both refuse while a version loads (conflict).
 */
export function createRemoval(store: Store, dataDir: string, audit: AuditService) {
  const { knex } = store;
  return {
    async unpublish(actor: Actor, slug: string): Promise<{ withdrawn: number | null }> {
      const dataset = await requireManagedDataset(knex, actor, slug);
      const version = await withdrawCurrentVersion(knex, dataset.id, slug);
      await audit.record(actor, 'dataset.unpublish', slug, { version: version?.number ?? null });
      return { withdrawn: version?.number ?? null };
    },

    async delete(actor: Actor, slug: string): Promise<void> {
      const dataset = await requireManagedDataset(knex, actor, slug);
      const versions = await deleteDatasetRows(knex, dataset.id, slug);
      // The rows are gone: tables and files left behind by a failure here are cleaned at start-up
      // (tables) or harmless (files), never served.
      for (const v of versions) if (v.tableName) await dropVersionTable(store, v.tableName).catch(() => undefined);
      fs.rmSync(path.join(dataDir, 'sources', slug), { recursive: true, force: true });
      await audit.record(actor, 'dataset.delete', slug, { title: dataset.title, versions: versions.filter((v) => v.number !== null).length });
    },
  };
}
