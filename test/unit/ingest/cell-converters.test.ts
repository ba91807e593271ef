import { compileConverter, TYPE_ERROR } from '../../../catalogue/ingest/cell-converters';
import type { ColumnSpec } from '../../../catalogue/validation/row-schema';

const column = (over: Partial<ColumnSpec>): ColumnSpec => ({
  name: 'c', kind: 'string', required: false, decimalChar: '.', bareNumber: true, missingValues: [''], ...over,
});

describe('cell converters', () => {
  it('keep INSEE codes and leading zeros as strings', () => {
    const c = compileConverter(column({ kind: 'string' }));
    expect(c('2A004')).toBe('2A004');
    expect(c('01009')).toBe('01009');
  });

  it('convert integers strictly', () => {
    const c = compileConverter(column({ kind: 'integer' }));
    expect(c('42')).toBe(42);
    expect(c('-7')).toBe(-7);
    expect(c('4.2')).toBe(TYPE_ERROR);
    expect(c('12a')).toBe(TYPE_ERROR);
    expect(c('99999999999999999999')).toBe(TYPE_ERROR);
  });

  it('convert French decimals with space, no-break space and narrow no-break space groups', () => {
    const c = compileConverter(column({ kind: 'number', decimalChar: ',', groupChar: ' ' }));
    expect(c('12 500,50')).toBe(12500.5);
    expect(c('17\u00a0833')).toBe(17833);
    expect(c('1\u202f000,5')).toBe(1000.5);
    expect(c('12,5x')).toBe(TYPE_ERROR);
  });

  it('refuse a decimal comma when the schema expects a point', () => {
    expect(compileConverter(column({ kind: 'number' }))('12,5')).toBe(TYPE_ERROR);
  });

  it('strip units when bareNumber is false', () => {
    const c = compileConverter(column({ kind: 'number', bareNumber: false }));
    expect(c('12.5 €')).toBe(12.5);
    expect(c('95%')).toBe(95);
  });

  it('read French booleans case-insensitively by default, and a schema list exactly', () => {
    const d = compileConverter(column({ kind: 'boolean' }));
    expect([d('Oui'), d('NON'), d('vrai'), d('Faux'), d('1'), d('0'), d('TRUE')]).toEqual([true, false, true, false, true, false, true]);
    expect(d('peut-être')).toBe(TYPE_ERROR);
    const exact = compileConverter(column({ kind: 'boolean', trueValues: ['oui'], falseValues: ['non'] }));
    expect(exact('oui')).toBe(true);
    expect(exact('Oui')).toBe(TYPE_ERROR);
  });

  it('normalise dates to ISO with the declared pattern', () => {
    expect(compileConverter(column({ kind: 'date', dateFormat: '%d/%m/%Y' }))('08/09/2017')).toBe('2017-09-08');
    expect(compileConverter(column({ kind: 'date' }))('08/09/2017')).toBe(TYPE_ERROR);
    expect(compileConverter(column({ kind: 'date', dateFormat: 'any' }))('2017/09/08')).toBe('2017-09-08');
  });

  it('check times, years and JSON cells', () => {
    expect(compileConverter(column({ kind: 'time' }))('08:30')).toBe('08:30');
    expect(compileConverter(column({ kind: 'time' }))('8h30')).toBe(TYPE_ERROR);
    expect(compileConverter(column({ kind: 'year' }))('2024')).toBe(2024);
    expect(compileConverter(column({ kind: 'json' }))('[1, 2]')).toBe('[1,2]');
    expect(compileConverter(column({ kind: 'json' }))('{x')).toBe(TYPE_ERROR);
  });
});
