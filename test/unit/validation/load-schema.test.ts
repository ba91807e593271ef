import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isCatalogueError, type CatalogueError } from '../../../catalogue/errors';
import { loadRowSchema, readRowSchemaFile } from '../../../catalogue/validation/load-schema';

function caught(fn: () => unknown): CatalogueError {
  try {
    fn();
  } catch (error) {
    if (isCatalogueError(error)) return error;
    throw error;
  }
  throw new Error('expected a CatalogueError');
}

describe('loadRowSchema', () => {
  test('a row schema comes back as is, without warnings', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    expect(loadRowSchema(schema, 'test')).toEqual({ schema, warnings: [] });
  });

  test('a Table Schema is converted', () => {
    const { schema } = loadRowSchema({ fields: [{ name: 'n', type: 'integer', constraints: { required: true } }] }, 'test');
    expect(schema).toMatchObject({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] });
  });

  test('unknown keywords and formats, another draft: warnings, still loaded', () => {
    const { warnings } = loadRowSchema(
      {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        countryCode: 'FR',
        properties: { a: { type: 'string', format: 'int42' } },
      },
      'test',
    );
    expect(warnings).toEqual([
      expect.stringMatching(/draft-07.*2020-12/),
      expect.stringMatching(/« countryCode » inconnu/),
      expect.stringMatching(/« int42 » inconnu en \/properties\/a/),
    ]);
  });

  test('a bad schema error names its origin and keeps the details', () => {
    const error = caught(() => loadRowSchema({ type: 'object', properties: { a: { type: 'integr' } } }, 'datasets/x/schema.json'));
    expect(error.code).toBe('bad-schema');
    expect(error.message).toContain('datasets/x/schema.json');
    expect(error.details[0]).toMatchObject({ keyword: 'type', path: '/properties/a/type' });
  });

  test('not an object', () => {
    expect(caught(() => loadRowSchema('schema', 'test')).code).toBe('bad-schema');
  });
});

describe('readRowSchemaFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'row-schema-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  test('reads a file, BOM included', () => {
    const file = write('ok.json', '\uFEFF{"type":"object","properties":{"a":{"type":"string"}}}');
    expect(readRowSchemaFile(file).schema.properties).toEqual({ a: { type: 'string' } });
  });

  test('a JSON syntax error is a bad schema that says where', () => {
    const file = write('bad.json', '{\n  "type": "object",\n  "properties": {,}\n}');
    const error = caught(() => readRowSchemaFile(file));
    expect(error.code).toBe('bad-schema');
    expect(error.message).toMatch(/ligne 3, colonne 18/);
  });

  test('a truncated file points at its end', () => {
    const file = write('cut.json', '{"type": "object"');
    expect(caught(() => readRowSchemaFile(file)).message).toMatch(/ligne 1, colonne 18/);
  });

  test('a missing file is a bad schema too', () => {
    const error = caught(() => readRowSchemaFile(path.join(dir, 'absent.json')));
    expect(error.code).toBe('bad-schema');
    expect(error.message).toContain('ENOENT');
  });
});
