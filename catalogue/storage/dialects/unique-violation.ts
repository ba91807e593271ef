/**
 * Whether a driver error is a unique-constraint violation. The one place that knows both drivers'
 * codes, so repositories can turn a duplicate slug into a domain error without branching on the store.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
