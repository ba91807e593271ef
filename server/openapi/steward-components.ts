import type { JsonSchema, ResponseSpec } from './route-spec';

/**
 * OpenAPI components of the stewards' routes (contract section 6, stewards): the validation
 * report (section 5), uploads, the diff between versions, and their problems (401, 403, 409,
 * 413, 415, 422). Merged into components.ts.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' };
const int = { type: 'integer' };
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const object = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({ type: 'object', properties, required });
const record = { type: 'object', additionalProperties: true };

const finding = object({
  code: str, row: int, column: int, field: str, value: str, rule: str, message: str,
}, ['code', 'message']);

export const STEWARD_SCHEMAS: Record<string, JsonSchema> = {
  DatasetWrite: {
    type: 'object',
    description: 'Les champs de dataset.json (sans `schema` ni `data` comme chemins), un `slug` facultatif (sinon tiré du titre) et `schema` : le schéma de ligne en ligne (JSON Schema ou Table Schema). En PATCH, seuls les champs donnés changent ; `null` retire un champ facultatif.',
    properties: {
      slug: str, title: str, description: str, organization: str, organization_title: str,
      licence: { enum: ['etalab-2.0', 'ODbL-1.0', 'CC-BY-4.0', 'CC0-1.0'] }, themes: { type: 'array', items: str }, keywords: { type: 'array', items: str },
      frequency: str, spatial: { type: 'object' }, temporal: { type: 'object' }, contact: { type: 'object' }, demo: { type: 'boolean' },
      schema: { type: 'object', description: 'JSON Schema (draft 2020-12) d’une ligne, ou Table Schema' },
    },
  },
  Finding: finding,
  ValidationReport: object({
    valid: { type: 'boolean' },
    source: object({ name: str, bytes: int, sha256: str }),
    dialect: object({
      encoding: { enum: ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] }, bom: { type: 'boolean' }, delimiter: str, quote: str,
      lineTerminator: str, decimalSeparator: str, header: { type: 'array', items: str },
    }),
    stats: object({ rows: int, validRows: int, invalidRows: int, errors: int, warnings: int }),
    errors: { type: 'array', items: ref('Finding'), description: 'Les 1 000 premières erreurs' },
    warnings: { type: 'array', items: ref('Finding') },
    truncated: { type: 'boolean' },
  }),
  ReportAnswer: object({ report: ref('ValidationReport') }),
  PublishedAnswer: object({ version: int, report: ref('ValidationReport'), links: { type: 'object', additionalProperties: { type: 'string', format: 'uri' } } }, ['version', 'report']),
  RejectedAnswer: object({ report: ref('ValidationReport'), upload: nullable(int) }, ['report']),
  Upload: object({
    id: int, number: nullable(int), status: { enum: ['loading', 'published', 'superseded', 'rejected'] }, created_at: str, published_at: nullable(str),
    author: nullable(str), source_name: str, bytes: int, sha256: str, rows: nullable(int), valid: nullable({ type: 'boolean' }),
    errors: nullable(int), warnings: nullable(int), note: nullable(str), links: object({ api: { type: 'string', format: 'uri' }, source: { type: 'string', format: 'uri' } }),
  }),
  UploadsList: object({ dataset: str, uploads: { type: 'array', items: ref('Upload') } }),
  UploadDetail: { allOf: [ref('Upload')], type: 'object', properties: { report: nullable(ref('ValidationReport')) }, required: ['report'] },
  VersionDiff: object({
    dataset: str, from: int, to: int, key: nullable({ type: 'array', items: str }), added: int, removed: int, changed: int,
    columns: object({ added: { type: 'array', items: str }, removed: { type: 'array', items: str }, compared: { type: 'array', items: str } }),
    samples: object({
      added: { type: 'array', items: record },
      removed: { type: 'array', items: record },
      changed: { type: 'array', items: object({ key: str, before: record, after: record, fields: { type: 'array', items: str } }) },
    }),
  }),
};

const problem = (description: string): ResponseSpec => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

export const STEWARD_RESPONSES: Record<string, ResponseSpec> = {
  Unauthorized: {
    ...problem('Authentification requise (code unauthenticated) : jeton d’API absent, inconnu ou révoqué, ou session expirée.'),
    headers: { 'WWW-Authenticate': { description: 'Bearer realm="opendata"', schema: str } },
  },
  Forbidden: problem('Hors de vos organisations (code forbidden), ou jeton CSRF absent ou faux avec une session (code csrf-invalid).'),
  Conflict: problem('Une publication est déjà en cours pour ce jeu de données, ou l’identifiant existe déjà (code conflict).'),
  ShuttingDown: problem('Le service s’arrête : la publication en cours a été annulée, la version précédente reste en ligne ; renvoyez le fichier (code shutting-down).'),
  PayloadTooLarge: problem('Fichier au-delà de MAX_UPLOAD_MB (code payload-too-large).'),
  UnsupportedMediaType: problem('Corps ni text/csv ni multipart/form-data (code unsupported-media-type).'),
  InvalidMetadata: problem('Métadonnées ou schéma invalides (codes bad-metadata, bad-schema) : errors nomme chaque champ.'),
};
