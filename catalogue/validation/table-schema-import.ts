/**
 * Frictionless Table Schema v1 (what schema.data.gouv.fr publishes) → row schema. Fields become
 * properties (table-schema-fields.ts); keys, missing values and Validata custom checks become our
 * x- keywords. Whatever cannot be enforced is named in a French warning, never dropped silently.
 */
import { DRAFT_2020_12 } from './ajv-instance';
import type { JsonSchema, RowCheck, RowSchema } from './row-schema';
import { badSchemaError } from './schema-errors';
import { isSchemaObject } from './schema-walk';
import { importField, type ImportLog } from './table-schema-fields';

export interface TableSchemaImport {
  schema: RowSchema;
  warnings: string[];
}

/** A Table Schema is recognised by its `fields` array (contract section 4). */
export function isTableSchema(json: unknown): json is JsonSchema & { fields: unknown[] } {
  return isSchemaObject(json) && Array.isArray(json.fields);
}

/** primaryKey and uniqueKeys entries: a column name or a list of them. */
function keyColumns(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

function checkColumns(columns: string[], known: Set<string>, keyword: string, path: string, log: ImportLog): boolean {
  const unknown = columns.filter((c) => !known.has(c));
  for (const name of unknown) log.problems.push({ keyword, path, message: `${keyword} nomme la colonne « ${name} », absente des champs` });
  return unknown.length === 0;
}

function importPrimaryKey(ts: JsonSchema, known: Set<string>, log: ImportLog): string[] | undefined {
  if (ts.primaryKey === undefined) return undefined;
  const columns = keyColumns(ts.primaryKey);
  if (!columns) {
    log.problems.push({ keyword: 'primaryKey', path: '/primaryKey', message: 'primaryKey doit être un nom de champ ou une liste de noms' });
    return undefined;
  }
  return checkColumns(columns, known, 'primaryKey', '/primaryKey', log) ? columns : undefined;
}

function importUniqueKeys(ts: JsonSchema, uniqueFields: string[], primaryKey: string[] | undefined, known: Set<string>, log: ImportLog): string[][] {
  const keys: string[][] = [];
  const add = (key: string[]) => {
    const same = (other: string[] | undefined) => other !== undefined && other.length === key.length && other.every((c, i) => c === key[i]);
    if (!same(primaryKey) && !keys.some(same)) keys.push(key);
  };
  for (const name of uniqueFields) add([name]);
  if (ts.uniqueKeys === undefined) return keys;
  if (!Array.isArray(ts.uniqueKeys)) {
    log.problems.push({ keyword: 'uniqueKeys', path: '/uniqueKeys', message: 'uniqueKeys doit être une liste' });
    return keys;
  }
  ts.uniqueKeys.forEach((entry, i) => {
    const columns = keyColumns(entry);
    if (!columns) log.problems.push({ keyword: 'uniqueKeys', path: `/uniqueKeys/${i}`, message: 'chaque clé unique est un nom de champ ou une liste de noms' });
    else if (checkColumns(columns, known, 'uniqueKeys', `/uniqueKeys/${i}`, log)) add(columns);
  });
  return keys;
}

/** Validata names its checks with dashes, some schemas with underscores (french_gps_coordinates). */
const normaliseCheckName = (name: string) => name.replace(/_/g, '-');

function importCustomChecks(ts: JsonSchema, known: Set<string>, log: ImportLog): RowCheck[] {
  const checks: RowCheck[] = [];
  if (ts.custom_checks === undefined) return checks;
  if (!Array.isArray(ts.custom_checks)) {
    log.warnings.push('custom_checks n’est pas une liste : les contrôles personnalisés sont ignorés.');
    return checks;
  }
  for (const check of ts.custom_checks) {
    const name = isSchemaObject(check) && typeof check.name === 'string' ? check.name : undefined;
    const params = isSchemaObject(check) && isSchemaObject(check.params) ? check.params : {};
    const columns = Object.values(params).filter((v): v is string => typeof v === 'string' && known.has(v));
    const about = columns.length > 0 ? ` (colonne${columns.length > 1 ? 's' : ''} ${columns.map((c) => `« ${c} »`).join(', ')})` : '';
    const column = (key: string) => (typeof params[key] === 'string' && known.has(params[key] as string) ? (params[key] as string) : undefined);
    if (name && normaliseCheckName(name) === 'one-of-required' && column('column1') && column('column2')) {
      checks.push({ name: 'one-of-required', column1: column('column1')!, column2: column('column2')! });
    } else if (name && normaliseCheckName(name) === 'french-siret-value' && column('column')) {
      checks.push({ name: 'french-siret-value', column: column('column')! });
    } else if (name && ['one-of-required', 'french-siret-value'].includes(normaliseCheckName(name))) {
      log.warnings.push(`Contrôle personnalisé « ${name} » ignoré : ses paramètres ne nomment pas de champs du schéma.`);
    } else {
      log.warnings.push(`Contrôle personnalisé « ${name ?? '?'} »${about} non pris en charge : il ne sera pas appliqué.`);
    }
  }
  return checks;
}

function importMissingValues(ts: JsonSchema, log: ImportLog): string[] | undefined {
  const value = ts.missingValues;
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  log.problems.push({ keyword: 'missingValues', path: '/missingValues', message: 'missingValues doit être une liste de textes' });
  return undefined;
}

/** Throws CatalogueError('bad-schema') listing every problem; returns the row schema and warnings. */
export function importTableSchema(ts: unknown, origin?: string): TableSchemaImport {
  if (!isTableSchema(ts)) {
    throw badSchemaError(origin, [{ keyword: 'fields', path: '/fields', message: 'une Table Schema doit avoir une liste « fields »' }]);
  }
  const log: ImportLog = { warnings: [], problems: [] };
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const uniqueFields: string[] = [];
  ts.fields.forEach((field, i) => {
    const imported = importField(field, `/fields/${i}`, log);
    if (!imported) return;
    if (Object.hasOwn(properties, imported.name)) {
      log.problems.push({ keyword: 'name', path: `/fields/${i}/name`, message: `le champ « ${imported.name} » est déclaré deux fois` });
      return;
    }
    properties[imported.name] = imported.property;
    if (imported.required) required.push(imported.name);
    if (imported.unique) uniqueFields.push(imported.name);
  });
  if (ts.fields.length === 0) log.problems.push({ keyword: 'fields', path: '/fields', message: 'la Table Schema ne déclare aucun champ' });

  const known = new Set(Object.keys(properties));
  const primaryKey = importPrimaryKey(ts, known, log);
  const uniqueKeys = importUniqueKeys(ts, uniqueFields, primaryKey, known, log);
  const missingValues = importMissingValues(ts, log);
  const checks = importCustomChecks(ts, known, log);
  if (ts.foreignKeys !== undefined) log.warnings.push('Les clés étrangères (foreignKeys) ne sont pas vérifiées.');
  if (log.problems.length > 0) throw badSchemaError(origin, log.problems);

  const schema: RowSchema = {
    $schema: DRAFT_2020_12,
    ...(typeof ts.title === 'string' ? { title: ts.title } : {}),
    ...(typeof ts.description === 'string' ? { description: ts.description } : {}),
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(primaryKey ? { 'x-primaryKey': primaryKey } : {}),
    ...(uniqueKeys.length > 0 ? { 'x-uniqueKeys': uniqueKeys } : {}),
    ...(missingValues ? { 'x-missingValues': missingValues } : {}),
    ...(checks.length > 0 ? { 'x-checks': checks } : {}),
  };
  return { schema, warnings: [...new Set(log.warnings)] };
}
