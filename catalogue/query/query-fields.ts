import type { VersionColumn } from '../storage/column-types';

/**
 * The columns a query may name: a version's fields (schema property name → SQL column name and
 * kind). Names reaching SQL come only from here, never from the request (architecture point 1).
 */
export type QueryField = VersionColumn;

export class FieldIndex {
  private readonly byName: Map<string, QueryField>;

  constructor(readonly fields: readonly QueryField[]) {
    this.byName = new Map(fields.map((f) => [f.name, f]));
  }

  get(name: string): QueryField | undefined {
    return this.byName.get(name);
  }

  /** The same field, thrown for when a checked name is missing: a bug upstream, not a bad request. */
  require(name: string): QueryField {
    const field = this.byName.get(name);
    if (!field) throw new Error(`unchecked field name reached the compiler: ${name}`);
    return field;
  }

  /** For messages listing what is allowed. */
  names(): string {
    return this.fields.map((f) => f.name).join(', ');
  }
}

/** Kinds that LIKE-style operators and full text apply to. */
export const TEXT_KINDS: ReadonlySet<string> = new Set(['string', 'time', 'json']);
/** Kinds that sum and avg apply to. */
export const NUMERIC_KINDS: ReadonlySet<string> = new Set(['integer', 'number', 'year']);
/** Kinds with no meaningful min/max on both stores (PostgreSQL has no min(boolean)). */
export const UNORDERED_KINDS: ReadonlySet<string> = new Set(['boolean', 'json']);
