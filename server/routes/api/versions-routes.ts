import { ref, responseRef } from '../../openapi/components';
import { SLUG, VERSION_NUMBER } from '../../openapi/parameters';
import type { ApiRoute } from '../../openapi/route-spec';
import { param, sendWithLinks, versionNumber, type ApiContext } from './context';

/** Versions area (read side): a dataset's published history and one version's report. */
const TAG = 'Versions';

export function versionsRoutes(ctx: ApiContext): ApiRoute[] {
  const { datasets } = ctx.catalogue;
  return [
    {
      operationId: 'listVersions',
      method: 'get',
      path: '/api/v1/datasets/{slug}/versions',
      tag: TAG,
      summary: 'Historique des versions publiées',
      parameters: [SLUG],
      query: 'closed',
      responses: {
        200: { description: 'Versions, la plus récente d’abord', content: { 'application/json': { schema: ref('VersionsList') } } },
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        sendWithLinks(ctx, req, res, await datasets.versions(param(req, 'slug')));
      },
    },
    {
      operationId: 'getVersion',
      method: 'get',
      path: '/api/v1/datasets/{slug}/versions/{n}',
      tag: TAG,
      summary: 'Une version publiée et son rapport de validation',
      parameters: [SLUG, VERSION_NUMBER],
      query: 'closed',
      responses: {
        200: { description: 'La version, ses statistiques et son rapport', content: { 'application/json': { schema: ref('VersionDetail') } } },
        400: responseRef('BadRequest'),
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        sendWithLinks(ctx, req, res, await datasets.version(param(req, 'slug'), versionNumber(param(req, 'n'))));
      },
    },
  ];
}
