import { convertValue, expectedType } from './convert-value';
import { NUMERIC_KINDS, type FieldIndex, type QueryField } from './query-fields';
import type { ColumnRef, Literal } from './where/ast';

/**
 * The meaning of a `_where` operand against a dataset: a column name must be one of its fields,
 * a literal must fit the column it is compared with. Messages start with "colonne N" (the
 * character position in the expression), so a user can find the spot.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export function at(position: number, message: string): string {
  return `colonne ${position} : ${message}`;
}

export function resolveColumn(ref: ColumnRef, fields: FieldIndex): Checked<QueryField> {
  const field = fields.get(ref.name);
  if (field) return { ok: true, value: field };
  return { ok: false, message: at(ref.position, `colonne « ${ref.name} » inconnue ; colonnes disponibles : ${fields.names()}`) };
}

function describeLiteral(literal: Literal): string {
  switch (literal.kind) {
    case 'string': return `« ${literal.value} »`;
    case 'date': return `date'${literal.value}'`;
    default: return String(literal.value);
  }
}

function mismatch(field: QueryField, literal: Literal): Checked<never> {
  return {
    ok: false,
    message: at(literal.position, `la valeur ${describeLiteral(literal)} ne convient pas à la colonne « ${field.name} » (${expectedType(field.kind)} attendu)`),
  };
}

const TEXT_LIKE = new Set(['string', 'json', 'time']);

/** A non-null literal as a typed value of `field`'s column (not yet encoded for the store). */
export function literalFor(field: QueryField, literal: Literal): Checked<unknown> {
  const { kind } = field;
  switch (literal.kind) {
    case 'null':
      return { ok: false, message: at(literal.position, 'NULL ne se compare pas : écrivez « IS NULL » ou « IS NOT NULL »') };
    case 'string': {
      const converted = convertValue(kind, literal.value);
      return converted.ok ? { ok: true, value: converted.value } : mismatch(field, literal);
    }
    case 'number':
      if (NUMERIC_KINDS.has(kind)) return { ok: true, value: literal.value };
      // `code_insee = 27229`: a number written for a text column means its digits.
      if (TEXT_LIKE.has(kind)) return { ok: true, value: String(literal.value) };
      return mismatch(field, literal);
    case 'boolean':
      return kind === 'boolean' ? { ok: true, value: literal.value } : mismatch(field, literal);
    case 'date':
      if (kind === 'date') return { ok: true, value: literal.value };
      if (kind === 'datetime') return { ok: true, value: `${literal.value}T00:00:00.000Z` };
      return mismatch(field, literal);
  }
}

/** Two columns compare when both are numbers, or of the same kind. */
export function comparable(a: QueryField, b: QueryField): boolean {
  return a.kind === b.kind || (NUMERIC_KINDS.has(a.kind) && NUMERIC_KINDS.has(b.kind));
}
