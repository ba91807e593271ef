import { mapHeader } from '../../../catalogue/ingest/header-mapping';
import type { ColumnSpec } from '../../../catalogue/validation/row-schema';

const col = (name: string, required = false): ColumnSpec => ({
  name, kind: 'string', required, decimalChar: '.', bareNumber: true, missingValues: [''],
});

describe('mapHeader', () => {
  const columns = [col('code_insee', true), col('Commune', true), col('population')];

  it('maps exact names, then names insensitive to case, accents and spaces', () => {
    const m = mapHeader(['population', ' COMMUNE ', 'code_insee'], columns, true);
    expect(m.positions).toEqual([2, 1, 0]);
    expect(m.findings.errors).toEqual([]);
    const accents = mapHeader(['Accessibilité'], [col('accessibilite')], true);
    expect(accents.positions).toEqual([0]);
  });

  it('reports blank and duplicate labels as errors on row 1', () => {
    const m = mapHeader(['code_insee', '', 'Commune', 'commune'], columns, true);
    expect(m.findings.errors.map((f) => [f.code, f.column])).toEqual([['blank-header', 2], ['duplicate-label', 4]]);
    expect(m.findings.errors.every((f) => f.row === 1)).toBe(true);
  });

  it('reports a missing required column as an error and a missing optional one as a warning', () => {
    const m = mapHeader(['Commune'], columns, true);
    expect(m.findings.errors.map((f) => [f.code, f.field])).toEqual([['missing-label', 'code_insee']]);
    expect(m.findings.warnings.map((f) => [f.code, f.field])).toEqual([['missing-label', 'population']]);
  });

  it('treats an extra column as a warning unless additional properties are forbidden', () => {
    expect(mapHeader(['code_insee', 'Commune', 'maire'], columns, true).findings.warnings[0].code).toBe('extra-label');
    expect(mapHeader(['code_insee', 'Commune', 'maire'], columns, false).findings.errors[0].code).toBe('extra-label');
  });
});
