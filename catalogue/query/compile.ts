import type { Knex } from 'knex';
import { CatalogueError } from '../errors';
import type { QueryDialect, TableFeatures } from '../storage/dialects/query-dialect';
import { ROW_ID_COLUMN } from '../storage/column-types';
import { searchableColumns } from '../storage/search-geo-indexes';
import { compileWhere, type WhereEnv } from './compile-where';
import { boxCondition } from './geo-conditions';
import { keysetCondition } from './keyset';
import { operatorCondition } from './operators';
import { FieldIndex, type QueryField } from './query-fields';
import type { RecordsQuery } from './records-query';
import { parseSearchWords } from './search-words';
import { and, column, whereFragment, type SqlFragment } from './sql-fragment';
import { buildGroupQueries, type CompiledGroups } from './compile-groups';

/**
 * A checked RecordsQuery → knex builders, one per statement a records answer needs: the page,
 * the count, each facet, or the groups. Nothing runs here; unit tests read `.toSQL()`.
 * Conditions are raw fragments with bound values, and every name in them is a quoted column
 * name from the version's fields.
 */
export interface QueryTable {
  name: string;
  features: TableFeatures;
}

export interface CompiledRecordsQuery {
  /** Page rows (`_id`, selected and sort columns), one more than the page size to tell whether a next page exists; null when grouping. */
  page: Knex.QueryBuilder | null;
  /** COUNT(*) under the conditions; null when `_count=false` or when nothing filters (the stored row count is the total then). */
  count: Knex.QueryBuilder | null;
  /** Whether any condition narrows the rows. */
  filtered: boolean;
  facets: Array<{ field: QueryField; query: Knex.QueryBuilder }>;
  groups: CompiledGroups | null;
  /** The fields page rows carry, in schema order: what the decoder maps back to names. */
  selected: QueryField[];
  /** The fields of `query.sort`, in order: what a cursor records. */
  sortFields: QueryField[];
}

interface Context {
  knex: Knex;
  table: QueryTable;
  fields: FieldIndex;
  dialect: QueryDialect;
}

/** Filters, `_where`, `_q` and `_bbox`, ANDed; null when there are none. */
export function conditionsOf(ctx: Context, query: RecordsQuery): SqlFragment | null {
  const { dialect, table, fields } = ctx;
  const parts: SqlFragment[] = query.filters.map((filter) => {
    const field = fields.require(filter.field);
    const value = Array.isArray(filter.value) ? filter.value.map((v) => dialect.encodeValue(field.kind, v)) : dialect.encodeValue(field.kind, filter.value);
    return operatorCondition(filter.op, column(field.columnName), filter.op === 'isnull' ? filter.value : value, dialect);
  });
  const textColumns = searchableColumns(fields.fields);
  if (query.where) {
    const env: WhereEnv = { fields, features: table.features, sql: { dialect, table: table.name, textColumns }, problems: [] };
    parts.push(compileWhere(query.where, env));
    if (env.problems.length) {
      throw new CatalogueError('bad-request', 'Paramètres invalides', env.problems.map((message) => ({ path: '_where', message: `_where, ${message}` })));
    }
  }
  if (query.search !== undefined) {
    if (!table.features.search) throw new CatalogueError('bad-request', "La recherche plein texte n'est pas disponible pour cette version du jeu de données.");
    parts.push(dialect.searchCondition(table.name, textColumns, parseSearchWords(query.search)));
  }
  if (query.bbox) {
    if (!table.features.geo) throw new CatalogueError('bad-request', "Cette version du jeu de données n'a pas de coordonnées géographiques.");
    parts.push(boxCondition(dialect, table.name, query.bbox));
  }
  return parts.length ? and(parts) : null;
}

/**
 * The page (or a stream chunk): keyset after `query.after`, ordered by the sort keys then `_id`.
 * `extraColumns` are store columns carried along (the hidden `_lat`/`_lon` for exports).
 */
export function buildPageQuery(
  ctx: Context, query: RecordsQuery, condition: SqlFragment | null, extraColumns: readonly string[] = [],
): { query: Knex.QueryBuilder; selected: QueryField[]; sortFields: QueryField[] } {
  const { knex, fields, dialect } = ctx;
  const selected = query.select ? fields.fields.filter((f) => query.select!.includes(f.name)) : [...fields.fields];
  const sortFields = query.sort.map((k) => fields.require(k.field));
  const columns = [...new Set([ROW_ID_COLUMN, ...selected.map((f) => f.columnName), ...sortFields.map((f) => f.columnName), ...extraColumns])];
  const builder = whereFragment(knex(ctx.table.name).select(columns), condition);
  if (query.after) {
    const keys = query.sort.map((k, i) => ({
      column: column(sortFields[i].columnName), desc: k.desc, value: dialect.encodeValue(sortFields[i].kind, query.after!.values[i] ?? null),
    }));
    whereFragment(builder, keysetCondition(keys, query.after.id));
  }
  const order = [...query.sort.map((k, i) => dialect.orderTerm(column(sortFields[i].columnName), k.desc)), `${column(ROW_ID_COLUMN)} ASC`];
  builder.orderByRaw(order.join(', ')).limit(query.size + 1);
  if (query.offset) builder.offset(query.offset);
  return { query: builder, selected, sortFields };
}

export function buildRecordsQuery(knex: Knex, table: QueryTable, fieldList: readonly QueryField[], query: RecordsQuery, dialect: QueryDialect): CompiledRecordsQuery {
  const ctx: Context = { knex, table, fields: new FieldIndex(fieldList), dialect };
  const condition = conditionsOf(ctx, query);
  const filtered = condition !== null;
  const facets = query.facets.map((name) => {
    const field = ctx.fields.require(name);
    const c = column(field.columnName);
    const facet = whereFragment(knex(table.name).select(knex.raw(`${c} AS value`)).count({ count: '*' }), condition)
      .whereNotNull(field.columnName)
      .groupBy(field.columnName)
      .orderByRaw(`count(*) DESC, ${c} ASC`)
      .limit(query.facetSize);
    return { field, query: facet };
  });
  if (query.groupBy || query.aggregates) {
    return { page: null, count: null, filtered, facets, groups: buildGroupQueries(ctx, query, condition), selected: [], sortFields: [] };
  }
  const page = buildPageQuery(ctx, query, condition);
  const count = query.count && filtered ? whereFragment(knex(table.name).count({ count: '*' }), condition) : null;
  return { page: page.query, count, filtered, facets, groups: null, selected: page.selected, sortFields: page.sortFields };
}

export type { Context as CompileContext };
