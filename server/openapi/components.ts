import type { JsonSchema, ResponseSpec } from './route-spec';
import { STEWARD_RESPONSES, STEWARD_SCHEMAS } from './steward-components';

/**
 * Shared OpenAPI components: the shapes of the API's JSON answers (contract section 6) and the
 * common error responses. Routes refer to them with `ref(...)`; the document builder checks that
 * every reference resolves.
 */
export const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
export const responseRef = (name: string): { $ref: string } => ({ $ref: `#/components/responses/${name}` });

const str = { type: 'string' };
const int = { type: 'integer' };
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const object = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({ type: 'object', properties, required });
const links = (names: string[]): JsonSchema => object(Object.fromEntries(names.map((n) => [n, { type: 'string', format: 'uri' }])));

export const SCHEMAS: Record<string, JsonSchema> = {
  Problem: {
    type: 'object',
    description: 'Erreur au format RFC 9457 (application/problem+json).',
    properties: {
      type: { type: 'string', format: 'uri' },
      title: str,
      status: int,
      detail: str,
      code: { type: 'string', description: 'Code stable : bad-request, not-found, gone, rate-limited, internal-error…' },
      errors: { type: 'array', items: ref('ProblemDetail') },
    },
    required: ['type', 'title', 'status', 'detail', 'code'],
  },
  ProblemDetail: object({ path: { type: 'string', description: 'Paramètre ou emplacement en cause' }, keyword: str, message: str }, ['message']),
  FacetValue: object({ value: str, count: int, label: str }, ['value', 'count']),
  OrganizationRef: object({ slug: str, title: str }),
  DatasetSummary: object({
    slug: str, title: str, description: str, organization: ref('OrganizationRef'),
    themes: { type: 'array', items: str }, keywords: { type: 'array', items: str }, licence: str,
    updated_at: { type: 'string', format: 'date-time' }, record_count: int, version: nullable(int), geo: { type: 'boolean' },
    links: links(['html', 'api', 'records']),
  }),
  SearchResult: object({
    total: int, page: int, page_size: int,
    facets: object({
      theme: { type: 'array', items: ref('FacetValue') }, organization: { type: 'array', items: ref('FacetValue') },
      keyword: { type: 'array', items: ref('FacetValue') }, licence: { type: 'array', items: ref('FacetValue') },
    }),
    datasets: { type: 'array', items: ref('DatasetSummary') },
  }),
  Field: object({ name: str, type: str, title: nullable(str), description: nullable(str) }),
  ColumnProfile: object({
    nulls: int, distinct: int, distinct_approximate: { type: 'boolean' },
    min: { type: ['string', 'number', 'null'] }, max: { type: ['string', 'number', 'null'] },
    top: { type: 'array', items: object({ value: str, count: int }) }, top_approximate: { type: 'boolean' },
  }),
  Dataset: {
    allOf: [ref('DatasetSummary')],
    type: 'object',
    properties: {
      licence_title: str, frequency: nullable(str), spatial: { type: ['object', 'null'] }, temporal: { type: ['object', 'null'] },
      contact: { type: ['object', 'null'] }, demo: { type: 'boolean' }, created_at: { type: 'string', format: 'date-time' },
      published_at: nullable({ type: 'string', format: 'date-time' }), primary_key: { type: 'array', items: str },
      fields: { type: 'array', items: ref('Field') },
      profile: { type: 'object', additionalProperties: ref('ColumnProfile'), description: 'Profil de chaque colonne, par nom de champ' },
      links: {
        type: 'object',
        properties: { exports: { type: 'object', additionalProperties: { type: 'string', format: 'uri' } } },
        additionalProperties: { type: ['string', 'object'] },
      },
    },
    required: ['version', 'record_count', 'fields', 'profile', 'links'],
  },
  RowSchema: { type: 'object', description: 'Schéma JSON (draft 2020-12) d’un enregistrement, avec les mots-clés x-primaryKey, x-geo…' },
  Organization: object({
    slug: str, title: str, description: nullable(str), url: nullable(str), dataset_count: int, links: links(['html', 'api']),
  }),
  OrganizationsList: object({ organizations: { type: 'array', items: ref('Organization') } }),
  OrganizationDetail: {
    allOf: [ref('Organization')],
    type: 'object',
    properties: { datasets: { type: 'array', items: ref('DatasetSummary') } },
    required: ['datasets'],
  },
  Version: object({
    number: int, status: { enum: ['published', 'superseded'] }, created_at: str, published_at: nullable(str), author: nullable(str),
    rows: nullable(int), bytes: int, sha256: str, sha1: nullable(str), source_name: str,
    links: { ...links(['api', 'records', 'source']), required: ['api', 'records'] },
  }),
  VersionsList: object({ dataset: str, versions: { type: 'array', items: ref('Version') } }),
  VersionDetail: {
    allOf: [ref('Version')],
    type: 'object',
    properties: { dataset: str, stats: { type: ['object', 'null'] }, report: { type: ['object', 'null'], description: 'Rapport de validation (contrat, section 5)' } },
    required: ['dataset', 'stats', 'report'],
  },
  Record: { type: 'object', description: 'Un enregistrement : une propriété par colonne du jeu de données.', additionalProperties: true },
  RecordsPage: {
    type: 'object',
    properties: {
      dataset: str,
      version: int,
      total_count: nullable(int),
      fields: { type: 'array', items: ref('Field') },
      records: { type: 'array', items: ref('Record') },
      next: nullable({ type: 'string', format: 'uri', description: 'Adresse absolue de la page suivante (même paramètres, plus _next)' }),
      facets: { type: 'object', additionalProperties: { type: 'array', items: object({ value: {}, count: int }) } },
      groups: { type: 'array', items: { type: 'object', description: 'Valeurs de regroupement et agrégats : count, sum_montant…' } },
    },
    required: ['dataset', 'version', 'fields'],
  },
  Health: object({ status: { enum: ['ok', 'error'] }, store: object({ ok: { type: 'boolean' }, kind: str, error: str }, ['ok', 'kind']) }, ['status', 'store']),
  OpenApiDocument: { type: 'object', description: 'Document OpenAPI 3.1' },
  ...STEWARD_SCHEMAS,
};

