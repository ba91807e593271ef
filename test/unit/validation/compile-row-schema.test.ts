import { isCatalogueError, type CatalogueError } from '../../../catalogue/errors';
import { compileRowSchema } from '../../../catalogue/validation/compile-row-schema';
import type { RowSchema } from '../../../catalogue/validation/row-schema';

function badSchema(schema: unknown): CatalogueError {
  try {
    compileRowSchema(schema as RowSchema);
  } catch (error) {
    if (isCatalogueError(error) && error.code === 'bad-schema') return error;
    throw error;
  }
  throw new Error('expected a bad-schema error');
}

const communes: RowSchema = {
  type: 'object',
  required: ['code_insee', 'nom'],
  properties: {
    code_insee: { type: 'string', pattern: '\\d{5}' },
    nom: { type: 'string', minLength: 2 },
    population: { type: 'integer', minimum: 0, maximum: 10 },
    statut: { enum: ['a', 'b'] },
    maj: { type: 'string', format: 'date', formatMinimum: '2000-01-01', formatMaximum: '2030-12-31' },
  },
};

describe('compileRowSchema: the validator', () => {
  const { validate } = compileRowSchema(communes);

  test('a valid row gives no violation, always the same (frozen) empty array', () => {
    const first = validate({ code_insee: '27229', nom: 'Évreux' });
    expect(first).toEqual([]);
    expect(validate({ code_insee: '27056', nom: 'Bernay' })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  test('patterns are anchored: a longer value fails, with the pattern as written in the message', () => {
    expect(validate({ code_insee: '272290', nom: 'Évreux' })).toEqual([
      { field: 'code_insee', rule: 'pattern', message: '« 272290 » ne respecte pas le motif \\d{5}' },
    ]);
  });

  test('required: the field comes from missingProperty', () => {
    expect(validate({ code_insee: '27229' })).toEqual([{ field: 'nom', rule: 'required', message: 'le champ est obligatoire' }]);
  });

  test('all errors of a row are reported, in French, with the value', () => {
    const violations = validate({ code_insee: '27229', nom: 'É', population: 42, statut: 'c', maj: '2000-02-30' });
    expect(violations).toEqual([
      { field: 'nom', rule: 'minLength', message: '« É » est trop court (au moins 2 caractère(s))' },
      { field: 'population', rule: 'maximum', message: '« 42 » est supérieur au maximum autorisé (10)' },
      { field: 'statut', rule: 'enum', message: '« c » : valeur non autorisée, valeurs permises : a, b' },
      { field: 'maj', rule: 'format', message: "« 2000-02-30 » n'est pas une date valide (format date)" },
    ]);
  });

  test('date minimum and maximum (formatMinimum / formatMaximum)', () => {
    expect(validate({ code_insee: '27229', nom: 'Évreux', maj: '1999-12-31' })).toEqual([
      { field: 'maj', rule: 'formatMinimum', message: '« 1999-12-31 » est antérieur au minimum autorisé (2000-01-01)' },
    ]);
    expect(validate({ code_insee: '27229', nom: 'Évreux', maj: '2031-01-01' })[0].rule).toBe('formatMaximum');
  });

  test('a pattern that only compiles without the u flag is used', () => {
    const compiled = compileRowSchema({ type: 'object', properties: { voie: { type: 'string', pattern: "^[a-zA-Z0-9\\-\\'\\s]+$" } } });
    expect(compiled.validate({ voie: "rue d'Evreux" })).toEqual([]);
    expect(compiled.validate({ voie: 'rue_Evreux' })[0].rule).toBe('pattern');
  });

  test('anyOf reports one violation, not the errors of each branch', () => {
    const compiled = compileRowSchema({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      anyOf: [{ required: ['a'] }, { required: ['b'] }],
    });
    expect(compiled.validate({})).toEqual([{ rule: 'anyOf', message: 'la ligne ne correspond à aucune des formes permises' }]);
  });

  test('an error inside a JSON cell names the column and the element', () => {
    const compiled = compileRowSchema({ type: 'object', properties: { tags: { type: 'array', items: { enum: ['x', 'y'] } } } });
    expect(compiled.validate({ tags: ['x', 'z'] })).toEqual([
      { field: 'tags', rule: 'enum', message: 'élément n°2 : « z » : valeur non autorisée, valeurs permises : x, y' },
    ]);
  });
});

describe('compileRowSchema: what it exposes', () => {
  test('columns in property order, keys, checks, geo and missing values', () => {
    const compiled = compileRowSchema({
      type: 'object',
      properties: { id: { type: 'integer' }, lat: { type: 'number' }, lon: { type: 'number' }, siret: { type: 'string' } },
      'x-primaryKey': ['id'],
      'x-uniqueKeys': [['lat', 'lon']],
      'x-geo': { latitude: 'lat', longitude: 'lon', crs: 'EPSG:4326' },
      'x-checks': [{ name: 'french-siret-value', column: 'siret' }],
      'x-missingValues': ['', 'NA'],
    });
    expect(compiled.columns.map((c) => c.name)).toEqual(['id', 'lat', 'lon', 'siret']);
    expect(compiled.primaryKey).toEqual(['id']);
    expect(compiled.uniqueKeys).toEqual([['lat', 'lon']]);
    expect(compiled.geo).toEqual({ latitude: 'lat', longitude: 'lon', crs: 'EPSG:4326' });
    expect(compiled.checks).toEqual([{ name: 'french-siret-value', column: 'siret' }]);
    expect(compiled.missingValues).toEqual(['', 'NA']);
  });

  test('defaults: no keys, no checks, missing values [""]', () => {
    const compiled = compileRowSchema({ type: 'object', properties: { a: { type: 'string' } } });
    expect([compiled.primaryKey, compiled.uniqueKeys, compiled.checks, compiled.missingValues, compiled.geo]).toEqual([[], [], [], [''], undefined]);
  });

  test('cached: the same schema (same JSON) gives the same compiled object', () => {
    const schema: RowSchema = { type: 'object', properties: { cache: { type: 'string' } } };
    const compiled = compileRowSchema(schema);
    expect(compileRowSchema(schema)).toBe(compiled);
    expect(compileRowSchema(JSON.parse(JSON.stringify(schema)))).toBe(compiled);
    expect(compileRowSchema({ type: 'object', properties: { cache: { type: 'integer' } } })).not.toBe(compiled);
  });

  test('two schemas with the same $id compile side by side (versions of one schema)', () => {
    const v1 = compileRowSchema({ $id: 'https://example.org/s.json', type: 'object', properties: { a: { type: 'string' } } });
    const v2 = compileRowSchema({ $id: 'https://example.org/s.json', type: 'object', properties: { a: { type: 'integer' } } });
    expect(v1.validate({ a: 'x' })).toEqual([]);
    expect(v2.validate({ a: 'x' })[0].rule).toBe('type');
  });
});

describe('compileRowSchema: a bad schema', () => {
  test('an unknown type names keyword type and its pointer', () => {
    const error = badSchema({ type: 'object', properties: { a: { type: 'integr' } } });
    expect(error.details).toEqual([expect.objectContaining({ keyword: 'type', path: '/properties/a/type' })]);
    expect(error.message).toMatch(/integr/);
  });

  test('a pattern that compiles in neither mode names keyword pattern and the property', () => {
    const error = badSchema({ type: 'object', properties: { code: { type: 'string', pattern: '([0-9]' } } });
    expect(error.details).toEqual([expect.objectContaining({ keyword: 'pattern', path: '/properties/code/pattern' })]);
    expect(error.message).toContain('([0-9]');
  });

  test('a pattern nested in a subschema is found too, but not a property named "pattern"', () => {
    const error = badSchema({
      type: 'object',
      properties: { pattern: { type: 'string' }, tags: { type: 'array', items: { type: 'string', pattern: '[' } } },
    });
    expect(error.details.map((d) => d.path)).toEqual(['/properties/tags/items/pattern']);
  });

  test('every problem is listed, not only the first', () => {
    const error = badSchema({ type: 'object', properties: { a: { type: 'integr' }, b: { minimum: 'zero' } } });
    expect(error.details.map((d) => [d.keyword, d.path])).toEqual([
      ['type', '/properties/a/type'],
      ['minimum', '/properties/b/minimum'],
    ]);
  });

  test('a row schema is an object with properties', () => {
    expect(badSchema({ type: 'array', properties: { a: {} } }).details[0]).toMatchObject({ keyword: 'type', path: '/type' });
    expect(badSchema({ type: 'object' }).details[0]).toMatchObject({ keyword: 'properties', path: '/properties' });
    expect(badSchema({ type: 'object', properties: {} }).details[0]).toMatchObject({ keyword: 'properties' });
    expect(badSchema([]).code).toBe('bad-schema');
  });

  test('required and x- keywords must name declared columns', () => {
    const error = badSchema({
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a', 'b'],
      'x-primaryKey': ['id'],
      'x-geo': { latitude: 'lat' },
    });
    expect(error.details.map((d) => [d.keyword, d.path])).toEqual([
      ['required', '/required/1'],
      ['x-primaryKey', '/x-primaryKey/0'],
      ['x-geo', '/x-geo/latitude'],
      ['x-geo', '/x-geo'],
    ]);
  });

  test('x- keywords of a column must have the right shape', () => {
    const error = badSchema({ type: 'object', properties: { n: { type: 'number', 'x-decimalChar': ',,', 'x-trueValues': 'oui' } } });
    expect(error.details.map((d) => d.path)).toEqual(['/properties/n/x-decimalChar', '/properties/n/x-trueValues']);
  });

  test('an external $ref cannot be resolved: bad-schema, not a crash', () => {
    const error = badSchema({ type: 'object', properties: { a: { $ref: 'https://example.org/other.json' } } });
    expect(error.details[0].keyword).toBe('$ref');
  });
});
