import { CatalogueError } from '../errors';
import { makeRowDecoder, ROW_ID_COLUMN, type Store, type VersionField } from '../storage';
import { withinBudget } from './budget';
import { convertValue } from './convert-value';
import type { StatementRunner } from './statement-runner';
import { goneError, type VersionTarget } from './version-target';

/**
 * One record by its id (`GET …/records/{id}`, contract section 6): the primary key's value, or
 * for a composite key the values in `x-primaryKey` order joined by `,` (`27229,2024`; a key
 * value that itself holds a comma cannot be addressed this way), or the row number (`_id`,
 * 1 = the file's first record) when the schema declares no primary key. An id that cannot be one
 * of this dataset's ids is not found, like an id that is absent.
 */
export function primaryKeyFields(target: VersionTarget): VersionField[] | null {
  const names = target.dataset.rowSchema['x-primaryKey'] ?? [];
  const fields = names.map((name) => target.fields.find((f) => f.name === name));
  // A key the version does not have entirely (the schema changed since) falls back to row numbers.
  return fields.length > 0 && fields.every(Boolean) ? (fields as VersionField[]) : null;
}

/** Column → encoded value conditions for `id`, or null when it cannot match any record. */
function keyConditions(store: Store, target: VersionTarget, id: string): Array<[string, unknown]> | null {
  // No stored value holds U+0000, and PostgreSQL rejects it in bound text.
  if (id.includes('\0')) return null;
  const key = primaryKeyFields(target);
  if (!key) {
    const n = /^[1-9]\d*$/.test(id) ? Number(id) : NaN;
    return Number.isSafeInteger(n) ? [[ROW_ID_COLUMN, n]] : null;
  }
  const parts = key.length === 1 ? [id] : id.split(',');
  if (parts.length !== key.length) return null;
  const conditions: Array<[string, unknown]> = [];
  for (const [i, field] of key.entries()) {
    const converted = convertValue(field.kind, parts[i]);
    if (!converted.ok) return null;
    conditions.push([field.columnName, store.dialect.query.encodeValue(field.kind, converted.value)]);
  }
  return conditions;
}

export async function getRecord(runner: StatementRunner, target: VersionTarget, id: string, budgetMs: number): Promise<Record<string, unknown>> {
  const { store } = runner;
  const notFound = () => new CatalogueError('not-found', `Aucun enregistrement « ${id} » dans la version ${target.number} de « ${target.slug} ».`);
  const conditions = keyConditions(store, target, id);
  if (!conditions) throw notFound();
  const builder = store.knex(target.table.name).select(target.fields.map((f) => f.columnName));
  for (const [column, value] of conditions) builder.where(column, value as string | number);
  builder.orderBy(ROW_ID_COLUMN).limit(1);
  // A lookup by key (primary key, or the row id): it passes the scans queued for the readers.
  const rows = await withinBudget(runner, budgetMs, () => goneError(target.slug, target.number), (session) => session.run<Array<Record<string, unknown>>>(builder), 'point-lookup');
  if (rows.length === 0) throw notFound();
  return makeRowDecoder(store, target.fields)(rows[0]);
}
