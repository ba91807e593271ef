import {
  MAX_COLUMN_NAME_LENGTH,
  ROW_ID_COLUMN,
  planVersionColumns,
  sqlColumnType,
  toColumnName,
} from '../../../catalogue/storage/column-types';
import type { ColumnKind } from '../../../catalogue/validation/row-schema';

const none = new Set<string>();

describe('toColumnName', () => {
  it.each([
    ['Code INSEE', 'code_insee'],
    ['Date de création', 'date_de_creation'],
    ['Œuvre', 'oeuvre'],
    ['Straße', 'strasse'],
    ['prix (€) TTC', 'prix_ttc'],
    ['  --x--  ', 'x'],
    ['Łódź', 'lodz'],
    ['ﬁnancement', 'financement'],
  ])('folds %j to %j', (name, expected) => {
    expect(toColumnName(name, none)).toBe(expected);
  });

  it('never starts with a digit', () => {
    expect(toColumnName('2024', none)).toBe('c_2024');
    expect(toColumnName('1er tour', none)).toBe('c_1er_tour');
  });

  it('gives a name to a property made of no ASCII letter at all', () => {
    expect(toColumnName('日本', none)).toBe('col');
    expect(toColumnName('€€', none)).toBe('col');
  });

  it('never produces the row id column or any leading underscore', () => {
    expect(toColumnName('_id', none)).toBe('id');
    expect(toColumnName('__id__', new Set(['id']))).toBe('id_2');
    expect(toColumnName('_', none)).toBe('col');
    for (const name of ['_id', '_ID', '_x', '__']) expect(toColumnName(name, none).startsWith('_')).toBe(false);
  });

  it('adds a suffix on collision', () => {
    const taken = new Set(['code_insee', 'code_insee_2']);
    expect(toColumnName('Code-INSEE', taken)).toBe('code_insee_3');
  });

  it('cuts long names to 48 ASCII characters, suffix included, with no trailing underscore', () => {
    const long = 'Établissement recevant du public – catégorie et type selon l’arrêté du 25 juin 1980';
    const first = toColumnName(long, none);
    expect(first.length).toBeLessThanOrEqual(MAX_COLUMN_NAME_LENGTH);
    expect(first).toMatch(/^[a-z][a-z0-9_]*[a-z0-9]$/);
    const second = toColumnName(long, new Set([first]));
    expect(second).not.toBe(first);
    expect(second.length).toBeLessThanOrEqual(MAX_COLUMN_NAME_LENGTH);
    expect(second).toMatch(/_2$/);
  });

  it('stays within PostgreSQL identifier limit (63 bytes) whatever the input', () => {
    const accented = 'é'.repeat(200);
    const name = toColumnName(accented, none);
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(63);
    expect(name).toBe('e'.repeat(MAX_COLUMN_NAME_LENGTH));
    // Room left for a suffix on collision, still in ASCII, still under the limit.
    expect(Buffer.byteLength(toColumnName(accented, new Set([name])), 'utf8')).toBeLessThanOrEqual(63);
  });
});

describe('planVersionColumns', () => {
  it('names every column uniquely, in property order, never `_id`', () => {
    const columns = planVersionColumns([
      { name: 'Code INSEE', kind: 'string' },
      { name: 'code_insee', kind: 'string' },
      { name: 'code-insee', kind: 'integer' },
      { name: '_id', kind: 'integer' },
      { name: 'id', kind: 'integer' },
    ]);
    expect(columns.map((c) => c.columnName)).toEqual(['code_insee', 'code_insee_2', 'code_insee_3', 'id', 'id_2']);
    expect(columns.map((c) => c.name)).toEqual(['Code INSEE', 'code_insee', 'code-insee', '_id', 'id']);
    expect(columns.map((c) => c.columnName)).not.toContain(ROW_ID_COLUMN);
  });
});

describe('sqlColumnType', () => {
  const kinds: ColumnKind[] = ['integer', 'number', 'boolean', 'date', 'datetime', 'time', 'string', 'year', 'json'];

  it('maps every kind on both stores', () => {
    expect(kinds.map((k) => sqlColumnType(k, 'postgres'))).toEqual([
      'bigint', 'double precision', 'boolean', 'date', 'timestamptz', 'text', 'text', 'integer', 'text',
    ]);
    expect(kinds.map((k) => sqlColumnType(k, 'sqlite'))).toEqual([
      'INTEGER', 'REAL', 'INTEGER', 'TEXT', 'TEXT', 'TEXT', 'TEXT', 'INTEGER', 'TEXT',
    ]);
  });
});
