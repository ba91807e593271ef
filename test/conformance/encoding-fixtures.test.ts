/**
 * Real exports with real defects (../shared/data/files, see its SOURCES.md): encodings, BOMs,
 * delimiters, line endings, blank and ragged rows, quoted newlines, French number formats. Every
 * expectation below was checked on the bytes (xxd, Python's csv module with the right codec).
 */
import fs from 'node:fs';
import type { RowSchema } from '../../catalogue/validation/row-schema';
import { describeShared, sharedPath } from '../support/shared-data';
import { expectFrenchMessages, keys, sorted, validateFile } from '../support/conformance';

const fixture = (name: string) => sharedPath('files/validata-fixtures', name);
const subventions = (name: string) => sharedPath('files/subventions-2018-collectivites', name);
const schema = (name: string) => sharedPath('schemas', name, 'schema.json');
const SCDL = () => schema('scdl-subventions');

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describeShared("Validata's encoding fixtures", () => {
  test('irve-driveco-201215.csv: ISO-8859-1 export read as Windows-1252, 882 valid rows', async () => {
    const { report, rows } = await validateFile(fixture('irve-driveco-201215.csv'), schema('irve-v1'));
    // The file has no byte in 0x80–0x9F (checked), so ISO-8859-1 and Windows-1252 give the same
    // text. Difference from Validata, which names it "iso8859-1": the contract names the superset.
    expect(report.dialect).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ';', lineTerminator: '\n' });
    expect(report.warnings).toEqual([
      expect.objectContaining({ code: 'encoding-fallback', message: "Le fichier n'est pas en UTF-8 : il a été lu en Windows-1252. Enregistrez-le en UTF-8 de préférence." }),
    ]);
    // "accessibilit\xE9" decoded, then matched exactly to the schema's field.
    expect(report.dialect.header[14]).toBe('accessibilité');
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.stats).toMatchObject({ rows: 882, validRows: 882 });
    expect(rows).toHaveLength(882);
    expect(rows[0]).toMatchObject({
      n_amenageur: 'Parasol Bastia', ad_station: 'Allée du Ninu 20600 Bastia', code_insee: '2B033',
      Xlongitude: 9.43103, puiss_max: 2.3, date_maj: '2020-12-15', accessibilité: '24/24 7/7 jours', observations: null,
    });
    // INSEE codes are text: Corsica's 2A/2B and the leading zeros survive (59 and 60 rows).
    const codes = rows.map((r) => r.code_insee as string);
    expect(codes.filter((c) => /^2[AB]\d{3}$/.test(c))).toHaveLength(59);
    expect(codes.filter((c) => c.startsWith('0'))).toHaveLength(60);
    expect(rows[6].code_insee).toBe('2A004'); // file row 8
    expect(rows[105].code_insee).toBe('05061'); // file row 107
    expect(new Set(rows.map((r) => r.date_maj))).toEqual(new Set(['2020-12-15'])); // written 2020/12/15
  });

  test('irve_accent_valide.csv: the same layout in UTF-8 is detected as UTF-8', async () => {
    const file = fixture('irve_accent_valide.csv');
    // Byte-for-byte the IRVE v1 published example (Validata tests utf-8 vs iso8859-1 on this pair).
    expect(fs.readFileSync(file).equals(fs.readFileSync(sharedPath('schemas/irve-v1/exemple-valide.csv')))).toBe(true);
    const { report } = await validateFile(file, schema('irve-v1'));
    expect(report.dialect).toMatchObject({ encoding: 'utf-8', bom: false, delimiter: ';' });
    expect(report.dialect.header).toContain('accessibilité');
    expect(report.warnings).toEqual([]);
    expect(report.valid).toBe(true);
  });

  test('sample_with_bom.csv: the BOM is reported and is not part of the first label', async () => {
    const { report, rows } = await validateFile(fixture('sample_with_bom.csv'), schema('arbres'));
    expect(report.dialect).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ';', lineTerminator: '\r\n' });
    expect(report.dialect.header[0]).toBe('id'); // not "\uFEFFid"
    expect(JSON.stringify(report)).not.toContain('\uFEFF');
    // A true UTF-8 BOM: nothing to warn about the encoding.
    expect(report.warnings.filter((w) => w.code === 'encoding-fallback')).toEqual([]);
    // An older version of the arbres schema's column names: extra and missing optional columns are
    // warnings (Validata's rule), id (required) maps, so the file is valid.
    expect(keys(report.warnings)).toEqual(
      sorted([
        ...['famille_arbre', 'genre_arbre', 'espece_arbre', 'cultivar_variete_arbre', 'matricule_arbre', 'arbre_remarquable', 'arbre_protege'].map((f) => `1 extra-label ${f} -`),
        ...['date_releve', 'famille', 'genre', 'espece', 'cultivar_variete', 'matricule', 'stade_developpement', 'circonference', 'diametre_couronne', 'description_pied_arbre', 'remarquable', 'protege'].map((f) => `1 missing-label ${f} -`),
      ]),
    );
    expect(report.valid).toBe(true);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(rows[0]).toMatchObject({ contraintes_sol: 'Sol perméabilisé', eclairage: true, allergie: 3, remarque: null });
  });

  test('mini-menus-collectifs_invalide.utf-16.csv: UTF-16LE by its BOM; the lone surrogate is an encoding-error', async () => {
    const { report } = await validateFile(fixture('mini-menus-collectifs_invalide.utf-16.csv'), schema('scdl-menus-collectifs'));
    expect(report.dialect).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: ',', lineTerminator: '\n' });
    expect(report.dialect.header[0]).toBe('menuCollNom');
    // The last cell is the code unit 0xDEAD alone. Validata expects an encoding error: its strict
    // decoder rejects the whole file. Difference: we decode the rest and put the error on the row
    // and cell that hold the bad bytes (contract: never garbage text, an encoding-error on its row).
    const encoding = report.errors.filter((e) => e.code === 'encoding-error');
    expect(encoding).toEqual([expect.objectContaining({ row: 2, column: 26, field: 'menuModificationInfo', value: '\uFFFD' })]);
    expect(encoding[0].message).toBe("La ligne 2, colonne 26, contient des octets illisibles dans l'encodage du fichier.");
    // The file predates menus 1.2.3's names (menuTypeRepas for menuRepasType…): three required
    // columns are missing. Its JSON list cells (["sans sucre ajouté"], []) are valid arrays.
    expect(keys(report.errors)).toEqual(
      sorted(['1 missing-label menuRepasType -', '1 missing-label menuPlatType -', '1 missing-label menuPlatNom -', '2 encoding-error menuModificationInfo -']),
    );
    expectFrenchMessages(report);
  });
});

