import fc from 'fast-check';
import { csvCell, neutraliseFormula } from '../../../server/render/csv-cells';

describe('CSV cells', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+A1', '-A1', '@SUM(A1)', '\tcmd', '\rcmd', "=HYPERLINK(\"http://x\")", '-', '+', '- tiret']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
  });

  it('leaves numbers and ordinary text alone', () => {
    for (const text of ['-12', '+33', '-12,5', '-0.5', '+1e5', '.5', 'Évreux', '', ' =pas en tête', "l'Eure"]) {
      expect(neutraliseFormula(text)).toBe(text);
    }
  });

  it('formats values by type, with an optional decimal comma', () => {
    expect(csvCell(null, false)).toBe('');
    expect(csvCell(undefined, true)).toBe('');
    expect(csvCell(26.44, false)).toBe('26.44');
    expect(csvCell(26.44, true)).toBe('26,44');
    expect(csvCell(-250.75, true)).toBe('-250,75');
    expect(csvCell(46707, true)).toBe('46707');
    expect(csvCell(true, true)).toBe('true');
    expect(csvCell({ a: 1 }, false)).toBe('{"a":1}');
    expect(csvCell('=1+1', false)).toBe("'=1+1");
  });

  it('never lets a non-numeric text cell start with a formula character', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const cell = csvCell(text, false);
      if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/);
      expect(cell === text || cell === `'${text}`).toBe(true);
    }));
  });
});
