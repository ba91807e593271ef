import { actorOf } from '../../middleware/auth';
import { ref, responseRef } from '../../openapi/components';
import { SLUG } from '../../openapi/parameters';
import type { ApiRoute } from '../../openapi/route-spec';
import { param, sendWithLinks, type ApiContext } from './context';
import { jsonBody } from './json-body';

/**
 * Stewards' dataset writes (contract section 6): create a dataset with its metadata and inline
 * row schema, change its metadata or schema. A steward works inside their organisations.
 */
const TAG = 'Responsables de données';
const json = (schema: string) => ({ 'application/json': { schema: ref(schema) } });

function split(body: Record<string, unknown>) {
  const { schema, ...metadata } = body;
  return { metadata, schema };
}

export function datasetWriteRoutes(ctx: ApiContext): ApiRoute[] {
  const stewards = () => ctx.catalogue.stewards;
  const body = jsonBody() as ApiRoute['before'];
  return [
    {
      operationId: 'createDataset',
      method: 'post',
      path: '/api/v1/datasets',
      tag: TAG,
      summary: 'Créer un jeu de données',
      description: 'Les champs de dataset.json, un slug facultatif (sinon tiré du titre) et le schéma de ligne en ligne (JSON Schema ou Table Schema). ' +
        'Un responsable ne crée que dans ses organisations.',
      parameters: [],
      query: 'closed',
      access: 'steward',
      before: body,
      requestBody: { description: 'Métadonnées et schéma', required: true, content: json('DatasetWrite') },
      responses: {
        201: { description: 'Le jeu de données créé', content: json('Dataset') },
        400: responseRef('BadRequest'),
        409: responseRef('Conflict'),
        413: responseRef('PayloadTooLarge'),
        415: responseRef('UnsupportedMediaType'),
        422: responseRef('InvalidMetadata'),
      },
      handler: async (req, res) => {
        const created = await stewards().create(actorOf(ctx.catalogue, req), split(req.body));
        res.status(201).location(created.links.api);
        sendWithLinks(ctx, req, res, created);
      },
    },
    {
      operationId: 'updateDataset',
      method: 'patch',
      path: '/api/v1/datasets/{slug}',
      tag: TAG,
      summary: 'Modifier les métadonnées ou le schéma d’un jeu de données',
      description: 'Seuls les champs donnés changent (`null` retire un champ facultatif) ; `schema` remplace le schéma de ligne, appliqué aux prochaines versions.',
      parameters: [SLUG],
      query: 'closed',
      access: 'steward',
      before: body,
      inDatasetDocument: false,
      requestBody: { description: 'Champs à modifier', required: true, content: json('DatasetWrite') },
      responses: {
        200: { description: 'Le jeu de données modifié', content: json('Dataset') },
        400: responseRef('BadRequest'),
        404: responseRef('NotFound'),
        413: responseRef('PayloadTooLarge'),
        415: responseRef('UnsupportedMediaType'),
        422: responseRef('InvalidMetadata'),
      },
      handler: async (req, res) => {
        sendWithLinks(ctx, req, res, await stewards().update(actorOf(ctx.catalogue, req), param(req, 'slug'), split(req.body)));
      },
    },
  ];
}
