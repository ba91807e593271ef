/**
 * Walks the subschemas of a JSON Schema by keyword, so that a property *named* `pattern` or
 * `format` is never mistaken for the keyword. Values of other keywords (enum, const, default,
 * examples, x-…) are data, not schemas, and are not entered.
 */
import type { JsonSchema } from './row-schema';

const SINGLE = [
  'items',
  'additionalItems',
  'additionalProperties',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords whose value maps names to subschemas. */
export const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const MAPS = SCHEMA_MAP_KEYWORDS;

export function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON pointer escaping (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function decodePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Calls `visit` on `schema` and on each of its subschemas, with its JSON pointer. */
export function walkSchema(schema: unknown, visit: (schema: JsonSchema, pointer: string) => void, pointer = ''): void {
  if (!isSchemaObject(schema)) return;
  visit(schema, pointer);
  for (const key of SINGLE) {
    const child = schema[key];
    // Draft-07 style `items: [..]` is a list of schemas.
    if (Array.isArray(child)) child.forEach((item, i) => walkSchema(item, visit, `${pointer}/${key}/${i}`));
    else walkSchema(child, visit, `${pointer}/${key}`);
  }
  for (const key of LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((item, i) => walkSchema(item, visit, `${pointer}/${key}/${i}`));
  }
  for (const key of MAPS) {
    const map = schema[key];
    if (!isSchemaObject(map)) continue;
    for (const [name, child] of Object.entries(map)) walkSchema(child, visit, `${pointer}/${key}/${pointerToken(name)}`);
  }
}

/**
 * A copy of `schema` where `rewrite` replaced each (sub)schema object; untouched values are shared,
 * not copied. `rewrite` receives a shallow copy whose subschemas are already rewritten.
 */
export function mapSchema(schema: unknown, rewrite: (schema: JsonSchema) => JsonSchema): unknown {
  if (!isSchemaObject(schema)) return schema;
  const copy: JsonSchema = { ...schema };
  for (const key of SINGLE) {
    const child = copy[key];
    if (child === undefined) continue;
    copy[key] = Array.isArray(child) ? child.map((item) => mapSchema(item, rewrite)) : mapSchema(child, rewrite);
  }
  for (const key of LISTS) {
    const list = copy[key];
    if (Array.isArray(list)) copy[key] = list.map((item) => mapSchema(item, rewrite));
  }
  for (const key of MAPS) {
    const map = copy[key];
    if (!isSchemaObject(map)) continue;
    copy[key] = Object.fromEntries(Object.entries(map).map(([name, child]) => [name, mapSchema(child, rewrite)]));
  }
  return rewrite(copy);
}
