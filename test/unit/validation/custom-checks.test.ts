import { compileRowChecks, isLuhnValid, isValidSiret, runRowChecks } from '../../../catalogue/validation/custom-checks';

describe('Luhn and SIRET', () => {
  test('Luhn', () => {
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(isLuhnValid('732829320')).toBe(true);
  });

  test.each([
    ['73282932000074', true],
    ['73282932000079', false], // bad check digit
    ['21060004500392', true], // from Validata's SCDL subventions tests
    ['52499120500013', true],
    ['52499120500', false], // 11 digits
    ['5249912050001A', false],
    ['732 829 320 00074', true], // stdnum treats spaces and dots as separators
    ['35600000000048', true], // La Poste head office: ordinary Luhn
    ['35600000052135', true], // La Poste establishment: digit sum 30, Luhn fails
    ['35600000000001', true], // digit sum 15
    ['35600000000002', false], // digit sum 16
    ['12345678900001', false],
  ])('%s → %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });

  test('a La Poste SIRET is not valid by Luhn alone: the exception matters', () => {
    expect(isLuhnValid('35600000052135')).toBe(false);
  });
});

describe('row checks', () => {
  const checks = [
    { name: 'one-of-required' as const, column1: 'idBeneficiaire', column2: 'rnaBeneficiaire' },
    { name: 'french-siret-value' as const, column: 'idBeneficiaire' },
  ];
  const run = compileRowChecks(checks);

  test('one-of-required: at least one of the two columns', () => {
    expect(run({ idBeneficiaire: '52499120500013' })).toEqual([]);
    expect(run({ rnaBeneficiaire: 'W123456789' })).toEqual([]);
    expect(run({ idBeneficiaire: '', rnaBeneficiaire: null })).toEqual([
      { code: 'one-of-required', rule: 'one-of-required', message: "au moins l'un des champs « idBeneficiaire » ou « rnaBeneficiaire » doit être renseigné" },
    ]);
  });

  test('french-siret-value: empty cells are left to required', () => {
    expect(run({ idBeneficiaire: '52499120500', rnaBeneficiaire: 'W123456789' })).toEqual([
      { code: 'french-siret-value', field: 'idBeneficiaire', rule: 'french-siret-value', message: "« 52499120500 » n'est pas un numéro SIRET valide" },
    ]);
  });

  test('a number value (integer column) is checked as its digits', () => {
    expect(runRowChecks([{ name: 'french-siret-value', column: 's' }], { s: 73282932000074 })).toEqual([]);
  });

  test('passing rows share one frozen empty array', () => {
    const ok = run({ idBeneficiaire: '52499120500013' });
    expect(run({ rnaBeneficiaire: 'W123456789' })).toBe(ok);
    expect(Object.isFrozen(ok)).toBe(true);
    expect(compileRowChecks([])({})).toEqual([]);
  });
});
