import type { QueryParams, RecordsStream } from '../../../catalogue/records';
import { badParameters, HttpProblem, type ProblemDetail } from '../../middleware/http-problem';
import { answeredNotModified, versionEtag } from '../../middleware/version-etag';
import { ETAG_HEADER, responseRef } from '../../openapi/components';
import { EXPORT_FORMAT, EXPORT_PARAMETERS, SLUG } from '../../openapi/parameters';
import type { ApiRoute } from '../../openapi/route-spec';
import { attachment } from '../../render/content-disposition';
import { CSV_OPTION_NAMES, parseCsvOptions, type CsvOptions } from '../../render/csv-options';
import { EXPORT_FORMATS, EXPORT_WRITERS, isExportFormat, type ExportFormat } from '../../render/export-writers';
import { pump } from '../../render/pump';
import { param, type ApiContext } from './context';

/**
 * Exports area: every matching record of the current version (same filters, _select, _sort; no
 * row cap), streamed with back-pressure by the writer of the format. Nothing is written before the
 * stream is open, so a bad parameter is still a clean 400 problem.
 */
const TAG = 'Exports';

/** The CSV options come out of the query (and are refused on other formats); the rest goes to the records service. */
function exportOptions(format: ExportFormat, query: QueryParams): { params: QueryParams; csv: CsvOptions } {
  const params: QueryParams = { ...query };
  for (const name of CSV_OPTION_NAMES) delete params[name];
  const { options, problems } = format === 'csv'
    ? parseCsvOptions(query)
    : { options: parseCsvOptions({}).options, problems: CSV_OPTION_NAMES.filter((n) => query[n] !== undefined).map((n): ProblemDetail => (
      { path: n, message: `${n} : option de l’export CSV seulement, sans effet sur le format ${format}` })) };
  if (problems.length) throw badParameters(problems);
  return { params, csv: options };
}

/**
 * GeoJSON needs the location columns even when `_select` leaves them out: they are added to the
 * selection sent to the service, and the client's own list stays the features' properties.
 */
async function withLocationColumns(ctx: ApiContext, slug: string, params: QueryParams): Promise<{ params: QueryParams; selected?: string[] }> {
  const raw = params._select;
  if (typeof raw !== 'string' || raw.trim() === '') return { params };
  const geo = (await ctx.catalogue.datasets.schema(slug))['x-geo'];
  const selected = raw.split(',').map((name) => name.trim()).filter(Boolean);
  const location = [geo?.latitude, geo?.longitude, geo?.geometry].filter((c): c is string => Boolean(c) && !selected.includes(c as string));
  return { params: { ...params, _select: [...selected, ...location].join(',') }, selected };
}

/** Leaves the rows unread: lets the service release what it opened. */
async function closeRows(stream: RecordsStream): Promise<void> {
  await stream.rows[Symbol.asyncIterator]().return?.();
}

export function exportRoutes(ctx: ApiContext): ApiRoute[] {
  const { datasets, records } = ctx.catalogue;
  return [
    {
      operationId: 'exportRecords',
      method: 'get',
      path: '/api/v1/datasets/{slug}/exports/{format}',
      tag: TAG,
      summary: 'Télécharger les enregistrements (CSV, JSON, NDJSON, GeoJSON)',
      description: 'Tous les enregistrements qui répondent aux filtres, sans limite de nombre, en flux. CSV : `_profile=excel-fr` pour Excel en français ; ' +
        'les cellules qui ressemblent à une formule de tableur sont neutralisées par une apostrophe. GeoJSON : seulement pour un jeu de données qui a des coordonnées.',
      parameters: [SLUG, EXPORT_FORMAT, ...EXPORT_PARAMETERS],
      query: 'open',
      responses: {
        200: {
          description: 'Le fichier, en pièce jointe (Content-Disposition)',
          headers: ETAG_HEADER,
          content: {
            'text/csv': { schema: { type: 'string' } },
            'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Record' } } },
            'application/x-ndjson': { schema: { type: 'string' } },
            'application/geo+json': { schema: { type: 'object' } },
          },
        },
        304: responseRef('NotModified'),
        400: responseRef('BadRequest'),
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        const slug = param(req, 'slug');
        const format = param(req, 'format');
        if (!isExportFormat(format)) {
          throw badParameters([{ path: 'format', message: `format « ${format} » inconnu ; formats permis : ${EXPORT_FORMATS.join(', ')}` }]);
        }
        const options = exportOptions(format, req.query as QueryParams);
        const resolved = await datasets.resolveVersion(slug);
        if (answeredNotModified(req, res, versionEtag(req, { dataset: resolved.dataset, version: resolved.version }))) return;
        const writer = EXPORT_WRITERS[format];
        const { params, selected } = writer.needsGeo ? await withLocationColumns(ctx, slug, options.params) : { params: options.params, selected: undefined };
        const stream = await records.stream(slug, params, { version: resolved.version });
        if (writer.needsGeo && !stream.geo) {
          await closeRows(stream);
          throw new HttpProblem(400, 'bad-request', `Le jeu de données « ${slug} » n’a pas de coordonnées : il ne peut pas être exporté en GeoJSON.`, [
            { path: 'format', message: 'format : geojson demande des coordonnées ou une géométrie (x-geo) ; formats possibles : csv, json, ndjson' },
          ]);
        }
        res.status(200);
        res.setHeader('Content-Type', writer.contentType);
        res.setHeader('Content-Disposition', attachment(`${slug}-v${stream.version}.${writer.extension}`));
        if (req.method === 'HEAD') {
          await closeRows(stream);
          res.end();
          return;
        }
        await pump(writer.chunks(stream, { csv: options.csv, selected }), res);
      },
    },
  ];
}
