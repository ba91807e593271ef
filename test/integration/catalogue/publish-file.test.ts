import fs from 'node:fs';
import path from 'node:path';
import { copyFixtureDatasets, createTestCatalogue, type TestCatalogue } from '../../support/test-catalogue';

let t: TestCatalogue;
let datasets: string;

beforeAll(async () => {
  t = await createTestCatalogue();
  datasets = copyFixtureDatasets();
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(datasets, { recursive: true, force: true });
});

const knex = () => t.catalogue.store.knex;
const folder = () => path.join(datasets, 'communes-test');
const tables = async () => (await t.catalogue.store.dialect.listTables(knex())).filter((n) => n.startsWith('rec_')).sort();

describe('loading dataset folders and publishing versions', () => {
  it('loads a folder: organization created on the fly, version 1 published with typed rows', async () => {
    const results = await t.catalogue.loadDatasets(datasets);
    expect(results).toEqual([expect.objectContaining({ slug: 'communes-test', status: 'published', version: 1, rows: 3 })]);
    const [summary] = await t.catalogue.listDatasets();
    expect(summary).toMatchObject({ slug: 'communes-test', recordCount: 3, version: 1, organization: { slug: 'departement-eure', title: "Département de l'Eure" } });
    const [table] = await tables();
    const rows = await knex()(table).orderBy('_id');
    expect(rows.map((r) => [r.code_insee, r.population, r.superficie])).toEqual([
      ['27229', 46707, 26.44], ['27681', 23557, 35.14], ['27375', 18240, 27.07],
    ]);
    expect(rows.map((r) => Boolean(r.prefecture))).toEqual([true, false, false]);
  });

  it('keeps the original file under DATA_DIR with its checksum', async () => {
    const [version] = await knex()('versions').where({ status: 'published' });
    const stored = path.join(t.dataDir, version.source_path);
    expect(fs.readFileSync(stored)).toEqual(fs.readFileSync(path.join(folder(), 'data.csv')));
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not publish again when nothing changed', async () => {
    expect((await t.catalogue.loadDatasets(datasets))[0].status).toBe('unchanged');
  });

  it('an invalid file is rejected with its report and leaves version 1 current and untouched', async () => {
    const bad = path.join(datasets, 'bad.csv');
    fs.writeFileSync(bad, 'code_insee;commune;population\n27229;Évreux;beaucoup\n27016;Les Andelys;8000\n');
    const before = await tables();
    const result = await t.catalogue.publish('communes-test', bad);
    expect(result.status).toBe('rejected');
    expect(result.report.errors[0]).toMatchObject({ code: 'type-error', row: 2, field: 'population', value: 'beaucoup' });
    expect(await tables()).toEqual(before);
    const [summary] = await t.catalogue.listDatasets();
    expect(summary).toMatchObject({ version: 1, recordCount: 3 });
    const rejected = await knex()('versions').where({ status: 'rejected' });
    expect(rejected).toHaveLength(1);
    expect(rejected[0].number).toBeNull();
  });

  it('a changed file is published as version 2 and version 1 is superseded', async () => {
    fs.appendFileSync(path.join(folder(), 'data.csv'), '27016;Les Andelys;8000;38,5;non\r\n');
    const [result] = await t.catalogue.loadDatasets(datasets);
    expect(result).toMatchObject({ status: 'published', version: 2, rows: 4 });
    const versions = await knex()('versions').orderBy('id');
    expect(versions.map((v) => [v.number, v.status])).toEqual([[1, 'superseded'], [null, 'rejected'], [2, 'published']]);
  });

  it('an unknown dataset is a not-found error', async () => {
    await expect(t.catalogue.publish('inconnu', path.join(folder(), 'data.csv'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a dataset.json missing required metadata is refused, naming the fields', async () => {
    const dir = path.join(datasets, 'sans-titre');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'dataset.json'), JSON.stringify({ description: 'x', organization: 'eure', schema: 's.json', data: 'd.csv' }));
    const results = await t.catalogue.loadDatasets(datasets);
    const failed = results.find((r) => r.slug === 'sans-titre')!;
    expect(failed.status).toBe('error');
    expect(failed.message).toMatch(/title/);
    expect(failed.message).toMatch(/licence/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('two publishes of one dataset at once', () => {
  it('the second gets a conflict while the first loads, and the first publishes alone', async () => {
    const big = path.join(datasets, 'big.csv');
    const lines = ['code_insee;commune;population'];
    for (let i = 0; i < 60_000; i++) lines.push(`${String(10000 + i)};Commune ${i};${i}`);
    fs.writeFileSync(big, lines.join('\n') + '\n');
    const first = t.catalogue.publish('communes-test', big);
    // Let the first one create its loading version before the second starts.
    for (let i = 0; i < 100 && (await knex()('versions').where({ status: 'loading' })).length === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const second = t.catalogue.publish('communes-test', big);
    await expect(second).rejects.toMatchObject({ code: 'conflict' });
    const result = await first;
    expect(result).toMatchObject({ status: 'published', version: 3 });
    const [summary] = await t.catalogue.listDatasets();
    expect(summary).toMatchObject({ version: 3, recordCount: 60_000 });
  });
});
