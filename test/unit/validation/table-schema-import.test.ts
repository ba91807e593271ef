import { isCatalogueError, type CatalogueError } from '../../../catalogue/errors';
import { compileRowSchema } from '../../../catalogue/validation/compile-row-schema';
import { importTableSchema, isTableSchema } from '../../../catalogue/validation/table-schema-import';

const field = (f: Record<string, unknown>) => importTableSchema({ fields: [{ name: 'f', ...f }] });
const propertyOf = (f: Record<string, unknown>) => field(f).schema.properties.f;

function badSchema(ts: unknown): CatalogueError {
  try {
    importTableSchema(ts);
  } catch (error) {
    if (isCatalogueError(error) && error.code === 'bad-schema') return error;
    throw error;
  }
  throw new Error('expected a bad-schema error');
}

describe('importTableSchema: types', () => {
  test.each([
    [{ type: 'string' }, { type: 'string' }],
    [{}, { type: 'string' }],
    [{ type: 'string', format: 'email' }, { type: 'string', format: 'email' }],
    [{ type: 'string', format: 'uri' }, { type: 'string', format: 'uri' }],
    [{ type: 'string', format: 'uuid' }, { type: 'string', format: 'uuid' }],
    [{ type: 'string', format: 'binary' }, { type: 'string' }],
    [{ type: 'integer' }, { type: 'integer' }],
    [{ type: 'number', decimalChar: ',', groupChar: ' ', bareNumber: false }, { type: 'number', 'x-decimalChar': ',', 'x-groupChar': ' ', 'x-bareNumber': false }],
    [{ type: 'boolean', trueValues: ['oui'], falseValues: ['non'] }, { type: 'boolean', 'x-trueValues': ['oui'], 'x-falseValues': ['non'] }],
    [{ type: 'date' }, { type: 'string', format: 'date' }],
    [{ type: 'date', format: 'default' }, { type: 'string', format: 'date' }],
    [{ type: 'date', format: '%d/%m/%Y' }, { type: 'string', format: 'date', 'x-dateFormat': '%d/%m/%Y' }],
    [{ type: 'date', format: 'fmt:%d/%m/%Y' }, { type: 'string', format: 'date', 'x-dateFormat': '%d/%m/%Y' }],
    [{ type: 'datetime', format: 'any' }, { type: 'string', format: 'date-time', 'x-dateFormat': 'any' }],
    [{ type: 'time' }, { type: 'string', format: 'time' }],
    [{ type: 'year' }, { type: 'integer', 'x-tableSchemaType': 'year' }],
    [{ type: 'duration' }, { type: 'string', format: 'duration', 'x-tableSchemaType': 'duration' }],
    [{ type: 'geojson' }, { type: 'object', 'x-tableSchemaType': 'geojson' }],
    [{ type: 'object' }, { type: 'object' }],
    [{ type: 'array' }, { type: 'array' }],
    [{ type: 'any' }, { 'x-tableSchemaType': 'any' }],
  ])('%j', (tableSchemaField, property) => {
    expect(propertyOf(tableSchemaField)).toEqual(property);
  });

  test('yearmonth is a string checked by a pattern', () => {
    const { validate } = compileRowSchema(field({ type: 'yearmonth' }).schema);
    expect(validate({ f: '2020-05' })).toEqual([]);
    expect(validate({ f: '2020-13' })[0].rule).toBe('pattern');
  });

  test.each([
    ['default', ['2.35, 48.85', '-1.5,47'], ['200, 10', '2.35', '[2.35, 48.85]']],
    ['array', ['[7.48710500,48.345345]', '[5.7145295,45.191463]\n'], ['[7.4, 91]', '7.4, 48.3']],
    ['object', ['{"lon": 2.35, "lat": 48.85}', '{"lat": 48.85, "lon": 2.35}'], ['{"lon": 2.35}', '[2.35, 48.85]']],
  ])('geopoint format %s keeps a pattern that checks the value', (format, valid, invalid) => {
    const { validate } = compileRowSchema(field({ type: 'geopoint', format }).schema);
    for (const value of valid) expect(validate({ f: value })).toEqual([]);
    for (const value of invalid) expect(validate({ f: value })[0]?.rule).toBe('pattern');
  });

  test('an unknown type is a bad schema naming the field type', () => {
    expect(badSchema({ fields: [{ name: 'a' }, { name: 'b', type: 'text' }] }).details).toEqual([
      expect.objectContaining({ keyword: 'type', path: '/fields/1/type' }),
    ]);
  });

  test('fields need a unique, non-empty name', () => {
    expect(badSchema({ fields: [{ type: 'string' }] }).details[0].path).toBe('/fields/0/name');
    expect(badSchema({ fields: [{ name: 'a' }, { name: 'a' }] }).details[0].path).toBe('/fields/1/name');
  });
});