describeShared('subventions 2018: real exports of French local authorities (they predate SCDL 2.x)', () => {
  test('Lot: Windows-1252, ";", CRLF records, a quoted multi-line cell, 21 blank rows', async () => {
    const file = subventions('DEP_Lot_Subventions_2017_DONNEES.xlsx_pour_exemple.csv');
    const { report } = await validateFile(file, SCDL());
    // The 4 bare LFs of the file all sit inside the quoted objet of row 11 (Excel's in-cell line
    // breaks): every record ends with CRLF, so the file's line terminator is CRLF, not "mixed".
    expect(report.dialect).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ';', lineTerminator: '\r\n' });
    expect(report.warnings.map((w) => w.code)).toContain('encoding-fallback');
    // "NomAttribuant" and "datesperiodeVersement" map despite their case; notificationUE is there.
    expect(keys(report.warnings.filter((w) => w.code !== 'encoding-fallback'))).toEqual(sorted(['1 missing-label rnaBeneficiaire -', '1 missing-label dispositifAide -']));
    expect(keys(report.errors)).toEqual(
      sorted([
        // "40 000,00": space thousands and decimal comma, where SCDL wants 40000.00.
        ...range(2, 14).map((row) => `${row} type-error montant type`),
        // The old "_" separator of periods.
        ...[2, 3, 6, 11, 12].map((row) => `${row} constraint-error datesPeriodeVersement pattern`),
        // ";;;;;;;;;;;;;" lines after the data.
        ...range(15, 35).map((row) => `${row} blank-row - -`),
      ]),
    );
    expect(report.stats).toMatchObject({ rows: 34, invalidRows: 34, errors: 39 });
    // Row 11's objet spans three lines; the next record is still row 12.
    const period = (row: number) => report.errors.find((e) => e.row === row && e.field === 'datesPeriodeVersement')!.value;
    expect(period(11)).toBe('2018-06-01_2018-06-30');
    expect(period(12)).toBe('2017-12-08_2017-12-31');
    expect(report.errors.find((e) => e.row === 15)!.message).toBe('La ligne 15 est vide.');
    const amount = report.errors.find((e) => e.row === 2 && e.field === 'montant')!;
    expect(amount).toMatchObject({ column: 8, value: '40 000,00' });
    expect(amount.message).toMatch(/virgule décimale détectée/);
  });

  test('Lot, read with a schema that expects French numbers: œ (0x9C) is decoded as œ', async () => {
    const file = subventions('DEP_Lot_Subventions_2017_DONNEES.xlsx_pour_exemple.csv');
    const lot: RowSchema = {
      type: 'object',
      properties: {
        // Latin-1 would turn 0x9C into the control character U+009C, which this pattern accepts.
        objet: { type: 'string', pattern: '^[^œ]*$' },
        montant: { type: 'number', 'x-decimalChar': ',', 'x-groupChar': ' ' },
      },
    };
    const { report } = await validateFile(file, lot);
    const oe = report.errors.filter((e) => e.field === 'objet');
    expect(oe.map((e) => e.row)).toEqual([3, 5, 7, 8]);
    expect(oe[0].value).toBe("Mise en œuvre de l'implantation du festival Ecaussystème afin de le pérenniser sur le territoire");
    // "40 000,00" is a number when the schema says so: the blank rows are the only other errors.
    expect(report.errors.filter((e) => e.field !== 'objet').map((e) => e.code)).toEqual(range(15, 35).map(() => 'blank-row'));
  });

  test('Nièvre: Windows-1252, ",", pre-SCDL column names', async () => {
    const file = subventions('DEP_Nièvre_CD58_SUBVENTIONS_2016_LISTE.csv');
    const { report } = await validateFile(file, SCDL());
    expect(report.dialect).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ',', lineTerminator: '\r\n' });
    expect(report.dialect.header.slice(0, 3)).toEqual(['COLL_NOM', 'COLL_SIRET', 'COLL_TYPE']);
    // No SCDL column at all: 11 required columns missing, and the one-of-required pair is absent,
    // which is said once for the file, not on each of the 97 rows.
    const required = ['nomAttribuant', 'idAttribuant', 'dateConvention', 'nomBeneficiaire', 'objet', 'montant', 'nature', 'conditionsVersement', 'datesPeriodeVersement', 'notificationUE', 'pourcentageSubvention'];
    expect(keys(report.errors)).toEqual(sorted([...required.map((f) => `1 missing-label ${f} -`), '- one-of-required idBeneficiaire, rnaBeneficiaire one-of-required']));
    expect(report.stats).toMatchObject({ rows: 97, errors: 12, invalidRows: 0 });
  });

  test('Nièvre, with its own columns: NBSP thousands, the NC token, entity types in the amount', async () => {
    const file = subventions('DEP_Nièvre_CD58_SUBVENTIONS_2016_LISTE.csv');
    const nievre = (groupChar?: string): RowSchema => ({
      type: 'object',
      properties: {
        COLL_NOM: { type: 'string', minLength: 1 },
        COLL_SIRET: { type: 'string' },
        ACTE_DATE: { type: 'string', format: 'date' },
        ATTRIB_NOM: { type: 'string', minLength: 1 },
        SUB_MONTANT: { type: 'number', ...(groupChar ? { 'x-groupChar': groupChar } : {}) },
      },
      required: ['COLL_NOM', 'ATTRIB_NOM'],
      'x-missingValues': ['', 'NC'],
      'x-checks': [{ name: 'french-siret-value', column: 'COLL_SIRET' }],
    });
    const grouped = await validateFile(file, nievre(' '));
    // "17 833" with a no-break space (0xA0) reads as 17833 once the schema allows a space group
    // separator; row 8 says "NC" (a missing value). Rows 91 and 94–97 hold the beneficiary's type
    // (SEM, ODHLM) where the amount should be: a real defect of the export.
    const amounts = grouped.report.errors.filter((e) => e.field === 'SUB_MONTANT');
    expect(amounts.map((e) => [e.row, e.code, e.value])).toEqual([
      [91, 'type-error', 'SEM'], [94, 'type-error', 'SEM'], [95, 'type-error', 'ODHLM'], [96, 'type-error', 'SEM'], [97, 'type-error', 'SEM'],
    ]);
    // COLL_SIRET holds the département's 9-digit SIREN, not a SIRET: on every row.
    const sirets = grouped.report.errors.filter((e) => e.code === 'french-siret-value');
    expect(sirets.map((e) => e.row)).toEqual(range(2, 98));
    expect(new Set(sirets.map((e) => e.value))).toEqual(new Set(['225800010']));
    expect(grouped.report.errors).toHaveLength(5 + 97);

    // Without the group separator the 90 NBSP amounts are type-errors, quoted with their NBSP.
    const plain = await validateFile(file, nievre());
    const nbsp = plain.report.errors.filter((e) => e.code === 'type-error' && e.value?.includes('\u00a0'));
    expect(nbsp).toHaveLength(90);
    expect(nbsp[0]).toMatchObject({ row: 2, column: 10, value: '17\u00a0833', message: "« 17\u00a0833 » n'est pas un nombre (point décimal)." });
  });

  test('Somme 2018-03-02: a UTF-8 BOM followed by Windows-1252 bytes', async () => {
    const file = subventions('DEP_Somme_TB_20180302_DONNEES_CONVENTIONS.csv');
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { report } = await validateFile(file, SCDL());
    // The BOM lies: the content is Windows-1252 (€ = 0x80, ’ = 0x92). Read as such, and said.
    expect(report.dialect).toMatchObject({ encoding: 'windows-1252', bom: true, delimiter: ';', lineTerminator: '\r\n' });
    expect(report.warnings).toContainEqual(
      expect.objectContaining({
        code: 'encoding-fallback',
        message: 'Le fichier commence par une marque UTF-8 (BOM) mais son contenu est en Windows-1252 : il a été lu en Windows-1252. Enregistrez-le en UTF-8.',
      }),
    );
    expect(report.dialect.header[0]).toBe('nomAttribuant');
    expect(report.errors.filter((e) => e.code === 'encoding-error')).toEqual([]);
    // notificationUE (required) is absent; the extra "type" column is a warning.
    expect(keys(report.errors.filter((e) => e.row === 1))).toEqual(['1 missing-label notificationUE -']);
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'extra-label', field: 'type', column: 13 }));
    const row2 = report.errors.filter((e) => e.row === 2);
    expect(keys(row2)).toEqual(
      sorted(['2 type-error dateConvention type', '2 type-error montant type', '2 constraint-error conditionsVersement maxLength', '2 constraint-error datesPeriodeVersement pattern']),
    );
    expect(row2.find((e) => e.field === 'dateConvention')!.value).toBe('2017/09/08');
    expect(row2.find((e) => e.field === 'montant')!.value).toBe('26 956,00');
    // 0x92 decoded as U+2019 (Latin-1 would give the control character U+0092).
    expect(row2.find((e) => e.field === 'conditionsVersement')!.value).toMatch(/^une avance unique peut, sur demande du Bénéficiaire, lui être versée jusqu’à hauteur de 5 %/);
    expect(report.errors.find((e) => e.row === 7 && e.field === 'conditionsVersement')!.value).toContain('300 000 €');
    expect(report.stats.rows).toBe(41);
  });

  test('Somme 2018-03-30: no BOM, Windows-1252, header casing drift', async () => {
    const { report } = await validateFile(subventions('DEP_Somme_TB_20180330_DONNEES_CONVENTIONS.csv'), SCDL());
    expect(report.dialect).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ';', lineTerminator: '\r\n' });
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'encoding-fallback', message: expect.stringMatching(/^Le fichier n'est pas en UTF-8/) }));
    // "datesperiodeversement" maps to datesPeriodeVersement (case-insensitive, as Validata does).
    expect(report.dialect.header[10]).toBe('datesperiodeversement');
    expect(report.errors.find((e) => e.row === 2 && e.field === 'datesPeriodeVersement')).toMatchObject({ column: 11, value: '2018/01/30_2022/01/29', rule: 'pattern' });
    expect(report.errors.find((e) => e.row === 6 && e.field === 'conditionsVersement')!.value).toContain('inférieur à 500 € ;');
    expect(report.stats.rows).toBe(11);
  });

  test('Poitiers: UTF-8, 172 quoted multi-line cells, float-ised SIRETs', async () => {
    const file = subventions('SCDL_COM_Poitiers_citoyennete-subventions-directes-attribuees-aux-associations-2017-ville-de-poiti.csv');
    const scdl = await validateFile(file, SCDL());
    // 383 bare LFs, all inside quoted cells; the 563 records all end with CRLF.
    expect(scdl.report.dialect).toMatchObject({ encoding: 'utf-8', bom: false, delimiter: ';', lineTerminator: '\r\n' });
    expect(scdl.report.stats.rows).toBe(562);
    expect(scdl.report.errors.filter((e) => e.code === 'missing-label')).toHaveLength(11);
    expect(keys(scdl.report.errors.filter((e) => e.code === 'one-of-required'))).toEqual(['- one-of-required idBeneficiaire, rnaBeneficiaire one-of-required']);

    const poitiers: RowSchema = {
      type: 'object',
      properties: {
        ANNEE: { type: 'integer' },
        ACTE_DATE: { type: 'string', format: 'date' },
        ATTRIB_NOM: { type: 'string', minLength: 1 },
        ATTRIB_SIRET: { type: 'string', pattern: '^\\d{14}$' },
        SUB_MONTANT: { type: 'number', minimum: 0 },
        // The header says "Notification à la commission Européenne": matched without case and accents.
        'notification a la commission europeenne': { type: 'boolean' },
      },
      required: ['ATTRIB_NOM'],
    };
    const { report } = await validateFile(file, poitiers);
    expect(report.dialect.header[10]).toBe('Notification à la commission Européenne');
    expect(report.warnings.filter((w) => w.code === 'missing-label')).toEqual([]);
    // Every ATTRIB_SIRET went through a spreadsheet as a float ("45032466000000.0"): one error per
    // row, and the rows are numbered by records, so the quoted newlines do not shift them.
    expect(report.errors.every((e) => e.code === 'constraint-error' && e.field === 'ATTRIB_SIRET' && e.rule === 'pattern')).toBe(true);
    expect(report.errors.map((e) => e.row)).toEqual(range(2, 563));
    // Values read by Python's csv module for these records (row 7 has a multi-line cell, 558 is the last one).
    const siret = (row: number) => report.errors.find((e) => e.row === row)!.value;
    expect([siret(7), siret(8), siret(558), siret(559), siret(563)]).toEqual(['50079414400100.0', '50474353500000.0', '78156649200000.0', '38844704700000.0', '43442653200000.0']);
    // NON is a boolean, 10000.0 a number, the dates ISO: no other finding.
    expect(report.stats).toMatchObject({ rows: 562, invalidRows: 562, errors: 562 });
  });

  test('Haute-Garonne: UTF-8, capitalised enum values, "_" periods, one row without beneficiary', async () => {
    const { report } = await validateFile(subventions('SCDL_DEP_Haute_Garonne_datalocale-subvention.csv'), SCDL());
    expect(report.dialect).toMatchObject({ encoding: 'utf-8', bom: false, delimiter: ';', lineTerminator: '\r\n' });
    expect(report.stats).toMatchObject({ rows: 69, invalidRows: 69 });
    const count = (code: string, field: string | undefined, rule: string) => report.errors.filter((e) => e.code === code && e.field === field && e.rule === rule).length;
    // "Aide en numéraire" on all 69 rows: the enum is lower case.
    expect(count('constraint-error', 'nature', 'enum')).toBe(69);
    expect(report.errors.find((e) => e.row === 2 && e.field === 'nature')).toMatchObject({ value: 'Aide en numéraire', column: 9 });
    // 40 periods written with "_", 29 empty ones (required).
    expect(count('constraint-error', 'datesPeriodeVersement', 'pattern')).toBe(40);
    expect(count('constraint-error', 'datesPeriodeVersement', 'required')).toBe(29);
    expect(count('constraint-error', 'conditionsVersement', 'required')).toBe(4);
    // Row 35 names no beneficiary and gives no SIRET.
    expect(keys(report.errors.filter((e) => e.row === 35))).toEqual(
      sorted(['35 constraint-error nature enum', '35 constraint-error datesPeriodeVersement required', '35 constraint-error nomBeneficiaire required', '35 one-of-required - one-of-required']),
    );
    expect(report.errors).toHaveLength(69 + 40 + 29 + 4 + 2);
    // 2400.0 and 1.0 are numbers; every SIRET's key is right.
    expect(report.errors.filter((e) => e.field === 'montant' || e.field === 'pourcentageSubvention' || e.code === 'french-siret-value')).toEqual([]);
  });
});

