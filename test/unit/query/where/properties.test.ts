import * as fc from 'fast-check';
import type { ColumnRef, CompareOp, Literal, Operand, WhereNode } from '../../../../catalogue/query/where/ast';
import { WhereSyntaxError, parseWhere } from '../../../../catalogue/query/where/parse-where';
import { printOperand, printWhere, type PrintStyle } from './print-where';

/** Parses, and fails the property on anything thrown but a WhereSyntaxError with a sane position. */
function parseOrSyntaxError(text: string): WhereNode | WhereSyntaxError {
  try {
    return parseWhere(text);
  } catch (error) {
    if (!(error instanceof WhereSyntaxError)) throw error;
    const length = Array.from(text).length;
    expect(error.position).toBeGreaterThanOrEqual(1);
    expect(error.position).toBeLessThanOrEqual(Math.min(length + 1, 4001));
    expect(error.message.startsWith(`colonne ${error.position} : `)).toBe(true);
    return error;
  }
}

// ---- Random text ------------------------------------------------------------------------------

const SOUP = [
  '(', ')', "'", '`', '"', ',', ' ', ' ', '\n', 'AND', 'or', 'Not', 'IN', 'like', 'IS', 'NULL', 'true', 'FALSE',
  '=', '!=', '<>', '<', '<=', '>', '>=', '!', '-', '.', 'a', 'é', 'x_1', '1', '42', '1e5', '-3.5', 'date', 'datetime', "'2024-01-01'",
  'search', 'in_bbox', 'within_distance', 'foo', '(1,2,3,4)', "''", '``', '😀', '\u0301', '’', '«', ';', '%',
];

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  // Any UTF-16 unit, lone surrogates included: what a broken client may send.
  fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 100 }),
  fc.string({ unit: fc.constantFrom(...SOUP), maxLength: 80 }),
);

// ---- Random well-formed trees -----------------------------------------------------------------

const p = 0; // generated positions are placeholders: they are compared on the text instead

const columnName = fc.oneof(
  fc.constantFrom('montant', 'quantité', 'commune', 'code_insee', '_x', 'a1', 'Date', 'date', 'search', 'in_bbox', 'ın', 'Évreux_été', 'quantite\u0301'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  fc.string({ unit: fc.constantFrom('`', '"', "'", ' ', 'a', 'é', '(', ')', 'AND', 'in'), minLength: 1, maxLength: 6 }),
);
const column: fc.Arbitrary<ColumnRef> = columnName.map((name) => ({ type: 'column', name, position: p }));

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom("'", "''", '`', '"', ' ', 'x', '%', '_', '\n', 'é'), maxLength: 8 }),
);
/** -0 reads back as 0: the parser keeps a single zero. */
const finite = (constraints: fc.DoubleConstraints = {}) =>
  fc.double({ noNaN: true, noDefaultInfinity: true, ...constraints }).map((n) => (n === 0 ? 0 : n));
const instant = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });

const literal: fc.Arbitrary<Literal> = fc.oneof(
  text.map((value) => ({ type: 'literal', kind: 'string', value, position: p }) as const),
  fc.oneof(finite(), fc.integer({ min: -1e6, max: 1e6 })).map((value) => ({ type: 'literal', kind: 'number', value, position: p }) as const),
  fc.boolean().map((value) => ({ type: 'literal', kind: 'boolean', value, position: p }) as const),
  instant.map((d) => ({ type: 'literal', kind: 'date', value: d.toISOString().slice(0, 10), position: p }) as const),
);
const operand: fc.Arbitrary<Operand> = fc.oneof(literal, column);

const leaf: fc.Arbitrary<WhereNode> = fc.oneof(
  fc.record({
    type: fc.constant('compare' as const),
    op: fc.constantFrom<CompareOp>('=', '!=', '<', '<=', '>', '>='),
    left: column,
    right: operand,
    position: fc.constant(p),
  }),
  fc.record({
    type: fc.constant('in' as const),
    operand: column,
    values: fc.array(literal, { minLength: 1, maxLength: 4 }),
    negated: fc.boolean(),
    position: fc.constant(p),
  }),
  fc.record({ type: fc.constant('like' as const), operand: column, pattern: text, negated: fc.boolean(), position: fc.constant(p) }),
  fc.record({ type: fc.constant('isnull' as const), operand: column, negated: fc.boolean(), position: fc.constant(p) }),
  fc.record({ type: fc.constant('search' as const), text: text.filter((t) => t.trim() !== ''), position: fc.constant(p) }),
  fc
    .tuple(finite({ min: -180, max: 180 }), finite({ min: -180, max: 180 }), finite({ min: -90, max: 90 }), finite({ min: -90, max: 90 }))
    .map(([lon1, lon2, lat1, lat2]): WhereNode => ({
      type: 'in_bbox',
      minLon: Math.min(lon1, lon2),
      maxLon: Math.max(lon1, lon2),
      minLat: Math.min(lat1, lat2),
      maxLat: Math.max(lat1, lat2),
      position: p,
    })),
  fc
    .tuple(finite({ min: -90, max: 90 }), finite({ min: -180, max: 180 }), finite({ min: 1e-3, max: 2e7 }))
    .map(([lat, lon, metres]): WhereNode => ({ type: 'within_distance', lat, lon, metres, position: p })),
);

