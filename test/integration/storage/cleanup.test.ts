import { cleanupLeftovers, INTERRUPTED_NOTE } from '../../../catalogue/storage/cleanup';
import { planVersionColumns } from '../../../catalogue/storage/column-types';
import { openVersionWriter } from '../../../catalogue/storage/version-table';
import { getVersion, markRejected } from '../../../catalogue/storage/versions-repo';
import { createTestStore, storeKindUnderTest, type TestStore } from '../../support/test-store';
import { loadRows, makeDataset, publishRows, sampleReport, sampleRows, tableExists } from './load-helpers';

describe(`cleanupLeftovers (${storeKindUnderTest()})`, () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
  });
  afterAll(() => t.cleanup());

  it('rejects interrupted loads and drops every table no published or superseded version uses', async () => {
    const dataset = await makeDataset(t.store);
    const v1 = await publishRows(t.store, dataset.id, sampleRows(2));
    const v2 = await publishRows(t.store, dataset.id, sampleRows(3));
    const rejectedWithTable = await loadRows(t.store, dataset.id, sampleRows(5));
    await markRejected(t.store.knex, rejectedWithTable.id, sampleReport(5, false));
    const interrupted = await loadRows(t.store, dataset.id, sampleRows(4));
    const stray = await openVersionWriter(t.store, 'rec_999_999', planVersionColumns([{ name: 'x', kind: 'string' }]));
    await stray.write([['x']]);
    await stray.commit();
    await t.store.knex.schema.createTable('rec_notes', (table) => table.string('x'));

    const summary = await cleanupLeftovers(t.store);

    expect(summary.rejectedVersionIds).toEqual([interrupted.id]);
    expect(summary.droppedTables).toEqual([interrupted.tableName, rejectedWithTable.tableName, 'rec_999_999'].sort());
    expect(await getVersion(t.store.knex, interrupted.id)).toMatchObject({ status: 'rejected', note: INTERRUPTED_NOTE, number: null });
    for (const table of summary.droppedTables) expect(await tableExists(t.store, table)).toBe(false);
    expect(await tableExists(t.store, v1.tableName!)).toBe(true);
    expect(await tableExists(t.store, v2.tableName!)).toBe(true);
    expect(await tableExists(t.store, 'rec_notes')).toBe(true);
    expect((await getVersion(t.store.knex, v2.id))?.status).toBe('published');

    expect(await cleanupLeftovers(t.store)).toEqual({ rejectedVersionIds: [], droppedTables: [] });
  });
});
