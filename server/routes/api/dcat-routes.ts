import type { Request, Response } from 'express';
import { readDcatCataloguePage, readDcatDataset, DCAT_DEFAULT_PAGE_SIZE } from '../../interop/dcat/catalogue-reader';
import { catalogueGraph, datasetGraph } from '../../interop/dcat/dcat-documents';
import { lastPageOf } from '../../interop/dcat/paging';
import type { RdfGraph } from '../../interop/dcat/rdf-graph';
import { JSON_LD, toJsonLd, toTurtle, TURTLE } from '../../interop/dcat/serialisers';
import { HttpProblem } from '../../middleware/http-problem';
import { sendCacheable } from '../../render/cacheable-body';
import { responseRef } from '../../openapi/components';
import { SEARCH_LIMITS } from '../../../catalogue/datasets-service';
import type { ApiRoute, ParameterSpec } from '../../openapi/route-spec';
import { IF_NONE_MATCH, SLUG } from '../../openapi/parameters';
import { baseUrl, param, type ApiContext } from './context';

/**
 * Interoperability area, DCAT-AP (contract section 8): the catalogue and each dataset as Turtle and
 * JSON-LD, built as RDF graphs (server/interop/dcat/) for national and European harvesters. The
 * catalogue is paged with Hydra links, which data.gouv.fr's DCAT harvester follows.
 */
const TAG = 'Interopérabilité';

const PAGE_PARAMETERS: ParameterSpec[] = [
  { name: 'page', in: 'query', description: 'Numéro de page (les liens hydra:next mènent à la suivante)', schema: { type: 'integer', minimum: 1, default: 1 } },
  {
    name: 'page_size', in: 'query', description: 'Jeux de données par page',
    schema: { type: 'integer', minimum: 1, maximum: SEARCH_LIMITS.maxPageSize, default: DCAT_DEFAULT_PAGE_SIZE },
  },
];

interface Format {
  extension: 'ttl' | 'jsonld';
  mediaType: string;
  label: string;
  schema: Record<string, unknown>;
}

const FORMATS: Format[] = [
  { extension: 'ttl', mediaType: TURTLE, label: 'Turtle', schema: { type: 'string' } },
  { extension: 'jsonld', mediaType: JSON_LD, label: 'JSON-LD', schema: { type: 'object' } },
];

async function send(req: Request, res: Response, format: Format, graph: RdfGraph): Promise<void> {
  const body = format.extension === 'ttl' ? await toTurtle(graph.quads) : JSON.stringify(await toJsonLd(graph.quads));
  // Harvesters come back daily: an unchanged document answers 304.
  sendCacheable(req, res, format.mediaType, body);
}

const query = (req: Request, name: string): string | undefined => {
  const value = (req.query as Record<string, unknown>)[name];
  return typeof value === 'string' || value === undefined ? value : String(value);
};

export function dcatRoutes(ctx: ApiContext): ApiRoute[] {
  const { catalogue, config } = ctx;
  const content = (format: Format) => ({ [format.mediaType.split(';')[0]]: { schema: format.schema } });
  return FORMATS.flatMap((format): ApiRoute[] => [
    {
      operationId: `dcatCatalog${format.label.replace('-', '')}`,
      method: 'get',
      path: `/catalog.${format.extension}`,
      tag: TAG,
      summary: `Le catalogue DCAT-AP (${format.label})`,
      description: 'Catalogue DCAT-AP paginé : chaque page décrit ses jeux de données, leurs distributions et leurs API ; '
        + 'la vue hydra:PartialCollectionView donne les pages première, précédente, suivante et dernière.',
      parameters: [...PAGE_PARAMETERS, IF_NONE_MATCH],
      query: 'closed',
      responses: {
        200: { description: `Une page du catalogue en ${format.label}`, content: content(format) },
        304: responseRef('NotModified'),
        400: responseRef('BadRequest'),
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        const page = await readDcatCataloguePage(catalogue, { page: query(req, 'page'), page_size: query(req, 'page_size') });
        const last = lastPageOf(page.totalItems, page.pageSize);
        if (page.page > last) {
          throw new HttpProblem(404, 'not-found', `Le catalogue n’a que ${last} page(s) de ${page.pageSize} jeux de données.`, [
            { path: 'page', message: `page : ${page.page} dépasse la dernière page (${last})` },
          ]);
        }
        const base = baseUrl(ctx, req);
        await send(req, res, format, catalogueGraph(page, base, config.site, `${base}/catalog.${format.extension}`));
      },
    },
    {
      operationId: `dcatDataset${format.label.replace('-', '')}`,
      method: 'get',
      path: `/datasets/{slug}.${format.extension}`,
      tag: TAG,
      summary: `Un jeu de données en DCAT-AP (${format.label})`,
      description: 'Le jeu de données seul, avec ses distributions (exports et fichier d’origine) et son API d’enregistrements.',
      parameters: [SLUG, IF_NONE_MATCH],
      query: 'closed',
      inDatasetDocument: false,
      responses: {
        200: { description: `Le jeu de données en ${format.label}`, content: content(format) },
        304: responseRef('NotModified'),
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        const source = await readDcatDataset(catalogue, param(req, 'slug'));
        await send(req, res, format, datasetGraph(source, baseUrl(ctx, req), config.site));
      },
    },
  ]);
}
