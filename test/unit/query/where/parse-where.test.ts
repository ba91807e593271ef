import type { ColumnRef, Literal, WhereNode } from '../../../../catalogue/query/where/ast';
import { parseWhere } from '../../../../catalogue/query/where/parse-where';

const col = (name: string, position: number): ColumnRef => ({ type: 'column', name, position });
const str = (value: string, position: number): Literal => ({ type: 'literal', kind: 'string', value, position });
const num = (value: number, position: number): Literal => ({ type: 'literal', kind: 'number', value, position });
const bool = (value: boolean, position: number): Literal => ({ type: 'literal', kind: 'boolean', value, position });
const date = (value: string, position: number): Literal => ({ type: 'literal', kind: 'date', value, position });

/** Most examples only care about the shape: a tree without positions. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'position').map(([k, v]) => [k, shape(v)]));
  }
  return node;
}
const c = (name: string) => ({ type: 'column', name });
const s = (value: string) => ({ type: 'literal', kind: 'string', value });
const n = (value: number) => ({ type: 'literal', kind: 'number', value });
const eq = (name: string, value: unknown) => ({ type: 'compare', op: '=', left: c(name), right: value });

describe('parseWhere: the contract example', () => {
  it('gives the exact tree, positions included', () => {
    const text = "montant > 1000 AND (categorie = 'Sport' OR commune IN ('Évreux', 'Vernon'))";
    const expected: WhereNode = {
      type: 'and',
      position: 1,
      operands: [
        { type: 'compare', op: '>', left: col('montant', 1), right: num(1000, 11), position: 1 },
        {
          type: 'or',
          position: 21,
          operands: [
            { type: 'compare', op: '=', left: col('categorie', 21), right: str('Sport', 33), position: 21 },
            { type: 'in', operand: col('commune', 44), values: [str('Évreux', 56), str('Vernon', 66)], negated: false, position: 44 },
          ],
        },
      ],
    };
    expect(parseWhere(text)).toEqual(expected);
  });
});

describe('parseWhere: precedence and associativity', () => {
  it('AND binds tighter than OR', () => {
    expect(shape(parseWhere('a = 1 OR b = 2 AND c = 3'))).toEqual({ type: 'or', operands: [eq('a', n(1)), { type: 'and', operands: [eq('b', n(2)), eq('c', n(3))] }] });
    expect(shape(parseWhere('a = 1 AND b = 2 OR c = 3'))).toEqual({ type: 'or', operands: [{ type: 'and', operands: [eq('a', n(1)), eq('b', n(2))] }, eq('c', n(3))] });
  });

  it('NOT binds tighter than AND, looser than a comparison', () => {
    expect(shape(parseWhere('NOT a = 1 AND b = 2'))).toEqual({ type: 'and', operands: [{ type: 'not', operand: eq('a', n(1)) }, eq('b', n(2))] });
    expect(shape(parseWhere('NOT NOT a = 1'))).toEqual({ type: 'not', operand: { type: 'not', operand: eq('a', n(1)) } });
  });

  it('a chain of one operator is one n-ary node; parentheses keep their group', () => {
    expect(shape(parseWhere('a = 1 AND b = 2 AND c = 3'))).toEqual({ type: 'and', operands: [eq('a', n(1)), eq('b', n(2)), eq('c', n(3))] });
    expect(shape(parseWhere('a = 1 OR b = 2 OR c = 3'))).toEqual({ type: 'or', operands: [eq('a', n(1)), eq('b', n(2)), eq('c', n(3))] });
    expect(shape(parseWhere('(a = 1 AND b = 2) AND c = 3'))).toEqual({
      type: 'and',
      operands: [{ type: 'and', operands: [eq('a', n(1)), eq('b', n(2))] }, eq('c', n(3))],
    });
    expect(shape(parseWhere('(a = 1 OR b = 2) AND c = 3'))).toEqual({
      type: 'and',
      operands: [{ type: 'or', operands: [eq('a', n(1)), eq('b', n(2))] }, eq('c', n(3))],
    });
  });

  it('redundant parentheses leave no trace', () => {
    expect(parseWhere('((( a = 1 )))')).toEqual({ type: 'compare', op: '=', left: col('a', 5), right: num(1, 9), position: 5 });
  });

  it('an AND whose first operand is a group starts at its parenthesis', () => {
    const tree = parseWhere('(a = 1 OR b = 2) AND c = 3');
    expect(tree.position).toBe(1);
    expect(tree.type === 'and' && tree.operands[0].position).toBe(2);
  });

  it('NOT before a parenthesised group', () => {
    expect(parseWhere('NOT (a = 1 OR b = 2)')).toEqual({
      type: 'not',
      position: 1,
      operand: {
        type: 'or',
        position: 6,
        operands: [
          { type: 'compare', op: '=', left: col('a', 6), right: num(1, 10), position: 6 },
          { type: 'compare', op: '=', left: col('b', 15), right: num(2, 19), position: 15 },
        ],
      },
    });
  });
});

describe('parseWhere: comparisons', () => {
  it.each([
    ['=', '='],
    ['!=', '!='],
    ['<>', '!='],
    ['<', '<'],
    ['<=', '<='],
    ['>', '>'],
    ['>=', '>='],
  ])('reads %s', (written, op) => {
    expect(shape(parseWhere(`montant ${written} 5`))).toEqual({ type: 'compare', op, left: c('montant'), right: n(5) });
  });

  it.each([
    ['<', '>'],
    ['<=', '>='],
    ['>', '<'],
    ['>=', '<='],
    ['=', '='],
    ['!=', '!='],
    ['<>', '!='],
  ])('puts the column on the left: 1000 %s montant', (written, op) => {
    expect(parseWhere(`1000 ${written} montant`)).toEqual({
      type: 'compare',
      op,
      left: col('montant', 7 + written.length),
      right: num(1000, 1),
      position: 1,
    });
  });

  it('needs no spaces around operators', () => {
    expect(shape(parseWhere('montant>=-5'))).toEqual({ type: 'compare', op: '>=', left: c('montant'), right: n(-5) });
    expect(shape(parseWhere("a<>'x'"))).toEqual({ type: 'compare', op: '!=', left: c('a'), right: s('x') });
  });

  it('compares two columns as they are', () => {
    expect(parseWhere('date_debut < date_fin')).toEqual({ type: 'compare', op: '<', left: col('date_debut', 1), right: col('date_fin', 14), position: 1 });
  });

  it('reads booleans', () => {
    expect(parseWhere('actif = TRUE')).toEqual({ type: 'compare', op: '=', left: col('actif', 1), right: bool(true, 9), position: 1 });
    expect(shape(parseWhere('actif = false'))).toEqual({ type: 'compare', op: '=', left: c('actif'), right: { type: 'literal', kind: 'boolean', value: false } });
  });
});

describe('parseWhere: IN, LIKE, IS NULL', () => {
  it('col IN (…) and col NOT IN (…), mixed literal kinds', () => {
    expect(parseWhere("code IN (1, 'a', true, date'2024-01-31')")).toEqual({
      type: 'in',
      operand: col('code', 1),
      values: [num(1, 10), str('a', 13), bool(true, 18), date('2024-01-31', 24)],
      negated: false,
      position: 1,
    });
    expect(shape(parseWhere("commune NOT IN ('Vernon')"))).toEqual({ type: 'in', operand: c('commune'), values: [s('Vernon')], negated: true });
  });

  it('NOT before the column negates the whole condition instead', () => {
    expect(shape(parseWhere("NOT commune IN ('Vernon')"))).toEqual({ type: 'not', operand: { type: 'in', operand: c('commune'), values: [s('Vernon')], negated: false } });
  });

  it('col [NOT] LIKE', () => {
    expect(parseWhere("nom LIKE 'Év%'")).toEqual({ type: 'like', operand: col('nom', 1), pattern: 'Év%', negated: false, position: 1 });
    expect(shape(parseWhere("nom NOT LIKE '_a%'"))).toEqual({ type: 'like', operand: c('nom'), pattern: '_a%', negated: true });
  });

  it('col IS [NOT] NULL', () => {
    expect(parseWhere('email IS NULL')).toEqual({ type: 'isnull', operand: col('email', 1), negated: false, position: 1 });
    expect(shape(parseWhere('email is not null'))).toEqual({ type: 'isnull', operand: c('email'), negated: true });
  });

  it('accepts 1,000 values in a list', () => {
    const values = Array.from({ length: 1000 }, (_, i) => String(i)).join(',');
    const tree = parseWhere(`n IN (${values})`);
    expect(tree.type === 'in' && tree.values.length).toBe(1000);
  });
});

describe('parseWhere: functions', () => {
  it('search', () => {
    expect(parseWhere("search('piscine municipale')")).toEqual({ type: 'search', text: 'piscine municipale', position: 1 });
  });

  it('in_bbox, negative numbers and decimals', () => {
    expect(parseWhere('in_bbox(0.9, 48.6, 1.9, 49.5)')).toEqual({ type: 'in_bbox', minLon: 0.9, minLat: 48.6, maxLon: 1.9, maxLat: 49.5, position: 1 });
    expect(shape(parseWhere('in_bbox(-180, -90, 180, 90)'))).toEqual({ type: 'in_bbox', minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 });
    expect(shape(parseWhere('in_bbox(1, 2, 1, 2)'))).toEqual({ type: 'in_bbox', minLon: 1, minLat: 2, maxLon: 1, maxLat: 2 });
  });

  it('within_distance', () => {
    expect(parseWhere('within_distance(49.02, 1.15, 500)')).toEqual({ type: 'within_distance', lat: 49.02, lon: 1.15, metres: 500, position: 1 });
  });

  it('function names ignore case, and combine with the rest', () => {
    expect(shape(parseWhere("SEARCH('x') AND NOT In_BBox(0,0,1,1) OR Within_Distance(0, 0, 1e3)"))).toEqual({
      type: 'or',
      operands: [
        { type: 'and', operands: [{ type: 'search', text: 'x' }, { type: 'not', operand: { type: 'in_bbox', minLon: 0, minLat: 0, maxLon: 1, maxLat: 1 } }] },
        { type: 'within_distance', lat: 0, lon: 0, metres: 1000 },
      ],
    });
  });

  it('a column may bear a function name when it is not called', () => {
    expect(shape(parseWhere("search = 'x'"))).toEqual(eq('search', s('x')));
  });
});

describe('parseWhere: keywords, identifiers, literals', () => {
  it('keywords ignore case', () => {
    const lower = parseWhere("a = 1 and not b in (2) or c like 'x' or d is not null and e = true");
    const upper = parseWhere("a = 1 AND NOT b IN (2) OR c LIKE 'x' OR d IS NOT NULL AND e = TRUE");
    const mixed = parseWhere("a = 1 AnD nOt b In (2) Or c LiKe 'x' oR d Is NoT NuLl AnD e = TrUe");
    expect(lower).toEqual(upper);
    expect(mixed).toEqual(upper);
  });

  it('accented and underscored bare identifiers', () => {
    expect(parseWhere('quantité >= 2')).toEqual({ type: 'compare', op: '>=', left: col('quantité', 1), right: num(2, 13), position: 1 });
    expect(shape(parseWhere('_code_2024 = 1'))).toEqual(eq('_code_2024', n(1)));
    expect(shape(parseWhere('Évreux_été = 1'))).toEqual(eq('Évreux_été', n(1)));
  });

  it('keeps a decomposed accent (NFD) as typed', () => {
    const nfd = 'quantite\u0301';
    expect(shape(parseWhere(`${nfd} = 1`))).toEqual(eq(nfd, n(1)));
  });

  it('backquoted and double-quoted names, the quote doubled inside', () => {
    expect(parseWhere('`nom avec espaces` = 1')).toEqual({ type: 'compare', op: '=', left: col('nom avec espaces', 1), right: num(1, 22), position: 1 });
    expect(shape(parseWhere('`a``b` = 1'))).toEqual(eq('a`b', n(1)));
    expect(shape(parseWhere('"Code INSEE" = \'27229\''))).toEqual(eq('Code INSEE', s('27229')));
    expect(shape(parseWhere('"say ""hi""" = 1'))).toEqual(eq('say "hi"', n(1)));
    expect(shape(parseWhere('`and` = 1 AND `NULL` IS NULL'))).toEqual({ type: 'and', operands: [eq('and', n(1)), { type: 'isnull', operand: c('NULL'), negated: false }] });
  });

  it('reads keywords on ASCII letters only (the dotless ı of `ın` is not IN)', () => {
    expect(shape(parseWhere('ın = 1'))).toEqual(eq('ın', n(1)));
  });

  it('strings: doubled apostrophe, double quotes and backquotes inside, empty, multi-line', () => {
    expect(parseWhere("commune = 'L''Aigle'")).toEqual({ type: 'compare', op: '=', left: col('commune', 1), right: str("L'Aigle", 11), position: 1 });
    expect(shape(parseWhere("a = ''''"))).toEqual(eq('a', s("'")));
    expect(shape(parseWhere("a = ''"))).toEqual(eq('a', s('')));
    expect(shape(parseWhere("a = 'dit \"oui\" `x`'"))).toEqual(eq('a', s('dit "oui" `x`')));
    expect(shape(parseWhere("a = 'ligne 1\nligne 2'"))).toEqual(eq('a', s('ligne 1\nligne 2')));
  });

  it.each([
    ['0', 0],
    ['42', 42],
    ['-7', -7],
    ['3.25', 3.25],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['-1e+2', -100],
    ['-0', 0],
    ['9007199254740991', 9007199254740991],
    ['1e21', 1e21],
  ])('number %s', (written, value) => {
    const tree = parseWhere(`x = ${written}`);
    expect(tree.type === 'compare' && tree.right).toEqual(num(value, 5));
    expect(Object.is((tree as { right: { value: number } }).right.value, -0)).toBe(false);
  });

  it('date literals', () => {
    expect(parseWhere("debut >= date'2024-02-29'")).toEqual({ type: 'compare', op: '>=', left: col('debut', 1), right: date('2024-02-29', 10), position: 1 });
    expect(shape(parseWhere("debut = DATE '2000-02-29'"))).toEqual(eq('debut', { type: 'literal', kind: 'date', value: '2000-02-29' }));
    expect(shape(parseWhere("debut < Date'1900-12-31'"))).toMatchObject({ op: '<', right: { kind: 'date', value: '1900-12-31' } });
  });

  it('a column named date stays a column when no text follows', () => {
    expect(shape(parseWhere("date = date'2024-01-01'"))).toEqual(eq('date', { type: 'literal', kind: 'date', value: '2024-01-01' }));
    expect(shape(parseWhere('`date` IS NULL'))).toEqual({ type: 'isnull', operand: c('date'), negated: false });
  });

  it('any whitespace separates, positions count characters, not UTF-16 units', () => {
    expect(shape(parseWhere('\n\ta\u00A0=\r\n1 '))).toEqual(eq('a', n(1)));
    // The emoji is one character though two UTF-16 units: y is at column 12, not 13.
    expect(parseWhere("'😀' = x OR y = 1")).toMatchObject({ type: 'or', operands: [{ position: 1 }, { position: 12, right: { position: 16 } }] });
  });

  it('accepts exactly 4,000 characters', () => {
    const text = `a = '${'x'.repeat(4000 - 6)}'`;
    expect(text.length).toBe(4000);
    expect(parseWhere(text).type).toBe('compare');
    expect(parseWhere(`${'a = 1'.padEnd(4000, ' ')}`).type).toBe('compare');
  });

  it('accepts 32 levels of nesting', () => {
    expect(shape(parseWhere(`${'('.repeat(32)}a = 1${')'.repeat(32)}`))).toEqual(eq('a', n(1)));
    expect(shape(parseWhere(`${'NOT '.repeat(16)}${'('.repeat(16)}a = 1${')'.repeat(16)}`))).toMatchObject({ type: 'not' });
  });
});
