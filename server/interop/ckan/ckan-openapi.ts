import type { JsonSchema, ParameterSpec, RequestBodySpec, ResponseSpec } from '../../openapi/route-spec';
import { CKAN_ROWS } from './ckan-params';

/**
 * The OpenAPI description of the CKAN actions: their parameters and CKAN's envelope, inline (these
 * answers are CKAN's shapes, not the API's own components).
 */
const query = (name: string, description: string, schema: JsonSchema = { type: 'string' }, required = false): ParameterSpec => ({
  name, in: 'query', description, schema, ...(required ? { required } : {}),
});

const LIMIT = query('limit', 'Nombre maximal de résultats (tous par défaut)', { type: 'integer', minimum: 0 });
const OFFSET = query('offset', 'Résultats à sauter', { type: 'integer', minimum: 0, default: 0 });

export const CKAN_OPENAPI_PARAMETERS: Record<'package_list' | 'package_show' | 'package_search' | 'organization_list' | 'help_show', ParameterSpec[]> = {
  package_list: [LIMIT, OFFSET],
  package_show: [query('id', 'Nom (identifiant du jeu de données) ou identifiant UUID du paquet', { type: 'string' }, true)],
  package_search: [
    query('q', 'Mots cherchés dans les titres, descriptions et mots-clés (sans tenir compte des accents ni de la casse), et termes champ:valeur (organization, tags, groups, name, id, license_id, metadata_modified)'),
    query('fq', 'Termes champ:valeur : organization:x, -organization:x, tags:x, groups:x, metadata_modified:[2026-01-01T00:00:00Z TO *], reliés par OR au besoin'),
    query('rows', `Paquets par page (${CKAN_ROWS.default} par défaut, ${CKAN_ROWS.max} au plus : au-delà, ramené à ${CKAN_ROWS.max} comme le fait CKAN)`, { type: 'integer', minimum: 0, default: CKAN_ROWS.default }),
    query('start', 'Paquets à sauter', { type: 'integer', minimum: 0, default: 0 }),
    query('sort', 'Tri : score, metadata_modified, name, title_string ou id, suivis de asc ou desc, séparés par des virgules', { type: 'string', default: 'score desc, metadata_modified desc' }),
  ],
  organization_list: [
    query('all_fields', 'true : les organisations complètes ; sinon leurs noms', { type: 'boolean', default: false }),
    query('sort', 'name, title ou package_count, suivi de asc ou desc', { type: 'string', default: 'name asc' }),
    LIMIT,
    OFFSET,
  ],
  help_show: [query('name', 'Nom de l’action : package_list, package_show, package_search, organization_list', { type: 'string' }, true)],
};

/** The POST form of an action: its query parameters as the properties of one JSON object. */
export function requestBodyOf(parameters: ParameterSpec[]): RequestBodySpec {
  const required = parameters.filter((p) => p.required).map((p) => p.name);
  return {
    description: 'Les paramètres de l’action',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          properties: Object.fromEntries(parameters.map((p) => [p.name, { ...p.schema, description: p.description }])),
          ...(required.length ? { required } : {}),
        },
      },
    },
  };
}

const HELP = { type: 'string', format: 'uri', description: 'Adresse de la documentation de l’action (help_show)' };

export function ckanSuccess(description: string, result: JsonSchema): ResponseSpec {
  return {
    description,
    content: {
      'application/json': {
        schema: { type: 'object', required: ['help', 'success', 'result'], properties: { help: HELP, success: { const: true }, result } },
      },
    },
  };
}

export function ckanFailure(description: string): ResponseSpec {
  return {
    description,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['help', 'success', 'error'],
          properties: {
            help: HELP,
            success: { const: false },
            error: {
              type: 'object',
              required: ['__type'],
              description: 'Not Found Error et Search Query Error portent `message` ; Validation Error associe à chaque paramètre fautif la liste de ses messages.',
              properties: { __type: { enum: ['Not Found Error', 'Validation Error', 'Search Query Error'] }, message: { type: 'string' } },
              additionalProperties: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
  };
}

/** The parts of a package clients rely on; the rest is documented in the README. */
export const CKAN_PACKAGE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'name', 'title', 'notes', 'url', 'license_id', 'organization', 'tags', 'resources', 'extras', 'metadata_created', 'metadata_modified'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    title: { type: 'string' },
    notes: { type: 'string' },
    url: { type: 'string', format: 'uri' },
    license_id: { type: 'string' },
    organization: { type: ['object', 'null'] },
    tags: { type: 'array', items: { type: 'object', required: ['name', 'display_name'] } },
    groups: { type: 'array', items: { type: 'object' } },
    resources: {
      type: 'array',
      items: { type: 'object', required: ['id', 'url', 'format'], properties: { url: { type: 'string', format: 'uri' }, format: { type: 'string' }, size: { type: ['integer', 'null'] }, hash: { type: 'string' } } },
    },
    extras: { type: 'array', items: { type: 'object', required: ['key', 'value'], properties: { key: { type: 'string' }, value: { type: 'string' } } } },
    metadata_created: { type: 'string' },
    metadata_modified: { type: 'string' },
  },
};
