import { EXTENSION_KEYWORDS, getAjv, isKnownFormat, isKnownKeyword } from '../../../catalogue/validation/ajv-instance';

describe('the Ajv instance', () => {
  test('is one instance', () => {
    expect(getAjv()).toBe(getAjv());
  });

  test('knows our x- keywords, annotations and ajv-formats keywords; not made-up ones', () => {
    for (const keyword of EXTENSION_KEYWORDS) expect(isKnownKeyword(keyword)).toBe(true);
    expect(isKnownKeyword('title')).toBe(true);
    expect(isKnownKeyword('formatMinimum')).toBe(true);
    expect(isKnownKeyword('countryCode')).toBe(false);
    expect(isKnownFormat('email')).toBe(true);
    expect(isKnownFormat('int42')).toBe(false);
  });

  test('x- keywords are annotations: they validate nothing', () => {
    const validate = getAjv().compile({ type: 'object', 'x-primaryKey': ['a'], properties: { a: { type: 'string', 'x-trueValues': ['oui'] } } });
    expect(validate({ a: 'x' })).toBe(true);
  });

  test('date-time and time accept a value without offset (CSV datetimes rarely have one)', () => {
    const validate = getAjv().compile({ type: 'string', format: 'date-time' });
    expect(validate('2020-06-22T10:00:00')).toBe(true);
    expect(validate('2022-10-18T12:35:49+0000')).toBe(true);
    expect(validate('2020-13-22T10:00:00')).toBe(false);
    expect(getAjv().compile({ type: 'string', format: 'time' })('10:00:00')).toBe(true);
  });

  test('formatMinimum / formatMaximum compare dates', () => {
    const validate = getAjv().compile({ type: 'string', format: 'date', formatMinimum: '2000-01-01', formatMaximum: '2000-12-31' });
    expect(validate('2000-06-01')).toBe(true);
    expect(validate('1999-12-31')).toBe(false);
    expect(validate('2001-01-01')).toBe(false);
  });

  test('the meta-schema accepts patterns that only compile without the u flag', () => {
    expect(getAjv().validateSchema({ type: 'string', pattern: "^[\\-\\']+$" })).toBe(true);
  });
});
