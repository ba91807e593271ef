import type { Report } from '../../../catalogue/ingest/report-types';
import { planVersionColumns, type VersionColumn } from '../../../catalogue/storage/column-types';
import { createDataset, type DatasetRecord } from '../../../catalogue/storage/datasets-repo';
import type { VersionField } from '../../../catalogue/storage/fields-repo';
import { upsertOrganization } from '../../../catalogue/storage/organizations-repo';
import { publishVersion } from '../../../catalogue/storage/publish-version';
import type { Store } from '../../../catalogue/storage/store-types';
import { openVersionWriter } from '../../../catalogue/storage/version-table';
import { createLoadingVersion, markRejected, type VersionRecord } from '../../../catalogue/storage/versions-repo';

/**
 * Drives the storage layer the way the ingest pipeline does (record the upload, stream rows to a
 * writer, then publish or reject), so the tests exercise the real sequence, not hand-made rows.
 */
export const SAMPLE_COLUMNS: VersionColumn[] = planVersionColumns([
  { name: 'Commune', kind: 'string' },
  { name: 'Population', kind: 'integer' },
]);

export function sampleRows(count: number, offset = 0): unknown[][] {
  return Array.from({ length: count }, (_, i) => [`Commune ${offset + i}`, 1000 + offset + i]);
}

export function sampleReport(rows: number, valid = true): Report {
  return {
    valid,
    source: { name: 'data.csv', bytes: 100 * rows, sha256: 'a'.repeat(64) },
    dialect: { encoding: 'utf-8', bom: false, delimiter: ';', quote: '"', lineTerminator: '\n', decimalSeparator: ',', header: ['Commune', 'Population'] },
    stats: { rows, validRows: valid ? rows : rows - 1, invalidRows: valid ? 0 : 1, errors: valid ? 0 : 1, warnings: 0 },
    errors: valid ? [] : [{ code: 'type-error', row: 2, field: 'Population', value: 'x', message: '« x » n\'est pas un nombre entier', rule: 'type' }],
    warnings: [],
    truncated: false,
  };
}

export function sampleFields(columns: readonly VersionColumn[] = SAMPLE_COLUMNS): VersionField[] {
  return columns.map((c, position) => ({ ...c, position, title: c.name, description: null }));
}

export async function makeDataset(store: Store, slug = 'population-communes'): Promise<DatasetRecord> {
  const organization = await upsertOrganization(store.knex, { slug: 'departement-eure', title: "Département de l'Eure" });
  return createDataset(store.knex, {
    slug,
    organizationId: organization.id,
    title: 'Population des communes',
    description: 'Population légale par commune.',
    licence: 'etalab-2.0',
    rowSchema: { type: 'object', properties: { Commune: { type: 'string' }, Population: { type: 'integer' } } },
  });
}

/** An upload whose rows are fully written but not published (what a crash right after the load leaves). */
export async function loadRows(store: Store, datasetId: number, rows: unknown[][], columns = SAMPLE_COLUMNS): Promise<VersionRecord> {
  const version = await createLoadingVersion(store.knex, { datasetId, sourceName: 'data.csv', bytes: 100, sha256: 'b'.repeat(64) });
  const writer = await openVersionWriter(store, version.tableName!, columns);
  await writer.write(rows);
  await writer.commit();
  return version;
}

export async function publishRows(store: Store, datasetId: number, rows: unknown[][]): Promise<VersionRecord> {
  const version = await loadRows(store, datasetId, rows);
  return publishVersion(store.knex, datasetId, version.id, {
    report: sampleReport(rows.length),
    rowCount: rows.length,
    fields: sampleFields(),
    profiles: [],
  });
}

/** An invalid upload: rows were streaming when validation failed, so the writer rolls back. */
export async function rejectUpload(store: Store, datasetId: number): Promise<VersionRecord> {
  const version = await createLoadingVersion(store.knex, { datasetId, sourceName: 'bad.csv', bytes: 100, sha256: 'c'.repeat(64) });
  const writer = await openVersionWriter(store, version.tableName!, SAMPLE_COLUMNS);
  await writer.write(sampleRows(10));
  await writer.rollback();
  return markRejected(store.knex, version.id, sampleReport(11, false));
}

export async function tableExists(store: Store, table: string): Promise<boolean> {
  return (await store.dialect.listTables(store.knex)).includes(table);
}
