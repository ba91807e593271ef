import fs from 'node:fs';
import path from 'node:path';
import { createTestCatalogue, type TestCatalogue } from '../../support/test-catalogue';

/** The demonstration datasets that `npm start` loads must all be valid, typed and say they are fictitious. */
const DATASETS = path.resolve(__dirname, '../../../datasets');
const folders = fs.readdirSync(DATASETS, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('_')).map((e) => e.name);

let t: TestCatalogue;
beforeAll(async () => {
  t = await createTestCatalogue();
});
afterAll(() => t.cleanup());

describe('demonstration datasets', () => {
  it('there are at least six, each stating that it is demonstration data', () => {
    expect(folders.length).toBeGreaterThanOrEqual(6);
    for (const slug of folders) {
      const meta = JSON.parse(fs.readFileSync(path.join(DATASETS, slug, 'dataset.json'), 'utf8'));
      expect(meta.demo).toBe(true);
      expect(meta.description).toMatch(/démonstration/i);
    }
  });

  it('all load and publish as valid first versions', async () => {
    const results = await t.catalogue.loadDatasets(DATASETS);
    expect(results.filter((r) => r.status !== 'published')).toEqual([]);
    expect(results.map((r) => r.slug).sort()).toEqual([...folders].sort());
    const summaries = await t.catalogue.listDatasets();
    for (const s of summaries) expect(s.recordCount).toBeGreaterThan(100);
  });

  it('cover the French quirks on purpose: Windows-1252, a Table Schema, several delimiters', async () => {
    const reports = await t.catalogue.store.knex('versions').where({ status: 'published' }).pluck('report');
    const dialects = reports.map((r: string) => JSON.parse(r).dialect);
    expect(dialects.map((d: { encoding: string }) => d.encoding)).toContain('windows-1252');
    expect(new Set(dialects.map((d: { delimiter: string }) => d.delimiter))).toEqual(new Set([',', ';', '\t', '|']));
    const tableSchemas = folders.filter((slug) => {
      const meta = JSON.parse(fs.readFileSync(path.join(DATASETS, slug, 'dataset.json'), 'utf8'));
      const schema = JSON.parse(fs.readFileSync(path.resolve(DATASETS, slug, meta.schema), 'utf8'));
      return Array.isArray(schema.fields);
    });
    expect(tableSchemas.length).toBeGreaterThanOrEqual(1);
  });
});
