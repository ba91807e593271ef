import { buildOpenApiDocument } from './document';
import { FILTERS } from './parameters';
import { recordSchema, type FieldLike } from './record-schema';
import type { ApiRoute, JsonSchema, ParameterSpec } from './route-spec';

/**
 * One dataset's own OpenAPI document (`/api/v1/datasets/{slug}/openapi.json`): the dataset-scoped
 * routes with the slug fixed, the `Record` schema generated from its row schema, and the column
 * filters spelled out for its columns.
 */
export interface DatasetForDocument {
  slug: string;
  title: string;
  description: string;
  version: number | null;
  fields: FieldLike[];
  rowSchema: JsonSchema;
}

const FILTER_OPS = ['exact', 'not', 'gt', 'gte', 'lt', 'lte', 'in', 'notin', 'contains', 'startswith', 'endswith', 'isnull'];
const DATASET_PREFIX = '/api/v1/datasets/{slug}';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function filtersFor(fields: readonly FieldLike[]): ParameterSpec {
  const names = fields.map((f) => escapeRegExp(f.name)).join('|');
  return {
    ...FILTERS,
    schema: {
      type: 'object',
      properties: Object.fromEntries(fields.map((f) => [f.name, { type: 'string', description: `${f.title ?? f.name} (égalité)` }])),
      ...(fields.length ? { patternProperties: { [`^(?:${names})__(?:${FILTER_OPS.join('|')})$`]: { type: 'string' } } } : {}),
      additionalProperties: false,
    },
  };
}

export function buildDatasetDocument(routes: readonly ApiRoute[], dataset: DatasetForDocument, serverUrl: string): Record<string, unknown> {
  const filters = filtersFor(dataset.fields);
  const fixed = `/api/v1/datasets/${encodeURIComponent(dataset.slug)}`;
  return buildOpenApiDocument(routes, {
    serverUrl,
    title: `API : ${dataset.title}`,
    description: `${dataset.description}\n\nEnregistrements, export et schéma de ce jeu de données${dataset.version === null ? '' : ` (version ${dataset.version})`}.`,
    version: dataset.version === null ? '0' : String(dataset.version),
    schemas: { Record: recordSchema(dataset.rowSchema, dataset.fields, dataset.title) },
    adapt: (route) => {
      if (!route.path.startsWith(DATASET_PREFIX) || route.path.endsWith('/openapi.json') || route.inDatasetDocument === false) return null;
      return {
        path: fixed + route.path.slice(DATASET_PREFIX.length),
        parameters: route.parameters.filter((p) => !(p.in === 'path' && p.name === 'slug')).map((p) => (p === FILTERS ? filters : p)),
      };
    },
  });
}
