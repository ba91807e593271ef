import iconv from 'iconv-lite';
import { ingestText } from '../../support/ingest';
import { useTempDir } from '../../support/temp-files';

const tmp = useTempDir();
const HEADER = 'code_insee,commune,population,superficie,chef_lieu,maj\n';
const codes = (r: { report: { errors: Array<{ code: string }> } }) => r.report.errors.map((e) => e.code);

describe('bad input gets a clear report, never a crash nor a partial load', () => {
  it('an empty file', async () => {
    const r = await ingestText(tmp(), '');
    expect(r.report.valid).toBe(false);
    expect(r.report.errors[0]).toMatchObject({ code: 'source-error', message: 'Le fichier est vide.' });
    expect(r.loaded).toEqual([]);
  });

  it('a header-only file is valid with zero rows and a warning', async () => {
    const r = await ingestText(tmp(), HEADER);
    expect(r.report.valid).toBe(true);
    expect(r.report.stats.rows).toBe(0);
    expect(r.report.warnings.map((w) => w.message).join()).toMatch(/que l'en-tête/);
  });

  it('a PNG renamed .csv', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const r = await ingestText(tmp(), png);
    expect(r.report.valid).toBe(false);
    expect(r.report.errors).toEqual([expect.objectContaining({ code: 'encoding-error', message: expect.stringMatching(/PNG/) })]);
  });

  it('an unclosed quote at the end names its row', async () => {
    const r = await ingestText(tmp(), HEADER + '27229,Évreux,47000,"26,4",oui,2024-01-01\n27681,"Vernon,23000\n');
    expect(r.report.valid).toBe(false);
    expect(r.report.errors).toEqual([expect.objectContaining({ code: 'source-error', row: 3 })]);
    expect(r.report.errors[0].message).toMatch(/guillemet/);
    // The valid first row was still in the batch when the error came: nothing reached the store.
    expect(r.loaded).toEqual([]);
  });

  it('ragged and blank rows', async () => {
    const text = HEADER + '27229,Évreux,47000,"26,4",oui,2024-01-01\n\n27681,Vernon\n,,,,,\n27375,Louviers,18000,"27,1",non,2024-01-01,en trop\n';
    const r = await ingestText(tmp(), text);
    expect(r.report.errors.map((e) => [e.code, e.row])).toEqual([
      ['blank-row', 3],
      ['missing-cell', 4], ['missing-cell', 4], ['missing-cell', 4], ['missing-cell', 4],
      ['blank-row', 5],
      ['extra-cell', 6],
    ]);
    expect(r.report.stats).toMatchObject({ rows: 5, invalidRows: 4, validRows: 1 });
  });

  it('duplicate and blank headers', async () => {
    const r = await ingestText(tmp(), 'code_insee,commune,,commune\n27229,Évreux,x,Évreux\n');
    expect(codes(r)).toEqual(['blank-header', 'duplicate-label']);
    expect(r.report.errors.every((e) => e.row === 1)).toBe(true);
    expect(r.report.valid).toBe(false);
  });

  it('a 1 MB cell is read whole', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const r = await ingestText(tmp(), `code_insee,commune\n27229,"${big}"\n`);
    expect(r.report.valid).toBe(true);
    expect((r.loaded[0][1] as string).length).toBe(1024 * 1024);
  });

  it('invalid UTF-8 in the middle of a UTF-8 file is an encoding-error on its row', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `27${String(i).padStart(3, '0')},Évreux-${i}\n`).join('');
    const bad = Buffer.concat([Buffer.from('code_insee,commune\n' + rows), Buffer.from('27999,Ivr'), Buffer.from([0xff, 0xfe]), Buffer.from('y\n')]);
    const r = await ingestText(tmp(), bad);
    expect(r.report.dialect.encoding).toBe('utf-8');
    expect(r.report.errors).toEqual([expect.objectContaining({ code: 'encoding-error', row: 32, field: 'commune' })]);
  });

  it('a NUL character in a cell (UTF-16 text, a GeoJSON escape) is an encoding-error on its row, not a valid file', async () => {
    const utf16 = await ingestText(tmp(), iconv.encode(`${HEADER}27229,Év\u0000reux,1,1,oui,2024-01-01\n`, 'utf-16le', { addBOM: true }));
    const geojson = await ingestText(tmp(), JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null, properties: { code_insee: '27229', commune: 'Év\u0000reux' } }],
    }));
    for (const r of [utf16, geojson]) {
      expect(r.report.valid).toBe(false);
      expect(r.report.errors).toEqual([expect.objectContaining({ code: 'encoding-error', row: 2, field: 'commune', message: expect.stringContaining('U+0000') })]);
      expect(r.loaded).toEqual([]);
    }
  });

  it('a type error names the value and the expected type, with a hint for decimal commas', async () => {
    const schema = { type: 'object' as const, properties: { id: { type: 'integer' }, montant: { type: 'number' } } };
    const r = await ingestText(tmp(), 'id;montant\n1;12,5\n', schema);
    expect(r.report.errors[0]).toMatchObject({ code: 'type-error', row: 2, field: 'montant', column: 2, value: '12,5' });
    expect(r.report.errors[0].message).toMatch(/« 12,5 » n'est pas un nombre.*virgule/);
  });

  it('a repeated primary key is reported at its second occurrence', async () => {
    const r = await ingestText(tmp(), 'code_insee,commune\n27229,Évreux\n27681,Vernon\n27229,Évreux bis\n');
    expect(r.report.errors).toEqual([expect.objectContaining({ code: 'primary-key-error', row: 4, value: '27229' })]);
    expect(r.report.errors[0].message).toMatch(/ligne 2/);
  });
});
