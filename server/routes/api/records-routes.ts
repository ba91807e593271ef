import type { Request, Response } from 'express';
import type { QueryParams } from '../../../catalogue/records';
import { answeredNotModified, versionEtag } from '../../middleware/version-etag';
import { ETAG_HEADER, ref, responseRef } from '../../openapi/components';
import { IF_NONE_MATCH, RECORD_ID, RECORDS_PARAMETERS, SLUG, VERSION_NUMBER } from '../../openapi/parameters';
import type { ApiRoute } from '../../openapi/route-spec';
import { nextPageUrl, rawQueryOf } from '../../render/next-link';
import { baseUrl, param, versionNumber, type ApiContext } from './context';

/**
 * Records area: query a dataset version, one record. The version is resolved first, so that a
 * matching `If-None-Match` is answered without running the query, and the query is pinned to the
 * very version the ETag names even if a new one is published meanwhile.
 */
const TAG = 'Enregistrements';

const RECORDS_RESPONSES: ApiRoute['responses'] = {
  200: { description: 'Une page d’enregistrements (ou des groupes avec _group_by)', headers: ETAG_HEADER, content: { 'application/json': { schema: ref('RecordsPage') } } },
  304: responseRef('NotModified'),
  400: responseRef('BadRequest'),
  404: responseRef('NotFound'),
  410: responseRef('Gone'),
};

export function recordsRoutes(ctx: ApiContext): ApiRoute[] {
  const { datasets, records } = ctx.catalogue;

  async function answerPage(req: Request, res: Response, version?: number): Promise<void> {
    const slug = param(req, 'slug');
    const base = baseUrl(ctx, req);
    const params = req.query as QueryParams;
    const etagOf = (v: number) => versionEtag(req, { dataset: slug, version: v, extra: base });
    // A `_next` cursor keeps reading the version it was made on, even after a new one is
    // published: that page's version is known only once the service has read the cursor.
    const followsCursor = version === undefined && params._next !== undefined;
    let pinned = version;
    if (!followsCursor) {
      pinned = (await datasets.resolveVersion(slug, version)).version;
      if (answeredNotModified(req, res, etagOf(pinned))) return;
    }
    const page = await records.query(slug, params, pinned === undefined ? {} : { version: pinned });
    if (followsCursor && answeredNotModified(req, res, etagOf(page.version))) return;
    const path = req.baseUrl + req.path;
    res.json({ ...page, next: page.next === null ? null : nextPageUrl(base, path, rawQueryOf(req.originalUrl), page.next) });
  }

  return [
    {
      operationId: 'queryRecords',
      method: 'get',
      path: '/api/v1/datasets/{slug}/records',
      tag: TAG,
      summary: 'Interroger les enregistrements de la version courante',
      description: 'Filtres par colonne, expression _where, recherche _q, emprise _bbox, tri, sélection de colonnes, facettes, ' +
        'regroupements et agrégats, pagination par curseur (`next` est une adresse absolue).',
      parameters: [SLUG, ...RECORDS_PARAMETERS],
      query: 'open',
      responses: RECORDS_RESPONSES,
      handler: (req, res) => answerPage(req, res),
    },
    {
      operationId: 'getRecord',
      method: 'get',
      path: '/api/v1/datasets/{slug}/records/{id}',
      tag: TAG,
      summary: 'Un enregistrement',
      description: 'L’enregistrement lui-même, par sa clé primaire (ou son numéro de ligne si le schéma n’en a pas).',
      parameters: [SLUG, RECORD_ID, IF_NONE_MATCH],
      query: 'closed',
      responses: {
        200: { description: 'L’enregistrement', headers: ETAG_HEADER, content: { 'application/json': { schema: ref('Record') } } },
        304: responseRef('NotModified'),
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        const slug = param(req, 'slug');
        const resolved = await datasets.resolveVersion(slug);
        if (answeredNotModified(req, res, versionEtag(req, { dataset: resolved.dataset, version: resolved.version }))) return;
        res.json(await records.get(slug, param(req, 'id'), { version: resolved.version }));
      },
    },
    {
      operationId: 'queryVersionRecords',
      method: 'get',
      path: '/api/v1/datasets/{slug}/versions/{n}/records',
      tag: TAG,
      summary: 'Interroger les enregistrements d’une version antérieure',
      description: 'Mêmes paramètres que pour la version courante.',
      parameters: [SLUG, VERSION_NUMBER, ...RECORDS_PARAMETERS],
      query: 'open',
      responses: RECORDS_RESPONSES,
      handler: (req, res) => answerPage(req, res, versionNumber(param(req, 'n'))),
    },
  ];
}
