/**
 * Bounds on a `_where` expression (architecture point 7: public endpoints declare their limits).
 * They keep parsing linear and shallow whatever arrives in a query string: no stack overflow, no
 * SQL statement with thousands of bound parameters.
 */
export const WHERE_LIMITS = {
  /** Characters (Unicode code points) in the expression. */
  maxLength: 4000,
  /** Nested parentheses and NOTs, counted together. */
  maxDepth: 32,
  /** Values in one `IN (…)` list. */
  maxInValues: 1000,
} as const;
