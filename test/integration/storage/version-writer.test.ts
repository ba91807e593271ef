import { planVersionColumns, type VersionColumn } from '../../../catalogue/storage/column-types';
import { makeRowDecoder } from '../../../catalogue/storage/row-decoder';
import { createIndexesAfterLoad, dropVersionTable, openVersionWriter } from '../../../catalogue/storage/version-table';
import { createTestStore, storeKindUnderTest, type TestStore } from '../../support/test-store';
import { tableExists } from './load-helpers';

const EVERY_KIND: VersionColumn[] = planVersionColumns([
  { name: 'Identifiant', kind: 'integer' },
  { name: 'Montant (€)', kind: 'number' },
  { name: 'Accessible ?', kind: 'boolean' },
  { name: 'Date de mise en service', kind: 'date' },
  { name: 'Horodatage', kind: 'datetime' },
  { name: 'Heure', kind: 'time' },
  { name: 'Commune', kind: 'string' },
  { name: 'Année', kind: 'year' },
  { name: 'Détails', kind: 'json' },
  { name: '_id', kind: 'string' },
]);

const EVERY_KIND_ROWS: unknown[][] = [
  [9007199254740991, 12.5, true, '2024-02-29', '2024-03-01T10:15:30Z', '08:30', 'Évreux', 2024, { horaires: ['8h', '18h'] }, 'a'],
  [-9007199254740991, -0.001, false, '1999-12-31', '2024-03-01T12:15:30+02:00', '23:59:59', '日本語 🚀 « l’Eure » "dq" \'sq\'', 1900, '[1,2]', ''],
  [0, NaN, null, null, '2024-03-01T10:15:30', null, null, null, null, null],
  [null, -Infinity, null, null, null, null, null, null, null, null],
  [null, null, null, null, null, null, null, null, null, null],
];

const EXPECTED: Array<Record<string, unknown>> = [
  {
    Identifiant: 9007199254740991, 'Montant (€)': 12.5, 'Accessible ?': true, 'Date de mise en service': '2024-02-29',
    Horodatage: '2024-03-01T10:15:30.000Z', Heure: '08:30', Commune: 'Évreux', Année: 2024,
    Détails: '{"horaires":["8h","18h"]}', _id: 'a',
  },
  {
    Identifiant: -9007199254740991, 'Montant (€)': -0.001, 'Accessible ?': false, 'Date de mise en service': '1999-12-31',
    Horodatage: '2024-03-01T10:15:30.000Z', Heure: '23:59:59', Commune: '日本語 🚀 « l’Eure » "dq" \'sq\'', Année: 1900,
    Détails: '[1,2]', _id: '',
  },
  {
    Identifiant: 0, 'Montant (€)': null, 'Accessible ?': null, 'Date de mise en service': null,
    Horodatage: '2024-03-01T10:15:30.000Z', Heure: null, Commune: null, Année: null, Détails: null, _id: null,
  },
  {
    Identifiant: null, 'Montant (€)': -Infinity, 'Accessible ?': null, 'Date de mise en service': null,
    Horodatage: null, Heure: null, Commune: null, Année: null, Détails: null, _id: null,
  },
  {
    Identifiant: null, 'Montant (€)': null, 'Accessible ?': null, 'Date de mise en service': null,
    Horodatage: null, Heure: null, Commune: null, Année: null, Détails: null, _id: null,
  },
];

