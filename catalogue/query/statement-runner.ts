import type { QuerySession } from '../storage/dialects/query-dialect';
import type { Store } from '../storage/store-types';

/**
 * Where the statements of a records answer run, under one time budget. The query engine builds
 * knex builders in the main thread (compile.ts); a runner executes them: on the store's own
 * connections (`storeRunner`: PostgreSQL, whose driver is asynchronous, and SQLite when no reader
 * thread can start), or on the read pool's threads (read-pool/pool-runner.ts: SQLite). The
 * store is carried along for what stays in the main thread: compiling, decoding values.
 */
/**
 * `point-lookup`: a statement that reads a row or two through an index (one record by its key).
 * Where statements queue for a few reader threads, it goes before the scans waiting there: a
 * few milliseconds of work should not wait seconds behind facets and exports under load.
 */
export type StatementPriority = 'normal' | 'point-lookup';

export interface StatementRunner {
  readonly store: Store;
  /** Runs `work`; its session's statements fail past `budgetMs` (counted from now, for all of them). */
  withBudget<T>(budgetMs: number, work: (session: QuerySession) => Promise<T>, priority?: StatementPriority): Promise<T>;
  /** The error a statement stopped by the budget raises. */
  isTimeout(error: unknown): boolean;
  /** The error raised when a version table no longer exists. */
  isMissingTable(error: unknown): boolean;
  /** Releases what the runner opened (reader threads); the store itself stays open. */
  close(): Promise<void>;
}

/**
 * Statements on the store's knex: PostgreSQL cancels one past the budget (statement_timeout);
 * SQLite in the main thread can only check between statements (sqlite-query.ts).
 */
export function storeRunner(store: Store): StatementRunner {
  const dialect = store.dialect.query;
  return {
    store,
    withBudget: (budgetMs, work) => dialect.withBudget(store.knex, budgetMs, work),
    isTimeout: (error) => dialect.isTimeout(error),
    isMissingTable: (error) => dialect.isMissingTable(error),
    close: async () => undefined,
  };
}
