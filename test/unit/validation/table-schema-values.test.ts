import { readBoolean, readInteger, readNumber, readTemporal, strptimeToIso } from '../../../catalogue/validation/table-schema-values';

describe('Table Schema constraint values', () => {
  test('numbers follow the field decimal and group characters', () => {
    expect(readNumber('1 234,5', { decimalChar: ',', groupChar: ' ', bareNumber: true })).toBe(1234.5);
    expect(readNumber('12 €', { decimalChar: '.', bareNumber: false })).toBe(12);
    expect(readNumber('12 €', { decimalChar: '.', bareNumber: true })).toBeUndefined();
    expect(readNumber(3, { decimalChar: '.', bareNumber: true })).toBe(3);
    expect(readInteger('3', { decimalChar: '.', bareNumber: true })).toBe(3);
    expect(readInteger('3.5', { decimalChar: '.', bareNumber: true })).toBeUndefined();
  });

  test('booleans match the listed values exactly', () => {
    expect(readBoolean('oui', ['oui'], ['non'])).toBe(true);
    expect(readBoolean('Oui', ['oui'], ['non'])).toBeUndefined();
    expect(readBoolean(false, ['oui'], ['non'])).toBe(false);
  });

  test('strftime patterns become ISO', () => {
    expect(strptimeToIso('31/03/2018', '%d/%m/%Y', 'date')).toBe('2018-03-31');
    expect(strptimeToIso('2018/3/1', '%Y/%m/%d', 'date')).toBe('2018-03-01');
    expect(strptimeToIso('01/02/2020 8:05', '%d/%m/%Y %H:%M', 'datetime')).toBe('2020-02-01T08:05:00');
    expect(strptimeToIso('31/02/2018', '%d/%m/%Y', 'date')).toBeUndefined();
    expect(strptimeToIso('2018', '%j', 'date')).toBeUndefined();
  });

  test('temporal values: the field format first, then ISO', () => {
    expect(readTemporal('01/01/2000', 'date', '%d/%m/%Y')).toBe('2000-01-01');
    expect(readTemporal('2000-01-01', 'date', '%d/%m/%Y')).toBe('2000-01-01');
    expect(readTemporal('2000-01-01T00:00:00Z', 'datetime')).toBe('2000-01-01T00:00:00Z');
    expect(readTemporal('demain', 'date')).toBeUndefined();
  });
});
