import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { CatalogueError } from './errors';
import type { DatasetContact, DatasetSpatial, DatasetTemporal } from './storage';
import { getAjv } from './validation/ajv-instance';
import { toRowViolations } from './validation/row-violations';

/**
 * A dataset folder's `dataset.json` (contract section 3), checked against
 * schemas/catalogue/dataset.schema.json. Errors name each faulty field.
 */
export interface DatasetMetadata {
  title: string;
  description: string;
  organization: string;
  organization_title?: string;
  licence: string;
  schema: string;
  data: string;
  themes?: string[];
  keywords?: string[];
  frequency?: string;
  spatial?: DatasetSpatial;
  temporal?: DatasetTemporal;
  contact?: DatasetContact;
  demo?: boolean;
}

const SCHEMA_FILE = ['../schemas/catalogue/dataset.schema.json', '../../schemas/catalogue/dataset.schema.json']
  .map((p) => path.resolve(__dirname, p))
  .find((p) => fs.existsSync(p))!;

let validator: ValidateFunction | null = null;

function metadataValidator(): ValidateFunction {
  if (!validator) validator = getAjv().compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  return validator;
}

export function checkDatasetMetadata(json: unknown, origin: string): DatasetMetadata {
  const validate = metadataValidator();
  if (validate(json)) return json as unknown as DatasetMetadata;
  const details = toRowViolations(validate.errors ?? []).map((v) => ({
    path: v.field ? `/${v.field}` : '/', keyword: v.rule,
    message: v.field ? `${v.field} : ${v.message}` : v.message,
  }));
  throw new CatalogueError('bad-metadata', `Les métadonnées de ${origin} ne sont pas valides.`, details);
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
