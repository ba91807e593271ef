/**
 * The real Table Schemas of schema.data.gouv.fr (../shared/data/schemas, see its SOURCES.md)
 * import and compile, with the warnings their quirks call for. Expected custom-check results on
 * Validata's own SCDL subventions test files come from Validata's test-suite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isCatalogueError } from '../../catalogue/errors';
import { compileRowSchema } from '../../catalogue/validation/compile-row-schema';
import { compileRowChecks } from '../../catalogue/validation/custom-checks';
import { loadRowSchema, readRowSchemaFile } from '../../catalogue/validation/load-schema';
import type { RowSchema } from '../../catalogue/validation/row-schema';
import { describeShared, hasSharedData, sharedPath } from '../support/shared-data';

const schemasDir = () => sharedPath('schemas');

interface Field {
  name: string;
  constraints?: { required?: boolean };
}

/** Listed at collection time, which happens even when describeShared skips: guard the read. */
function tableSchemaFiles(): string[] {
  const files: string[] = [];
  if (!hasSharedData) return files;
  for (const dir of fs.readdirSync(schemasDir())) {
    const full = path.join(schemasDir(), dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const name of fs.readdirSync(full).filter((n) => n.endsWith('.json'))) {
      const json = JSON.parse(fs.readFileSync(path.join(full, name), 'utf8'));
      if (Array.isArray(json.fields)) files.push(`${dir}/${name}`);
    }
  }
  return files.sort();
}

const load = (file: string) => readRowSchemaFile(path.join(schemasDir(), file));

/** Enough of a cell converter for the SCDL subventions columns (strings, numbers, oui/non). */
function convertRow(schema: RowSchema, header: string[], cells: string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  header.forEach((name, i) => {
    const cell = cells[i];
    const property = schema.properties[name];
    if (cell === undefined || cell === '' || !property) return;
    if (property.type === 'number') row[name] = Number(cell);
    else if (property.type === 'boolean') row[name] = (property['x-trueValues'] as string[]).includes(cell);
    else row[name] = cell;
  });
  return row;
}

