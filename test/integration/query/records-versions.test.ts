import fs from 'node:fs';
import { dropSearchAndGeoIndexes, dropVersionTable, getDatasetBySlug, getVersionByNumber } from '../../../catalogue/storage';
import { createTestCatalogue, type TestCatalogue } from '../../support/test-catalogue';
import { generateRows, VARIANTS, writeDataFile, writeDatasetFolders } from './eure-dataset';
import { comparator, fetchAll, idsOf } from './expected';

/**
 * One record by id, versions (a cursor keeps reading the version it was made on, 410 once that
 * version's table is gone) and not-found cases. The time budget: time-budget.test.ts.
 */
const rows = generateRows(600);
let t: TestCatalogue;
let folder: string;

beforeAll(async () => {
  t = await createTestCatalogue();
  folder = writeDatasetFolders(rows);
  expect((await t.catalogue.loadDatasets(folder)).map((r) => r.status)).toEqual(['published', 'published', 'published']);
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(folder, { recursive: true, force: true });
});

const strip = ({ n, ...fields }: (typeof rows)[number]) => (void n, fields);

describe('get', () => {
  it('by primary key', async () => {
    expect(await t.catalogue.records.get('subventions', rows[41].id)).toEqual(strip(rows[41]));
  });

  it('by a composite key: values joined by commas in x-primaryKey order', async () => {
    const row = rows[7];
    const record = await t.catalogue.records.get('subventions-wkt', `${row.code_insee},${row.id}`);
    expect(record).toMatchObject({ id: row.id, code_insee: row.code_insee });
    await expect(t.catalogue.records.get('subventions-wkt', row.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('by row number when the schema has no primary key', async () => {
    expect(await t.catalogue.records.get('subventions-l93', '42')).toMatchObject({ id: rows[41].id });
    for (const id of ['0', '601', 'x', '1.5', "1' OR '1'='1"]) {
      await expect(t.catalogue.records.get('subventions-l93', id)).rejects.toMatchObject({ code: 'not-found' });
    }
  });

  it('unknown dataset, record or version', async () => {
    await expect(t.catalogue.records.get('inconnu', '1')).rejects.toMatchObject({ code: 'not-found' });
    await expect(t.catalogue.records.get('subventions', 'SUB-99999')).rejects.toMatchObject({ code: 'not-found' });
    await expect(t.catalogue.records.query('subventions', {}, { version: 7 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(t.catalogue.records.query('inconnu', {})).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('versions and cursors', () => {
  it('a cursor keeps reading its version after a new one is published; 410 once that table is gone', async () => {
    const sort = comparator([['montant', 'desc']]);
    const page1 = await t.catalogue.records.query('subventions', { _sort: '-montant', _size: '100', _select: 'id' });
    expect(page1.version).toBe(1);

    // Version 2: fewer rows, other amounts.
    const v2rows = rows.slice(0, 250).map((r) => ({ ...r, montant: r.montant === null ? 1 : r.montant + 1 }));
    const published = await t.catalogue.publish('subventions', writeDataFile(folder, VARIANTS[0], v2rows));
    expect(published.status).toBe('published');
    const current = await t.catalogue.records.query('subventions', { _size: '1' });
    expect(current).toMatchObject({ version: 2, total_count: 250 });

    const rest = await fetchAll(t.catalogue.records, 'subventions', { _sort: '-montant', _size: '100', _select: 'id', _next: page1.next! });
    expect(rest.version).toBe(1);
    expect([...idsOf(page1.records), ...idsOf(rest.records)]).toEqual(idsOf([...rows].sort(sort)));

    // An older version on request, the same as the cursor reads.
    const old = await t.catalogue.records.query('subventions', { _size: '0' }, { version: 1 });
    expect(old).toMatchObject({ version: 1, total_count: rows.length });

    const dataset = await getDatasetBySlug(t.catalogue.store.knex, 'subventions');
    const v1 = await getVersionByNumber(t.catalogue.store.knex, dataset!.id, 1);
    await dropVersionTable(t.catalogue.store, v1!.tableName!);
    await dropSearchAndGeoIndexes(t.catalogue.store, v1!.tableName!);
    await expect(t.catalogue.records.query('subventions', { _sort: '-montant', _size: '100', _next: page1.next! })).rejects.toMatchObject({ code: 'gone' });
    await expect(t.catalogue.records.query('subventions', {}, { version: 1 })).rejects.toMatchObject({ code: 'gone' });
    // The current version is untouched.
    expect((await t.catalogue.records.query('subventions', { _size: '0' })).total_count).toBe(250);
  });

  it('what a dropped version table leaves beside it is swept at the next publication', async () => {
    const { store } = t.catalogue;
    const dataset = await getDatasetBySlug(store.knex, 'subventions-wkt');
    const v1 = (await getVersionByNumber(store.knex, dataset!.id, 1))!.tableName!;
    const leftovers = async () => (await store.dialect.listTables(store.knex)).filter((name) => name.startsWith(`${v1}_`));
    await dropVersionTable(store, v1);
    expect((await t.catalogue.publish('subventions-wkt', writeDataFile(folder, VARIANTS[2], rows.slice(0, 10)))).status).toBe('published');
    expect(await leftovers()).toEqual([]);
  });

  it('a cursor for version N used on /versions/M is refused', async () => {
    const page = await t.catalogue.records.query('subventions-l93', { _size: '10' });
    await expect(t.catalogue.records.query('subventions-l93', { _next: page.next! }, { version: 2 })).rejects.toMatchObject({ code: 'bad-request' });
  });
});