describeShared('communes: eucircos (national commune table, 3.8 MB)', () => {
  test('63 ragged rows are missing-cell errors; the last record has no final newline', async () => {
    const file = sharedPath('files/communes/eucircos_regions_departements_circonscriptions_communes_gps.csv');
    expect(fs.readFileSync(file).subarray(-1)[0]).not.toBe(0x0a);
    const communes: RowSchema = {
      type: 'object',
      properties: {
        EU_circo: { type: 'string' },
        code_region: { type: 'string', pattern: '^\\d{1,2}$' }, // header: code_région
        nom_région: { type: 'string' }, // exact
        numero_departement: { type: 'string', pattern: '^(?:\\d{2,3}|2[AB])$' }, // header: numéro_département
        nom_commune: { type: 'string', minLength: 1 },
        code_insee: { type: 'string', pattern: '^(?:\\d{5}|2[AB]\\d{3})$' },
        latitude: { type: 'number', minimum: -90, maximum: 90 },
        longitude: { type: 'number', minimum: -180, maximum: 180 },
        éloignement: { type: 'number' },
      },
      required: ['nom_commune', 'code_insee'],
      // 88 éloignement cells hold a single space: no value (checked), not a number to reject here.
      'x-missingValues': ['', ' '],
    };
    const { report } = await validateFile(file, communes);
    expect(report.dialect).toMatchObject({ encoding: 'utf-8', bom: false, delimiter: ';', lineTerminator: '\n' });
    expect(report.dialect.header).toEqual([
      'EU_circo', 'code_région', 'nom_région', 'chef-lieu_région', 'numéro_département', 'nom_département', 'préfecture',
      'numéro_circonscription', 'nom_commune', 'codes_postaux', 'code_insee', 'latitude', 'longitude', 'éloignement',
    ]);
    // Accented headers map to unaccented property names; the five unused columns are extra.
    // Difference from Validata, which only ignores case (structure_warnings.py lower-cases both
    // sides): there "code_région" would not match a field "code_region". Accents dropped or
    // added by a spreadsheet are a common drift in French files; we tolerate them (contract §4).
    expect(report.warnings.every((w) => w.code === 'extra-label')).toBe(true);
    expect(report.warnings.map((w) => w.field)).toEqual(['chef-lieu_région', 'nom_département', 'préfecture', 'numéro_circonscription', 'codes_postaux']);
    // 36,846 records, the last one without a final newline: all read.
    expect(report.stats).toMatchObject({ rows: 36846, invalidRows: 63, errors: 63 });
    // 13 cells for 14 headers: éloignement is missing (rows from Python's csv module).
    expect(report.errors.every((e) => e.code === 'missing-cell' && e.column === 14 && e.field === 'éloignement')).toBe(true);
    const rows = report.errors.map((e) => e.row!);
    expect(rows.slice(0, 5)).toEqual([5113, 5174, 5184, 5238, 5250]);
    expect(rows.slice(-3)).toEqual([34694, 34821, 34907]);
    expect(report.errors[0].message).toBe("La ligne 5113 n'a pas de cellule pour « éloignement » (colonne 14).");
  });
});