describe('importTableSchema: constraints', () => {
  test('required and unique', () => {
    const { schema } = importTableSchema({
      fields: [
        { name: 'id', constraints: { required: true, unique: true } },
        { name: 'code', constraints: { unique: true } },
        { name: 'libelle', constraints: { required: false } },
      ],
      primaryKey: 'id',
    });
    expect(schema.required).toEqual(['id']);
    expect(schema['x-primaryKey']).toEqual(['id']);
    // id's uniqueness is its primary key already.
    expect(schema['x-uniqueKeys']).toEqual([['code']]);
  });

  test('minLength, maxLength, pattern for strings; lengths of lists and objects', () => {
    expect(propertyOf({ constraints: { minLength: 2, maxLength: 5, pattern: '\\d+' } })).toEqual({ type: 'string', minLength: 2, maxLength: 5, pattern: '\\d+' });
    expect(propertyOf({ type: 'array', constraints: { minLength: 1, maxLength: 3 } })).toEqual({ type: 'array', minItems: 1, maxItems: 3 });
    expect(propertyOf({ type: 'object', constraints: { maxLength: 3 } })).toEqual({ type: 'object', maxProperties: 3 });
  });

  test('the imported pattern is anchored when compiled', () => {
    const { validate } = compileRowSchema(field({ constraints: { pattern: '\\d{5}' } }).schema);
    expect(validate({ f: '27000' })).toEqual([]);
    expect(validate({ f: 'code 27000' })[0].rule).toBe('pattern');
  });

  test('a pattern that compiles nowhere names the field constraint', () => {
    expect(badSchema({ fields: [{ name: 'a', constraints: { pattern: '([a-z]' } }] }).details).toEqual([
      expect.objectContaining({ keyword: 'pattern', path: '/fields/0/constraints/pattern' }),
    ]);
  });

  test('enum values are converted to the field type', () => {
    expect(propertyOf({ type: 'integer', constraints: { enum: ['1', '2', 3] } }).enum).toEqual([1, 2, 3]);
    expect(propertyOf({ type: 'number', decimalChar: ',', constraints: { enum: ['1,5'] } }).enum).toEqual([1.5]);
    expect(propertyOf({ type: 'string', constraints: { enum: [1, 'a'] } }).enum).toEqual(['1', 'a']);
    expect(propertyOf({ type: 'boolean', trueValues: ['oui'], falseValues: ['non'], constraints: { enum: ['oui'] } }).enum).toEqual([true]);
    expect(propertyOf({ type: 'date', format: '%d/%m/%Y', constraints: { enum: ['14/07/2020'] } }).enum).toEqual(['2020-07-14']);
  });

  test('an enum value that is not of the field type is a bad schema', () => {
    expect(badSchema({ fields: [{ name: 'n', type: 'integer', constraints: { enum: ['1', 'deux'] } }] }).details).toEqual([
      expect.objectContaining({ keyword: 'enum', path: '/fields/0/constraints/enum/1' }),
    ]);
  });

  test('numeric minimum / maximum', () => {
    expect(propertyOf({ type: 'integer', constraints: { minimum: '0', maximum: 10 } })).toEqual({ type: 'integer', minimum: 0, maximum: 10 });
  });

  test('date, datetime and time minimum / maximum become formatMinimum / formatMaximum, in ISO', () => {
    const property = propertyOf({ type: 'date', format: '%d/%m/%Y', constraints: { minimum: '01/01/2000', maximum: '2030-12-31' } });
    expect(property).toMatchObject({ format: 'date', formatMinimum: '2000-01-01', formatMaximum: '2030-12-31' });
    expect(property.minimum).toBeUndefined();
    const { validate } = compileRowSchema(field({ type: 'date', constraints: { minimum: '2000-01-01' } }).schema);
    expect(validate({ f: '2000-01-01' })).toEqual([]);
    expect(validate({ f: '1999-12-31' })[0].rule).toBe('formatMinimum');
    expect(propertyOf({ type: 'datetime', constraints: { exclusiveMaximum: '2030-01-01T00:00:00Z' } })).toMatchObject({
      formatExclusiveMaximum: '2030-01-01T00:00:00Z',
    });
    expect(propertyOf({ type: 'time', constraints: { minimum: '08:00:00' } })).toMatchObject({ formatMinimum: '08:00:00' });
  });

  test('boolean trueValues are exact: only the listed spellings are kept', () => {
    const { schema } = field({ type: 'boolean', trueValues: ['oui'], falseValues: ['non'] });
    expect(schema.properties.f['x-trueValues']).toEqual(['oui']);
    expect(compileRowSchema(schema).columns[0]).toMatchObject({ kind: 'boolean', trueValues: ['oui'], falseValues: ['non'] });
  });

  test('a constraint frictionless ignores for the type is dropped with a warning (pattern on a date)', () => {
    const { schema, warnings } = field({ type: 'date', constraints: { pattern: '^\\d{4}$' } });
    expect(schema.properties.f.pattern).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/pattern.*date.*ignorée/)]);
  });

  test('required / enum outside constraints are ignored (as frictionless does) and warned', () => {
    const { schema, warnings } = field({ required: true, enum: ['A'] });
    expect(schema.required).toBeUndefined();
    expect(schema.properties.f.enum).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringMatching(/« required ».*hors de « constraints »/),
      expect.stringMatching(/« enum ».*hors de « constraints »/),
    ]);
  });

  test('arrayItem is applied to the items, with a warning', () => {
    const { schema, warnings } = field({ type: 'array', arrayItem: { type: 'string', constraints: { required: true, enum: ['mixé', 'haché'] } } });
    expect(schema.properties.f.items).toEqual({ type: 'string', enum: ['mixé', 'haché'] });
    expect(warnings).toEqual([expect.stringMatching(/arrayItem/)]);
    expect(compileRowSchema(schema).validate({ f: ['mixé', 'cru'] })[0]).toMatchObject({ field: 'f', rule: 'enum' });
  });

  test('title, description, example', () => {
    expect(propertyOf({ title: 'T', description: 'D', example: '42' })).toEqual({ type: 'string', title: 'T', description: 'D', examples: ['42'] });
    expect(propertyOf({ examples: 'x' }).examples).toEqual(['x']);
  });

  test('unknown field keys are warned; rdfType is silent (it validates nothing)', () => {
    const { warnings } = field({ rdfType: 'https://schema.org/name', unit: 'm' });
    expect(warnings).toEqual([expect.stringMatching(/« unit »/)]);
  });
});

