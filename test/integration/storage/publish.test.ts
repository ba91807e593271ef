import { isUniqueViolation } from '../../../catalogue/storage/dialects/unique-violation';
import { getDatasetById } from '../../../catalogue/storage/datasets-repo';
import { listFields } from '../../../catalogue/storage/fields-repo';
import { listProfiles } from '../../../catalogue/storage/profiles-repo';
import { publishVersion } from '../../../catalogue/storage/publish-version';
import { getCurrentVersion, getVersionByNumber, listVersions, markRejected } from '../../../catalogue/storage/versions-repo';
import { createTestStore, storeKindUnderTest, type TestStore } from '../../support/test-store';
import { loadRows, makeDataset, publishRows, rejectUpload, sampleFields, sampleReport, sampleRows, tableExists } from './load-helpers';

describe(`publishing versions (${storeKindUnderTest()})`, () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore();
  });
  afterEach(() => t.cleanup());

  it('numbers published versions 1, 2, 3; rejected uploads in between take no number', async () => {
    const dataset = await makeDataset(t.store);
    const v1 = await publishRows(t.store, dataset.id, sampleRows(3));
    const r1 = await rejectUpload(t.store, dataset.id);
    const v2 = await publishRows(t.store, dataset.id, sampleRows(4));
    const r2 = await rejectUpload(t.store, dataset.id);
    const r3 = await rejectUpload(t.store, dataset.id);
    const v3 = await publishRows(t.store, dataset.id, sampleRows(5));

    expect([v1.number, v2.number, v3.number]).toEqual([1, 2, 3]);
    const all = await listVersions(t.store.knex, dataset.id);
    expect(all.map((v) => [v.id, v.status, v.number])).toEqual([
      [v3.id, 'published', 3],
      [r3.id, 'rejected', null],
      [r2.id, 'rejected', null],
      [v2.id, 'superseded', 2],
      [r1.id, 'rejected', null],
      [v1.id, 'superseded', 1],
    ]);
    expect(r1.report?.valid).toBe(false);
    expect(r1.rowCount).toBe(11);
    expect((await getDatasetById(t.store.knex, dataset.id))?.currentVersionId).toBe(v3.id);
    expect((await getVersionByNumber(t.store.knex, dataset.id, 2))?.id).toBe(v2.id);
    expect(await listVersions(t.store.knex, dataset.id, ['rejected'])).toHaveLength(3);
    // Older versions stay queryable; rejected uploads left no table.
    expect(await t.store.knex(v1.tableName!).count({ n: '*' }).first()).toEqual({ n: 3 });
    expect(await tableExists(t.store, r1.tableName!)).toBe(false);
  });

  it('keeps the previous version current after a rejected or interrupted load', async () => {
    const dataset = await makeDataset(t.store);
    const v1 = await publishRows(t.store, dataset.id, sampleRows(3));
    await rejectUpload(t.store, dataset.id);
    await loadRows(t.store, dataset.id, sampleRows(50)); // loaded, never published: a crash
    const current = await getCurrentVersion(t.store.knex, dataset.id);
    expect(current).toMatchObject({ id: v1.id, number: 1, status: 'published', rowCount: 3 });
    expect(await t.store.knex(current!.tableName!).pluck('commune')).toEqual(['Commune 0', 'Commune 1', 'Commune 2']);
  });

  it('stores the report, fields and profiles with the published version', async () => {
    const dataset = await makeDataset(t.store);
    const loaded = await loadRows(t.store, dataset.id, sampleRows(2));
    const published = await publishVersion(t.store.knex, dataset.id, loaded.id, {
      report: sampleReport(2),
      rowCount: 2,
      fields: sampleFields(),
      profiles: [
        { field: 'Commune', nulls: 0, distinct: 2, min: 'Commune 0', max: 'Commune 1', top: [{ value: 'Commune 0', count: 1 }] },
        { field: 'Population', nulls: 1, distinct: 1, distinctApproximate: true, min: 1000, max: 1000, top: [], topApproximate: true },
      ],
    });
    expect(published).toMatchObject({ number: 1, status: 'published', rowCount: 2, report: sampleReport(2), dialect: sampleReport(2).dialect });
    expect(published.publishedAt).toMatch(/Z$/);
    expect(await listFields(t.store.knex, loaded.id)).toEqual(sampleFields());
    expect(await listProfiles(t.store.knex, loaded.id)).toEqual([
      { field: 'Commune', nulls: 0, distinct: 2, distinctApproximate: false, min: 'Commune 0', max: 'Commune 1', top: [{ value: 'Commune 0', count: 1 }], topApproximate: false },
      { field: 'Population', nulls: 1, distinct: 1, distinctApproximate: true, min: 1000, max: 1000, top: [], topApproximate: true },
    ]);
  });

  it('refuses to publish or reject a version twice, or another dataset\'s version', async () => {
    const dataset = await makeDataset(t.store);
    const other = await makeDataset(t.store, 'autre-jeu');
    const v1 = await publishRows(t.store, dataset.id, sampleRows(1));
    const details = { report: sampleReport(1), rowCount: 1, fields: sampleFields(), profiles: [] };
    await expect(publishVersion(t.store.knex, dataset.id, v1.id, details)).rejects.toMatchObject({ code: 'conflict' });
    await expect(publishVersion(t.store.knex, other.id, v1.id, details)).rejects.toMatchObject({ code: 'not-found' });
    await expect(markRejected(t.store.knex, v1.id, sampleReport(1, false))).rejects.toMatchObject({ code: 'conflict' });
    const rejected = await rejectUpload(t.store, dataset.id);
    await expect(publishVersion(t.store.knex, dataset.id, rejected.id, details)).rejects.toMatchObject({ code: 'conflict' });
    expect((await getCurrentVersion(t.store.knex, dataset.id))?.id).toBe(v1.id);
  });

  it('refuses a second load of a dataset while one is loading (one loading version per dataset)', async () => {
    const dataset = await makeDataset(t.store, 'un-seul-chargement');
    const loading = await loadRows(t.store, dataset.id, sampleRows(3));
    const refused = await loadRows(t.store, dataset.id, sampleRows(3)).then(() => null, (error: unknown) => error);
    expect(isUniqueViolation(refused)).toBe(true);
    await publishVersion(t.store.knex, dataset.id, loading.id, { report: sampleReport(3), rowCount: 3, fields: sampleFields(), profiles: [] });
    const next = await publishRows(t.store, dataset.id, sampleRows(4));
    expect(next.number).toBe(2);
  });

  it('keeps numbers unique and gapless when publishes of several datasets overlap', async () => {
    const datasets = await Promise.all(Array.from({ length: 4 }, (_, i) => makeDataset(t.store, `jeu-${i}`)));
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        ...datasets.map((d, i) => publishRows(t.store, d.id, sampleRows(200 + i + round))),
      ]);
    }
    for (const d of datasets) {
      const versions = await listVersions(t.store.knex, d.id, ['published', 'superseded']);
      expect(versions.map((v) => v.number).sort((a, b) => a! - b!)).toEqual([1, 2, 3]);
      expect(versions.filter((v) => v.status === 'published')).toHaveLength(1);
      const current = await getCurrentVersion(t.store.knex, d.id);
      expect(current?.number).toBe(3);
      expect(await t.store.knex(current!.tableName!).count({ n: '*' }).first()).toEqual({ n: current!.rowCount });
    }
  });
});
