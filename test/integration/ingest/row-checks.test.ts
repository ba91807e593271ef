import type { RowSchema } from '../../../catalogue/validation/row-schema';
import { ingestText } from '../../support/ingest';
import { useTempDir } from '../../support/temp-files';

const tmp = useTempDir();

describe('JSON cells and one-of-required through the pipeline', () => {
  const menus: RowSchema = {
    type: 'object',
    properties: {
      plat: { type: 'string' },
      regimes: { type: 'array', items: { type: 'string', enum: ['sans porc', 'végétarien'] } },
      infos: { type: 'object' },
    },
  };

  it('a JSON list cell is validated as a list and stored as JSON text', async () => {
    const r = await ingestText(tmp(), 'plat,regimes,infos\nGratin,"[""végétarien""]","{""bio"": true}"\nRôti,[],\n', menus);
    expect(r.report.errors).toEqual([]);
    expect(r.loaded).toEqual([
      ['Gratin', '["végétarien"]', '{"bio":true}'],
      ['Rôti', '[]', null],
    ]);
  });

  it('the items of a JSON list are checked, and the error quotes the cell', async () => {
    const r = await ingestText(tmp(), 'plat,regimes\nGratin,"[""halal""]"\n', menus);
    expect(r.report.errors).toEqual([
      expect.objectContaining({ code: 'constraint-error', row: 2, field: 'regimes', column: 2, value: '["halal"]', rule: 'enum' }),
    ]);
  });

  const aides: RowSchema = {
    type: 'object',
    properties: { nom: { type: 'string' }, siret: { type: 'string' }, rna: { type: 'string' } },
    'x-checks': [{ name: 'one-of-required', column1: 'siret', column2: 'rna' }],
  };

  it('one-of-required is checked on each row while one of its columns is in the header', async () => {
    const r = await ingestText(tmp(), 'nom,rna\nA,W123456789\nB,\n', aides);
    expect(r.report.errors).toEqual([expect.objectContaining({ code: 'one-of-required', row: 3 })]);
  });

  it('both columns absent from the header: one error for the file, not one per row', async () => {
    const r = await ingestText(tmp(), 'nom\nA\nB\nC\n', aides);
    expect(r.report.errors).toEqual([
      expect.objectContaining({ code: 'one-of-required', field: 'siret, rna', message: expect.stringMatching(/« siret » et « rna » sont toutes deux absentes du fichier/) }),
    ]);
    expect(r.report.errors[0].row).toBeUndefined();
    expect(r.report.valid).toBe(false);
    expect(r.report.stats).toMatchObject({ rows: 3, validRows: 3, invalidRows: 0, errors: 1 });
    expect(r.loaded).toEqual([]);
  });
});
