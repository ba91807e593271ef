import { ingestFile, type IngestOptions } from '../../catalogue/ingest/ingest-file';
import { compileRowSchema } from '../../catalogue/validation/compile-row-schema';
import type { RowSchema } from '../../catalogue/validation/row-schema';
import { writeTemp } from './temp-files';

/** A small row schema of Eure communes used across ingest tests. */
export const communeSchema: RowSchema = {
  type: 'object',
  properties: {
    code_insee: { type: 'string', pattern: '^(?:[0-9]{5}|2[AB][0-9]{3})$' },
    commune: { type: 'string', minLength: 1 },
    population: { type: 'integer', minimum: 0 },
    superficie: { type: 'number', 'x-decimalChar': ',' },
    chef_lieu: { type: 'boolean' },
    maj: { type: 'string', format: 'date' },
  },
  required: ['code_insee', 'commune'],
  'x-primaryKey': ['code_insee'],
};

/** Writes `content` to a temporary file and runs the whole pipeline on it, collecting loaded rows. */
export async function ingestText(dir: string, content: Buffer | string, schema: RowSchema = communeSchema, options: IngestOptions = {}) {
  const file = writeTemp(dir, content);
  const loaded: unknown[][] = [];
  const result = await ingestFile(file, compileRowSchema(schema), { onRows: (rows) => void loaded.push(...rows), ...options });
  return { ...result, loaded, file };
}