const tree: fc.Arbitrary<WhereNode> = fc.letrec<{ node: WhereNode; and: WhereNode; or: WhereNode; not: WhereNode }>((tie) => ({
  node: fc.oneof({ maxDepth: 5, depthSize: 'small' }, leaf, tie('and'), tie('or'), tie('not')),
  and: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((operands): WhereNode => ({ type: 'and', operands, position: p })),
  or: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((operands): WhereNode => ({ type: 'or', operands, position: p })),
  not: tie('node').map((operand): WhereNode => ({ type: 'not', operand, position: p })),
})).node;

const style: fc.Arbitrary<PrintStyle> = fc.record({ upper: fc.boolean(), space: fc.constantFrom(' ', '  ', '\n', '\t', ' \r\n ') });

function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'position').map(([k, v]) => [k, withoutPositions(v)]));
  }
  return node;
}

/** Every node, column and literal, each with what the printer writes for it. */
function* pieces(node: WhereNode, s: PrintStyle): Generator<[position: number, printed: string]> {
  yield [node.position, printWhere(node, s)];
  switch (node.type) {
    case 'and':
    case 'or':
      for (const o of node.operands) yield* pieces(o, s);
      break;
    case 'not':
      yield* pieces(node.operand, s);
      break;
    case 'compare':
      yield [node.left.position, printOperand(node.left, s)];
      yield [node.right.position, printOperand(node.right, s)];
      break;
    case 'in':
      yield [node.operand.position, printOperand(node.operand, s)];
      for (const v of node.values) yield [v.position, printOperand(v, s)];
      break;
    case 'like':
    case 'isnull':
      yield [node.operand.position, printOperand(node.operand, s)];
      break;
  }
}

// ---- Properties -------------------------------------------------------------------------------

describe('parseWhere: properties', () => {
  it('random text gives a tree or a WhereSyntaxError, nothing else', () => {
    fc.assert(fc.property(anyText, (input) => void parseOrSyntaxError(input)), { numRuns: 3000 });
  });

  it('valid text with one character inserted, deleted or replaced gives a tree or a WhereSyntaxError', () => {
    const mutated = fc
      .tuple(tree, style, fc.nat(), fc.constantFrom(...SOUP, ''), fc.nat(3))
      .map(([t, s, at, insert, remove]) => {
        const chars = Array.from(printWhere(t, s));
        const i = at % (chars.length + 1);
        chars.splice(i, remove, insert);
        return chars.join('');
      });
    fc.assert(fc.property(mutated, (input) => void parseOrSyntaxError(input)), { numRuns: 2000 });
  });

  it('a printed tree parses back to the same tree, every position pointing at its text', () => {
    fc.assert(
      fc.property(tree, style, (t, s) => {
        const printed = printWhere(t, s);
        fc.pre(Array.from(printed).length <= 4000);
        const parsed = parseWhere(printed);
        expect(withoutPositions(parsed)).toEqual(withoutPositions(t));
        const chars = Array.from(printed);
        for (const [position, piece] of pieces(parsed, s)) {
          expect(chars.slice(position - 1).join('').startsWith(piece)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('nesting past 32 levels, up to 10,000, is the depth error and never a RangeError', () => {
    const opener = fc.constantFrom('(', 'NOT ', 'not(', 'NOT (');
    fc.assert(
      fc.property(fc.array(opener, { minLength: 33, maxLength: 10_000 }), (openers) => {
        const input = `${openers.join('')}a = 1${')'.repeat(openers.length * 2)}`;
        const error = parseOrSyntaxError(input);
        expect(error).toBeInstanceOf(WhereSyntaxError);
        expect((error as WhereSyntaxError).reason).toBe('expression trop imbriquée (32 niveaux de parenthèses ou de NOT au plus)');
      }),
      { numRuns: 200 },
    );
  });

  // A backtracking regression would hang here until jest's timeout fails the test: no clock needed.
  it('huge adversarial inputs end in a syntax error', () => {
    const big = 10_000_000;
    for (const input of ["a = '".padEnd(big, 'x'), '`'.repeat(big), '('.repeat(big), 'a'.repeat(big), '1'.repeat(big), ' '.repeat(big), "a IN ('".padEnd(big, "''")]) {
      expect(parseOrSyntaxError(input)).toBeInstanceOf(WhereSyntaxError);
    }
  });
});
