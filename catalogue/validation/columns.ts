/**
 * Row schema → ColumnSpec[]: how each CSV cell is converted before validation, and which store
 * column type it gets (the one type → column mapping of architecture point 8 starts here).
 */
import type { ColumnKind, ColumnSpec, JsonSchema, RowSchema } from './row-schema';
import { isSchemaObject } from './schema-walk';

const DEFAULT_MISSING_VALUES = [''];

/** The declared type, ignoring `null` (an empty cell is an absent property, never a null). */
function declaredType(property: JsonSchema): string | undefined {
  const type = property.type;
  if (typeof type === 'string') return type === 'null' ? undefined : type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null');
  return undefined;
}

/** A property with only `enum` (or `const`) gets the type its values share. */
function typeOfValues(property: JsonSchema): string | undefined {
  const values = Array.isArray(property.enum) ? property.enum : 'const' in property ? [property.const] : undefined;
  const present = values?.filter((v) => v !== null);
  if (!present || present.length === 0) return undefined;
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => Number.isInteger(v))) return 'integer';
  if (present.every((v) => typeof v === 'number')) return 'number';
  if (present.every((v) => typeof v === 'object')) return Array.isArray(present[0]) ? 'array' : 'object';
  return 'string';
}

export function columnKind(property: JsonSchema): ColumnKind {
  if (property['x-tableSchemaType'] === 'year') return 'year';
  const type = declaredType(property) ?? typeOfValues(property);
  switch (type) {
    case 'integer':
    case 'number':
    case 'boolean':
      return type;
    case 'object':
    case 'array':
      return 'json';
    case 'string':
    case undefined:
      if (property.format === 'date') return 'date';
      if (property.format === 'date-time') return 'datetime';
      if (property.format === 'time') return 'time';
      return 'string';
    default:
      return 'string';
  }
}

const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const stringsOf = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...value] : undefined;

function columnSpec(name: string, raw: unknown, required: Set<string>, missingValues: string[]): ColumnSpec {
  // `true` is a valid property schema: a column of any value, read as text.
  const property = isSchemaObject(raw) ? raw : {};
  const spec: ColumnSpec = {
    name,
    kind: columnKind(property),
    required: required.has(name),
    decimalChar: stringOf(property['x-decimalChar']) ?? '.',
    bareNumber: property['x-bareNumber'] !== false,
    missingValues,
  };
  const optional = {
    title: stringOf(property.title),
    description: stringOf(property.description),
    groupChar: stringOf(property['x-groupChar']),
    trueValues: stringsOf(property['x-trueValues']),
    falseValues: stringsOf(property['x-falseValues']),
    dateFormat: stringOf(property['x-dateFormat']),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (spec as unknown as Record<string, unknown>)[key] = value;
  }
  return spec;
}

export function deriveColumns(schema: RowSchema): ColumnSpec[] {
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const missingValues = stringsOf(schema['x-missingValues']) ?? DEFAULT_MISSING_VALUES;
  return Object.entries(schema.properties).map(([name, property]) =>
    // Each column gets its own copy: a consumer editing one list must not change the others.
    columnSpec(name, property, required, [...missingValues]),
  );
}