describe('importTableSchema: schema level', () => {
  test('detects Table Schemas by their fields array', () => {
    expect(isTableSchema({ fields: [] })).toBe(true);
    expect(isTableSchema({ type: 'object', properties: {} })).toBe(false);
  });

  test('title, description, keys, missing values', () => {
    const { schema, warnings } = importTableSchema({
      title: 'Titre',
      description: 'Desc',
      fields: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      primaryKey: ['a', 'b'],
      uniqueKeys: [['b', 'c'], 'c'],
      missingValues: ['', 'NA'],
      foreignKeys: [{ fields: 'c', reference: { resource: 'other', fields: 'id' } }],
    });
    expect(schema).toMatchObject({
      title: 'Titre',
      description: 'Desc',
      type: 'object',
      'x-primaryKey': ['a', 'b'],
      'x-uniqueKeys': [['b', 'c'], ['c']],
      'x-missingValues': ['', 'NA'],
    });
    expect(warnings).toEqual([expect.stringMatching(/foreignKeys/)]);
  });

  test('a primary key naming an unknown field is a bad schema', () => {
    expect(badSchema({ fields: [{ name: 'a' }], primaryKey: 'id' }).details[0]).toMatchObject({ keyword: 'primaryKey', path: '/primaryKey' });
  });

  test('Validata custom checks: one-of-required and french-siret-value kept, others warned by name', () => {
    const { schema, warnings } = importTableSchema({
      fields: [{ name: 'siret' }, { name: 'rna' }, { name: 'siren' }],
      custom_checks: [
        { name: 'french-siret-value', params: { column: 'siret' } },
        { name: 'one-of-required', params: { column1: 'siret', column2: 'rna' } },
        { name: 'french-siren-value', params: { column: 'siren' } },
        { name: 'french-siret-value', params: { column: 'absent' } },
      ],
    });
    expect(schema['x-checks']).toEqual([
      { name: 'french-siret-value', column: 'siret' },
      { name: 'one-of-required', column1: 'siret', column2: 'rna' },
    ]);
    expect(warnings).toEqual([expect.stringMatching(/« french-siren-value ».*« siren »/), expect.stringMatching(/« french-siret-value » ignoré/)]);
  });

  test('not a Table Schema: bad schema', () => {
    expect(badSchema({ fields: 'a' }).details[0].path).toBe('/fields');
  });
});
