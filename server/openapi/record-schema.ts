import type { JsonSchema } from './route-spec';

/**
 * A dataset's record as OpenAPI 3.1 (JSON Schema 2020-12) sees it, generated from the steward's
 * row schema and the version's fields. Values come typed from the store, so the field's kind gives
 * the type; documentation keywords and constraints come from the row schema. A column that is not
 * required may be null in a record. Row-schema `pattern`s are full matches (as in Table Schema), so
 * they are anchored here, where JSON Schema would search.
 */
export interface FieldLike {
  name: string;
  type: string;
  title: string | null;
  description: string | null;
}

const KIND_TYPES: Record<string, JsonSchema> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  time: { type: 'string', format: 'time' },
  year: { type: 'integer' },
  json: {},
};

const KEPT_KEYWORDS = [
  'title', 'description', 'examples', 'enum', 'const', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'format',
];

function anchored(pattern: string): string {
  return `^(?:${pattern})$`;
}

export function recordPropertySchema(field: FieldLike, property: JsonSchema, required: boolean): JsonSchema {
  const schema: JsonSchema = {};
  for (const keyword of KEPT_KEYWORDS) if (property[keyword] !== undefined) schema[keyword] = property[keyword];
  Object.assign(schema, KIND_TYPES[field.type] ?? {});
  if (typeof schema.pattern === 'string') schema.pattern = anchored(schema.pattern);
  if (field.title !== null && schema.title === undefined) schema.title = field.title;
  if (field.description !== null && schema.description === undefined) schema.description = field.description;
  if (!required) {
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
  }
  return schema;
}

export function recordSchema(rowSchema: JsonSchema, fields: readonly FieldLike[], title: string): JsonSchema {
  const properties = (rowSchema.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(rowSchema.required) ? (rowSchema.required as string[]) : []);
  const asObject = (v: unknown): JsonSchema => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonSchema) : {});
  return {
    type: 'object',
    title,
    ...(typeof rowSchema.description === 'string' ? { description: rowSchema.description } : {}),
    // No `required` list: `_select` returns only some columns.
    properties: Object.fromEntries(fields.map((f) => [f.name, recordPropertySchema(f, asObject(properties[f.name]), required.has(f.name))])),
  };
}
