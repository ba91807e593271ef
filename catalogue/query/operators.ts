import type { QueryDialect } from '../storage/dialects/query-dialect';
import type { FilterOp } from './records-query';
import type { SqlFragment } from './sql-fragment';

/**
 * THE table of filter operators (`col__op=value`, contract section 6): name, what the value
 * holds, the SQL it compiles to, and its French description for error messages and the API
 * documentation. Adding an operator is adding a row here (Datasette's filters.py does the same).
 *
 * Templates: `{c}` is the quoted column, `?` one bound value, `{list}` one `?` per value.
 * `not` and `notin` keep the rows without a value: "everything except X" is what a filter means to
 * its users; `_where` keeps SQL's rules instead (`col != 'x'` leaves NULLs out).
 */
export interface OperatorSpec {
  name: FilterOp;
  description: string;
  /** One value, a comma-separated list, or true/false. */
  takes: 'value' | 'list' | 'boolean';
  /** Only for text columns (a LIKE that ignores case). */
  textOnly: boolean;
  /** The SQL, or for LIKE operators the pattern made of the value (`%`, `_` and `!` in it are escaped). */
  template: string | { like: (escaped: string) => string };
}

export const OPERATORS: readonly OperatorSpec[] = [
  { name: 'exact', description: 'égal à (sensible à la casse)', takes: 'value', textOnly: false, template: '{c} = ?' },
  { name: 'not', description: 'différent de (les cellules vides comprises)', takes: 'value', textOnly: false, template: '({c} <> ? OR {c} IS NULL)' },
  { name: 'gt', description: 'strictement supérieur à', takes: 'value', textOnly: false, template: '{c} > ?' },
  { name: 'gte', description: 'supérieur ou égal à', takes: 'value', textOnly: false, template: '{c} >= ?' },
  { name: 'lt', description: 'strictement inférieur à', takes: 'value', textOnly: false, template: '{c} < ?' },
  { name: 'lte', description: 'inférieur ou égal à', takes: 'value', textOnly: false, template: '{c} <= ?' },
  { name: 'in', description: "l'une des valeurs (séparées par des virgules)", takes: 'list', textOnly: false, template: '{c} IN ({list})' },
  { name: 'notin', description: 'aucune des valeurs (les cellules vides comprises)', takes: 'list', textOnly: false, template: '({c} NOT IN ({list}) OR {c} IS NULL)' },
  { name: 'contains', description: 'contient (sans tenir compte de la casse)', takes: 'value', textOnly: true, template: { like: (v) => `%${v}%` } },
  { name: 'startswith', description: 'commence par (sans tenir compte de la casse)', takes: 'value', textOnly: true, template: { like: (v) => `${v}%` } },
  { name: 'endswith', description: 'se termine par (sans tenir compte de la casse)', takes: 'value', textOnly: true, template: { like: (v) => `%${v}` } },
  { name: 'isnull', description: 'vide (true) ou renseigné (false)', takes: 'boolean', textOnly: false, template: '{c} IS NULL' },
];

const BY_NAME = new Map(OPERATORS.map((o) => [o.name, o]));

export function findOperator(name: string): OperatorSpec | undefined {
  return BY_NAME.get(name as FilterOp);
}

/** `exact (égal à …), not (…), …`: what an error about an unknown operator lists. */
export function describeOperators(): string {
  return OPERATORS.map((o) => `${o.name} (${o.description})`).join(', ');
}

/** `!` escapes LIKE's wildcards: the same escape character on both stores (PostgreSQL's default is `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

/**
 * The condition for `column` (already quoted) and `value` (already converted and encoded for the
 * store; an array for list operators, a boolean for isnull).
 */
export function operatorCondition(op: FilterOp, column: string, value: unknown, dialect: QueryDialect): SqlFragment {
  const spec = BY_NAME.get(op);
  if (!spec) throw new Error(`unknown operator reached the compiler: ${op}`);
  const { template } = spec;
  if (typeof template !== 'string') return dialect.likeInsensitive(column, template.like(escapeLike(String(value))));
  if (spec.takes === 'boolean') {
    const sql = template.replace(/\{c\}/g, column);
    return { sql: value ? sql : `NOT (${sql})`, bindings: [] };
  }
  const values = spec.takes === 'list' ? (value as unknown[]) : [value];
  const sql = template.replace(/\{c\}/g, column).replace('{list}', values.map(() => '?').join(', '));
  return { sql, bindings: values };
}
