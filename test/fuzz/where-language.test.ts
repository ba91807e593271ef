import fc from 'fast-check';
import { buildRecordsQuery } from '../../catalogue/query/compile';
import { parseRecordsParams } from '../../catalogue/query/parse-params';
import { parseWhere, WHERE_LIMITS, WhereSyntaxError } from '../../catalogue/query/where/parse-where';
import type { WhereNode } from '../../catalogue/query/where/ast';
import { DIALECTS, FIELDS, TABLE } from '../unit/query/compile-helpers';
import { expectBadRequestNaming, fuzzRuns, hostileText } from './fuzz-settings';

/**
 * The `_where` language under hostile input. test/unit/query/where/properties.test.ts checks the
 * parser on character-level damage and round trips; here the damage is at the token level
 * (tokens deleted, duplicated, swapped, inserted) on grammar-aware expressions over the
 * dataset's real column names, inputs run to and past the length limit, and whatever parses goes
 * on through the column checks and the SQL compiler on both dialects, as a request would.
 */

/** A tree, or a WhereSyntaxError whose position lies inside the text and starts its message; nothing else. */
function parseOrPositionedError(text: string): WhereNode | WhereSyntaxError {
  try {
    return parseWhere(text);
  } catch (error) {
    if (!(error instanceof WhereSyntaxError)) throw error;
    expect(error.code).toBe('bad-request');
    expect(error.position).toBeGreaterThanOrEqual(1);
    expect(error.position).toBeLessThanOrEqual(Math.min(Array.from(text).length + 1, WHERE_LIMITS.maxLength + 1));
    expect(error.message).toMatch(new RegExp(`^colonne ${error.position} : \\S`));
    return error;
  }
}

/** Parses as a request does, then compiles on both dialects: a query, or a 400 about `_where`. */
function throughTheCompiler(text: string): 'compiled' | 'refused' {
  let query;
  try {
    query = parseRecordsParams({ _where: text }, FIELDS);
  } catch (error) {
    expectBadRequestNaming(error, ['_where']);
    return 'refused';
  }
  for (const d of DIALECTS) {
    const { sql, bindings } = buildRecordsQuery(d.knex, TABLE, FIELDS, query, d.dialect).page!.toSQL();
    expect(sql.split('?').length - 1).toBe(bindings.length);
  }
  return 'compiled';
}

// ---- Grammar-aware token lists ----------------------------------------------------------------

const quoteName = (name: string) => (/^[\p{L}_][\p{L}\p{M}\p{Nd}_]*$/u.test(name) && !/^(and|or|not|in|like|is|null|true|false)$/i.test(name)
  ? name
  : `\`${name.replace(/`/g, '``')}\``);
const columnToken = fc.constantFrom(...FIELDS.map((f) => quoteName(f.name)), '"commune"', '`inconnue`', '_id');
const stringToken = fc.oneof(
  fc.constantFrom("'Évreux'", "'L''Aigle'", "''", "'%é_'", "'2024-01-01'", "'12'", "'true'", "'\\%'"),
  hostileText(6).map((t) => `'${t.replace(/'/g, "''")}'`),
);
const numberToken = fc.oneof(fc.constantFrom('0', '-1', '1.5', '.5', '1e3', '-2.5E-3', '9007199254740993', '1e309'), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String));
const literalToken = fc.oneof(stringToken, numberToken, fc.constantFrom('TRUE', 'false', 'NULL', "date'2024-02-29'", "date '2023-02-29'", "datetime'2024-01-01T00:00:00'"));
const compareOp = fc.constantFrom('=', '!=', '<>', '<', '<=', '>', '>=', '==');

/** A column with a literal of its own type: what reaches the compiler rather than a type error. */
const TYPED: Array<[string, string[]]> = [
  ['commune', ["'Évreux'", "'L''Aigle'", "''"]], ['`Montant (€)`', ['1.5', '-2e3', "'12'"]], ['population', ['0', '46707', "'12'"]],
  ['date', ["date'2024-02-29'", "'2024-01-01'"]], ['horodatage', ["'2024-01-01T10:00:00Z'", "date'2024-01-01'"]], ['signé', ['TRUE', 'false', "'oui'"]],
];
const typedPredicate = fc.constantFrom(...TYPED).chain(([column, values]) => fc.tuple(compareOp, fc.constantFrom(...values)).map(([op, v]) => [column, op, v]));

const predicate: fc.Arbitrary<string[]> = fc.oneof(
  typedPredicate,
  typedPredicate,
  fc.tuple(columnToken, compareOp, fc.oneof(literalToken, columnToken)).map((t) => [...t]),
  fc.tuple(literalToken, compareOp, columnToken).map((t) => [...t]),
  fc.tuple(columnToken, fc.boolean(), fc.array(literalToken, { minLength: 1, maxLength: 4 }))
    .map(([c, not, values]) => [c, ...(not ? ['NOT'] : []), 'IN', '(', ...values.flatMap((v, i) => (i === 0 ? [v] : [',', v])), ')']),
  fc.tuple(columnToken, fc.boolean(), stringToken).map(([c, not, s]) => [c, ...(not ? ['NOT'] : []), 'LIKE', s]),
  fc.tuple(columnToken, fc.boolean()).map(([c, not]) => [c, 'IS', ...(not ? ['NOT'] : []), 'NULL']),
  stringToken.map((s) => ['search', '(', s, ')']),
  fc.array(numberToken, { minLength: 4, maxLength: 4 }).map((n) => ['in_bbox', '(', n[0], ',', n[1], ',', n[2], ',', n[3], ')']),
  fc.array(numberToken, { minLength: 3, maxLength: 3 }).map((n) => ['within_distance', '(', n[0], ',', n[1], ',', n[2], ')']),
);

