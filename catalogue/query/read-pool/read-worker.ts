import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applySqliteReaderPragmas } from '../../storage/dialects/sqlite-pragmas';
import { registerSqliteFunctions } from '../../storage/dialects/sqlite-query';
import { READ_WORKER_KIND, type ReadWorkerData, type StatementReply, type StatementRequest } from './protocol';

/**
 * One reader of the pool: a worker thread with its own read-only connection to the store's file,
 * running the statements the main thread compiled (SQL with `?` placeholders and the bound
 * values), one at a time, in the order received. Statements are prepared once and kept (the
 * query engine makes the same few shapes over and over). A failing statement is answered as an
 * error; only a failure to open the file ends the thread (the pool sees the worker's error).
 */
const STATEMENT_CACHE_SIZE = 200;

interface Prepared {
  statement: Database.Statement;
  columns: string[];
}

const data = workerData as ReadWorkerData | undefined;
const port = parentPort;
if (!port || data?.kind !== READ_WORKER_KIND) throw new Error('read-worker.ts se lance comme lecteur du pool de lecture, pas directement.');

/** A plain Error: better-sqlite3's own error class reaches the main thread as an object with its code alone. */
function open(filename: string): Database.Database {
  try {
    const opened = new Database(filename, { readonly: true, fileMustExist: true });
    applySqliteReaderPragmas(opened);
    registerSqliteFunctions(opened);
    return opened;
  } catch (error) {
    const e = error as Error & { code?: unknown };
    throw new Error(`Le lecteur ne peut pas ouvrir la base ${filename} : ${e.message}${typeof e.code === 'string' ? ` (${e.code})` : ''}`);
  }
}

const db = open(data.filename);

const cache = new Map<string, Prepared>();

function prepare(sql: string): Prepared {
  const cached = cache.get(sql);
  if (cached) return cached;
  const statement = db.prepare(sql);
  if (!statement.reader) throw new Error("Le pool de lecture n'exécute que des lectures.");
  statement.raw(true);
  const prepared = { statement, columns: statement.columns().map((c) => c.name) };
  // Map keeps insertion order: past the limit, the oldest statement goes.
  if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(sql, prepared);
  return prepared;
}

function run(request: StatementRequest): StatementReply {
  try {
    const { statement, columns } = prepare(request.sql);
    const rows = statement.all(request.bindings) as unknown[][];
    const values: unknown[] = new Array(rows.length * columns.length);
    let k = 0;
    for (const row of rows) for (let c = 0; c < row.length; c++) values[k++] = row[c];
    return { id: request.id, ok: true, columns, values };
  } catch (error) {
    const e = error as Error & { code?: unknown };
    // A table dropped since the statement was cached: forget it, the next one prepares afresh.
    cache.delete(request.sql);
    return { id: request.id, ok: false, error: { name: e.name ?? 'Error', message: String(e.message ?? e), code: typeof e.code === 'string' ? e.code : undefined } };
  }
}

port.on('message', (request: StatementRequest) => port.postMessage(run(request)));
