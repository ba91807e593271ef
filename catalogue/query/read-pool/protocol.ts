/**
 * What the read pool (read-pool.ts) and its worker threads (read-worker.ts) say to each other.
 * One statement per message, answered by id. Rows travel as one flat array of values plus the
 * column names (`rows × columns` cells): a structured clone of one array of scalars costs less
 * than one of thousands of small objects with the same keys, and the objects are rebuilt here.
 */
export const READ_WORKER_KIND = 'opendata-read-worker';

export interface ReadWorkerData {
  kind: typeof READ_WORKER_KIND;
  /** The store's SQLite file, opened read-only by the worker. */
  filename: string;
}

/** Main → worker: run one read statement (already compiled to SQL with `?` placeholders). */
export interface StatementRequest {
  id: number;
  sql: string;
  bindings: unknown[];
}

export interface SerializedError {
  name: string;
  message: string;
  /** better-sqlite3's code (`SQLITE_ERROR`…), when there is one. */
  code?: string;
}

/** Worker → main: the rows of a statement, or why it failed. */
export type StatementReply =
  | { id: number; ok: true; columns: string[]; values: unknown[] }
  | { id: number; ok: false; error: SerializedError };

export type Row = Record<string, unknown>;

/** Flat values back to one object per row, keyed by column name (the shape knex returns). */
export function rowsFromReply(columns: readonly string[], values: readonly unknown[]): Row[] {
  const width = columns.length;
  const count = width === 0 ? 0 : values.length / width;
  const rows: Row[] = new Array(count);
  for (let r = 0, k = 0; r < count; r++) {
    const row: Row = {};
    for (let c = 0; c < width; c++, k++) row[columns[c]] = values[k];
    rows[r] = row;
  }
  return rows;
}

/** An error as the worker reported it, with its code kept (isMissingTable and logs read it). */
export function errorFromReply(error: SerializedError): Error {
  const result = new Error(error.message) as Error & { code?: string };
  result.name = error.name;
  if (error.code !== undefined) result.code = error.code;
  return result;
}
