/**
 * SCDL subventions 2.1.1 (../shared/data/schemas/scdl-subventions): Validata's own one-row test
 * files with the results Validata's test-suite expects (schemas/SOURCES.md), and the examples of
 * the SCDL-Subvention-DataSubvention repository, through the real pipeline.
 */
import { describeShared, sharedPath } from '../support/shared-data';
import { expectFrenchMessages, keys, sorted, validateFile } from '../support/conformance';

const dir = (...parts: string[]) => sharedPath('schemas/scdl-subventions', ...parts);
const SCHEMA = () => dir('schema.json');
const validataTest = (name: string) => validateFile(dir('validata-tests', `${name}.csv`), SCHEMA());

describeShared("Validata's SCDL subventions test files", () => {
  // Validata's test_fonctionnel_subventions_one_of_required_custom_check.py: these three are valid.
  // They omit dispositifAide (all three) and rnaBeneficiaire or idBeneficiaire (1 and 2): valid only
  // because a missing optional column is a warning (Validata's rule, ours too). frictionless-py
  // alone matches labels by position and would reject them.
  test.each([
    ['exemple_valide_subventions1', ['rnaBeneficiaire', 'dispositifAide']],
    ['exemple_valide_subventions2', ['idBeneficiaire', 'dispositifAide']],
    ['exemple_valide_subventions3', ['dispositifAide']],
  ])('%s is valid; the optional columns it lacks are warnings', async (name, missing) => {
    const { report, rows } = await validataTest(name);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(keys(report.warnings)).toEqual(sorted(missing.map((f) => `1 missing-label ${f} -`)));
    expect(report.warnings[0].message).toMatch(/^La colonne facultative « \w+ » est absente du fichier\.$/);
    expect(rows).toHaveLength(1);
    // oui/non is the field's own boolean vocabulary; 0.05 a share of the cost.
    expect(rows[0]).toMatchObject({ idAttribuant: '21060004500392', notificationUE: false, pourcentageSubvention: 0.05, montant: 99786.57 });
  });

  // Both id columns present and empty (1, 3 without rnaBeneficiaire, 2 without idBeneficiaire):
  // the row breaks one-of-required. In 4 both columns are absent from the header: Validata reports
  // that once for the table (validate_start of its one_of_required.py), and so do we.
  test.each([
    ['exemple_invalide_subventions_one_of_required1', 2],
    ['exemple_invalide_subventions_one_of_required2', 2],
    ['exemple_invalide_subventions_one_of_required3', 2],
    ['exemple_invalide_subventions_one_of_required4', undefined],
  ])('%s: exactly one one-of-required error', async (name, row) => {
    const { report } = await validataTest(name);
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ code: 'one-of-required', rule: 'one-of-required' });
    expect(report.errors[0].row).toBe(row);
    expect(report.errors[0].message).toMatch(/« idBeneficiaire ».*« rnaBeneficiaire »/);
    expectFrenchMessages(report);
  });

  test('one_of_required4: both columns absent is a file-level error, the row itself is sound', async () => {
    const { report } = await validataTest('exemple_invalide_subventions_one_of_required4');
    expect(report.errors[0]).toMatchObject({ field: 'idBeneficiaire, rnaBeneficiaire' });
    expect(report.errors[0].message).toMatch(/toutes deux absentes du fichier/);
    expect(report.stats).toMatchObject({ rows: 1, validRows: 1, invalidRows: 0, errors: 1 });
  });

  // rnaBeneficiaire "12233" breaks ^W\d{9}$; idBeneficiaire is empty (1) or absent (2), but the RNA
  // cell is filled, so one-of-required holds.
  test.each([
    ['exemple_invalide_subventions_constraint_error1', 7],
    ['exemple_invalide_subventions_constraint_error2', 6],
  ])('%s: one pattern constraint-error on rnaBeneficiaire', async (name, column) => {
    const { report } = await validataTest(name);
    expect(report.errors).toEqual([
      {
        code: 'constraint-error', row: 2, field: 'rnaBeneficiaire', column, value: '12233', rule: 'pattern',
        message: '« 12233 » ne respecte pas le motif ^W\\d{9}$',
      },
    ]);
  });

  // idBeneficiaire "52499120500": 11 digits, not a SIRET (the column has no pattern of its own).
  test.each(['exemple_invalide_subventions_french_siret_error1', 'exemple_invalide_subventions_french_siret_error2'])(
    '%s: one french-siret-value error',
    async (name) => {
      const { report } = await validataTest(name);
      expect(report.errors).toEqual([
        expect.objectContaining({ code: 'french-siret-value', row: 2, field: 'idBeneficiaire', column: 6, value: '52499120500', rule: 'french-siret-value' }),
      ]);
      expect(report.errors[0].message).toBe("« 52499120500 » n'est pas un numéro SIRET valide");
    },
  );
});

