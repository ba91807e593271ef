import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogueError } from '../../../catalogue/errors';
import { openStore } from '../../../catalogue/storage/connection';
import { MIGRATIONS_TABLE, migrateToLatest, migrationSource } from '../../../catalogue/storage/migrations';
import { createTestStore, storeKindUnderTest, type TestStore } from '../../support/test-store';

describe(`migrations (${storeKindUnderTest()})`, () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
  });
  afterAll(() => t.cleanup());

  it('creates the catalogue tables', async () => {
    const tables = await t.store.dialect.listTables(t.store.knex);
    expect(tables).toEqual(expect.arrayContaining(['organizations', 'datasets', 'versions', 'fields', 'column_profiles']));
    expect(await t.store.knex('datasets').columnInfo()).toHaveProperty('current_version_id');
  });

  it('is idempotent: opening the same store again applies nothing and keeps the data', async () => {
    await t.store.knex('organizations').insert({ slug: 'ville-evreux', title: 'Évreux', created_at: new Date().toISOString() });
    const again = await openStore(t.url);
    try {
      const declared = (await migrationSource.getMigrations([])).length;
      const applied = await again.knex(MIGRATIONS_TABLE).count({ n: '*' }).first();
      expect(applied?.n).toBe(declared);
      expect(await again.knex('organizations').pluck('slug')).toEqual(['ville-evreux']);
      await migrateToLatest(again.knex);
      expect((await again.knex(MIGRATIONS_TABLE).count({ n: '*' }).first())?.n).toBe(declared);
    } finally {
      await again.close();
    }
  });
});

describe('openStore', () => {
  it("creates the SQLite file's folder when absent", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-open-'));
    const file = path.join(dir, 'deep', 'er', 'catalogue.sqlite');
    try {
      const store = await openStore(`sqlite:${file}`);
      await store.close();
      expect(fs.existsSync(file)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad DATABASE_URL with bad-config', async () => {
    await expect(openStore('mongodb://localhost/x')).rejects.toMatchObject({ code: 'bad-config' });
    await expect(openStore('mongodb://localhost/x')).rejects.toBeInstanceOf(CatalogueError);
  });
});
