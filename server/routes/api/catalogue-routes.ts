import { createHash } from 'node:crypto';
import type { CatalogueParams } from '../../../catalogue/datasets-service';
import { answeredNotModified, versionEtag } from '../../middleware/version-etag';
import { ETAG_HEADER, ref, responseRef } from '../../openapi/components';
import { IF_NONE_MATCH, ORGANIZATION_SLUG, SEARCH_PARAMETERS, SLUG } from '../../openapi/parameters';
import type { ApiRoute } from '../../openapi/route-spec';
import { baseUrl, param, sendWithLinks, type ApiContext } from './context';

/** Catalogue area: dataset search, one dataset, its row schema, organizations (contract section 6). */
const TAG = 'Catalogue';
const json = (schema: string) => ({ 'application/json': { schema: ref(schema) } });

export function catalogueRoutes(ctx: ApiContext): ApiRoute[] {
  const { datasets } = ctx.catalogue;
  return [
    {
      operationId: 'searchDatasets',
      method: 'get',
      path: '/api/v1/datasets',
      tag: TAG,
      summary: 'Rechercher des jeux de données',
      description: 'Recherche plein texte, filtres et facettes (thème, organisation, mot-clé, licence), tri et pagination.',
      parameters: SEARCH_PARAMETERS,
      // The service checks its parameters itself and names every faulty one.
      query: 'open',
      responses: { 200: { description: 'Jeux de données trouvés, avec facettes', content: json('SearchResult') }, 400: responseRef('BadRequest') },
      handler: async (req, res) => {
        sendWithLinks(ctx, req, res, await datasets.search(req.query as CatalogueParams));
      },
    },
    {
      operationId: 'getDataset',
      method: 'get',
      path: '/api/v1/datasets/{slug}',
      tag: TAG,
      summary: 'Un jeu de données',
      description: 'Métadonnées, champs, version courante, nombre d’enregistrements, profil de chaque colonne et liens.',
      parameters: [SLUG, IF_NONE_MATCH],
      query: 'closed',
      responses: {
        200: { description: 'Le jeu de données', headers: ETAG_HEADER, content: json('Dataset') },
        304: responseRef('NotModified'),
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        const dataset = await datasets.get(param(req, 'slug'));
        if (dataset.version !== null) {
          const etag = versionEtag(req, { dataset: dataset.slug, version: dataset.version, extra: `${baseUrl(ctx, req)}\n${dataset.updated_at}` });
          if (answeredNotModified(req, res, etag)) return;
        }
        sendWithLinks(ctx, req, res, dataset);
      },
    },
    {
      operationId: 'getDatasetSchema',
      method: 'get',
      path: '/api/v1/datasets/{slug}/schema',
      tag: TAG,
      summary: 'Le schéma d’un enregistrement',
      description: 'Le schéma JSON (draft 2020-12) en vigueur, avec ses mots-clés d’extension (x-primaryKey, x-geo…).',
      parameters: [SLUG, IF_NONE_MATCH],
      query: 'closed',
      responses: {
        200: { description: 'Schéma JSON', headers: ETAG_HEADER, content: { 'application/schema+json': { schema: ref('RowSchema') } } },
        304: responseRef('NotModified'),
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        const slug = param(req, 'slug');
        const schema = await datasets.schema(slug);
        const content = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
        if (answeredNotModified(req, res, versionEtag(req, { dataset: slug, extra: content }))) return;
        res.type('application/schema+json').send(JSON.stringify(schema));
      },
    },
    {
      operationId: 'listOrganizations',
      method: 'get',
      path: '/api/v1/organizations',
      tag: TAG,
      summary: 'Les organisations productrices',
      parameters: [],
      query: 'closed',
      responses: { 200: { description: 'Organisations et nombre de jeux de données', content: json('OrganizationsList') } },
      handler: async (req, res) => {
        sendWithLinks(ctx, req, res, await datasets.organizations());
      },
    },
    {
      operationId: 'getOrganization',
      method: 'get',
      path: '/api/v1/organizations/{slug}',
      tag: TAG,
      summary: 'Une organisation et ses jeux de données',
      parameters: [ORGANIZATION_SLUG],
      query: 'closed',
      responses: { 200: { description: 'L’organisation', content: json('OrganizationDetail') }, 404: responseRef('NotFound') },
      handler: async (req, res) => {
        sendWithLinks(ctx, req, res, await datasets.organization(param(req, 'slug')));
      },
    },
  ];
}
