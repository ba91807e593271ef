import { CatalogueError } from '../errors';
import type { Finding } from '../validation/findings';
import { loadRowSchema } from '../validation/load-schema';
import type { RowSchema } from '../validation/row-schema';

/**
 * A row schema given inline (API body, uploaded or pasted in the workspace): a JSON Schema or a
 * Table Schema, converted and checked the one way the catalogue loads schemas (contract section 4).
 */
export interface SchemaChoice {
  rowSchema: RowSchema;
  schemaSource: unknown;
  schemaWarnings: Finding[];
}

export function readSchemaInput(json: unknown, origin: string): SchemaChoice {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new CatalogueError('bad-schema', 'Le schéma doit être un objet JSON (JSON Schema ou Table Schema).', [
      { path: '/schema', message: 'schema : un objet JSON (JSON Schema ou Table Schema) est attendu' },
    ]);
  }
  const { schema, warnings } = loadRowSchema(json, origin);
  return { rowSchema: schema, schemaSource: json, schemaWarnings: warnings.map((message) => ({ code: 'schema-import' as const, message })) };
}
