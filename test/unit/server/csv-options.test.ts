import { parseCsvOptions } from '../../../server/render/csv-options';

describe('CSV options', () => {
  it('defaults to comma, no BOM, decimal point', () => {
    expect(parseCsvOptions({})).toEqual({ options: { delimiter: ',', bom: false, decimalComma: false, recordDelimiter: '\n' }, problems: [] });
  });

  it('makes excel-fr a semicolon, a BOM, a decimal comma and CRLF, and lets explicit options win', () => {
    expect(parseCsvOptions({ _profile: 'excel-fr' }).options).toEqual({ delimiter: ';', bom: true, decimalComma: true, recordDelimiter: '\r\n' });
    expect(parseCsvOptions({ _profile: 'excel-fr', _delimiter: 'tab', _bom: 'false' }).options).toMatchObject({ delimiter: '\t', bom: false, decimalComma: true });
  });

  it('names every bad or repeated option', () => {
    const { problems } = parseCsvOptions({ _delimiter: '|', _bom: 'oui', _decimal: ['.', ','], _profile: 'excel' });
    expect(problems.map((p) => p.path).sort()).toEqual(['_bom', '_decimal', '_delimiter', '_profile']);
    expect(problems.find((p) => p.path === '_delimiter')!.message).toMatch(/tab/);
  });

  it('refuses the names of Object.prototype as a delimiter (toString became the delimiter: a 500)', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const { options, problems } = parseCsvOptions({ _delimiter: name });
      expect(options.delimiter).toBe(',');
      expect(problems).toEqual([expect.objectContaining({ path: '_delimiter' })]);
    }
  });
});