describeShared('real Table Schemas import and compile', () => {
  const files = tableSchemaFiles();

  test('there are Table Schemas to read', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files).toEqual(expect.arrayContaining(['scdl-equipements/schema.json', 'comptage-mobilites-channel/schema.json', 'dae/schema-latest-atlasante.json']));
  });

  test.each(files.length > 0 ? files : ['(no shared data)'])('%s', (file) => {
    const source = JSON.parse(fs.readFileSync(path.join(schemasDir(), file), 'utf8'));
    const { schema } = load(file);
    const compiled = compileRowSchema(schema);
    const fields = source.fields as Field[];
    expect(compiled.columns.map((c) => c.name)).toEqual(fields.map((f) => f.name));
    const required = fields.filter((f) => f.constraints?.required === true).map((f) => f.name);
    expect(schema.required ?? []).toEqual(required);
  });

  test('comptage-mobilites-channel: u-mode-invalid patterns work; required/enum outside constraints are warned', () => {
    const { schema, warnings } = load('comptage-mobilites-channel/schema.json');
    const { validate } = compileRowSchema(schema);
    const row = { channel_id: 'C-01', site_id: 'S-01' };
    expect(validate({ ...row, mobility_type: 'E-SCOOTER,PEDESTRIAN' })).toEqual([]);
    expect(validate({ ...row, mobility_type: 'E-SCOOTER,ROLLER' })[0]).toMatchObject({ field: 'mobility_type', rule: 'pattern' });
    expect(schema['x-primaryKey']).toEqual(['channel_id']);
    // Ignored like frictionless does: temporality is neither required nor an enum here.
    expect(schema.required).toEqual(['channel_id', 'site_id']);
    expect(schema.properties.temporality.enum).toBeUndefined();
    for (const name of ['temporality', 'started_at', 'ended_at', 'last_updated_at', 'time_step', 'provider_portal_url']) {
      expect(warnings).toContainEqual(expect.stringMatching(new RegExp(`« ${name} » : « required » est placé hors de « constraints »`)));
    }
    expect(warnings).toContainEqual(expect.stringMatching(/« temporality » : « enum » est placé hors de « constraints »/));
  });

  test('scdl-equipements: the pattern u mode rejects accepts French street names', () => {
    const { schema } = load('scdl-equipements/schema.json');
    const pattern = schema.properties.ADR_NOMVOIE.pattern as string;
    expect(() => new RegExp(pattern, 'u')).toThrow();
    const { validate } = compileRowSchema({ type: 'object', properties: { ADR_NOMVOIE: schema.properties.ADR_NOMVOIE } });
    expect(validate({ ADR_NOMVOIE: "Rue de l'Église" })).toEqual([]);
    expect(validate({ ADR_NOMVOIE: 'Rue #12' })[0].rule).toBe('pattern');
  });

  test('scdl-menus-collectifs: arrayItem becomes items, with a warning', () => {
    const { schema, warnings } = load('scdl-menus-collectifs/schema.json');
    expect(schema.properties.menuPlatTexture).toMatchObject({ type: 'array', items: { type: 'string', enum: expect.arrayContaining(['mixé', 'haché']) } });
    expect(warnings).toContainEqual(expect.stringMatching(/« menuPlatTexture » : arrayItem/));
    const { validate } = compileRowSchema(schema);
    const violations = validate({ menuPlatTexture: ['haché', 'cru'] });
    expect(violations).toContainEqual(expect.objectContaining({ field: 'menuPlatTexture', rule: 'enum' }));
  });

  test('lieux-covoiturage: its custom checks are listed as not enforced', () => {
    const { schema, warnings } = load('lieux-covoiturage/schema.json');
    expect(schema['x-checks']).toBeUndefined();
    expect(warnings).toContainEqual(expect.stringMatching(/« french-siren-value » \(colonne « source »\) non pris en charge/));
    expect(warnings).toContainEqual(expect.stringMatching(/« opening-hours-value » \(colonne « horaires »\) non pris en charge/));
  });

  test('scdl-subventions: one-of-required and two french-siret-value checks; oui/non booleans', () => {
    const { schema, warnings } = load('scdl-subventions/schema.json');
    expect(schema['x-checks']).toEqual([
      { name: 'french-siret-value', column: 'idAttribuant' },
      { name: 'french-siret-value', column: 'idBeneficiaire' },
      { name: 'one-of-required', column1: 'idBeneficiaire', column2: 'rnaBeneficiaire' },
    ]);
    expect(warnings).toEqual([]);
    expect(schema.properties.notificationUE).toMatchObject({ type: 'boolean', 'x-trueValues': ['oui'], 'x-falseValues': ['non'] });
  });

  test('dae: pattern on date fields is ignored as frictionless-py does, and said', () => {
    const { schema, warnings } = load('dae/schema.json');
    expect(schema.properties.dermnt).toEqual(expect.not.objectContaining({ pattern: expect.anything() }));
    expect(warnings).toContainEqual(expect.stringMatching(/« dermnt » : la contrainte pattern ne s'applique pas au type date/));
  });

  test('irve-v1 keeps its date format; irve-statique its missing values', () => {
    expect(compileRowSchema(load('irve-v1/schema.json').schema).columns.find((c) => c.name === 'date_maj')).toMatchObject({ kind: 'date', dateFormat: '%Y/%m/%d' });
    expect(load('irve-statique/schema.json').schema['x-missingValues']).toEqual(['']);
  });

  test('geopoint cells of the real example files pass (quoted newline included)', () => {
    const irve = compileRowSchema(load('irve-statique/schema.json').schema);
    expect(irve.validate({ coordonneesXY: '[7.48710500,48.345345]' }).filter((v) => v.field === 'coordonneesXY')).toEqual([]);
    const velo = compileRowSchema(load('stationnement-cyclable/schema.json').schema);
    expect(velo.validate({ coordonneesxy: '[5.7145295,45.191463]\n' }).filter((v) => v.field === 'coordonneesxy')).toEqual([]);
    expect(velo.validate({ coordonneesxy: '[45.191463]' }).filter((v) => v.field === 'coordonneesxy')[0].rule).toBe('pattern');
  });

  test('amenagements-cyclables (JSON Schema of a GeoJSON document) is refused with a clear bad-schema error', () => {
    const file = path.join(schemasDir(), 'amenagements-cyclables/schema_amenagements_cyclables.json');
    let error: unknown;
    try {
      readRowSchemaFile(file);
    } catch (e) {
      error = e;
    }
    expect(isCatalogueError(error) && error.code).toBe('bad-schema');
    expect((error as Error).message).toMatch(/GeoJSON/);
  });

  describe("Validata's SCDL subventions test files give Validata's results", () => {
    const dir = () => sharedPath('schemas/scdl-subventions/validata-tests');
    const expected: Record<string, string[]> = {
      exemple_valide_subventions1: [],
      exemple_valide_subventions2: [],
      exemple_valide_subventions3: [],
      exemple_invalide_subventions_one_of_required1: ['one-of-required'],
      exemple_invalide_subventions_one_of_required2: ['one-of-required'],
      exemple_invalide_subventions_one_of_required3: ['one-of-required'],
      exemple_invalide_subventions_one_of_required4: ['one-of-required'],
      exemple_invalide_subventions_constraint_error1: ['pattern'],
      exemple_invalide_subventions_constraint_error2: ['pattern'],
      exemple_invalide_subventions_french_siret_error1: ['french-siret-value'],
      exemple_invalide_subventions_french_siret_error2: ['french-siret-value'],
    };

    test.each(Object.entries(expected))('%s → %j', (name, rules) => {
      const { schema } = load('scdl-subventions/schema.json');
      const compiled = compileRowSchema(schema);
      const runChecks = compileRowChecks(compiled.checks);
      // These one-row files hold no quoted field: a comma split is exact.
      const [header, line] = fs.readFileSync(path.join(dir(), `${name}.csv`), 'utf8').trim().split('\n');
      const row = convertRow(schema, header.split(','), line.split(','));
      const found = [...compiled.validate(row).map((v) => v.rule), ...runChecks(row).map((v) => v.code)];
      expect(found).toEqual(rules);
    });
  });
});

describeShared('loadRowSchema on parsed real files', () => {
  test('origin appears in the error of a refused document', () => {
    const json = JSON.parse(fs.readFileSync(sharedPath('schemas/irve-statique/datapackage.json'), 'utf8'));
    expect(() => loadRowSchema(json, 'irve-statique/datapackage.json')).toThrow(/irve-statique\/datapackage\.json/);
  });
});
