import fs from 'node:fs';
import { HttpProblem } from '../../middleware/http-problem';
import { ref, responseRef } from '../../openapi/components';
import type { ApiRoute, ParameterSpec } from '../../openapi/route-spec';
import type { ApiContext } from './context';
import { FILE_BODY, receiveFile } from './upload-routes';

/**
 * The public validator (contract section 6): any file checked against a dataset's schema, with
 * the full report; nothing is published or kept. Rate-limited like the rest of the API.
 */
const SCHEMA_SLUG: ParameterSpec = {
  name: 'schema', in: 'query', required: true, description: 'Identifiant du jeu de données dont le schéma sert à valider', schema: { type: 'string' }, example: 'defibrillateurs',
};

export function validateRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    {
      operationId: 'validateFile',
      method: 'post',
      path: '/api/v1/validate',
      tag: 'Validation',
      summary: 'Valider un fichier contre le schéma d’un jeu de données',
      description: 'Le rapport de validation (contrat, section 5), valide ou non ; rien n’est publié ni conservé.',
      parameters: [SCHEMA_SLUG],
      query: 'closed',
      requestBody: FILE_BODY,
      responses: {
        200: { description: 'Le rapport, valide ou non', content: { 'application/json': { schema: ref('ReportAnswer') } } },
        400: responseRef('BadRequest'),
        404: responseRef('NotFound'),
        413: responseRef('PayloadTooLarge'),
        415: responseRef('UnsupportedMediaType'),
      },
      handler: async (req, res) => {
        const slug = req.query.schema;
        if (typeof slug !== 'string' || slug === '') {
          throw new HttpProblem(400, 'bad-request', 'Paramètre schema manquant.', [{ path: 'schema', message: 'schema : identifiant du jeu de données dont le schéma sert à valider' }]);
        }
        await ctx.catalogue.datasets.schema(slug);
        const file = await receiveFile(ctx, req);
        try {
          res.status(200).json({ report: await ctx.catalogue.stewards.uploads.validate(slug, { path: file.path, name: file.name }) });
        } finally {
          fs.rm(file.path, { force: true }, () => undefined);
        }
      },
    },
  ];
}
