import { DIFF_SAMPLE } from '../../../catalogue/diff/diff-service';
import { HttpProblem } from '../../middleware/http-problem';
import { ref, responseRef } from '../../openapi/components';
import { SLUG } from '../../openapi/parameters';
import type { ApiRoute, ParameterSpec } from '../../openapi/route-spec';
import { param, versionNumber, type ApiContext } from './context';

/**
 * `GET /api/v1/datasets/{slug}/diff?from=n&to=m` (contract section 6): counts of rows added,
 * removed and changed between two versions, by primary key, and the first rows of each. Public,
 * like the versions it compares.
 */
const q = (name: string, description: string, schema: Record<string, unknown>): ParameterSpec => ({ name, in: 'query', description, schema });

export const DIFF_PARAMETERS: ParameterSpec[] = [
  q('from', 'Version de départ (défaut : celle qui précède `to`)', { type: 'integer', minimum: 1 }),
  q('to', 'Version d’arrivée (défaut : la version courante)', { type: 'integer', minimum: 1 }),
  q('_size', `Lignes montrées de chaque sorte (défaut ${DIFF_SAMPLE.default}, au plus ${DIFF_SAMPLE.max})`, { type: 'integer', minimum: 0, maximum: DIFF_SAMPLE.max }),
];

function optionalVersion(raw: unknown, name: string): number | undefined {
  if (raw === undefined) return undefined;
  try {
    return versionNumber(String(raw));
  } catch {
    throw new HttpProblem(400, 'bad-request', `Paramètre ${name} invalide : « ${String(raw)} ».`, [{ path: name, message: `${name} : un numéro de version (entier à partir de 1)` }]);
  }
}

function sampleSize(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d{1,3}$/.test(String(raw)) || n > DIFF_SAMPLE.max) {
    throw new HttpProblem(400, 'bad-request', 'Paramètre _size invalide.', [{ path: '_size', message: `_size : un entier de 0 à ${DIFF_SAMPLE.max}` }]);
  }
  return n;
}

export function diffRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    {
      operationId: 'diffVersions',
      method: 'get',
      path: '/api/v1/datasets/{slug}/diff',
      tag: 'Versions',
      summary: 'Différences entre deux versions, par clé primaire',
      description: 'Nombre de lignes ajoutées, supprimées et modifiées, et les premières de chaque sorte (avant/après, colonnes modifiées). ' +
        'Sans clé primaire, les lignes sont appariées par leur numéro.',
      parameters: [SLUG, ...DIFF_PARAMETERS],
      query: 'closed',
      inDatasetDocument: false,
      responses: {
        200: { description: 'Les différences', content: { 'application/json': { schema: ref('VersionDiff') } } },
        400: responseRef('BadRequest'),
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        const slug = param(req, 'slug');
        const request = { from: optionalVersion(req.query.from, 'from'), to: optionalVersion(req.query.to, 'to'), sampleSize: sampleSize(req.query._size) };
        res.json(await ctx.catalogue.diff.compare(slug, request));
      },
    },
  ];
}
