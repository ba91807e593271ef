/**
 * The `_next` keyset cursor: base64url of `{"v": version, "s": [last sort values], "id": last _id}`.
 * Opaque to clients; it pins the version it was made on, so that paging through a dataset that
 * gets a new version meanwhile keeps reading the same rows. The values are re-checked against the
 * sort columns' types when decoded (parse-params.ts): a forged cursor is a bad request, never SQL.
 */
export interface Cursor {
  version: number;
  values: unknown[];
  id: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: cursor.version, s: cursor.values, id: cursor.id }), 'utf8').toString('base64url');
}

const SCALAR = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** null when the token is not a cursor this engine made. */
export function decodeCursor(token: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { v, s, id } = (data ?? {}) as { v?: unknown; s?: unknown; id?: unknown };
  if (!Number.isSafeInteger(v) || (v as number) < 1 || !Number.isSafeInteger(id) || (id as number) < 0) return null;
  if (!Array.isArray(s) || !s.every(SCALAR)) return null;
  return { version: v as number, values: s, id: id as number };
}
