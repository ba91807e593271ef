import fs from 'node:fs';
import path from 'node:path';

/**
 * Dependencies point one way: server → catalogue → (knex, ajv, csv-parse). catalogue/ never
 * imports HTTP or templates; server/ never touches SQL directly (CKAN keeps such rules in
 * test_coding_standards.py).
 */
const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('architecture', () => {
  it('catalogue/ never imports server/, express or handlebars', () => {
    const offenders = sourceFiles('catalogue').flatMap((file) =>
      imports(file)
        .filter((i) => /(^|\/)server(\/|$)/.test(i) || /^(express|handlebars|supertest)$/.test(i))
        .map((i) => `${path.relative(ROOT, file)} → ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('server/ never imports knex, the SQL drivers or the storage internals', () => {
    const offenders = sourceFiles('server').flatMap((file) =>
      imports(file)
        .filter((i) => /^(knex|better-sqlite3|pg)$/.test(i) || /catalogue\/storage/.test(i))
        .map((i) => `${path.relative(ROOT, file)} → ${i}`),
    );
    expect(offenders).toEqual([]);
  });
});
