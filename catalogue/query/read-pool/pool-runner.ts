import type { Knex } from 'knex';
import { BudgetExceeded, type QuerySession } from '../../storage/dialects/query-dialect';
import type { Store } from '../../storage/store-types';
import type { StatementPriority, StatementRunner } from '../statement-runner';
import type { ReadPool } from './read-pool';

/**
 * A StatementRunner over the read pool: each statement of a session is compiled here, in the
 * main thread (`toSQL().toNative()`: the SQL text with `?` placeholders and its bound values),
 * and run by a reader thread. All statements of one session share one deadline; the pool stops
 * a statement at it (read-pool.ts), so a slow one is answered on time, not after it ends.
 */
type Statement = Knex.QueryBuilder | Knex.Raw;

/** What knex's better-sqlite3 client does to bound values before binding them. */
function bindable(bindings: readonly unknown[]): unknown[] {
  return bindings.map((value) => (typeof value === 'boolean' ? Number(value) : value instanceof Date ? value.valueOf() : value));
}

export function poolRunner(store: Store, pool: ReadPool): StatementRunner {
  return {
    store,
    async withBudget<T>(budgetMs: number, work: (session: QuerySession) => Promise<T>, priority: StatementPriority = 'normal'): Promise<T> {
      const deadline = Date.now() + budgetMs;
      return work({
        async run<R>(query: Statement): Promise<R> {
          const { sql, bindings } = query.toSQL().toNative();
          // A point lookup queues by its arrival time, hence before every statement waiting for its deadline.
          const rank = priority === 'point-lookup' ? Date.now() : deadline;
          return (await pool.run(sql, bindable(bindings), deadline, rank)) as R;
        },
      });
    },
    isTimeout: (error) => error instanceof BudgetExceeded,
    // The worker's error keeps SQLite's message, which is what the dialect looks at.
    isMissingTable: (error) => store.dialect.query.isMissingTable(error),
    close: () => pool.close(),
  };
}
