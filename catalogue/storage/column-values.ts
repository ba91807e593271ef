/**
 * Conversions between JS values and the catalogue tables' columns, the same on both stores: JSON
 * documents are text, timestamps are ISO strings written by the application, and booleans come
 * back as 0/1 from SQLite.
 */
export function toJsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function fromJsonText<T>(text: unknown, fallback: T): T {
  return typeof text === 'string' ? (JSON.parse(text) as T) : fallback;
}

export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

/** Millisecond ISO UTC: what the PostgreSQL type parsers return for timestamptz, so both stores agree. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** For nullable numeric columns (bigint counts come back as numbers on both stores). */
export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
