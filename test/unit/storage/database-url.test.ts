import path from 'node:path';
import { parseDatabaseUrl } from '../../../catalogue/storage/connection';
import { CatalogueError } from '../../../catalogue/errors';

describe('parseDatabaseUrl', () => {
  it('resolves a relative SQLite path from the working directory', () => {
    expect(parseDatabaseUrl('sqlite:./data/opendata.sqlite')).toEqual({
      kind: 'sqlite',
      filename: path.resolve('data/opendata.sqlite'),
    });
    expect(parseDatabaseUrl('sqlite:data/x.sqlite')).toEqual({ kind: 'sqlite', filename: path.resolve('data/x.sqlite') });
  });

  it('keeps an absolute SQLite path', () => {
    expect(parseDatabaseUrl('sqlite:/var/lib/opendata/catalogue.sqlite')).toEqual({
      kind: 'sqlite',
      filename: '/var/lib/opendata/catalogue.sqlite',
    });
  });

  it('accepts postgres:// and postgresql:// URLs as they are', () => {
    expect(parseDatabaseUrl('postgres://opendata@db.example:5432/catalogue')).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://opendata@db.example:5432/catalogue',
    });
    expect(parseDatabaseUrl('postgresql://u:p@127.0.0.1/opendata').kind).toBe('postgres');
  });

  it.each([
    ['mysql://root@localhost/db'],
    [''],
    ['sqlite:'],
    ['sqlite::memory:'],
    ['sqlite:///tmp/x.sqlite'],
    ['postgres://'],
    ['./data/opendata.sqlite'],
  ])('refuses %j with a French bad-config error', (url) => {
    let caught: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CatalogueError);
    expect((caught as CatalogueError).code).toBe('bad-config');
    expect((caught as CatalogueError).message).toMatch(/DATABASE_URL .* n'est pas utilisable/);
  });
});
