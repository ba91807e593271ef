import type { FieldInfo, RecordsPage } from '../records';
import { makeRowDecoder, type Store, type VersionField } from '../storage';
import { goneError, type VersionTarget } from './version-target';
import { withinBudget } from './budget';
import type { StatementRunner } from './statement-runner';
import { buildRecordsQuery, type CompiledRecordsQuery } from './compile';
import type { CompiledGroups } from './compile-groups';
import { encodeCursor } from './cursor';
import type { RecordsQuery } from './records-query';

/**
 * Runs a compiled records query on the version it targets and shapes the answer the API
 * returns (contract section 6): records keyed by field name, the total, the `_next` cursor,
 * facets, or groups. All statements of one answer share one time budget.
 */
type Row = Record<string, unknown>;

export function fieldInfos(fields: readonly VersionField[], names?: readonly string[]): FieldInfo[] {
  return fields
    .filter((f) => !names || names.includes(f.name))
    .map((f) => ({ name: f.name, type: f.kind, title: f.title, description: f.description }));
}

function countOf(rows: Row[]): number {
  return Number(rows[0]?.count ?? 0);
}

function decodeGroups(store: Store, groups: CompiledGroups, rows: Row[]): Array<Record<string, unknown>> {
  return rows.map((row) => {
    const group: Record<string, unknown> = {};
    for (const c of groups.columns) {
      const value = row[c.alias];
      group[c.key] = c.field ? store.dialect.decodeValue(c.field.kind, value) : value === null || value === undefined ? null : Number(value);
    }
    return group;
  });
}

/**
 * The total when a page read with `LIMIT limit OFFSET offset` came back short: it then holds
 * every row from `offset` on. null when it cannot tell (a full page, or nothing past an offset).
 */
function totalFromLastPage(read: number, limit: number, offset = 0): number | null {
  if (read >= limit) return null;
  if (read === 0 && offset > 0) return null;
  return offset + read;
}

export async function runRecordsQuery(runner: StatementRunner, target: VersionTarget, query: RecordsQuery, budgetMs: number): Promise<RecordsPage> {
  const { store } = runner;
  const compiled: CompiledRecordsQuery = buildRecordsQuery(store.knex, target.table, target.fields, query, store.dialect.query);
  const { dialect } = store;
  return withinBudget(runner, budgetMs, () => goneError(target.slug, target.number), async (session) => {
    const page: RecordsPage = {
      dataset: target.slug,
      version: target.number,
      total_count: null,
      fields: fieldInfos(target.fields, query.groupBy ?? (query.aggregates ? [] : query.select)),
      records: [],
      next: null,
    };
    if (compiled.page) {
      const rows = await session.run<Row[]>(compiled.page);
      const kept = rows.length > query.size ? rows.slice(0, query.size) : rows;
      const decode = makeRowDecoder(store, compiled.selected);
      page.records = kept.map(decode);
      const last = kept[kept.length - 1];
      if (rows.length > query.size && last) {
        page.next = encodeCursor({
          version: target.number,
          values: compiled.sortFields.map((f) => dialect.decodeValue(f.kind, last[f.columnName] ?? null) ?? null),
          id: Number(last._id),
        });
      }
      if (query.count) {
        // A page that holds the last matching row tells the total: no COUNT(*) (a scan) needed.
        const known = query.after ? null : totalFromLastPage(rows.length, query.size + 1, query.offset);
        page.total_count = !compiled.count ? target.version.rowCount ?? 0 : known ?? countOf(await session.run<Row[]>(compiled.count));
      }
    } else if (compiled.groups) {
      const rows = await session.run<Row[]>(compiled.groups.rows);
      page.groups = decodeGroups(store, compiled.groups, rows);
      if (query.count) {
        const known = totalFromLastPage(rows.length, query.size, query.offset);
        page.total_count = !compiled.groups.count ? 1 : known ?? countOf(await session.run<Row[]>(compiled.groups.count));
      }
    }
    if (compiled.facets.length) {
      page.facets = {};
      for (const facet of compiled.facets) {
        const rows = await session.run<Row[]>(facet.query);
        page.facets[facet.field.name] = rows.map((r) => ({ value: dialect.decodeValue(facet.field.kind, r.value), count: Number(r.count) }));
      }
    }
    return page;
  });
}
