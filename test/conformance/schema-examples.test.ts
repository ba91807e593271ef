/**
 * The example files published with the schemas of schema.data.gouv.fr (../shared/data/schemas, see
 * its SOURCES.md), validated against their folder's schema through the real pipeline.
 *
 * Valid examples must be valid; invalid ones must be invalid for the reasons their authors put in
 * them (each expected finding below was checked by reading the file). Where our verdict or our
 * findings differ from Validata's or frictionless-py's, the test says how and why, and asserts
 * what we do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeShared, hasSharedData, sharedPath } from '../support/shared-data';
import { expectFrenchMessages, keys, sorted, validateFile } from '../support/conformance';

const schemas = (...parts: string[]) => sharedPath('schemas', ...parts);
const run = (dir: string, file: string, schemaFile = 'schema.json') => validateFile(schemas(dir, file), schemas(dir, schemaFile));

/** Data rows (csv module count), delimiter and record terminator of each example, read from the bytes. */
const VALID: Record<string, { rows: number; delimiter: string; lineTerminator: string }> = {
  'arbres/exemple-valide.csv': { rows: 4, delimiter: ';', lineTerminator: '\r\n' },
  'comptage-mobilites-channel/exemple-valide-eco-compteur.csv': { rows: 5, delimiter: ',', lineTerminator: '\n' },
  'comptage-mobilites-channel/exemple-valide.csv': { rows: 1, delimiter: ',', lineTerminator: '\n' },
  'dae/exemple_valide.csv': { rows: 3, delimiter: ',', lineTerminator: '\n' },
  'fontaine-eau/exemple-valide.csv': { rows: 3, delimiter: ',', lineTerminator: '\r\n' },
  'irve-dynamique/exemple-valide.csv': { rows: 2, delimiter: ',', lineTerminator: '\n' },
  'irve-statique/exemple-valide.csv': { rows: 2, delimiter: ',', lineTerminator: '\n' },
  'irve-v1/exemple-valide.csv': { rows: 2, delimiter: ';', lineTerminator: '\n' },
  'lieux-covoiturage/exemple-valide.csv': { rows: 1, delimiter: ',', lineTerminator: '\n' },
  'scdl-subventions/exemple_valide.csv': { rows: 29, delimiter: ',', lineTerminator: '\n' },
  // The quoted newline inside coordonneesxy is cell content, not a record end.
  'stationnement-cyclable/exemple-valide.csv': { rows: 1, delimiter: ',', lineTerminator: '\n' },
  'stationnement/exemple-valide.csv': { rows: 2, delimiter: ',', lineTerminator: '\n' },
};

const INVALID: Record<string, { rows: number }> = {
  'comptage-mobilites-channel/exemple-invalide.csv': { rows: 4 },
  'dae/exemple_invalide.csv': { rows: 4 },
  'dae/exemple_invalide_complet.csv': { rows: 1 },
  'dae/exemple_invalide_structure.csv': { rows: 3 },
  'lieux-covoiturage/exemple-invalide.csv': { rows: 2 },
  'scdl-subventions/exemple_invalide_erreurs_cellules.csv': { rows: 29 },
  'scdl-subventions/exemple_invalide_erreurs_colonnes.csv': { rows: 29 },
  'stationnement/exemple-invalide.csv': { rows: 1 },
};

/** Listed at collection time, which happens even when describeShared skips: guard the read. */
function examples(prefix: string): string[] {
  if (!hasSharedData) return [];
  const found: string[] = [];
  for (const dir of fs.readdirSync(schemas())) {
    if (!fs.statSync(schemas(dir)).isDirectory()) continue;
    for (const name of fs.readdirSync(schemas(dir))) {
      if (name.startsWith(prefix) && name.endsWith('.csv')) found.push(`${dir}/${name}`);
    }
  }
  return found.sort();
}

const splitPath = (file: string) => [path.dirname(file), path.basename(file)] as const;

