import { Router } from 'express';
import { isCatalogueError } from '../../catalogue/errors';
import type { RecordsPage } from '../../catalogue/records';
import { toDatasetPage } from '../view-models/dataset-page';
import type { CommunesLayer } from '../view-models/map-section';
import { canonicalTableQuery } from '../view-models/table-params';
import { toTablePage } from '../view-models/table-page';
import { pageLinks, paramsOf } from '../view-models/urls';
import { baseUrl, orNull, queryPairs, routeParam, type PagesContext } from './pages-context';

/**
 * The dataset page and its table explorer. Both read through `catalogue.datasets` and
 * `catalogue.records`, as `GET /api/v1/datasets/{slug}` and `…/records` do; the explorer passes
 * its query string to the records service unchanged, so it accepts and refuses exactly what the
 * API does (a refused query is shown on the page, with the form to correct it).
 */
const NAME_LIKE = /^(nom|name|libelle)/i;

type Problem = { message: string };

export function datasetPagesRouter(ctx: PagesContext): Router {
  const { datasets, records } = ctx.catalogue;
  const site = ctx.config.site;
  const router = Router();

  /** The reference layer of communes, if it is loaded and has contours; the choropleth needs it. */
  async function communesLayer(): Promise<CommunesLayer | null> {
    const slug = site.communesLayer;
    const [detail, schema] = await Promise.all([orNull(datasets.get(slug)), orNull(datasets.schema(slug))]);
    if (!detail || !schema || detail.version === null || !schema['x-geo']?.geometry) return null;
    const key = detail.primary_key.length === 1 ? detail.primary_key[0] : detail.fields.find((f) => f.name === 'code_insee')?.name;
    if (!key) return null;
    const name = detail.fields.find((f) => f.type === 'string' && f.name !== key && NAME_LIKE.test(f.name))?.name ?? null;
    return { slug, code: key, name };
  }

  router.get('/datasets/:slug', async (req, res) => {
    const slug = routeParam(req, 'slug');
    const detail = await datasets.get(slug);
    const published = detail.version !== null;
    const [schema, versions, current, preview] = await Promise.all([
      datasets.schema(slug),
      datasets.versions(slug),
      published ? datasets.version(slug, detail.version!) : Promise.resolve(null),
      published ? records.query(slug, { _size: '10', _count: 'false' }) : Promise.resolve(null),
    ]);
    const geo = schema['x-geo'];
    const needsLayer = Boolean(geo?.commune || ((geo?.latitude || geo?.geometry) && !ctx.config.mapTilesUrl));
    const layer = needsLayer ? await communesLayer() : null;
    const measure = typeof req.query.indicateur === 'string' ? req.query.indicateur : undefined;
    res.type('html').send(ctx.render('dataset', toDatasetPage(site, {
      detail, schema, versions, current, preview, layer, base: baseUrl(ctx, req), tilesUrl: ctx.config.mapTilesUrl, measure,
    })));
  });

  router.get('/datasets/:slug/table', async (req, res) => {
    const slug = routeParam(req, 'slug');
    const { pairs, changed, incomplete } = canonicalTableQuery(queryPairs(req));
    if (changed && !incomplete) return void res.redirect(303, pageLinks.table(slug, pairs));
    const detail = await datasets.get(slug);
    const { page, problems } = detail.version === null ? { page: null, problems: [] as Problem[] } : await queryRecords(slug, paramsOf(pairs));
    if (incomplete) problems.unshift({ message: `Le filtre sur la colonne « ${incomplete} » n’a pas été ajouté : indiquez une valeur.` });
    const versions = await datasets.versions(slug);
    res.status(problems.length ? 400 : 200).type('html').send(ctx.render('table', toTablePage({
      detail, pairs, page, problems, currentVersion: versions.versions.find((v) => v.status === 'published'), base: baseUrl(ctx, req),
    })));
  });

  async function queryRecords(slug: string, params: Record<string, string | string[]>): Promise<{ page: RecordsPage | null; problems: Problem[] }> {
    try {
      return { page: await records.query(slug, params), problems: [] };
    } catch (error) {
      if (!isCatalogueError(error) || (error.code !== 'bad-request' && error.code !== 'gone')) throw error;
      const problems = error.details.length ? error.details.map((d) => ({ message: d.message })) : [{ message: error.message }];
      return { page: null, problems };
    }
  }

  return router;
}