/**
 * exemple_invalide_erreurs_cellules.csv: each planted mistake (checked by reading the file; SIRET
 * keys checked with the Luhn rule by hand). Besides, every row's idAttribuant 21860194600000 is the
 * Ville de Poitiers' SIRET with its last digits zeroed: its key is wrong, so french-siret-value
 * fires on all 29 rows, as it does in Validata (python-stdnum's rule).
 */
const CELL_MISTAKES = [
  '2 constraint-error pourcentageSubvention maximum', // 100: a percentage, the schema wants a share ≤ 1
  '3 constraint-error pourcentageSubvention maximum', // 80
  '4 constraint-error pourcentageSubvention maximum', // 80
  '5 type-error dateConvention type', // 05/12/2016
  '5 constraint-error rnaBeneficiaire pattern', // W3222
  '5 french-siret-value idBeneficiaire french-siret-value', // 44088714900000
  '6 type-error montant type', // "100000,1": decimal comma
  '6 type-error notificationUE type', // "no": the field lists oui/non only
  '6 french-siret-value idBeneficiaire french-siret-value', // 32402138500000.0, float-ised
  '7 constraint-error idAttribuant pattern', // 218601946: a SIREN where a SIRET is due…
  '8 type-error notificationUE type', // yes
  '8 constraint-error datesPeriodeVersement pattern', // 2017-06-27_2018-06-27: old "_" separator
  '8 french-siret-value idBeneficiaire french-siret-value', // 67895644300011
  '9 type-error pourcentageSubvention type', // "0,5"
  '9 one-of-required - one-of-required', // neither idBeneficiaire nor rnaBeneficiaire
  '10 constraint-error montant required', // empty amount
  '10 french-siret-value idBeneficiaire french-siret-value',
  '11 french-siret-value idBeneficiaire french-siret-value',
  '12 constraint-error rnaBeneficiaire pattern', // W12455
  '13 french-siret-value idBeneficiaire french-siret-value',
  '14 french-siret-value idBeneficiaire french-siret-value',
  '15 french-siret-value idBeneficiaire french-siret-value',
  '16 constraint-error nature enum', // "aide en numéraire,aide en nature": comma instead of ;
  '16 french-siret-value idBeneficiaire french-siret-value',
  '17 french-siret-value idBeneficiaire french-siret-value',
  '18 french-siret-value idBeneficiaire french-siret-value',
  '20 french-siret-value idBeneficiaire french-siret-value',
  '21 french-siret-value idBeneficiaire french-siret-value',
  '22 french-siret-value idBeneficiaire french-siret-value',
  '24 french-siret-value idBeneficiaire french-siret-value',
  '25 french-siret-value idBeneficiaire french-siret-value',
  '26 french-siret-value idBeneficiaire french-siret-value',
  '27 french-siret-value idBeneficiaire french-siret-value',
  '28 french-siret-value idBeneficiaire french-siret-value',
  '30 french-siret-value idBeneficiaire french-siret-value',
  '30 constraint-error rnaBeneficiaire pattern', // W1234567
];
const ID_ATTRIBUANT = Array.from({ length: 29 }, (_, i) => `${i + 2} french-siret-value idAttribuant french-siret-value`);

