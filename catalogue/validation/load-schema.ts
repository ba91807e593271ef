/**
 * The one way in for a dataset's schema, whatever its form (contract section 4): a row JSON
 * Schema, or a Frictionless Table Schema converted on the fly. What comes out is checked and
 * compiles; what could not be kept is in the French warnings.
 */
import fs from 'node:fs';
import { CatalogueError, isCatalogueError } from '../errors';
import { checkRowSchema } from './check-row-schema';
import { compileRowSchema } from './compile-row-schema';
import type { RowSchema } from './row-schema';
import { badSchemaError } from './schema-errors';
import { importTableSchema, isTableSchema } from './table-schema-import';

export interface LoadedRowSchema {
  schema: RowSchema;
  warnings: string[];
}

/** `origin` names the schema in messages (a file path, a dataset slug, "API"…). */
export function loadRowSchema(json: unknown, origin: string): LoadedRowSchema {
  if (isTableSchema(json)) {
    const imported = importTableSchema(json, origin);
    // Our import writes a valid row schema; checking it anyway catches a converter bug here,
    // with the origin named, rather than at the first row.
    const warnings = checkRowSchema(imported.schema, origin);
    compileWithOrigin(imported.schema, origin);
    return { schema: imported.schema, warnings: [...imported.warnings, ...warnings] };
  }
  const warnings = checkRowSchema(json, origin);
  const schema = json as RowSchema;
  compileWithOrigin(schema, origin);
  return { schema, warnings };
}

function compileWithOrigin(schema: RowSchema, origin: string): void {
  try {
    compileRowSchema(schema);
  } catch (error) {
    if (isCatalogueError(error) && error.code === 'bad-schema') throw badSchemaError(origin, error.details);
    throw error;
  }
}

/** 1-based line and column of a character offset, for a person opening the file in an editor. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    const offset = position ? Number(position[1]) : /end of JSON input/i.test(reason) ? text.length : undefined;
    const where = offset === undefined ? '' : (({ line, column }) => ` à la ligne ${line}, colonne ${column}`)(lineAndColumn(text, offset));
    throw new CatalogueError('bad-schema', `Le fichier de schéma « ${path} » n'est pas un JSON valide${where} (${reason}).`, [
      { path, keyword: 'json', message: `JSON invalide${where}` },
    ]);
  }
}

/** Reads a schema file (UTF-8, BOM tolerated) and loads it as `loadRowSchema` does. */
export function readRowSchemaFile(path: string): LoadedRowSchema {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new CatalogueError('bad-schema', `Le fichier de schéma « ${path} » ne peut pas être lu (${reason}).`, [
      { path, message: 'fichier illisible' },
    ]);
  }
  // Editors on Windows save JSON with a BOM, which JSON.parse refuses.
  return loadRowSchema(parseJson(text.replace(/^\uFEFF/, ''), path), path);
}
