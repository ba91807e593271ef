import type { Db } from './store-types';
import type { VersionStatus } from './versions-repo';

/** The status of a dataset's newest upload, without reading its report (the workspace's list). */
export async function latestUploadStatus(db: Db, datasetId: number): Promise<VersionStatus | null> {
  const row = await db('versions').where({ dataset_id: datasetId }).orderBy('id', 'desc').first('status');
  return (row?.status as VersionStatus | undefined) ?? null;
}