const problem = (description: string): ResponseSpec => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

export const RESPONSES: Record<string, ResponseSpec> = {
  BadRequest: problem('Paramètre invalide : le problème les nomme et dit ce qui est permis.'),
  NotFound: problem('Ressource introuvable (jeu de données, organisation, version, enregistrement).'),
  Gone: problem('Curseur ou version qui n’est plus conservée.'),
  TooManyRequests: {
    ...problem('Trop de requêtes pour ce client : réessayez après RateLimit-Reset secondes (code rate-limited).'),
    headers: { 'Retry-After': { description: 'Secondes avant de réessayer', schema: int } },
  },
  NotModified: { description: 'La version n’a pas changé depuis l’ETag donné dans If-None-Match.' },
  ServerError: problem('Erreur interne (sans détails internes).'),
  ...STEWARD_RESPONSES,
};

/** Stewards authenticate with an API token (scripts) or the session cookie of the workspace (browsers). */
export const SECURITY_SCHEMES: Record<string, JsonSchema> = {
  jeton: { type: 'http', scheme: 'bearer', description: 'Jeton d’API (`opendata token create` ou page « Mes jetons ») : `Authorization: Bearer <jeton>`.' },
  session: {
    type: 'apiKey', in: 'cookie', name: 'opendata.sid',
    description: 'Cookie de session de l’espace des responsables (`__Host-opendata.sid` en HTTPS) ; les requêtes d’écriture portent alors l’en-tête X-CSRF-Token.',
  },
};

export const RATE_LIMIT_HEADERS: ResponseSpec['headers'] = {
  'RateLimit-Limit': { description: 'Requêtes permises par minute', schema: int },
  'RateLimit-Remaining': { description: 'Requêtes restantes dans la fenêtre', schema: int },
  'RateLimit-Reset': { description: 'Secondes avant la fin de la fenêtre', schema: int },
};

export const ETAG_HEADER: ResponseSpec['headers'] = {
  ETag: { description: 'Identifie la version du jeu de données et la requête ; à renvoyer dans If-None-Match', schema: str },
};
