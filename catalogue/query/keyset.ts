import { or, type SqlFragment } from './sql-fragment';

/**
 * The WHERE of a keyset page: rows strictly after the cursor's row in the order
 * `k1, k2, …, _id` (each key ascending or descending, `_id` always ascending and unique, so the
 * order is total). NULL sorts as the smallest value on both stores (the dialects say NULLS FIRST
 * ascending, NULLS LAST descending), which a row-value comparison `(a, b, _id) > (…)` cannot
 * express with mixed directions or NULLs, so the comparison is expanded:
 *
 *   (k1 after c1) OR (k1 = c1 AND k2 after c2) OR … OR (k1 = c1 AND … AND kn = cn AND _id > id)
 *
 * with "= NULL" written IS NULL, "after NULL" ascending written IS NOT NULL, and "after NULL"
 * descending impossible (the disjunct is dropped); "after c" descending includes the NULLs.
 */
export interface KeysetKey {
  /** Quoted column. */
  column: string;
  desc: boolean;
  /** The cursor's value for this key, encoded for the store; null for an empty cell. */
  value: unknown;
}

function equal(key: KeysetKey): SqlFragment {
  return key.value === null ? { sql: `${key.column} IS NULL`, bindings: [] } : { sql: `${key.column} = ?`, bindings: [key.value] };
}

/** null when nothing can come after this value in this direction. */
function after(key: KeysetKey): SqlFragment | null {
  if (key.value === null) return key.desc ? null : { sql: `${key.column} IS NOT NULL`, bindings: [] };
  return key.desc
    ? { sql: `(${key.column} < ? OR ${key.column} IS NULL)`, bindings: [key.value] }
    : { sql: `${key.column} > ?`, bindings: [key.value] };
}

function conjunction(parts: SqlFragment[]): SqlFragment {
  return { sql: parts.map((p) => p.sql).join(' AND '), bindings: parts.flatMap((p) => p.bindings) };
}

export function keysetCondition(keys: readonly KeysetKey[], id: number, idColumn = '"_id"'): SqlFragment {
  const disjuncts: SqlFragment[] = [];
  for (let i = 0; i <= keys.length; i++) {
    const last = i < keys.length ? after(keys[i]) : { sql: `${idColumn} > ?`, bindings: [id] };
    if (last) disjuncts.push(conjunction([...keys.slice(0, i).map(equal), last]));
  }
  return or(disjuncts);
}
