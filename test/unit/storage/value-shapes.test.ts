import { storeTypeParsers } from '../../../catalogue/storage/dialects/postgres-types';
import { toUtcIso } from '../../../catalogue/storage/dialects/sqlite-values';

describe('datetimes written to SQLite', () => {
  it.each([
    ['2024-03-01T10:15:30Z', '2024-03-01T10:15:30.000Z'],
    ['2024-03-01T12:15:30+02:00', '2024-03-01T10:15:30.000Z'],
    ['2024-03-01T12:15:30+0200', '2024-03-01T10:15:30.000Z'],
    ['2024-03-01T10:15:30', '2024-03-01T10:15:30.000Z'],
    ['2024-03-01 10:15:30.25', '2024-03-01T10:15:30.250Z'],
    ['2024-03-01', '2024-03-01T00:00:00.000Z'],
  ])('%j becomes %j, as PostgreSQL returns it', (input, expected) => {
    expect(toUtcIso(input)).toBe(expected);
  });

  it('leaves null and unparseable text alone', () => {
    expect(toUtcIso(null)).toBeNull();
    expect(toUtcIso(undefined)).toBeNull();
    expect(toUtcIso('pas une date')).toBe('pas une date');
  });
});

describe('PostgreSQL result parsers', () => {
  const parse = (oid: number, text: string) => storeTypeParsers.getTypeParser(oid, 'text')(text);

  it('gives numbers for int8 and numeric', () => {
    expect(parse(20, '9007199254740991')).toBe(9007199254740991);
    expect(parse(1700, '12.50')).toBe(12.5);
  });

  it('gives ISO strings for date and timestamps', () => {
    expect(parse(1082, '2024-02-29')).toBe('2024-02-29');
    expect(parse(1184, '2024-03-01 10:15:30.123456+00')).toBe('2024-03-01T10:15:30.123Z');
    expect(parse(1114, '2024-03-01 10:15:30')).toBe('2024-03-01T10:15:30.000Z');
    expect(parse(1184, 'infinity')).toBe('infinity');
  });

  it('leaves other types to node-postgres', () => {
    expect(parse(16, 't')).toBe(true);
    expect(parse(23, '42')).toBe(42);
  });
});
