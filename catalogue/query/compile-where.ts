import type { QueryDialect, TableFeatures } from '../storage/dialects/query-dialect';
import { checkBox, checkDistance, distanceCondition } from './geo-conditions';
import { escapeLike } from './operators';
import { TEXT_KINDS, type FieldIndex, type QueryField } from './query-fields';
import { parseSearchWords } from './search-words';
import { and, column, FALSE_FRAGMENT, fragment, not, or, type SqlFragment } from './sql-fragment';
import { at, comparable, literalFor, resolveColumn } from './where-operands';
import type { CompareOp, Literal, Operand, WhereNode } from './where/ast';

/**
 * A `_where` tree → one SQL condition with bound values. The same walk checks the tree when the
 * parameters are parsed (no `sql` in the environment: every problem is collected, with its
 * position) and compiles it once checked. `_where` keeps SQL's rules: `col != 'x'` and
 * `NOT col IN (…)` leave out rows where col is empty.
 */
export interface WhereEnv {
  fields: FieldIndex;
  features: TableFeatures;
  /** Absent when only checking. */
  sql?: { dialect: QueryDialect; table: string; textColumns: readonly string[] };
  problems: string[];
}

const SQL_COMPARE: Record<CompareOp, string> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
/** `5 < montant` is `montant > 5`. */
const FLIPPED: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function encode(env: WhereEnv, field: QueryField, value: unknown): unknown {
  return env.sql ? env.sql.dialect.encodeValue(field.kind, value) : value;
}

function fail(env: WhereEnv, message: string): SqlFragment {
  env.problems.push(message);
  return FALSE_FRAGMENT;
}

function columnOf(env: WhereEnv, operand: Operand): QueryField | null {
  if (operand.type !== 'column') return null;
  const resolved = resolveColumn(operand, env.fields);
  if (!resolved.ok) env.problems.push(resolved.message);
  return resolved.ok ? resolved.value : null;
}

function compileCompare(env: WhereEnv, node: Extract<WhereNode, { type: 'compare' }>): SqlFragment {
  let { left, right, op } = node;
  if (left.type === 'literal' && right.type === 'column') [left, right, op] = [right, left, FLIPPED[op]];
  if (left.type !== 'column') return fail(env, at(node.position, 'une comparaison doit porter sur au moins une colonne'));
  const field = columnOf(env, left);
  if (right.type === 'column') {
    const other = columnOf(env, right);
    if (!field || !other) return FALSE_FRAGMENT;
    if (!comparable(field, other)) return fail(env, at(node.position, `les colonnes « ${field.name} » et « ${other.name} » ne sont pas du même type`));
    return fragment(`${column(field.columnName)} ${SQL_COMPARE[op]} ${column(other.columnName)}`);
  }
  if (!field) return FALSE_FRAGMENT;
  if (right.kind === 'null' && (op === '=' || op === '!=')) {
    // Friendlier than SQL, where `= NULL` is never true.
    return fragment(`${column(field.columnName)} IS ${op === '=' ? '' : 'NOT '}NULL`);
  }
  const value = literalFor(field, right);
  if (!value.ok) return fail(env, value.message);
  return fragment(`${column(field.columnName)} ${SQL_COMPARE[op]} ?`, encode(env, field, value.value));
}

function compileIn(env: WhereEnv, node: Extract<WhereNode, { type: 'in' }>): SqlFragment {
  const field = columnOf(env, node.operand);
  if (!field) return FALSE_FRAGMENT;
  if (node.values.length === 0) return fail(env, at(node.position, 'IN attend au moins une valeur'));
  const values: unknown[] = [];
  for (const literal of node.values as Literal[]) {
    const value = literalFor(field, literal);
    if (value.ok) values.push(encode(env, field, value.value));
    else env.problems.push(value.message);
  }
  const sql = `${column(field.columnName)} ${node.negated ? 'NOT IN' : 'IN'} (${values.map(() => '?').join(', ')})`;
  return values.length === node.values.length ? { sql, bindings: values } : FALSE_FRAGMENT;
}

/** A user's LIKE pattern (`%`, `_`, `\` escapes) in the engine's form (`!` escapes, see operators.ts). */
export function likePattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) out += escapeLike(pattern[++i]);
    else if (c === '%' || c === '_') out += c;
    else out += escapeLike(c);
  }
  return out;
}

function compileLike(env: WhereEnv, node: Extract<WhereNode, { type: 'like' }>): SqlFragment {
  const field = columnOf(env, node.operand);
  if (!field) return FALSE_FRAGMENT;
  if (!TEXT_KINDS.has(field.kind)) return fail(env, at(node.operand.position, `LIKE ne s'applique qu'aux colonnes texte ; « ${field.name} » n'en est pas une`));
  if (!env.sql) return FALSE_FRAGMENT;
  const like = env.sql.dialect.likeInsensitive(column(field.columnName), likePattern(node.pattern));
  return node.negated ? not(like) : like;
}

function compileSearch(env: WhereEnv, text: string, position: number): SqlFragment {
  const words = parseSearchWords(text);
  if (words.length === 0) return fail(env, at(position, 'search() attend au moins un mot'));
  if (!env.features.search) return fail(env, at(position, "ce jeu de données n'a pas de colonne texte où chercher"));
  return env.sql ? env.sql.dialect.searchCondition(env.sql.table, env.sql.textColumns, words) : FALSE_FRAGMENT;
}

function compileGeo(env: WhereEnv, node: Extract<WhereNode, { type: 'in_bbox' | 'within_distance' }>): SqlFragment {
  if (!env.features.geo) return fail(env, at(node.position, "ce jeu de données n'a pas de coordonnées géographiques"));
  if (node.type === 'in_bbox') {
    const box = [node.minLon, node.minLat, node.maxLon, node.maxLat] as const;
    const problem = checkBox(box);
    if (problem) return fail(env, at(node.position, `in_bbox : ${problem}`));
    return env.sql ? env.sql.dialect.boxCondition(env.sql.table, [...box]) : FALSE_FRAGMENT;
  }
  const problem = checkDistance(node.lat, node.lon, node.metres);
  if (problem) return fail(env, at(node.position, `within_distance : ${problem}`));
  return env.sql ? distanceCondition(env.sql.dialect, env.sql.table, node.lat, node.lon, node.metres) : FALSE_FRAGMENT;
}

export function compileWhere(node: WhereNode, env: WhereEnv): SqlFragment {
  switch (node.type) {
    case 'and': return and(node.operands.map((n) => compileWhere(n, env)));
    case 'or': return or(node.operands.map((n) => compileWhere(n, env)));
    case 'not': return not(compileWhere(node.operand, env));
    case 'compare': return compileCompare(env, node);
    case 'in': return compileIn(env, node);
    case 'like': return compileLike(env, node);
    case 'isnull': {
      const field = columnOf(env, node.operand);
      return field ? fragment(`${column(field.columnName)} IS ${node.negated ? 'NOT ' : ''}NULL`) : FALSE_FRAGMENT;
    }
    case 'search': return compileSearch(env, node.text, node.position);
    case 'in_bbox':
    case 'within_distance': return compileGeo(env, node);
  }
}

/** Every problem of a tree (French messages with positions), none when it can be compiled. */
export function checkWhere(node: WhereNode, fields: FieldIndex, features: TableFeatures): string[] {
  const env: WhereEnv = { fields, features, problems: [] };
  compileWhere(node, env);
  return env.problems;
}
