import { Router } from 'express';
import { toHomePage } from '../view-models/home-page';
import { toOrganizationPage, toOrganizationsPage } from '../view-models/organization-pages';
import { searchPairs, toSearchPage } from '../view-models/search-page';
import { paramsOf, without } from '../view-models/urls';
import { queryPairs, routeParam, type PagesContext } from './pages-context';

/**
 * Home, search and producers' pages: each one calls the catalogue service that the matching API
 * route calls (`GET /api/v1/datasets`, `/organizations`, `/organizations/{slug}`) with the same
 * parameters, and hands the answer to its view-model.
 */
export function cataloguePagesRouter(ctx: PagesContext): Router {
  const { datasets } = ctx.catalogue;
  const site = ctx.config.site;
  const router = Router();

  router.get('/', async (_req, res) => {
    const [latest, mapped, organizations] = await Promise.all([
      datasets.search({ sort: '-updated', page_size: '6' }),
      datasets.search({ geo: 'true', page_size: '1' }),
      datasets.organizations(),
    ]);
    res.type('html').send(ctx.render('home', toHomePage(site, { latest, mapped, organizations })));
  });

  router.get('/datasets', async (req, res) => {
    const pairs = searchPairs(queryPairs(req));
    const [result, mapped] = await Promise.all([
      datasets.search(paramsOf(pairs)),
      datasets.search({ ...paramsOf(without(pairs, 'geo', 'page', 'page_size', 'sort')), geo: 'true', page_size: '1' }),
    ]);
    res.type('html').send(ctx.render('search', toSearchPage(pairs, result, mapped.total)));
  });

  router.get('/organizations', async (_req, res) => {
    res.type('html').send(ctx.render('organizations', toOrganizationsPage(await datasets.organizations())));
  });

  router.get('/organizations/:slug', async (req, res) => {
    const organization = await datasets.organization(routeParam(req, 'slug'));
    res.type('html').send(ctx.render('organization', toOrganizationPage(organization)));
  });

  return router;
}
