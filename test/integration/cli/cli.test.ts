import fs from 'node:fs';
import path from 'node:path';
import { runCliCaptured as cli } from '../../support/run-cli';
import { describeShared, sharedPath } from '../../support/shared-data';
import { copyFixtureDatasets, FIXTURE_DATASETS } from '../../support/test-catalogue';
import { createTestStore, type TestStore } from '../../support/test-store';
import { useTempDir, writeTemp } from '../../support/temp-files';

const tmp = useTempDir();
const FIXTURE = path.join(FIXTURE_DATASETS, 'communes-test');
const SCHEMA = path.join(FIXTURE, 'schema.json');
const DATA = path.join(FIXTURE, 'data.csv');

describe('opendata validate', () => {
  it('exits 0 and prints a French verdict for a valid file', async () => {
    const r = await cli(['validate', DATA, '--schema', SCHEMA]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/data\.csv : VALIDE/);
    expect(r.out).toMatch(/séparateur « ; »/);
  });

  it('exits 1 with the JSON report of an invalid file', async () => {
    const file = writeTemp(tmp(), 'code_insee;commune;population\n27229;Évreux;-5\n');
    const r = await cli(['validate', file, '--schema', SCHEMA, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.valid).toBe(false);
    expect(report.errors[0]).toMatchObject({ code: 'constraint-error', row: 2, field: 'population', rule: 'minimum' });
  });

  it('exits 2 on a missing file, a schema that is not JSON Schema, a pattern that does not compile', async () => {
    expect((await cli(['validate', path.join(tmp(), 'absent.csv'), '--schema', SCHEMA])).code).toBe(2);
    const badType = writeTemp(tmp(), JSON.stringify({ type: 'object', properties: { a: { type: 'integr' } } }), 'bad-type.json');
    const r1 = await cli(['validate', DATA, '--schema', badType]);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/\/properties\/a\/type/);
    const badPattern = writeTemp(tmp(), JSON.stringify({ type: 'object', properties: { a: { type: 'string', pattern: '([a-z' } } }), 'bad-pattern.json');
    const r2 = await cli(['validate', DATA, '--schema', badPattern]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/pattern/);
    expect(r2.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 on bad arguments', async () => {
    expect((await cli(['validate', DATA])).code).toBe(2);
    expect((await cli(['nimporte'])).code).toBe(2);
  });
});

describeShared('opendata schema import', () => {
  it('prints the row schema of a Table Schema and lists what does not map on standard error', async () => {
    const r = await cli(['schema', 'import', sharedPath('schemas', 'lieux-covoiturage', 'schema.json')]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).length).toBeGreaterThan(10);
    expect(r.err).toMatch(/avertissement/);
  });

  it('exits 2 on a file that is not JSON', async () => {
    const r = await cli(['schema', 'import', writeTemp(tmp(), '{ pas du json', 'broken.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/JSON/);
  });
});

describe('opendata load and publish', () => {
  let store: TestStore;
  let datasets: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    store = await createTestStore();
    datasets = copyFixtureDatasets();
    process.env.DATABASE_URL = store.url;
    process.env.DATA_DIR = path.join(tmp(), 'data');
  });
  afterAll(async () => {
    process.env = saved;
    await store.cleanup();
    fs.rmSync(datasets, { recursive: true, force: true });
  });

  it('load exits 0 and reports each dataset', async () => {
    const r = await cli(['load', datasets]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ communes-test : version 1 publiée \(3 lignes\)/);
  });

  it('publish exits 0 with a valid file, 1 with an invalid one, 2 for an unknown dataset', async () => {
    const ok = await cli(['publish', DATA, '--dataset', 'communes-test']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Version 2 publiée/);
    const bad = writeTemp(tmp(), 'code_insee;commune;population\n2722;Évreux;10\n');
    const invalid = await cli(['publish', bad, '--dataset', 'communes-test']);
    expect(invalid.code).toBe(1);
    expect(invalid.out).toMatch(/rien n’a été publié/);
    expect((await cli(['publish', DATA, '--dataset', 'inconnu'])).code).toBe(2);
  });

  it('load exits 1 when a dataset is invalid', async () => {
    fs.writeFileSync(path.join(datasets, 'communes-test', 'data.csv'), 'code_insee;commune;population\nABCDE;X;1\n');
    const r = await cli(['load', datasets]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ communes-test : fichier invalide/);
  });
});