const expression: fc.Arbitrary<string[]> = fc.letrec<{ node: string[]; pair: string[]; not: string[]; group: string[] }>((tie) => ({
  node: fc.oneof({ maxDepth: 4, depthSize: 'small' }, predicate, tie('pair'), tie('not'), tie('group')),
  pair: fc.tuple(tie('node'), fc.constantFrom('AND', 'OR', 'and', 'Or'), tie('node')).map(([a, op, b]) => [...a, op, ...b]),
  not: tie('node').map((n) => ['NOT', ...n]),
  group: tie('node').map((n) => ['(', ...n, ')']),
})).node;

type Mutation = { kind: 'delete' | 'duplicate' | 'swap' | 'insert'; at: number; other: number; token: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'insert'),
  at: fc.nat(),
  other: fc.nat(),
  token: fc.constantFrom('(', ')', ',', "'", '`', '"', 'AND', 'NOT', 'IN', 'IS', 'NULL', 'LIKE', '=', '-', '.', 'date', 'search', '\0', '’', ';', '--', '/*'),
});

function mutate(tokens: readonly string[], mutations: readonly Mutation[]): string[] {
  const out = [...tokens];
  for (const m of mutations) {
    const i = m.at % (out.length + 1);
    const j = m.other % Math.max(out.length, 1);
    if (m.kind === 'delete') out.splice(i, 1);
    else if (m.kind === 'duplicate' && out.length > 0) out.splice(j, 0, out[j]);
    else if (m.kind === 'swap' && out.length > 1) [out[i % out.length], out[j]] = [out[j], out[i % out.length]];
    else if (m.kind === 'insert') out.splice(i, 0, m.token);
  }
  return out;
}

const separator = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u3000');

describe('_where: grammar-aware expressions and token mutations', () => {
  it('unmutated expressions parse (or are refused with a positioned error: a bad date…), and compile or are a 400', () => {
    const counts = { trees: 0, compiled: 0, refused: 0 };
    fc.assert(fc.property(expression, separator, (tokens, sep) => {
      const text = tokens.join(sep);
      if (!(parseOrPositionedError(text) instanceof WhereSyntaxError)) counts.trees += 1;
      counts[throughTheCompiler(text)] += 1;
    }), fuzzRuns(1000));
    expect(counts.trees).toBeGreaterThan(200);
    expect(counts.compiled).toBeGreaterThan(100);
  });

  it('mutated expressions give a tree or a positioned error, and either way never crash the compiler', () => {
    const counts = { compiled: 0, refused: 0 };
    fc.assert(fc.property(expression, fc.array(mutation, { minLength: 1, maxLength: 4 }), separator, (tokens, mutations, sep) => {
      const text = mutate(tokens, mutations).join(sep);
      parseOrPositionedError(text);
      counts[throughTheCompiler(text)] += 1;
    }), fuzzRuns(1500));
    expect(counts.compiled).toBeGreaterThan(20);
    expect(counts.refused).toBeGreaterThan(20);
  });

  it('random text goes through the whole request path as a query or a 400 about _where', () => {
    fc.assert(fc.property(hostileText(120), (text) => void throughTheCompiler(text)), fuzzRuns(1500));
  });
});

describe('_where: long inputs', () => {
  // Pieces that stress a tokenizer's regular expressions (long digit runs, quote doubling, marks
  // after letters, near-numbers) repeated up to and past the length limit: a regex that backtracks
  // catastrophically would not finish, and the test's timeout would fail it.
  const piece = fc.constantFrom('1', '1.', '1e', '-', "''", "'", '``', 'a', 'é', 'e\u0301', '_', ' ', '(', 'NOT ', 'a = 1 AND ', "x IN ('a', ", '1.1', '9', '\\', '\0', '😀');

  it('expressions near and past 4,000 characters end in a tree or a positioned error', () => {
    const long = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.integer({ min: 200, max: 6000 }), fc.constantFrom('', "a = '", 'a IN (', '`'))
      .map(([pieces, times, prefix]) => prefix + pieces.join('').repeat(times).slice(0, 20_000));
    fc.assert(fc.property(long, (text) => {
      const result = parseOrPositionedError(text);
      if (Array.from(text).length > WHERE_LIMITS.maxLength && !(result instanceof WhereSyntaxError)) {
        throw new Error('an expression past the length limit parsed');
      }
    }), fuzzRuns(300));
  });

  it('a long valid conjunction under the limit parses and compiles', () => {
    fc.assert(fc.property(fc.array(predicate, { minLength: 20, maxLength: 120 }), (predicates) => {
      const text = predicates.map((p) => p.join(' ')).join(' OR ');
      fc.pre(Array.from(text).length <= WHERE_LIMITS.maxLength);
      parseOrPositionedError(text);
      throughTheCompiler(text);
    }), fuzzRuns(100));
  });
});
