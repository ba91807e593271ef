/**
 * A row schema, checked and compiled once, ready for the ingest's hot loop. Compiled schemas are
 * cached by a hash of their JSON, so every ingest of a dataset reuses the same validator.
 */
import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { getAjv } from './ajv-instance';
import { checkRowSchema } from './check-row-schema';
import { deriveColumns } from './columns';
import { prepareForAjv } from './prepare-schema';
import type { ColumnSpec, GeoSpec, JsonSchema, RowCheck, RowSchema } from './row-schema';
import { toRowViolations, type RowViolation } from './row-violations';
import { badSchemaError } from './schema-errors';

export type { RowViolation } from './row-violations';

export interface CompiledRowSchema {
  readonly schema: RowSchema;
  /** One per property, in the schema's property order. */
  readonly columns: ColumnSpec[];
  /**
   * JSON Schema rules on one converted row (empty cells absent). Returns a shared, frozen empty
   * array when the row is valid: nothing is allocated for valid rows beyond Ajv's own work.
   * `x-checks` are not run here (see custom-checks.ts).
   */
  validate(row: Record<string, unknown>): RowViolation[];
  readonly primaryKey: string[];
  readonly uniqueKeys: string[][];
  readonly checks: RowCheck[];
  readonly geo?: GeoSpec;
  readonly missingValues: string[];
}

const NO_VIOLATIONS: RowViolation[] = Object.freeze([]) as unknown as RowViolation[];

/** Enough for every dataset of a catalogue; beyond it the oldest schema is compiled again if needed. */
const MAX_CACHED = 200;

interface CacheEntry {
  compiled: CompiledRowSchema;
  /** The object Ajv keys its own cache with, to release it on eviction. */
  prepared: JsonSchema;
}

const cache = new Map<string, CacheEntry>();

function hashOf(schema: RowSchema): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

function compileValidator(prepared: JsonSchema): ValidateFunction {
  try {
    return getAjv().compile(prepared);
  } catch (error) {
    // What checkRowSchema cannot foresee: an unresolvable $ref, a format without comparison…
    const missingRef = (error as { missingRef?: string }).missingRef;
    const message = error instanceof Error ? error.message : String(error);
    throw badSchemaError(undefined, [
      missingRef
        ? { keyword: '$ref', message: `la référence « ${missingRef} » ne peut pas être résolue (seules les références internes au schéma sont lues)` }
        : { message: `le schéma ne peut pas être compilé (${message})` },
    ]);
  }
}

function build(schema: RowSchema): CacheEntry {
  checkRowSchema(schema);
  const prepared = prepareForAjv(schema);
  const validateFn = compileValidator(prepared);
  const compiled: CompiledRowSchema = {
    schema,
    columns: deriveColumns(schema),
    validate: (row) => (validateFn(row) ? NO_VIOLATIONS : toRowViolations(validateFn.errors ?? [])),
    primaryKey: schema['x-primaryKey'] ?? [],
    uniqueKeys: schema['x-uniqueKeys'] ?? [],
    checks: schema['x-checks'] ?? [],
    missingValues: schema['x-missingValues'] ?? [''],
    ...(schema['x-geo'] ? { geo: schema['x-geo'] } : {}),
  };
  return { compiled, prepared };
}

/** Throws CatalogueError('bad-schema') when the schema cannot validate rows. */
export function compileRowSchema(schema: RowSchema): CompiledRowSchema {
  const key = hashOf(schema);
  const hit = cache.get(key);
  if (hit) {
    // Map keeps insertion order: re-inserting makes eviction least-recently-used.
    cache.delete(key);
    cache.set(key, hit);
    return hit.compiled;
  }
  const entry = build(schema);
  cache.set(key, entry);
  if (cache.size > MAX_CACHED) {
    const [oldestKey, oldest] = cache.entries().next().value as [string, CacheEntry];
    cache.delete(oldestKey);
    getAjv().removeSchema(oldest.prepared);
  }
  return entry.compiled;
}
