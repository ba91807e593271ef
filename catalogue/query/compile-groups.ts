import type { Knex } from 'knex';
import type { CompileContext } from './compile';
import type { QueryField } from './query-fields';
import type { RecordsQuery } from './records-query';
import { column, whereFragment, type SqlFragment } from './sql-fragment';

/**
 * `_group_by=a,b&_agg=count,sum:montant` → one GROUP BY statement (and one count of groups).
 * Output columns get neutral aliases (g0…, a0…) so that no user-chosen name is ever written as
 * an alias; `columns` says which result key each alias becomes (`categorie`, `count`,
 * `sum_montant`) and how to read it back. Groups sort by `_sort` (group columns or aggregate
 * keys), then by every group column, so their order is total; `_size`/`_offset` page them.
 */
export interface GroupColumn {
  alias: string;
  key: string;
  /** A group column or min/max: decoded by the field's kind; count/sum/avg: a number. */
  field: QueryField | null;
}

export interface CompiledGroups {
  rows: Knex.QueryBuilder;
  /** Number of groups; null when `_count=false` or without `_group_by` (one group). */
  count: Knex.QueryBuilder | null;
  columns: GroupColumn[];
}

export function buildGroupQueries(ctx: CompileContext, query: RecordsQuery, condition: SqlFragment | null): CompiledGroups {
  const { knex, fields, dialect, table } = ctx;
  const keys = (query.groupBy ?? []).map((name) => fields.require(name));
  const columns: GroupColumn[] = keys.map((field, i) => ({ alias: `g${i}`, key: field.name, field }));
  const selects = keys.map((field, i) => `${column(field.columnName)} AS ${column(`g${i}`)}`);
  (query.aggregates ?? []).forEach((aggregate, i) => {
    const alias = `a${i}`;
    if (aggregate.fn === 'count') {
      selects.push(`count(*) AS ${column(alias)}`);
      columns.push({ alias, key: aggregate.key, field: null });
    } else {
      const field = fields.require(aggregate.field!);
      selects.push(`${aggregate.fn}(${column(field.columnName)}) AS ${column(alias)}`);
      columns.push({ alias, key: aggregate.key, field: aggregate.fn === 'min' || aggregate.fn === 'max' ? field : null });
    }
  });

  const grouped = (builder: Knex.QueryBuilder): Knex.QueryBuilder => {
    whereFragment(builder, condition);
    if (keys.length) builder.groupByRaw(keys.map((f) => column(f.columnName)).join(', '));
    return builder;
  };

  const rows = grouped(knex(table.name).select(knex.raw(selects.join(', '))));
  const aliasOf = new Map(columns.map((c) => [c.key, c.alias]));
  const order = query.sort.map((s) => dialect.orderTerm(column(aliasOf.get(s.field)!), s.desc));
  for (const [i] of keys.entries()) {
    if (!query.sort.some((s) => s.field === keys[i].name)) order.push(dialect.orderTerm(column(`g${i}`), false));
  }
  if (order.length) rows.orderByRaw(order.join(', '));
  rows.limit(query.size);
  if (query.offset) rows.offset(query.offset);

  const count = query.count && keys.length
    ? knex.count({ count: '*' }).from(grouped(knex(table.name).select(knex.raw(keys.map((f) => column(f.columnName)).join(', ')))).as('g'))
    : null;
  return { rows, count, columns };
}
