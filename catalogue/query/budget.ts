import { CatalogueError } from '../errors';
import type { QuerySession } from '../storage/dialects/query-dialect';
import type { Store } from '../storage/store-types';

/**
 * Every records statement runs inside a time budget (architecture point 7; Datasette's
 * sql_time_limit_ms). PostgreSQL cancels a statement past it (statement_timeout in a read-only
 * transaction). better-sqlite3 has no interrupt: on SQLite the budget is checked between the
 * statements of one answer, so a slow page stops before its count and facets run, but a single
 * slow statement runs to its end and blocks the process meanwhile. The worker-thread read pool
 * of performance-notes.md is what will fix that.
 */
export const DEFAULT_BUDGET_MS = 10_000;

export function timeoutError(budgetMs: number): CatalogueError {
  const seconds = Math.round(budgetMs / 100) / 10;
  return new CatalogueError(
    'query-timeout',
    `La requête a dépassé le temps imparti (${String(seconds).replace('.', ',')} s) : ajoutez des filtres, réduisez _size ou retirez des facettes.`,
  );
}

/**
 * Runs `work` in a budgeted session. `gone` makes the error for a version table that vanished
 * under the query (dropped since the version was resolved).
 */
export async function withinBudget<T>(store: Store, budgetMs: number, gone: () => CatalogueError, work: (session: QuerySession) => Promise<T>): Promise<T> {
  const dialect = store.dialect.query;
  try {
    return await dialect.withBudget(store.knex, budgetMs, work);
  } catch (error) {
    if (dialect.isTimeout(error)) throw timeoutError(budgetMs);
    if (dialect.isMissingTable(error)) throw gone();
    throw error;
  }
}
