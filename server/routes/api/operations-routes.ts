import { answeredNotModified, versionEtag } from '../../middleware/version-etag';
import { buildDatasetDocument } from '../../openapi/dataset-document';
import { buildOpenApiDocument } from '../../openapi/document';
import { ref, responseRef } from '../../openapi/components';
import { IF_NONE_MATCH, SLUG } from '../../openapi/parameters';
import type { ApiRoute } from '../../openapi/route-spec';
import { baseUrl, param, type ApiContext } from './context';

/**
 * Operations area: store health, and the OpenAPI documents generated from the route
 * declarations (`allRoutes`, the very list the routers mount).
 */
const TAG = 'Exploitation';

export const API_DESCRIPTION =
  'API publique de la plateforme de données ouvertes de l’Eure : catalogue, enregistrements des jeux de données, exports. ' +
  'Les erreurs suivent la RFC 9457 (application/problem+json) ; les réponses portent les en-têtes RateLimit-Limit, RateLimit-Remaining ' +
  'et RateLimit-Reset, et une réponse 429 (code rate-limited) signale un dépassement. CORS est ouvert sur les routes GET.';

export function operationsRoutes(ctx: ApiContext, allRoutes: () => readonly ApiRoute[]): ApiRoute[] {
  const { catalogue } = ctx;
  return [
    {
      operationId: 'health',
      method: 'get',
      path: '/healthz',
      tag: TAG,
      summary: 'État du service et du stockage',
      parameters: [],
      query: 'closed',
      responses: {
        200: { description: 'Le stockage répond', content: { 'application/json': { schema: ref('Health') } } },
        503: { description: 'Le stockage ne répond pas', content: { 'application/json': { schema: ref('Health') } } },
      },
      handler: async (_req, res) => {
        const store = await catalogue.health();
        res.setHeader('Cache-Control', 'no-store');
        res.status(store.ok ? 200 : 503).json({ status: store.ok ? 'ok' : 'error', store });
      },
    },
    {
      operationId: 'openapi',
      method: 'get',
      path: '/api/v1/openapi.json',
      tag: TAG,
      summary: 'Description OpenAPI 3.1 de l’API',
      parameters: [],
      query: 'closed',
      responses: { 200: { description: 'Document OpenAPI 3.1', content: { 'application/json': { schema: ref('OpenApiDocument') } } } },
      handler: (req, res) => {
        res.json(buildOpenApiDocument(allRoutes(), {
          serverUrl: baseUrl(ctx, req),
          title: 'Données ouvertes de l’Eure',
          version: '1.0.0',
          description: API_DESCRIPTION,
        }));
      },
    },
    {
      operationId: 'datasetOpenapi',
      method: 'get',
      path: '/api/v1/datasets/{slug}/openapi.json',
      tag: TAG,
      summary: 'Description OpenAPI 3.1 propre à un jeu de données',
      description: 'Les routes du jeu de données, avec le schéma de ses enregistrements généré à partir de son schéma de ligne.',
      parameters: [SLUG, IF_NONE_MATCH],
      query: 'closed',
      responses: {
        200: { description: 'Document OpenAPI 3.1', content: { 'application/json': { schema: ref('OpenApiDocument') } } },
        304: responseRef('NotModified'),
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        const slug = param(req, 'slug');
        const [dataset, rowSchema] = await Promise.all([catalogue.datasets.get(slug), catalogue.datasets.schema(slug)]);
        const base = baseUrl(ctx, req);
        if (dataset.version !== null) {
          const etag = versionEtag(req, { dataset: slug, version: dataset.version, extra: `${base}\n${dataset.updated_at}` });
          if (answeredNotModified(req, res, etag)) return;
        }
        res.json(buildDatasetDocument(allRoutes(), { ...dataset, rowSchema }, base));
      },
    },
  ];
}
