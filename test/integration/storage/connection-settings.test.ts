import { createTestStore, storeKindUnderTest, type TestStore } from '../../support/test-store';

const kind = storeKindUnderTest();
const onSqlite = kind === 'sqlite' ? describe : describe.skip;
const onPostgres = kind === 'postgres' ? describe : describe.skip;

describe(`values read from the catalogue tables (${kind})`, () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
  });
  afterAll(() => t.cleanup());

  it('gives the same JS shapes on both stores: counts as numbers, timestamps as ISO strings', async () => {
    const createdAt = '2024-03-01T10:15:30.123Z';
    await t.store.knex('organizations').insert({ slug: 'cd27', title: 'CD27', created_at: createdAt });
    const row = await t.store.knex('organizations').where({ slug: 'cd27' }).first();
    expect(row.created_at).toBe(createdAt);
    expect(typeof row.id).toBe('number');
    const count = await t.store.knex('organizations').count({ n: '*' }).first();
    expect(count?.n).toBe(1);
  });
});

onSqlite('SQLite connection settings', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
  });
  afterAll(() => t.cleanup());

  async function pragmas() {
    const [journal] = await t.store.knex.raw('PRAGMA journal_mode');
    const [fk] = await t.store.knex.raw('PRAGMA foreign_keys');
    const [busy] = await t.store.knex.raw('PRAGMA busy_timeout');
    return { journal: journal.journal_mode, foreignKeys: fk.foreign_keys, busy: Object.values(busy)[0] };
  }

  it('sets WAL, foreign keys and a busy timeout on every pooled connection, including new ones', async () => {
    const seen = await Promise.all(Array.from({ length: 4 }, pragmas));
    // The pool is torn down and rebuilt: the fresh connection must get the same settings.
    await t.store.knex.destroy();
    t.store.knex.initialize();
    seen.push(await pragmas());
    for (const s of seen) expect(s).toEqual({ journal: 'wal', foreignKeys: 1, busy: 5000 });
  });

  it('enforces foreign keys', async () => {
    await expect(
      t.store.knex('datasets').insert({
        slug: 'orphelin', organization_id: 999, title: 'Orphelin', description: 'x', licence: 'etalab-2.0',
        row_schema: '{}', created_at: 'x', updated_at: 'x',
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/FOREIGN KEY constraint failed/) });
  });
});

onPostgres('PostgreSQL result types', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
  });
  afterAll(() => t.cleanup());

  it('parses int8 and numeric to numbers, date and timestamps to ISO strings', async () => {
    const { rows } = await t.store.knex.raw(
      "SELECT 9007199254740991::int8 AS big, 12.50::numeric AS num, DATE '2024-02-29' AS d, " +
        "TIMESTAMPTZ '2024-03-01 12:15:30+02' AS tz, TIMESTAMP '2024-03-01 10:15:30' AS ts, " +
        "'2024-03-01T10:15:30'::timestamptz AS naive",
    );
    expect(rows[0]).toEqual({
      big: 9007199254740991,
      num: 12.5,
      d: '2024-02-29',
      tz: '2024-03-01T10:15:30.000Z',
      ts: '2024-03-01T10:15:30.000Z',
      naive: '2024-03-01T10:15:30.000Z',
    });
  });
});
