import { CatalogueError } from '../errors';
import type { Report } from '../ingest/report-types';
import { nowIso, toJsonText } from './column-values';
import { insertFields, type VersionField } from './fields-repo';
import { insertProfiles, type StoredColumnProfile } from './profiles-repo';
import type { Db } from './store-types';
import { getVersion, type VersionRecord } from './versions-repo';

export interface PublishDetails {
  report: Report;
  rowCount: number;
  fields: readonly VersionField[];
  profiles: readonly StoredColumnProfile[];
}

/**
 * Makes a fully loaded version the dataset's current one, in ONE short transaction at the end of
 * the load (architecture point 6): the next number (max + 1 among numbered versions, so no gaps),
 * status published, the previous current version superseded, the dataset pointed at this one.
 * Until this commits, readers keep getting the previous version.
 */
export async function publishVersion(db: Db, datasetId: number, versionId: number, details: PublishDetails): Promise<VersionRecord> {
  return db.transaction(async (trx) => {
    const now = nowIso();
    // Writing the dataset row first serialises publishes of one dataset on both stores: it takes
    // the row lock in PostgreSQL and the write lock in SQLite before anything is read, so two
    // publishes cannot both read the same max(number).
    const touched = await trx('datasets').where({ id: datasetId }).update({ updated_at: now });
    if (touched === 0) throw new CatalogueError('not-found', `Jeu de données n° ${datasetId} introuvable.`);

    const version = await trx('versions').where({ id: versionId, dataset_id: datasetId }).first('status');
    if (!version) throw new CatalogueError('not-found', `Version n° ${versionId} introuvable pour ce jeu de données.`);
    if (version.status !== 'loading') {
      throw new CatalogueError('conflict', `La version n° ${versionId} ne peut pas être publiée : elle est « ${version.status} ».`);
    }

    const numbered = await trx('versions')
      .where({ dataset_id: datasetId })
      .whereIn('status', ['published', 'superseded'])
      .max({ last: 'number' })
      .first();
    const number = Number(numbered?.last ?? 0) + 1;

    const dataset = await trx('datasets').where({ id: datasetId }).first('current_version_id');
    if (dataset?.current_version_id != null) {
      await trx('versions').where({ id: dataset.current_version_id }).update({ status: 'superseded' });
    }
    await trx('versions').where({ id: versionId }).update({
      status: 'published',
      number,
      report: toJsonText(details.report),
      dialect: toJsonText(details.report.dialect),
      row_count: details.rowCount,
      published_at: now,
    });
    await insertFields(trx, versionId, details.fields);
    await insertProfiles(trx, versionId, details.profiles);
    await trx('datasets').where({ id: datasetId }).update({ current_version_id: versionId });
    return (await getVersion(trx, versionId))!;
  });
}
