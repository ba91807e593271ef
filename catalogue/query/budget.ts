import { CatalogueError } from '../errors';
import type { QuerySession } from '../storage/dialects/query-dialect';
import type { StatementPriority, StatementRunner } from './statement-runner';

/**
 * Every records statement runs inside a time budget (architecture point 7; Datasette's
 * sql_time_limit_ms), shared by all the statements of one answer. PostgreSQL cancels a statement
 * past it (statement_timeout in a read-only transaction). On SQLite the statements run on the
 * read pool's threads, and a statement past the budget has its thread terminated and replaced
 * (read-pool/read-pool.ts): the answer comes at the budget, whatever the statement was doing.
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
 * Runs `work` in a budgeted session of `runner`. `gone` makes the error for a version table that
 * vanished under the query (dropped since the version was resolved).
 */
export async function withinBudget<T>(
  runner: StatementRunner, budgetMs: number, gone: () => CatalogueError, work: (session: QuerySession) => Promise<T>, priority?: StatementPriority,
): Promise<T> {
  try {
    return await runner.withBudget(budgetMs, work, priority);
  } catch (error) {
    if (runner.isTimeout(error)) throw timeoutError(budgetMs);
    if (runner.isMissingTable(error)) throw gone();
    throw error;
  }
}