describeShared('schema examples: verdicts', () => {
  test('every published example is classified here (a new one must be looked at)', () => {
    expect(examples('exemple-valide').concat(examples('exemple_valide')).sort()).toEqual(Object.keys(VALID).sort());
    expect(examples('exemple-invalide').concat(examples('exemple_invalide')).sort()).toEqual(Object.keys(INVALID).sort());
  });

  test.each(Object.entries(VALID))('%s is valid', async (file, expected) => {
    const { report } = await run(...splitPath(file));
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    // Every column of the header maps to the schema and every schema column is present.
    expect(report.warnings).toEqual([]);
    expect(report.stats).toMatchObject({ rows: expected.rows, validRows: expected.rows, invalidRows: 0, errors: 0 });
    expect(report.dialect).toMatchObject({ encoding: 'utf-8', bom: false, delimiter: expected.delimiter, lineTerminator: expected.lineTerminator });
  });

  test.each(Object.entries(INVALID))('%s is invalid, with French messages', async (file, expected) => {
    const { report } = await run(...splitPath(file));
    expect(report.valid).toBe(false);
    expect(report.stats.rows).toBe(expected.rows);
    expect(report.errors.length).toBeGreaterThan(0);
    expectFrenchMessages(report);
  });
});

describeShared('dae (défibrillateurs, Alkante v1.0.0)', () => {
  test('exemple_valide: headers written "a, b, c" are read without their leading space', async () => {
    const { report, rows, schemaWarnings } = await run('dae', 'exemple_valide.csv');
    expect(report.valid).toBe(true);
    // Difference from frictionless-py, which reads without skipInitialSpace unless told: its labels
    // would be " lat_coor1"… and match no field. We sniff the space after every delimiter.
    expect(report.dialect.header.slice(0, 3)).toEqual(['nom', 'lat_coor1', 'long_coor1']);
    expect(report.dialect.header[25]).toBe('fab_rais'); // written with two spaces after the comma
    expect(rows[0]).toMatchObject({ nom: 'DAE-MinSanté-Duquesne', lat_coor1: 48.8521329, acc: 'Intérieur', acc_lib: true, dermnt: '2019-09-30' });
    // Difference from tableschema-js, which applies `pattern` to date fields (to the parsed date's
    // text: this valid file fails there). frictionless-py ignores a constraint the type does not
    // support, and so do we, with a warning per field; the date type already checks the format.
    expect(schemaWarnings.filter((w) => /la contrainte pattern ne s'applique pas au type date/.test(w))).toHaveLength(4);
  });

  test('exemple_invalide: each planted mistake, on its row and column', async () => {
    const { report } = await run('dae', 'exemple_invalide.csv');
    const telephones = (row: number) => ['tel1', 'tel2', 'expt_tel1', 'expt_tel2'].map((f) => `${row} constraint-error ${f} pattern`);
    expect(keys(report.errors)).toEqual(
      sorted([
        // Row 2: lower-case enum value, "true" where the field lists oui/non, "htp://", ", " instead
        // of "|", a free word, 11 digits after +33, month 13.
        '2 constraint-error acc enum',
        '2 type-error acc_acc type',
        '2 constraint-error photo2 pattern',
        '2 constraint-error disp_j pattern',
        '2 constraint-error disp_h pattern',
        ...telephones(2),
        '2 type-error dtpr_bat type',
        // Row 3: latitude 148, 6-digit postcode, URL without scheme, days glued together,
        // singular "heure ouvrable", 12-digit phone number, "@@" in the e-mail (pattern and format).
        '3 constraint-error lat_coor1 maximum',
        '3 constraint-error com_cp pattern',
        '3 constraint-error acc enum',
        '3 constraint-error photo1 pattern',
        '3 constraint-error disp_j pattern',
        '3 constraint-error disp_h pattern',
        ...telephones(3),
        '3 constraint-error site_email pattern',
        '3 constraint-error site_email format',
        // Row 4: "ouie", a .txt photo, "@@" again. ("nonn" in acc_etg and "moiss" are free text.)
        '4 type-error acc_lib type',
        '4 constraint-error acc enum',
        '4 constraint-error photo1 pattern',
        ...telephones(4),
        '4 constraint-error site_email pattern',
        '4 constraint-error site_email format',
        // Row 5: a .bmp photo, a day name as hours, month 13.
        '5 type-error dtpr_bat type',
        '5 constraint-error acc enum',
        '5 constraint-error photo1 pattern',
        '5 constraint-error disp_h pattern', // "mercredi"
        ...telephones(5),
      ]),
    );
    const month13 = report.errors.find((e) => e.row === 2 && e.field === 'dtpr_bat')!;
    // A date that cannot be read is a type-error (contract), not the schema's ignored pattern.
    expect(month13).toMatchObject({ code: 'type-error', column: 35, value: '2019-13-30', rule: 'type' });
    expect(month13.message).toBe("« 2019-13-30 » n'est pas une date au format AAAA-MM-JJ.");
    expect(report.errors.find((e) => e.row === 2 && e.field === 'acc_acc')!.message).toBe("« true » n'est pas un booléen (oui, non).");
    // Difference from frictionless-py/Validata: there `format: email` is part of the type, so the
    // "@@" cell is one type-error and its pattern is not checked. Here the string converts, and
    // both rules it breaks are reported (contract: `format` of a string is a constraint-error).
    expect(report.errors.filter((e) => e.row === 3 && e.field === 'site_email').map((e) => e.value)).toEqual(['p.nom@@domaine.fr', 'p.nom@@domaine.fr']);
    expect(report.stats).toMatchObject({ rows: 4, validRows: 0, invalidRows: 4, errors: 39 });
  });

  test('exemple_invalide_complet: every field of the one row is wrong', async () => {
    const { report } = await run('dae', 'exemple_invalide_complet.csv');
    expect(keys(report.errors)).toEqual(
      sorted([
        '2 constraint-error nom required', // empty required name
        '2 constraint-error lat_coor1 maximum', // 148.85
        '2 constraint-error long_coor1 maximum', // 292.31
        '2 constraint-error com_cp pattern', // 753500
        '2 constraint-error com_insee pattern', // 750560
        '2 constraint-error acc enum', // intérieur
        '2 type-error acc_lib type', // ouie
        '2 type-error acc_pcsec type',
        '2 type-error acc_acc type',
        '2 constraint-error photo1 pattern', // no scheme
        '2 constraint-error photo2 pattern', // .jpg.txt: the pattern has no $, the full match rejects it
        '2 constraint-error disp_j pattern', // lundi,mardi
        '2 constraint-error disp_h pattern', // 24h24
        '2 constraint-error tel1 pattern', // +33 and 10 digits
        '2 constraint-error tel2 pattern',
        '2 constraint-error site_email pattern',
        '2 constraint-error site_email format',
        '2 constraint-error etat_fonct enum', // Enn fonctionnement
        '2 type-error dtpr_lcped type', // 2019-09-300
        '2 type-error dtpr_lcad type',
        '2 type-error dtpr_bat type',
        '2 constraint-error expt_tel1 pattern',
        '2 constraint-error expt_tel2 pattern',
        '2 constraint-error expt_email pattern',
        '2 constraint-error expt_email format',
      ]),
    );
    expect(report.errors.find((e) => e.field === 'nom')).toMatchObject({ column: 1, value: '', message: 'le champ est obligatoire' });
    expect(report.errors.find((e) => e.field === 'long_coor1')!.message).toBe('« 292.3068453 » est supérieur au maximum autorisé (180)');
  });

  test('exemple_invalide_structure: a missing required column is an error, other header drift warnings', async () => {
    const { report } = await run('dae', 'exemple_invalide_structure.csv');
    // lat_coor1 is written lat_coor12; com_cp is written adr_cp; expt_tel2 is replaced by expt_insee.
    // Validata's rule (its structure_warnings.py): missing required column → error; missing
    // optional or extra column → warning. frictionless-py matches labels by position and would
    // report label errors on columns 2, 6 and 41 instead.
    expect(keys(report.errors)).toEqual(['1 missing-label lat_coor1 -']);
    expect(report.errors[0].message).toBe('La colonne obligatoire « lat_coor1 » est absente du fichier.');
    expect(keys(report.warnings)).toEqual(
      sorted(['1 extra-label lat_coor12 -', '1 extra-label adr_cp -', '1 extra-label expt_insee -', '1 missing-label com_cp -', '1 missing-label expt_tel2 -']),
    );
    expect(report.warnings.find((w) => w.field === 'adr_cp')).toMatchObject({ column: 6 });
    // The rows themselves are fine; the file is invalid because of its header.
    expect(report.stats).toMatchObject({ rows: 3, validRows: 3, invalidRows: 0, errors: 1 });
    expect(report.valid).toBe(false);
  });
});

describeShared('comptage-mobilites-channel v0.2.0', () => {
  test('exemple-invalide: a repeated primary key and unknown mobility types', async () => {
    const { report, schemaWarnings } = await run('comptage-mobilites-channel', 'exemple-invalide.csv');
    expect(keys(report.errors)).toEqual(
      sorted(['3 primary-key-error channel_id primaryKey', '4 constraint-error mobility_type pattern', '5 constraint-error mobility_type pattern']),
    );
    const repeat = report.errors.find((e) => e.code === 'primary-key-error')!;
    expect(repeat.value).toBe('test-primary-key-duplicate');
    expect(repeat.message).toMatch(/apparaît déjà ligne 2/);
    expect(report.errors.filter((e) => e.field === 'mobility_type').map((e) => e.value)).toEqual(['ERR001', 'ERR002,PEDESTRIAN']);
    // Rows 2 and 3 leave temporality and started_at empty. The schema writes `required: true`
    // (and temporality's enum) outside `constraints`, where Table Schema does not look:
    // frictionless-py and Validata ignore them, and so do we, with a warning. The authors meant
    // them as rules; a validator honouring them would add required errors on rows 2 and 3.
    expect(report.errors.filter((e) => e.row === 2)).toEqual([]);
    expect(schemaWarnings).toContainEqual(expect.stringMatching(/« started_at » : « required » est placé hors de « constraints »/));
  });

  test('exemple-valide-eco-compteur: +0200 offsets are read (and written +02:00)', async () => {
    const { report, rows } = await run('comptage-mobilites-channel', 'exemple-valide-eco-compteur.csv');
    expect(report.valid).toBe(true);
    // Python's datetime accepts "+0200"; ISO 8601 extended form wants "+02:00", which is what we store.
    expect(rows[0]).toMatchObject({ channel_id: '353226361', started_at: '2010-07-13T00:00:00+02:00', last_updated_at: '2021-09-16T04:00:00+02:00', time_step: 3600 });
    // A pattern JavaScript's u mode rejects (\-) still applies: two sensor types in one cell pass.
    expect(rows[1].counter_type).toBe('VIDEO SENSOR,PIEZOELECTRIC SENSOR');
  });
});

describeShared('IRVE', () => {
  test('irve-dynamique: "+0000" offsets (no colon) are accepted', async () => {
    const { report, rows } = await run('irve-dynamique', 'exemple-valide.csv');
    // Difference from tableschema-js, which rejects an offset without a colon; Python (frictionless,
    // Validata) accepts it. We side with the published valid example and normalise the offset.
    expect(report.valid).toBe(true);
    expect(rows.map((r) => r.horodatage)).toEqual(['2022-10-18T12:35:49+00:00', '2022-10-18T12:35:49+00:00']);
    expect(rows[0].etat_prise_type_chademo).toBeNull(); // an empty optional cell
  });

  test('irve-v1: %Y/%m/%d accepts "2018/3/31" as Python strptime does', async () => {
    const { report, rows } = await run('irve-v1', 'exemple-valide.csv');
    // Difference from the JavaScript Table Schema implementations, which want two-digit months:
    // the second row of this *valid* example would fail there. Validata (strptime) accepts it.
    expect(report.valid).toBe(true);
    expect(rows.map((r) => r.date_maj)).toEqual(['2018-03-31', '2018-03-31']);
    // The INSEE code keeps its leading zero (a string field); the header's "accessibilité" maps.
    expect(rows[0]).toMatchObject({ code_insee: '06090', Xlongitude: 6.92641, Ylatitude: 43.59413, nbre_pdc: 2, accessibilité: '24h/24' });
  });

  test('irve-statique: the row named "Exemple invalide" passes the current relaxed pattern', async () => {
    const { report, rows } = await run('irve-statique', 'exemple-valide.csv');
    expect(report.valid).toBe(true);
    expect(rows[1].nom_amenageur).toMatch(/^Exemple invalide/);
    expect(rows[1].id_station_itinerance).toBe('ESZUNP395912133460086982');
    // geopoint (format array) stays the cell's text, checked by shape and lon/lat ranges.
    expect(rows[0]).toMatchObject({ coordonneesXY: '[7.48710500,48.345345]', prise_type_ef: true, gratuit: false, date_maj: '2021-04-05' });
  });
});

describeShared('other schemas', () => {
  test('arbres: latitude and longitude swapped on row 2 (49.8 as longitude) pass', async () => {
    const { report, rows } = await run('arbres', 'exemple-valide.csv');
    // The schema only bounds both columns to [-180, 180] and declares no french-gps-coordinates
    // check: neither Validata nor we can see the swap. Asserted so that a future check is a
    // deliberate change.
    expect(report.valid).toBe(true);
    expect(rows[0]).toMatchObject({ id: 1, longitude: 49.802, latitude: 0.3768, remarquable: false, eclairage: true });
    expect(rows[1].nom_vernaculaire).toBe('Poirier "chanticleerc"'); // doubled quotes inside a quoted cell
  });

  test('stationnement: the N/A token is text the pattern allows; the invalid example has three faults', async () => {
    const valid = await run('stationnement', 'exemple-valide.csv');
    expect(valid.rows.map((r) => r.hauteur_max)).toEqual(['290', 'N/A']);
    expect(valid.rows[0]).toMatchObject({ gratuit: true, nb_places: 325, num_siret: '21920044100018' });

    const { report } = await run('stationnement', 'exemple-invalide.csv');
    // SOURCES.md names the id pattern and the tarif_pmr enum. The SIRET 80295478500028 also fails
    // its Luhn key (checked by hand), so the schema's french-siret-value check fires, as in Validata.
    expect(keys(report.errors)).toEqual(
      sorted(['2 constraint-error id pattern', '2 constraint-error tarif_pmr enum', '2 french-siret-value num_siret french-siret-value']),
    );
    expect(report.errors.find((e) => e.field === 'id')).toMatchObject({ column: 1, value: 'P-001' });
    expect(report.errors.find((e) => e.field === 'tarif_pmr')!.message).toBe('« inconnu » : valeur non autorisée, valeurs permises : gratuit, normal_payant, tarif_special');
    expect(report.errors.find((e) => e.code === 'french-siret-value')).toMatchObject({ column: 18, value: '80295478500028' });
  });

  test('stationnement-cyclable: a quoted newline stays in its cell', async () => {
    const { report, rows } = await run('stationnement-cyclable', 'exemple-valide.csv');
    expect(report.stats.rows).toBe(1);
    expect(rows[0]).toMatchObject({ coordonneesxy: '[5.7145295,45.191463]\n', capacite: 8, gratuit: true, d_service: 2017, date_maj: '2020-09-17' });
    expect(rows[0].commentaires).toBe('L’accès au parking vélo est au sous-sol de la gare');
  });

  test('fontaine-eau: True/False booleans, string bounds in the schema', async () => {
    const { report, rows } = await run('fontaine-eau', 'exemple-valide.csv');
    expect(report.valid).toBe(true);
    expect(rows.map((r) => [r.accessible_pmr, r.remplissage_contenant_possible])).toEqual([[true, true], [false, true], [true, false]]);
    expect(rows[1]).toMatchObject({ id: 'GF92742', date_installation: null, indisponible: '2024-03-10', latitude: 48.83651057921518 });
  });

  test('lieux-covoiturage: a dd-mm-yyyy date is a type-error; the custom checks are not run', async () => {
    const { report, schemaWarnings } = await run('lieux-covoiturage', 'exemple-invalide.csv');
    expect(report.errors).toEqual([
      expect.objectContaining({ code: 'type-error', row: 3, field: 'date_maj', column: 7, value: '24-06-2019', rule: 'type', message: "« 24-06-2019 » n'est pas une date au format %Y-%m-%d." }),
    ]);
    // Row 3 also swaps Xlong (49.92) and Ylat (1.07): both stay within their ranges, undetected.

    const valid = await run('lieux-covoiturage', 'exemple-valide.csv');
    expect(valid.report.valid).toBe(true);
    // Difference from Validata, which runs the schema's opening-hours-value check (OpenStreetMap
    // syntax) on `horaires`: the example holds "true" there, which is no opening-hours expression,
    // so Validata would most likely reject this "valid" example. We do not implement that check and
    // say so at import.
    expect(valid.rows[0].horaires).toBe('true');
    expect(schemaWarnings).toContainEqual(expect.stringMatching(/« opening-hours-value » \(colonne « horaires »\) non pris en charge/));
  });
});
