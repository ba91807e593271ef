import { ref, responseRef } from '../../openapi/components';
import { SLUG, VERSION_NUMBER } from '../../openapi/parameters';
import type { ApiRoute } from '../../openapi/route-spec';
import { param, sendWithLinks, versionNumber, type ApiContext } from './context';
import { sendSourceFile } from './send-file';

/**
 * Versions area (read side): a dataset's published history, one version's report, and the
 * original file of a version (public like its rows: the same open data, as it was uploaded).
 */
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
        const list = await datasets.versions(param(req, 'slug'));
        sendWithLinks(ctx, req, res, { ...list, versions: list.versions.map(withSourceLink) });
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
        sendWithLinks(ctx, req, res, withSourceLink(await datasets.version(param(req, 'slug'), versionNumber(param(req, 'n')))));
      },
    },
    {
      operationId: 'getVersionSource',
      method: 'get',
      path: '/api/v1/datasets/{slug}/versions/{n}/source',
      tag: TAG,
      summary: 'Le fichier d’origine d’une version publiée',
      description: 'Les octets du fichier tel qu’il a été envoyé (même encodage, même séparateur).',
      parameters: [SLUG, VERSION_NUMBER],
      query: 'closed',
      inDatasetDocument: false,
      responses: {
        200: { description: 'Le fichier d’origine', content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } },
        400: responseRef('BadRequest'),
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        await sendSourceFile(res, await ctx.catalogue.stewards.uploads.versionSource(param(req, 'slug'), versionNumber(param(req, 'n'))));
      },
    },
  ];
}

/** The original file's address beside the version's other links. */
function withSourceLink<T extends { links: { api: string } }>(version: T): T {
  return { ...version, links: { ...version.links, source: `${version.links.api}/source` } };
}