describeShared('SCDL-Subvention-DataSubvention examples', () => {
  test('exemple_valide.csv: 29 valid rows, every column present', async () => {
    const { report, rows } = await validateFile(dir('exemple_valide.csv'), SCHEMA());
    expect(report.valid).toBe(true);
    expect(report.warnings).toEqual([]);
    expect(rows).toHaveLength(29);
    expect(rows[0]).toMatchObject({ referenceDecision: 'CONV N° 2074-15 2015-06-19', nature: 'aide en numéraire', conditionsVersement: 'échelonné', idRAE: null, dispositifAide: null });
  });

  test('exemple_invalide_erreurs_cellules.csv: each planted mistake on its row and column', async () => {
    const { report } = await validateFile(dir('exemple_invalide_erreurs_cellules.csv'), SCHEMA());
    expect(keys(report.errors)).toEqual(sorted([...CELL_MISTAKES, ...ID_ATTRIBUANT]));
    expect(report.stats).toMatchObject({ rows: 29, invalidRows: 29, errors: 65 });
    // dispositifAide (added in 2.x) is absent: a warning only.
    expect(keys(report.warnings)).toEqual(['1 missing-label dispositifAide -']);
    const at = (row: number, field: string) => report.errors.find((e) => e.row === row && e.field === field)!;
    expect(at(6, 'montant')).toMatchObject({ column: 9, value: '100000,1' });
    expect(at(6, 'montant').message).toBe("« 100000,1 » n'est pas un nombre (point décimal) (virgule décimale détectée : le schéma attend un point).");
    expect(at(6, 'notificationUE').message).toBe("« no » n'est pas un booléen (oui, non).");
    expect(at(2, 'pourcentageSubvention').message).toBe('« 100 » est supérieur au maximum autorisé (1)');
    expect(at(10, 'montant')).toMatchObject({ column: 9, value: '', message: 'le champ est obligatoire' });
    // Two findings on row 7's SIREN-for-SIRET cell: its pattern and the SIRET check. Validata most
    // likely reports both too (a constraint failure does not blank the cell its custom check reads).
    expect(report.errors.filter((e) => e.row === 7).map((e) => e.code).sort()).toEqual(['constraint-error', 'french-siret-value']);
    expect(report.errors.find((e) => e.code === 'one-of-required')!.message).toBe("au moins l'un des champs « idBeneficiaire » ou « rnaBeneficiaire » doit être renseigné");
    expectFrenchMessages(report);
  });

  test('exemple_invalide_erreurs_colonnes.csv: a renamed required column, columns out of order', async () => {
    const { report } = await validateFile(dir('exemple_invalide_erreurs_colonnes.csv'), SCHEMA());
    // nomBeneficiaire is written NOM_Beneficiaire: no tolerance turns "nom_beneficiaire" into
    // "nombeneficiaire", so the required column is missing (error) and the label is extra (warning),
    // as in Validata. idAttribuant and nomAttribuant are swapped: columns are matched by name, which
    // is no fault (Validata would add a "disordered" warning only when the label sets are equal).
    const header = report.errors.filter((e) => e.row === 1);
    expect(keys(header)).toEqual(['1 missing-label nomBeneficiaire -']);
    expect(header[0].message).toBe('La colonne obligatoire « nomBeneficiaire » est absente du fichier.');
    expect(keys(report.warnings)).toEqual(sorted(['1 extra-label NOM_Beneficiaire -', '1 missing-label dispositifAide -']));
    expect(report.warnings.find((w) => w.code === 'extra-label')).toMatchObject({ column: 5 });
    // The cells hold the same mistakes as the "cellules" file (two values differ but are as wrong).
    const cells = report.errors.filter((e) => e.row !== 1);
    expect(keys(cells)).toEqual(sorted([...CELL_MISTAKES, ...ID_ATTRIBUANT]));
    // idAttribuant is read from where it is: column 1 here.
    expect(cells.find((e) => e.row === 2 && e.field === 'idAttribuant')).toMatchObject({ column: 1, value: '21860194600000' });
    expect(cells.find((e) => e.row === 6 && e.field === 'montant')).toMatchObject({ value: '100000,10' });
    expect(cells.find((e) => e.row === 27 && e.field === 'idBeneficiaire')).toMatchObject({ value: '47972165600100' });
  });

  test('exemple-duplicate-column.csv: Latin-1, notificationUE twice', async () => {
    const { report } = await validateFile(dir('exemple-duplicate-column.csv'), SCHEMA());
    // Bytes 0xB0 (N°) and 0xE9 (numéraire): not UTF-8, read as Windows-1252 (ISO-8859-1's superset
    // for printable characters; the contract names no "iso-8859-1").
    expect(report.dialect).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ',', lineTerminator: '\n' });
    expect(report.dialect.header.filter((h) => h === 'notificationUE')).toHaveLength(2);
    expect(report.errors).toEqual([
      expect.objectContaining({ code: 'duplicate-label', row: 1, column: 14, field: 'notificationUE' }),
    ]);
    expect(report.errors[0].message).toBe("L'intitulé « notificationUE » de la colonne 14 répète celui de la colonne 13.");
    expect(keys(report.warnings)).toEqual(sorted(['- encoding-fallback - -', '1 missing-label rnaBeneficiaire -', '1 missing-label dispositifAide -']));
    // The first notificationUE ("non") is the one read: no row error; the 29 rows are sound.
    expect(report.stats).toMatchObject({ rows: 29, validRows: 29, invalidRows: 0, errors: 1 });
    expect(report.valid).toBe(false);
  });
});
