/**
 * The copy of a row schema that Ajv compiles. The stored schema stays as its author wrote it;
 * only this copy is adapted to how the catalogue reads schemas.
 */
import { DRAFT_2020_12 } from './ajv-instance';
import { anchorPattern } from './patterns';
import type { JsonSchema } from './row-schema';
import { mapSchema } from './schema-walk';

export function isDraft202012(uri: unknown): boolean {
  return typeof uri === 'string' && uri.replace(/#$/, '') === DRAFT_2020_12;
}

/**
 * Root `$schema` goes: every row schema is read as 2020-12 (Ajv would refuse an unregistered
 * draft URI). Root `$id` goes: two versions of one schema share it, and Ajv refuses a second
 * schema with a known id.
 */
export function withoutRootIdentity(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** Patterns match the whole value, as in Table Schema (see patterns.ts). */
export function prepareForAjv(schema: JsonSchema): JsonSchema {
  const anchored = mapSchema(schema, (sub) =>
    typeof sub.pattern === 'string' ? { ...sub, pattern: anchorPattern(sub.pattern) } : sub,
  ) as JsonSchema;
  return withoutRootIdentity(anchored);
}