describe(`version tables (${storeKindUnderTest()})`, () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
  });
  afterAll(() => t.cleanup());

  async function readAll(table: string, columns: VersionColumn[]) {
    const decode = makeRowDecoder(t.store, columns);
    const rows: Array<Record<string, unknown>> = await t.store.knex(table).orderBy('_id');
    return rows.map((row) => ({ id: row._id, record: decode(row) }));
  }

  it('round-trips every column kind, with the same JS values on both stores', async () => {
    const writer = await openVersionWriter(t.store, 'rec_1_1', EVERY_KIND);
    await writer.write(EVERY_KIND_ROWS);
    expect(writer.rowCount).toBe(5);
    await writer.commit();
    const rows = await readAll('rec_1_1', EVERY_KIND);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.record)).toEqual(EXPECTED);
  });

  it('writes 10,000 rows in uneven batches, ids 1..n in file order', async () => {
    const columns = planVersionColumns([
      { name: 'n', kind: 'integer' },
      { name: 'label', kind: 'string' },
      { name: 'flag', kind: 'boolean' },
    ]);
    const all = Array.from({ length: 10_000 }, (_, i) => [i * 3, `ligne ${i}`, i % 3 === 0]);
    const writer = await openVersionWriter(t.store, 'rec_1_2', columns);
    for (const [start, end] of [[0, 1], [1, 2000], [2000, 2049], [2049, 9999], [9999, 10_000]]) await writer.write(all.slice(start, end));
    await writer.commit();
    const rows = await readAll('rec_1_2', columns);
    expect(rows).toHaveLength(10_000);
    expect(rows.map((r) => r.id)).toEqual(all.map((_, i) => i + 1));
    expect(rows.map((r) => r.record)).toEqual(all.map(([n, label, flag]) => ({ n, label, flag })));
  });

  it('leaves no table after a rollback', async () => {
    const writer = await openVersionWriter(t.store, 'rec_1_3', EVERY_KIND);
    await writer.write(EVERY_KIND_ROWS);
    await writer.rollback();
    await writer.rollback();
    expect(await tableExists(t.store, 'rec_1_3')).toBe(false);
  });

  it('leaves no table when a row cannot be written, and refuses further writes', async () => {
    const columns = planVersionColumns([{ name: 'n', kind: 'integer' }]);
    const writer = await openVersionWriter(t.store, 'rec_1_4', columns);
    await writer.write([[1], [2]]);
    // Past 64-bit integers: neither store can take it. PostgreSQL may report it at commit, as rows
    // travel in batches; either way the load fails and the writer is closed.
    const load = async () => {
      await writer.write([[3], [2n ** 70n]]);
      await writer.commit();
    };
    await expect(load()).rejects.toHaveProperty('message');
    await expect(writer.write([[4]])).rejects.toMatchObject({ code: 'conflict' });
    expect(await tableExists(t.store, 'rec_1_4')).toBe(false);
  });

  it('keeps long, accented and colliding property names apart', async () => {
    const prefix = 'Nombre de défibrillateurs accessibles au public en intérieur et extérieur';
    const columns = planVersionColumns([
      { name: `${prefix} (2023)`, kind: 'integer' },
      { name: `${prefix} (2024)`, kind: 'integer' },
      { name: `${prefix.toUpperCase()} – total`, kind: 'integer' },
    ]);
    expect(new Set(columns.map((c) => c.columnName)).size).toBe(3);
    const writer = await openVersionWriter(t.store, 'rec_1_5', columns);
    await writer.write([[1, 2, 3]]);
    await writer.commit();
    expect((await readAll('rec_1_5', columns))[0].record).toEqual({ [`${prefix} (2023)`]: 1, [`${prefix} (2024)`]: 2, [`${prefix.toUpperCase()} – total`]: 3 });
  });

  it('builds key indexes after the load, and drops tables', async () => {
    const columns = planVersionColumns([{ name: 'code', kind: 'string' }, { name: 'annee', kind: 'year' }]);
    const writer = await openVersionWriter(t.store, 'rec_1_6', columns);
    await writer.write([['27229', 2023], ['27681', 2024]]);
    await writer.commit();
    await createIndexesAfterLoad(t.store, 'rec_1_6', [['code'], ['code'], ['annee', 'code'], []]);
    const indexes: string[] =
      t.store.kind === 'sqlite'
        ? (await t.store.knex.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rec_1_6'")).map((r: { name: string }) => r.name)
        : (await t.store.knex.raw("SELECT indexname AS name FROM pg_indexes WHERE tablename = 'rec_1_6'")).rows.map((r: { name: string }) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['rec_1_6_k1', 'rec_1_6_k2']));
    expect(indexes).not.toContain('rec_1_6_k3');
    expect(await t.store.knex('rec_1_6').where({ code: '27681' }).pluck('annee')).toEqual([2024]);
    await dropVersionTable(t.store, 'rec_1_6');
    expect(await tableExists(t.store, 'rec_1_6')).toBe(false);
  });

  it('lets a catalogue transaction and a load overlap without blocking either', async () => {
    const columns = planVersionColumns([{ name: 'n', kind: 'integer' }]);
    const writer = await openVersionWriter(t.store, 'rec_1_8', columns);
    await writer.write([[1]]);
    // A knex transaction that has written and is waiting on something else (an await) …
    const trx = await t.store.knex.transaction();
    await trx('organizations').insert({ slug: 'pendant-le-chargement', title: 'x', created_at: new Date().toISOString() });
    // … while the load goes on: on SQLite the writer waits for the lock without blocking the event loop.
    const writing = writer.write([[2], [3]]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await trx.commit();
    await writing;
    await writer.commit();
    expect(await t.store.knex('rec_1_8').orderBy('_id').pluck('n')).toEqual([1, 2, 3]);
    expect(await t.store.knex('organizations').where({ slug: 'pendant-le-chargement' }).pluck('title')).toEqual(['x']);
  });

  it('refuses table and column names that are not its own', async () => {
    await expect(openVersionWriter(t.store, 'datasets', EVERY_KIND)).rejects.toMatchObject({ code: 'bad-request' });
    await expect(openVersionWriter(t.store, 'rec_1_7', [{ name: 'x', columnName: 'x"; DROP TABLE datasets; --', kind: 'string' }])).rejects.toMatchObject({ code: 'bad-request' });
    await expect(dropVersionTable(t.store, 'organizations')).rejects.toMatchObject({ code: 'bad-request' });
  });
});
