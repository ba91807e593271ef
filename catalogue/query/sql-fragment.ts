import type { Knex } from 'knex';
import type { SqlFragment } from '../storage/dialects/query-dialect';
import { quoteIdentifier } from '../storage/sql-identifiers';

/**
 * Conditions are built as SQL text with `?` placeholders plus their values, then handed to knex
 * with whereRaw: values are always bound, and the only names in the text are quoted column names
 * taken from the dataset's fields.
 */
export type { SqlFragment } from '../storage/dialects/query-dialect';

export const TRUE_FRAGMENT: SqlFragment = { sql: '1 = 1', bindings: [] };
export const FALSE_FRAGMENT: SqlFragment = { sql: '1 = 0', bindings: [] };

export function fragment(sql: string, ...bindings: unknown[]): SqlFragment {
  return { sql, bindings };
}

function join(parts: readonly SqlFragment[], operator: 'AND' | 'OR', empty: SqlFragment): SqlFragment {
  if (parts.length === 0) return empty;
  if (parts.length === 1) return parts[0];
  return { sql: parts.map((p) => `(${p.sql})`).join(` ${operator} `), bindings: parts.flatMap((p) => p.bindings) };
}

export const and = (parts: readonly SqlFragment[]): SqlFragment => join(parts, 'AND', TRUE_FRAGMENT);
export const or = (parts: readonly SqlFragment[]): SqlFragment => join(parts, 'OR', FALSE_FRAGMENT);

export function not(part: SqlFragment): SqlFragment {
  return { sql: `NOT (${part.sql})`, bindings: part.bindings };
}

/**
 * Adds a condition to a builder, in parentheses: knex joins whereRaw texts with AND as they
 * are, and `a OR b` must not meet another condition bare.
 */
export function whereFragment<B extends Knex.QueryBuilder>(builder: B, condition: SqlFragment | null): B {
  return condition ? (builder.whereRaw(`(${condition.sql})`, condition.bindings as Knex.RawBinding[]) as B) : builder;
}

/** `"column"`: the one way a column name enters the SQL text. */
export const column = (columnName: string): string => quoteIdentifier(columnName);
