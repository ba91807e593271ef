import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { CatalogueError, type ErrorDetail } from './errors';
import type { DatasetContact, DatasetSpatial, DatasetTemporal } from './storage';
import { getAjv } from './validation/ajv-instance';
import { toRowViolations } from './validation/row-violations';

/**
 * A dataset folder's `dataset.json` (contract section 3), checked against
 * schemas/catalogue/dataset.schema.json. Errors name each faulty field.
 */
/** The descriptive fields, shared by dataset.json and what stewards send (stewards/dataset-input.ts). */
export interface DatasetMetadataFields {
  title: string;
  description: string;
  organization: string;
  organization_title?: string;
  licence: string;
  themes?: string[];
  keywords?: string[];
  frequency?: string;
  spatial?: DatasetSpatial;
  temporal?: DatasetTemporal;
  contact?: DatasetContact;
  demo?: boolean;
}

export interface DatasetMetadata extends DatasetMetadataFields {
  schema: string;
  data: string;
}

const SCHEMA_FILE = ['../schemas/catalogue/dataset.schema.json', '../../schemas/catalogue/dataset.schema.json']
  .map((p) => path.resolve(__dirname, p))
  .find((p) => fs.existsSync(p))!;

let document: Record<string, any> | null = null;
let validator: ValidateFunction | null = null;

/** schemas/catalogue/dataset.schema.json, parsed once: the one source of the metadata rules. */
export function datasetSchemaDocument(): Record<string, any> {
  if (!document) document = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, any>;
  return document;
}

function metadataValidator(): ValidateFunction {
  if (!validator) validator = getAjv().compile(datasetSchemaDocument());
  return validator;
}

/** Ajv's findings on a metadata document as details naming each faulty field. */
export function metadataErrorDetails(validate: ValidateFunction): ErrorDetail[] {
  return toRowViolations(validate.errors ?? []).map((v) => ({
    path: v.field ? `/${v.field}` : '/', keyword: v.rule,
    message: v.field ? `${v.field} : ${v.message}` : v.message,
  }));
}

export function checkDatasetMetadata(json: unknown, origin: string): DatasetMetadata {
  const validate = metadataValidator();
  if (validate(json)) return json as unknown as DatasetMetadata;
  throw new CatalogueError('bad-metadata', `Les métadonnées de ${origin} ne sont pas valides.`, metadataErrorDetails(validate));
}

export function readDatasetMetadata(file: string): DatasetMetadata {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'fichier absent' : (error as Error).message;
    throw new CatalogueError('bad-metadata', `${file} ne peut pas être lu : ${reason}.`);
  }
  return checkDatasetMetadata(json, file);
}
