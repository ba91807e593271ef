/**
 * Checks of our `x-*` keywords (contract section 4), which the JSON Schema meta-schema cannot see:
 * their shape, and that every column they name is a property of the row schema.
 */
import type { ErrorDetail } from '../errors';
import type { JsonSchema } from './row-schema';
import { isSchemaObject, pointerToken } from './schema-walk';

const GEO_KEYS = ['latitude', 'longitude', 'crs', 'geometry', 'commune'];
const CRS = ['EPSG:4326', 'EPSG:2154'];
/** What `x-tableSchemaType` records: Table Schema types that JSON Schema cannot say alone. */
const TABLE_SCHEMA_TYPES = ['year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any'];

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

class Problems {
  readonly details: ErrorDetail[] = [];
  add(keyword: string, path: string, message: string): void {
    this.details.push({ keyword, path, message });
  }
}

function checkColumnRef(problems: Problems, columns: JsonSchema, keyword: string, path: string, name: unknown): void {
  if (typeof name !== 'string') problems.add(keyword, path, `${keyword} doit nommer une colonne (texte)`);
  else if (!Object.hasOwn(columns, name)) problems.add(keyword, path, `${keyword} nomme la colonne « ${name} », absente des propriétés du schéma`);
}

function checkKeys(problems: Problems, schema: JsonSchema, columns: JsonSchema): void {
  const primaryKey = schema['x-primaryKey'];
  if (primaryKey !== undefined) {
    if (!isStringList(primaryKey) || primaryKey.length === 0) {
      problems.add('x-primaryKey', '/x-primaryKey', 'x-primaryKey doit être une liste non vide de noms de colonnes');
    } else primaryKey.forEach((name, i) => checkColumnRef(problems, columns, 'x-primaryKey', `/x-primaryKey/${i}`, name));
  }
  const uniqueKeys = schema['x-uniqueKeys'];
  if (uniqueKeys === undefined) return;
  if (!Array.isArray(uniqueKeys) || !uniqueKeys.every((key) => isStringList(key) && key.length > 0)) {
    problems.add('x-uniqueKeys', '/x-uniqueKeys', 'x-uniqueKeys doit être une liste de listes non vides de noms de colonnes');
    return;
  }
  uniqueKeys.forEach((key: string[], i) =>
    key.forEach((name, j) => checkColumnRef(problems, columns, 'x-uniqueKeys', `/x-uniqueKeys/${i}/${j}`, name)),
  );
}

function checkGeo(problems: Problems, geo: unknown, columns: JsonSchema): void {
  if (geo === undefined) return;
  if (!isSchemaObject(geo)) {
    problems.add('x-geo', '/x-geo', 'x-geo doit être un objet');
    return;
  }
  for (const key of Object.keys(geo)) {
    if (!GEO_KEYS.includes(key)) problems.add('x-geo', `/x-geo/${pointerToken(key)}`, `x-geo : clé « ${key} » inconnue (clés permises : ${GEO_KEYS.join(', ')})`);
  }
  for (const key of ['latitude', 'longitude', 'geometry', 'commune']) {
    if (geo[key] !== undefined) checkColumnRef(problems, columns, 'x-geo', `/x-geo/${key}`, geo[key]);
  }
  if (geo.crs !== undefined && !CRS.includes(geo.crs as string)) {
    problems.add('x-geo', '/x-geo/crs', `x-geo : crs doit valoir ${CRS.join(' ou ')}`);
  }
  if ((geo.latitude === undefined) !== (geo.longitude === undefined)) {
    problems.add('x-geo', '/x-geo', 'x-geo : latitude et longitude vont ensemble');
  }
  if (geo.latitude === undefined && geo.geometry === undefined && geo.commune === undefined) {
    problems.add('x-geo', '/x-geo', 'x-geo doit indiquer latitude et longitude, geometry ou commune');
  }
}

function checkChecks(problems: Problems, checks: unknown, columns: JsonSchema): void {
  if (checks === undefined) return;
  if (!Array.isArray(checks)) {
    problems.add('x-checks', '/x-checks', 'x-checks doit être une liste de contrôles');
    return;
  }
  checks.forEach((check: unknown, i) => {
    const path = `/x-checks/${i}`;
    if (!isSchemaObject(check)) problems.add('x-checks', path, 'un contrôle doit être un objet');
    else if (check.name === 'one-of-required') {
      checkColumnRef(problems, columns, 'x-checks', `${path}/column1`, check.column1);
      checkColumnRef(problems, columns, 'x-checks', `${path}/column2`, check.column2);
    } else if (check.name === 'french-siret-value') {
      checkColumnRef(problems, columns, 'x-checks', `${path}/column`, check.column);
    } else {
      problems.add('x-checks', `${path}/name`, `contrôle « ${String(check.name)} » inconnu (contrôles permis : one-of-required, french-siret-value)`);
    }
  });
}

function checkColumnKeywords(problems: Problems, name: string, column: unknown): void {
  if (!isSchemaObject(column)) return;
  const at = (keyword: string) => `/properties/${pointerToken(name)}/${keyword}`;
  const decimalChar = column['x-decimalChar'];
  if (decimalChar !== undefined && (typeof decimalChar !== 'string' || decimalChar.length !== 1)) {
    problems.add('x-decimalChar', at('x-decimalChar'), 'x-decimalChar doit être un seul caractère');
  }
  for (const keyword of ['x-groupChar', 'x-dateFormat']) {
    if (column[keyword] !== undefined && typeof column[keyword] !== 'string') problems.add(keyword, at(keyword), `${keyword} doit être un texte`);
  }
  if (column['x-bareNumber'] !== undefined && typeof column['x-bareNumber'] !== 'boolean') {
    problems.add('x-bareNumber', at('x-bareNumber'), 'x-bareNumber doit être true ou false');
  }
  for (const keyword of ['x-trueValues', 'x-falseValues']) {
    if (column[keyword] !== undefined && !isStringList(column[keyword])) problems.add(keyword, at(keyword), `${keyword} doit être une liste de textes`);
  }
  const tableSchemaType = column['x-tableSchemaType'];
  if (tableSchemaType !== undefined && !TABLE_SCHEMA_TYPES.includes(tableSchemaType as string)) {
    problems.add('x-tableSchemaType', at('x-tableSchemaType'), `x-tableSchemaType doit valoir ${TABLE_SCHEMA_TYPES.join(', ')}`);
  }
}

/** Problems of the `x-*` keywords of a row schema whose `properties` is an object. */
export function checkExtensionKeywords(schema: JsonSchema, columns: JsonSchema): ErrorDetail[] {
  const problems = new Problems();
  checkKeys(problems, schema, columns);
  checkGeo(problems, schema['x-geo'], columns);
  checkChecks(problems, schema['x-checks'], columns);
  const missingValues = schema['x-missingValues'];
  if (missingValues !== undefined && !isStringList(missingValues)) {
    problems.add('x-missingValues', '/x-missingValues', 'x-missingValues doit être une liste de textes');
  }
  for (const [name, column] of Object.entries(columns)) checkColumnKeywords(problems, name, column);
  return problems.details;
}
