import { OPERATORS } from '../../../catalogue/query/operators';
import { DIALECTS, whereOf } from './compile-helpers';

/**
 * Every filter operator of the one operator table, on both dialects: the SQL text and the bound
 * values. Column names come from the fields (`Montant (€)` is the column "montant").
 */
type Case = [params: Record<string, string>, sqlite: [string, unknown[]], postgres: [string, unknown[]]];

const same = (sql: string, bindings: unknown[]): [string, unknown[]] => [sql, bindings];

const CASES: Record<string, Case> = {
  exact: [{ commune: 'Évreux' }, same('("commune" = ?)', ['Évreux']), same('("commune" = ?)', ['Évreux'])],
  'exact (explicit)': [{ 'Montant (€)__exact': '12.5' }, same('("montant" = ?)', [12.5]), same('("montant" = ?)', [12.5])],
  not: [{ commune__not: 'Vernon' }, same('(("commune" <> ? OR "commune" IS NULL))', ['Vernon']), same('(("commune" <> ? OR "commune" IS NULL))', ['Vernon'])],
  gt: [{ 'Montant (€)__gt': '1000' }, same('("montant" > ?)', [1000]), same('("montant" > ?)', [1000])],
  gte: [{ population__gte: '-3' }, same('("population" >= ?)', [-3]), same('("population" >= ?)', [-3])],
  lt: [{ date__lt: '2024-01-01' }, same('("date" < ?)', ['2024-01-01']), same('("date" < ?)', ['2024-01-01'])],
  lte: [{ horodatage__lte: '2024-03-01T10:15:30+02:00' },
    same('("horodatage" <= ?)', ['2024-03-01T08:15:30.000Z']), same('("horodatage" <= ?)', ['2024-03-01T10:15:30+02:00'])],
  in: [{ commune__in: 'Évreux,Vernon' }, same('("commune" IN (?, ?))', ['Évreux', 'Vernon']), same('("commune" IN (?, ?))', ['Évreux', 'Vernon'])],
  notin: [{ population__notin: '1,2,3' },
    same('(("population" NOT IN (?, ?, ?) OR "population" IS NULL))', [1, 2, 3]), same('(("population" NOT IN (?, ?, ?) OR "population" IS NULL))', [1, 2, 3])],
  contains: [{ commune__contains: 'ÉVR' }, same(`(opendata_lower("commune") LIKE ? ESCAPE '!')`, ['%évr%']), same(`("commune" ILIKE ? ESCAPE '!')`, ['%ÉVR%'])],
  startswith: [{ objet__startswith: '50%_!' }, same(`(opendata_lower("objet") LIKE ? ESCAPE '!')`, ['50!%!_!!%']), same(`("objet" ILIKE ? ESCAPE '!')`, ['50!%!_!!%'])],
  endswith: [{ commune__endswith: "d'Iton" }, same(`(opendata_lower("commune") LIKE ? ESCAPE '!')`, ["%d'iton"]), same(`("commune" ILIKE ? ESCAPE '!')`, ["%d'Iton"])],
  'isnull=true': [{ date__isnull: 'true' }, same('("date" IS NULL)', []), same('("date" IS NULL)', [])],
  'isnull=false': [{ date__isnull: 'false' }, same('(NOT ("date" IS NULL))', []), same('(NOT ("date" IS NULL))', [])],
  'boolean value': [{ 'signé': 'oui' }, same('("signe" = ?)', [1]), same('("signe" = ?)', [true])],
  'a day for a datetime': [{ horodatage__gte: '2024-03-01' },
    same('("horodatage" >= ?)', ['2024-03-01T00:00:00.000Z']), same('("horodatage" >= ?)', ['2024-03-01T00:00:00Z'])],
};

describe.each(DIALECTS)('$name', (d) => {
  it.each(Object.entries(CASES))('%s', (_name, [params, sqlite, postgres]) => {
    const [sql, bindings] = d.name === 'sqlite' ? sqlite : postgres;
    expect(whereOf(d, params)).toEqual({ where: sql, bindings });
  });

  it('several filters are ANDed, each in parentheses', () => {
    expect(whereOf(d, { commune: 'Vernon', population__gt: '100' })).toEqual({
      where: '(("commune" = ?) AND ("population" > ?))', bindings: ['Vernon', 100],
    });
  });
});

it('the table covers exactly the operators of the contract', () => {
  expect(OPERATORS.map((o) => o.name)).toEqual(['exact', 'not', 'gt', 'gte', 'lt', 'lte', 'in', 'notin', 'contains', 'startswith', 'endswith', 'isnull']);
  for (const o of OPERATORS) expect(o.description).toMatch(/^[a-zé'’ ]/);
});
