import type { Knex } from 'knex';
import { withinBudget } from '../../../catalogue/query/budget';
import type { StatementRunner } from '../../../catalogue/query/statement-runner';
import { CatalogueError } from '../../../catalogue/errors';
import type { TestCatalogue } from '../../support/test-catalogue';
import { generateRows } from './eure-dataset';
import { useLoadedEureDataset } from './loaded-eure-dataset';

/**
 * The time budget on the store under test, through the path the records service takes (its
 * runner: the read pool's threads on SQLite, statement_timeout on PostgreSQL), with a
 * deliberately slow statement: a recursive CTE counting to millions, portable SQL.
 */
const rows = generateRows(300);
let t: TestCatalogue;
let runner: StatementRunner;
useLoadedEureDataset(rows, (loaded) => ({ t, runner } = loaded));

/** A query builder, like the engine's: a recursive CTE counting to `to` (portable SQL, slow on purpose). */
function counting(to: number) {
  const { knex } = t.catalogue.store;
  return knex.withRecursive('c', ['x'], knex.raw('SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?', [to])).select(knex.raw('count(*) AS n')).from('c');
}
const one = () => t.catalogue.store.knex.select(t.catalogue.store.knex.raw('1 AS one'));
const gone = () => new CatalogueError('gone', 'disparue');

function run(query: Knex.QueryBuilder, budgetMs: number): Promise<Array<Record<string, unknown>>> {
  return withinBudget(runner, budgetMs, gone, (session) => session.run<Array<Record<string, unknown>>>(query));
}

describe('time budget', () => {
  it('a statement past its budget is answered with query-timeout at the budget, and reads go on', async () => {
    const error = await run(counting(15_000_000), 300).catch((e) => e);
    // The statement needs well over a second: only the budget can have ended it.
    expect(error).toBeInstanceOf(CatalogueError);
    expect(error).toMatchObject({ code: 'query-timeout', message: expect.stringContaining('temps imparti (0,3 s)') });
    // The same runner, and the service, keep answering.
    expect(await run(one(), 10_000)).toEqual([{ one: 1 }]);
    expect((await t.catalogue.records.query('subventions', { _size: '1' })).records).toHaveLength(1);
  });

  it('several timeouts in a row leave the runner serving', async () => {
    const errors = await Promise.all([1, 2, 3].map(() => run(counting(8_000_000), 100).catch((e) => e)));
    expect(errors.map((e) => e.code)).toEqual(['query-timeout', 'query-timeout', 'query-timeout']);
    const page = await t.catalogue.records.query('subventions', { commune: 'Évreux', _size: '5' });
    expect(page.total_count).toBe(rows.filter((r) => r.commune === 'Évreux').length);
  });

  it('within the budget nothing changes', async () => {
    expect(await run(counting(1000), 10_000)).toEqual([{ n: 1000 }]);
  });

  it('a slow statement does not freeze this thread: a light one started after it answers first', async () => {
    const finished: string[] = [];
    const slow = run(counting(15_000_000), 60_000).then((r) => (finished.push('slow'), r));
    const light = run(one(), 60_000).then((r) => (finished.push('light'), r));
    expect(await Promise.all([slow, light])).toEqual([[{ n: 15_000_000 }], [{ one: 1 }]]);
    // In the main thread, better-sqlite3 would run the slow statement to its end before anything else.
    expect(finished).toEqual(['light', 'slow']);
  });
});
