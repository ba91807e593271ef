import type { ValidateFunction } from 'ajv';
import { datasetSchemaDocument, metadataErrorDetails, type DatasetMetadataFields } from '../dataset-metadata';
import { CatalogueError } from '../errors';
import { foldToAscii, type DatasetPatch } from '../storage';
import { getAjv } from '../validation/ajv-instance';

/**
 * Dataset metadata as stewards send it (API body, workspace form): the fields of `dataset.json`
 * checked against schemas/catalogue/dataset.schema.json, where `schema` is an inline document
 * (checked on its own) and `data` has no place (files come as versions), plus an optional `slug`.
 * Errors name each faulty field, for the form to show them beside it.
 */
export interface DatasetMetadataInput extends DatasetMetadataFields {
  slug?: string;
}

export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';


type JsonObject = Record<string, any>;

let cached: { validate: ValidateFunction; schema: JsonObject } | null = null;

/** dataset.schema.json without `schema` and `data`, with `slug`: the one source of the rules. */
function metadataSchema(): { validate: ValidateFunction; schema: JsonObject } {
  if (cached) return cached;
  const original: JsonObject = datasetSchemaDocument();
  const { $id: _id, ...rest } = original;
  void _id;
  const properties: JsonObject = { ...rest.properties };
  delete properties.schema;
  delete properties.data;
  properties.slug = { type: 'string', pattern: SLUG_PATTERN, minLength: 2, maxLength: 80, description: 'Identifiant du jeu de données' };
  const schema = { ...rest, properties, required: (rest.required as string[]).filter((r) => r !== 'schema' && r !== 'data') };
  cached = { validate: getAjv().compile(schema), schema };
  return cached;
}

/** The allowed values of an enumerated metadata field (licence, frequency…), for forms. */
export function metadataEnum(field: 'licence' | 'frequency'): string[] {
  return [...(metadataSchema().schema.properties[field].enum as string[])];
}

export function spatialGranularities(): string[] {
  return [...(metadataSchema().schema.properties.spatial.properties.granularity.enum as string[])];
}

/** Checks a whole metadata document (a creation, or a patch merged onto the stored metadata). */
export function checkMetadataInput(json: unknown): DatasetMetadataInput {
  const { validate } = metadataSchema();
  if (validate(json)) return json as DatasetMetadataInput;
  throw new CatalogueError('bad-metadata', 'Les métadonnées du jeu de données ne sont pas valides.', metadataErrorDetails(validate));
}

/** A slug made from the title: ASCII, lower case, dashes, 60 characters at most. */
export function slugFromTitle(title: string): string {
  const slug = foldToAscii(title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug.length >= 2 ? slug : 'jeu-de-donnees';
}

/** The metadata part of a dataset row (what `updateDataset` takes), from checked input. */
export function toDatasetPatch(input: DatasetMetadataInput): DatasetPatch {
  return {
    title: input.title,
    description: input.description,
    licence: input.licence,
    themes: input.themes ?? [],
    keywords: input.keywords ?? [],
    frequency: input.frequency ?? null,
    spatial: input.spatial ?? null,
    temporal: input.temporal ?? null,
    contact: input.contact ?? null,
    demo: input.demo ?? false,
  };
}
