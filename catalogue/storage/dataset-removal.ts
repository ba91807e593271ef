import { CatalogueError } from '../errors';
import { nowIso } from './column-values';
import type { Db } from './store-types';
import type { VersionRecord } from './versions-repo';
import { toVersionRecord } from './versions-repo';

/**
 * Withdrawing a dataset's data and deleting a dataset. Both refuse while a version loads (the
 * load would publish behind the steward's back), and both are one transaction on the catalogue
 * tables; version tables and stored files go afterwards (dropped by the caller, or at start-up by
 * cleanupLeftovers, since no version points at them any more).
 */
async function refuseWhileLoading(db: Db, datasetId: number, slug: string): Promise<void> {
  const loading = await db('versions').where({ dataset_id: datasetId, status: 'loading' }).first('id');
  if (loading) throw new CatalogueError('conflict', `Une publication est en cours pour « ${slug} » : réessayez quand elle sera terminée.`);
}

/** The current version becomes superseded and the dataset has no current version; history is kept. */
export async function withdrawCurrentVersion(db: Db, datasetId: number, slug: string): Promise<VersionRecord | null> {
  return db.transaction(async (trx) => {
    await trx('datasets').where({ id: datasetId }).update({ updated_at: nowIso() });
    await refuseWhileLoading(trx, datasetId, slug);
    const dataset = await trx('datasets').where({ id: datasetId }).first('current_version_id');
    if (dataset?.current_version_id == null) return null;
    await trx('datasets').where({ id: datasetId }).update({ current_version_id: null });
    await trx('versions').where({ id: dataset.current_version_id }).update({ status: 'superseded' });
    return toVersionRecord(await trx('versions').where({ id: dataset.current_version_id }).first());
  });
}

/** Deletes the dataset and its versions' rows; returns the versions as they were (tables, files). */
export async function deleteDatasetRows(db: Db, datasetId: number, slug: string): Promise<VersionRecord[]> {
  return db.transaction(async (trx) => {
    // Writing the row first takes the lock that publishVersion takes: no publish slips in between.
    await trx('datasets').where({ id: datasetId }).update({ updated_at: nowIso(), current_version_id: null });
    await refuseWhileLoading(trx, datasetId, slug);
    const versions = (await trx('versions').where({ dataset_id: datasetId })).map(toVersionRecord);
    const ids = versions.map((v) => v.id);
    if (ids.length) {
      await trx('column_profiles').whereIn('version_id', ids).delete();
      await trx('fields').whereIn('version_id', ids).delete();
      await trx('versions').whereIn('id', ids).delete();
    }
    await trx('datasets').where({ id: datasetId }).delete();
    return versions;
  });
}
