import { columnKind, deriveColumns } from '../../../catalogue/validation/columns';

describe('columnKind', () => {
  test.each([
    [{ type: 'integer' }, 'integer'],
    [{ type: ['integer', 'null'] }, 'integer'],
    [{ type: ['null', 'number'] }, 'number'],
    [{ type: 'boolean' }, 'boolean'],
    [{ type: 'string' }, 'string'],
    [{ type: 'string', format: 'date' }, 'date'],
    [{ type: 'string', format: 'date-time' }, 'datetime'],
    [{ type: 'string', format: 'time' }, 'time'],
    [{ type: 'string', format: 'email' }, 'string'],
    [{ type: 'integer', 'x-tableSchemaType': 'year' }, 'year'],
    [{ type: 'object' }, 'json'],
    [{ type: 'array' }, 'json'],
    [{ enum: [1, 2, 3] }, 'integer'],
    [{ enum: [1.5, 2] }, 'number'],
    [{ enum: [true, false] }, 'boolean'],
    [{ enum: ['a', 1] }, 'string'],
    [{ const: 'x' }, 'string'],
    [{}, 'string'],
  ])('%j → %s', (property, kind) => {
    expect(columnKind(property)).toBe(kind);
  });
});

describe('deriveColumns', () => {
  test('one spec per property, in order, with what the converter needs', () => {
    const columns = deriveColumns({
      type: 'object',
      required: ['montant'],
      'x-missingValues': ['', 'NA'],
      properties: {
        montant: { type: 'number', title: 'Montant', 'x-decimalChar': ',', 'x-groupChar': ' ', 'x-bareNumber': false },
        ue: { type: 'boolean', 'x-trueValues': ['oui'], 'x-falseValues': ['non'] },
        date: { type: 'string', format: 'date', 'x-dateFormat': '%d/%m/%Y' },
      },
    });
    expect(columns).toEqual([
      { name: 'montant', kind: 'number', title: 'Montant', required: true, decimalChar: ',', groupChar: ' ', bareNumber: false, missingValues: ['', 'NA'] },
      { name: 'ue', kind: 'boolean', required: false, decimalChar: '.', bareNumber: true, trueValues: ['oui'], falseValues: ['non'], missingValues: ['', 'NA'] },
      { name: 'date', kind: 'date', required: false, decimalChar: '.', bareNumber: true, dateFormat: '%d/%m/%Y', missingValues: ['', 'NA'] },
    ]);
  });

  test('defaults: decimal point, bare numbers, missing values [""], no boolean lists (contract defaults apply)', () => {
    const [column] = deriveColumns({ type: 'object', properties: { a: { type: 'boolean' } } });
    expect(column).toEqual({ name: 'a', kind: 'boolean', required: false, decimalChar: '.', bareNumber: true, missingValues: [''] });
  });

  test('columns do not share their missing-values list', () => {
    const [a, b] = deriveColumns({ type: 'object', properties: { a: {}, b: {} } });
    a.missingValues.push('NA');
    expect(b.missingValues).toEqual(['']);
  });
});
